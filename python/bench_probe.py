"""Overhead of pooltop_probe: 2,500 tasks of 1 ms through a
ThreadPoolExecutor(max_workers=8), the same script with and without the
probe, interleaved, several rounds, medians.

    python3 python/bench_probe.py [--rounds 9] [--work sleep|cpu|both]

With the probe, events go to a real listening Unix socket whose reader
(a thread of this bench process, not of the measured program) drains and
counts them.  The measured time is taken inside the program, from before
the first submit to after the last result, so interpreter start-up is not
counted.
"""
import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import List

HERE = os.path.dirname(os.path.abspath(__file__))
TASKS = 2500
WORKERS = 8


def _sleep_task(_: int) -> None:
    time.sleep(0.001)


def _cpu_task(_: int) -> int:
    end = time.perf_counter() + 0.001
    n = 0
    while time.perf_counter() < end:
        n += 1
    return n


LOCK_PAIRS = 100_000


def lock_workload() -> None:
    """Acquire/release pairs on one threading.Lock the program created."""
    import threading
    lock = threading.Lock()
    t0 = time.perf_counter_ns()
    for _ in range(LOCK_PAIRS):
        with lock:
            pass
    print(time.perf_counter_ns() - t0)


def workload(kind: str) -> None:
    if kind == "lock":
        lock_workload()
        return
    fn = _sleep_task if kind == "sleep" else _cpu_task
    t0 = time.perf_counter_ns()
    with ThreadPoolExecutor(max_workers=WORKERS) as ex:
        for f in [ex.submit(fn, i) for i in range(TASKS)]:
            f.result()
    print(time.perf_counter_ns() - t0)


class Drain:
    """A listening Unix socket that reads and counts every line.

    ``tick_ms == 0``: the reader blocks in ``recv`` and wakes for every
    write.  ``tick_ms > 0``: the reader drains what has arrived once per
    tick, the way a dashboard reads on its frame clock; then a write does
    not have to wake a sleeping reader.
    """

    def __init__(self, tick_ms: float = 0.0) -> None:
        self.tick = tick_ms / 1000.0
        self.dir = tempfile.mkdtemp(prefix="pooltop-bench-")
        self.path = os.path.join(self.dir, "s")
        self.srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.srv.bind(self.path)
        self.srv.listen(8)
        self.lines = 0
        threading.Thread(target=self._accept, daemon=True).start()

    def close(self) -> None:
        self.srv.close()
        try:
            os.unlink(self.path)
            os.rmdir(self.dir)
        except OSError:
            pass

    def _accept(self) -> None:
        while True:
            conn, _ = self.srv.accept()
            threading.Thread(target=self._read, args=(conn,),
                             daemon=True).start()

    def _read(self, conn: socket.socket) -> None:
        while True:
            if self.tick:
                time.sleep(self.tick)
                try:
                    while True:
                        data = conn.recv(1 << 20, socket.MSG_DONTWAIT)
                        if not data:
                            return
                        self.lines += data.count(b"\n")
                except BlockingIOError:
                    continue
            data = conn.recv(1 << 16)
            if not data:
                return
            self.lines += data.count(b"\n")


def run_once(kind: str, drain: "Drain | None") -> float:
    env = dict(os.environ, PYTHONPATH=HERE)
    env.pop("POOLTOP_SOCKET", None)
    cmd = [sys.executable]
    if drain is not None:
        env["POOLTOP_SOCKET"] = drain.path
        cmd += ["-m", "pooltop_probe"]
    cmd += [os.path.abspath(__file__), "--workload", kind]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True,
                         text=True, timeout=120).stdout
    return int(out.split()[-1]) / 1e6


def bench(kind: str, rounds: int, tick_ms: float) -> None:
    drain = Drain(tick_ms)
    plain: List[float] = []
    probed: List[float] = []
    for r in range(rounds):
        order = [None, drain] if r % 2 == 0 else [drain, None]
        for d in order:
            (plain if d is None else probed).append(run_once(kind, d))
    drain.close()
    a, b = statistics.median(plain), statistics.median(probed)
    if kind == "lock":
        print("lock: %d acquire/release pairs of one threading.Lock, "
              "%d rounds interleaved" % (LOCK_PAIRS, rounds))
        print("  without probe: median %.3f us per pair"
              % (a * 1e3 / LOCK_PAIRS))
        print("  with probe:    median %.3f us per pair (one lock event each)"
              % (b * 1e3 / LOCK_PAIRS))
        return
    print("%s: %d tasks of 1 ms, ThreadPoolExecutor(max_workers=%d), "
          "%d rounds interleaved, reader %s"
          % (kind, TASKS, WORKERS, rounds,
             "drains every %g ms" % tick_ms if tick_ms
             else "blocks in recv (woken per write)"))
    print("  without probe: median %.1f ms  (min %.1f, max %.1f)"
          % (a, min(plain), max(plain)))
    print("  with probe:    median %.1f ms  (min %.1f, max %.1f)"
          % (b, min(probed), max(probed)))
    print("  overhead: %+.1f %%   events drained: %d (%d per run)"
          % ((b / a - 1) * 100, drain.lines, drain.lines // rounds))


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=9)
    p.add_argument("--work", choices=["sleep", "cpu", "lock", "both"],
                   default="both")
    p.add_argument("--reader-tick-ms", type=float, default=None,
                   help="0: reader blocks in recv; N: reader drains every "
                   "N ms (default 0)")
    p.add_argument("--workload", choices=["sleep", "cpu", "lock"],
                   help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.workload:
        workload(args.workload)
        return
    print("python %s" % sys.version.split()[0])
    ticks = ([0.0] if args.reader_tick_ms is None
             else [args.reader_tick_ms])
    kinds = ["sleep", "cpu", "lock"] if args.work == "both" else [args.work]
    for kind in kinds:
        for tick in ticks:
            bench(kind, args.rounds, tick)


if __name__ == "__main__":
    main()
