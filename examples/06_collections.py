"""The seeds' ``collections`` types at work around a pool.

A ``deque`` is the work queue (``popleft`` takes the oldest), results come back as
``namedtuple`` values, a ``Counter`` tallies them, a ``defaultdict(list)`` groups them and an
``OrderedDict`` keeps the order they finished in.
"""
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple
from concurrent.futures import ThreadPoolExecutor, as_completed

from heavy_function import io_heavy

Result = namedtuple("Result", ["id", "size", "seconds"])


def main() -> None:
    work = deque(range(60))
    finished = OrderedDict()
    with ThreadPoolExecutor(max_workers=8) as pool:
        futures = []
        while work:
            futures.append(pool.submit(io_heavy, work.popleft(), 0.02))
        for future in as_completed(futures):
            result = Result(*future.result())
            finished[result.id] = result
    sizes = Counter(result.size for result in finished.values())
    by_parity = defaultdict(list)
    for result in finished.values():
        by_parity["even" if result.id % 2 == 0 else "odd"].append(result.id)
    print("completed %d tasks; sizes %s; %d even, %d odd; first to finish: %d"
          % (len(finished), dict(sizes), len(by_parity["even"]), len(by_parity["odd"]), next(iter(finished))))


if __name__ == "__main__":
    main()
