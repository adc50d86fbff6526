import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor


def square(x):
    return x * x


def whoami(_):
    return os.getpid()


if __name__ == "__main__":
    method = sys.argv[1] if len(sys.argv) > 1 else "fork"
    ctx = multiprocessing.get_context(method)
    with ProcessPoolExecutor(max_workers=2, mp_context=ctx) as ex:
        futs = [ex.submit(square, i) for i in range(6)]
        total = sum(ex.map(square, range(10), chunksize=3))
        pids = set(ex.map(whoami, range(4)))
    print("ok", sum(f.result() for f in futs), total)
    print("pids", " ".join(str(p) for p in sorted(pids)))
