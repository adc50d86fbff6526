import multiprocessing
import os
import sys
import time


def task(x):
    if x == 3:
        time.sleep(0.1)
        os.kill(os.getpid(), 9)
    time.sleep(0.02)
    return x


if __name__ == "__main__":
    ctx = multiprocessing.get_context(sys.argv[1] if len(sys.argv) > 1
                                      else "fork")
    pool = ctx.Pool(2)
    result = pool.map_async(task, range(6), chunksize=1)
    try:
        result.get(timeout=3)
        print("finished")
    except multiprocessing.TimeoutError:
        print("hung")
    pool.terminate()
    pool.join()
