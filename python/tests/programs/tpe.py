import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor


def work(i):
    time.sleep(0.002)
    if i == 7:
        raise ValueError("seven")
    return i * 2


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    with ThreadPoolExecutor(max_workers=4) as ex:
        futs = [ex.submit(work, i) for i in range(n)]
        results = list(ex.map(work, range(100, 110)))
    errors = sum(1 for f in futs if f.exception() is not None)
    print("ok", len(futs), errors, sum(results), threading.active_count())
    sys.exit(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
