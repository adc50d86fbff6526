"""A thread pool on I/O: 500 requests × 5 tasks of 50 ms waiting, through 50 threads.

Threads suit I/O: while one waits, the others run. 2,500 waits of 50 ms take about
2,500 × 0.05 / 50 = 2.5 s, not 125 s.
"""
import sys
import time
from concurrent.futures import ThreadPoolExecutor

from heavy_function import io_heavy

REQUESTS = int(sys.argv[1]) if len(sys.argv) > 1 else 500
FANOUT = 5
WORKERS = 50


def main() -> None:
    begun = time.perf_counter()
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        futures = [pool.submit(io_heavy, request * FANOUT + task)
                   for request in range(REQUESTS) for task in range(FANOUT)]
        done = sum(1 for future in futures if future.result())
    print("completed %d tasks in %.2f s with %d threads" % (done, time.perf_counter() - begun, WORKERS))


if __name__ == "__main__":
    main()
