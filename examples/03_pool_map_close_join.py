"""``multiprocessing.Pool.map`` with ``close()`` and ``join()``, as the seed notes show it.

``map`` hands the inputs out in chunks to the free processes; ``close()`` tells the workers
to leave once the work is done (it does not wait); ``join()`` waits for them.
"""
import os
import sys
import time
from multiprocessing import Pool

from heavy_function import cpu_heavy

TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 40


def main() -> None:
    workers = os.cpu_count() or 2
    begun = time.perf_counter()
    process_pool = Pool(workers)
    output_data = process_pool.map(cpu_heavy, range(TASKS))
    process_pool.close()  # no new work; workers leave when done (non-blocking)
    process_pool.join()   # wait for them (blocking)
    print("completed %d tasks in %.2f s with %d processes" % (len(output_data), time.perf_counter() - begun, workers))


if __name__ == "__main__":
    main()
