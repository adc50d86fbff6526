import os
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

running = 0
peak = 0
guard = threading.Lock()


def task(_):
    global running, peak
    with guard:
        running += 1
        peak = max(peak, running)
    time.sleep(0.02)
    with guard:
        running -= 1


if __name__ == "__main__":
    workers = int(sys.argv[2]) if len(sys.argv) > 2 else 8
    with ThreadPoolExecutor(max_workers=workers) as ex:
        ex.submit(task, 0).result()
        if len(sys.argv) > 1:    # pooltop's own test creates this file once it has resized
            deadline = time.monotonic() + 60
            while not os.path.exists(sys.argv[1]) and time.monotonic() < deadline:
                time.sleep(0.05)
        else:
            time.sleep(0.5)      # the collector sends its resize command now
        peak = 0
        list(ex.map(task, range(40)))
    print("peak", peak)
