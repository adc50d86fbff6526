import threading
from concurrent.futures import ThreadPoolExecutor

if __name__ == "__main__":
    gate = threading.Event()
    ex = ThreadPoolExecutor(max_workers=1)
    first = ex.submit(gate.wait)
    rest = [ex.submit(abs, -i) for i in range(4)]
    cancelled = [f.cancel() for f in rest[:2]]
    gate.set()
    ex.shutdown()
    try:
        ex.submit(abs, 1)
    except RuntimeError:
        print("rejected")
    print("cancelled", cancelled, [f.result() for f in rest[2:]])
