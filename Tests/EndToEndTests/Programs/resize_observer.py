"""A ThreadPoolExecutor of 8 whose tasks count how many of them run at once.

It runs one task, then waits for the flag file named by its first argument (the test creates it
once pooltop has sent its resize), then runs 200 short tasks and prints the most that ran at once.
"""
import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

running = 0
peak = 0
guard = threading.Lock()


def task(_: int) -> None:
    global running, peak
    with guard:
        running += 1
        peak = max(peak, running)
    time.sleep(0.01)
    with guard:
        running -= 1


if __name__ == "__main__":
    flag = sys.argv[1]
    with ThreadPoolExecutor(max_workers=8) as pool:
        pool.submit(task, 0).result()
        deadline = time.monotonic() + 60
        while not os.path.exists(flag) and time.monotonic() < deadline:
            time.sleep(0.05)
        peak = 0
        list(pool.map(task, range(200)))
    print("peak", peak, flush=True)
