"""A shared counter, with and without a ``Lock``: the seed notes' ``ex_object``.

``count += 1`` is a read, an add and a write; two threads can read the same value and one
update is lost. With the lock, every update sticks. Run with ``--no-lock`` to see the race.
"""
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor

USE_LOCK = "--no-lock" not in sys.argv
TASKS = 2_000


class ExObject:
    """The seed notes' object: an id, a count, and a lock that guards the count."""

    def __init__(self, ident: int) -> None:
        self.id = ident
        self.count = 0
        self.lock = threading.Lock()

    def add_to_count(self) -> None:
        if USE_LOCK:
            self.lock.acquire()
        current = self.count
        time.sleep(0.0001)  # the critical section: long enough for another thread to step in
        self.count = current + 1
        if USE_LOCK:
            self.lock.release()


def main() -> None:
    shared = ExObject(1)
    with ThreadPoolExecutor(max_workers=16) as pool:
        for _ in range(TASKS):
            pool.submit(shared.add_to_count)
    lost = TASKS - shared.count
    print("completed %d tasks: counter %d, %d updates lost (lock %s)" % (TASKS, shared.count, lost, "on" if USE_LOCK else "off"))


if __name__ == "__main__":
    main()
