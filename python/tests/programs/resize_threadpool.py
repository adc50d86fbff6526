"""A ThreadPool (or multiprocessing.dummy.Pool) that pooltop resizes.

    resize_threadpool.py threadpool|dummy WORKERS

The collector sends its resize when it sees the pool; the first apply()
after 0.5 s is the hook point that reads it.  An observer inside the tasks
records how many run at once.
"""
import sys
import threading
import time
from multiprocessing.dummy import Pool as DummyPool
from multiprocessing.pool import ThreadPool

running = 0
peak = 0
guard = threading.Lock()


def task(_):
    global running, peak
    with guard:
        running += 1
        peak = max(peak, running)
    time.sleep(0.03)
    with guard:
        running -= 1


if __name__ == "__main__":
    kind, workers = sys.argv[1], int(sys.argv[2])
    pool = ThreadPool(workers) if kind == "threadpool" else DummyPool(workers)
    time.sleep(0.5)              # the collector sends its resize command now
    pool.apply(task, (0,))       # hook point: the command is applied here
    time.sleep(0.3)              # a grown pool starts its new threads
    peak = 0
    pool.map(task, range(60), chunksize=1)
    print("peak", peak, "threads", len(pool._pool))
    pool.close()
    pool.join()
