import multiprocessing
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def task(x):
    if x == 3:
        time.sleep(0.2)
        os.kill(os.getpid(), 9)
    time.sleep(0.05)
    return x


if __name__ == "__main__":
    ctx = multiprocessing.get_context(sys.argv[1] if len(sys.argv) > 1
                                      else "fork")
    ex = ProcessPoolExecutor(max_workers=2, mp_context=ctx)
    futs = [ex.submit(task, i) for i in range(8)]
    broken = 0
    for f in futs:
        try:
            f.result(timeout=15)
        except BrokenProcessPool:
            broken += 1
    ex.shutdown()
    print("broken", broken)
