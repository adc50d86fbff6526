"""Overhead of pooltop_probe: 2,500 tasks of 1 ms through a
ThreadPoolExecutor(max_workers=8), the same script with and without the
probe, interleaved, many rounds, medians, one table row per Python.

    python3 python/bench_probe.py [--rounds 21] [--work sleep|cpu|lock|all]
                                  [--pyenv] [--python PATH ...]

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
from typing import Any, Dict, List, Optional

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


def run_once(python: str, kind: str, drain: "Drain | None") -> float:
    env = dict(os.environ, PYTHONPATH=HERE)
    env.pop("POOLTOP_SOCKET", None)
    cmd = [python]
    if drain is not None:
        env["POOLTOP_SOCKET"] = drain.path
        cmd += ["-m", "pooltop_probe"]
    cmd += [os.path.abspath(__file__), "--workload", kind]
    out = subprocess.run(cmd, env=env, check=True, capture_output=True,
                         text=True, timeout=120).stdout
    return int(out.split()[-1]) / 1e6


def version_of(python: str) -> str:
    return subprocess.run(
        [python, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])"],
        check=True, capture_output=True, text=True).stdout.strip()


def pyenv_pythons() -> List[str]:
    """CPython 3.9 - 3.13 under ``pyenv root``, oldest first."""
    try:
        root = subprocess.run(["pyenv", "root"], check=True,
                              capture_output=True, text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return []
    found = []
    for name in os.listdir(os.path.join(root, "versions")):
        parts = name.split(".")
        if (len(parts) == 3 and all(p.isdigit() for p in parts)
                and (3, 9) <= (int(parts[0]), int(parts[1])) <= (3, 13)):
            exe = os.path.join(root, "versions", name, "bin", "python3")
            if os.path.exists(exe):
                found.append((tuple(int(p) for p in parts), exe))
    return [exe for _, exe in sorted(found)]


def reader_name(tick_ms: float) -> str:
    return "drains every %g ms" % tick_ms if tick_ms else "blocks in recv"


def bench(kind: str, pythons: List[str], rounds: int,
          ticks: List[float]) -> None:
    """Interleaved rounds: in each round every interpreter runs the
    program once without the probe and once with it per reader (the order
    reversed every other round), so slow phases of a shared machine hit
    all columns alike."""
    versions = [version_of(p) for p in pythons]
    drains = [Drain(t) for t in ticks]
    plain: Dict[str, List[float]] = {p: [] for p in pythons}
    probed: Dict[Any, List[float]] = {}
    lines: Dict[Any, int] = {}
    for p in pythons:
        for d in drains:
            probed[p, d] = []
            lines[p, d] = 0
    for r in range(rounds):
        for p in pythons:
            order: List[Optional[Drain]] = [None, *drains]
            for d in (order if r % 2 == 0 else order[::-1]):
                if d is None:
                    plain[p].append(run_once(p, kind, None))
                    continue
                before = d.lines
                probed[p, d].append(run_once(p, kind, d))
                time.sleep(0.05)   # the reader counts the last lines
                lines[p, d] += d.lines - before
    for d in drains:
        d.close()
    if kind == "lock":
        print("lock: %d acquire/release pairs of one threading.Lock, "
              "%d rounds interleaved, medians" % (LOCK_PAIRS, rounds))
        print("| Python | reader | without probe | with probe "
              "(one event per pair) |")
        print("|---|---|---|---|")
        for p, v in zip(pythons, versions):
            a = statistics.median(plain[p])
            for d in drains:
                b = statistics.median(probed[p, d])
                print("| %s | %s | %.3f us per pair | %.3f us per pair |"
                      % (v, reader_name(d.tick * 1000), a * 1e3 / LOCK_PAIRS,
                         b * 1e3 / LOCK_PAIRS))
        return
    print("%s: %d tasks of 1 ms, ThreadPoolExecutor(max_workers=%d), "
          "%d rounds interleaved, medians"
          % (kind, TASKS, WORKERS, rounds))
    print("| Python | reader | without probe | with probe | overhead | "
          "lines per run |")
    print("|---|---|---|---|---|---|")
    for p, v in zip(pythons, versions):
        a = statistics.median(plain[p])
        for d in drains:
            b = statistics.median(probed[p, d])
            print("| %s | %s | %.1f ms | %.1f ms | %+.1f %% | %d |"
                  % (v, reader_name(d.tick * 1000), a, b, (b / a - 1) * 100,
                     lines[p, d] // rounds))
    sys.stdout.flush()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=21)
    p.add_argument("--work", choices=["sleep", "cpu", "lock", "all"],
                   default="sleep")
    p.add_argument("--python", action="append", default=[],
                   help="interpreter to measure (repeatable; default: the "
                   "one running this script)")
    p.add_argument("--pyenv", action="store_true",
                   help="measure every CPython 3.9 - 3.13 under pyenv root")
    p.add_argument("--reader-tick-ms", default="0",
                   help="comma-separated readers to measure, each in the "
                   "same rounds: 0 = blocks in recv, woken per write (the "
                   "default, as pooltop reads); N = drains every N ms")
    p.add_argument("--workload", choices=["sleep", "cpu", "lock"],
                   help=argparse.SUPPRESS)
    args = p.parse_args()
    if args.workload:
        workload(args.workload)
        return
    pythons = list(args.python)
    if args.pyenv:
        pythons += pyenv_pythons()
    if not pythons:
        pythons = [sys.executable]
    kinds = ["sleep", "cpu", "lock"] if args.work == "all" else [args.work]
    for kind in kinds:
        bench(kind, pythons, args.rounds,
              [float(t) for t in args.reader_tick_ms.split(",")])


if __name__ == "__main__":
    main()
