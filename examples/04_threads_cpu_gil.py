"""The same CPU work in threads: the GIL lets one thread run Python at a time.

Compare with 02_process_pool_cpu.py: with threads, adding workers does not make CPU-bound
Python faster (``multiprocessing.dummy`` is the thread version of ``multiprocessing``).
"""
import os
import sys
import time
from multiprocessing.dummy import Pool as ThreadPool

from heavy_function import cpu_heavy

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 40


def main() -> None:
    workers = os.cpu_count() or 2
    begun = time.perf_counter()
    thread_pool = ThreadPool(workers)
    results = thread_pool.map(cpu_heavy, range(TASKS))
    thread_pool.close()
    thread_pool.join()
    print("completed %d tasks in %.2f s with %d threads" % (len(results), time.perf_counter() - begun, workers))


if __name__ == "__main__":
    main()
