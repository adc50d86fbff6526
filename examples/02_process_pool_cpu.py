"""A process pool on CPU: prime counting in worker processes, one per core.

Processes suit CPU work in Python: each has its own interpreter and its own GIL, so
the cores really work in parallel.
"""
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor

from heavy_function import cpu_heavy

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 40


def main() -> None:
    workers = os.cpu_count() or 2
    begun = time.perf_counter()
    with ProcessPoolExecutor(max_workers=workers) as pool:
        results = list(pool.map(cpu_heavy, range(TASKS)))
    print("completed %d tasks in %.2f s with %d processes" % (len(results), time.perf_counter() - begun, workers))


if __name__ == "__main__":
    main()
