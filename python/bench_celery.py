"""pooltop's burst into a Celery cluster against Celery's own group().

    python3 python/bench_celery.py [--tasks 2500] [--cost-ms 10]
        [--workers 2] [--concurrency 25] [--rounds 3]

Starts redis-server on a free loopback port and ``--workers`` Celery
workers of ``--concurrency`` prefork processes each (Celery's own command
line), and the bridge (``--watch``) connected to a listening socket that
stands in for pooltop.  Each round sends the same ``--tasks`` tasks of
``pooltop.io(cost_ms)`` three ways, in an order that rotates per round:

* ``bridge send``: one ``send`` command to the bridge (``app.send_task``
  per task on one producer), as pooltop's burst does;
* ``group (sent events on)``: ``group(...).apply_async()`` with
  pooltop_celery.app as configured (``task_send_sent_event=True``);
* ``group (sent events off)``: the same with ``task_send_sent_event``
  off, which is what the bridge's own sending uses.

Wall time runs from just before the send to the last ``finish`` the bridge
reports (the worker's own timestamp of ``task-succeeded``); efficiency is
the ideal time (tasks x cost / total processes) over the wall time.
Dispatch cost per task: the bridge's ``dispatched.per_task_ns`` and the
time ``apply_async()`` takes / tasks.  Needs redis-server and
celery[redis]; stops everything it started.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time
from typing import Any, Dict, List, Set, Tuple

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

from tests.celery_cluster import (PYTHON_DIR, CeleryCluster,  # noqa: E402
                                  missing, progress)
from tests.collector import Collector  # noqa: E402

Result = Tuple[float, float]        # wall s, dispatch ns per task


class Finishes:
    """``finish`` events by task, kept as they arrive (no rescans)."""

    def __init__(self, c: Collector) -> None:
        self.t: Dict[str, int] = {}
        self.bad: List[Dict[str, Any]] = []
        c.on_event = self.on_event

    def on_event(self, c: Collector, ev: Dict[str, Any]) -> None:
        if ev["e"] == "finish":
            self.t[ev["task"]] = ev["t"]
            if ev["outcome"] != "ok":
                self.bad.append(ev)

    def wait(self, ids: Set[str], timeout: float) -> int:
        """The largest finish ``t`` among ``ids`` once all finished."""
        deadline = time.monotonic() + timeout
        while True:
            done = [self.t[i] for i in ids if i in self.t]
            if len(done) == len(ids):
                if self.bad:
                    raise RuntimeError("tasks failed: %s" % self.bad[:3])
                return max(done)
            if time.monotonic() > deadline:
                raise RuntimeError("only %d of %d tasks finished"
                                   % (len(done), len(ids)))
            time.sleep(0.05)


def via_bridge(c: Collector, f: Finishes, pid: int, n: int, cost: float,
               tag: str) -> Result:
    tasks = [{"task": "%s.%d" % (tag, i), "kind": "io", "cost_ms": cost,
              "counter": ""} for i in range(n)]
    ids = {str(t["task"]) for t in tasks}
    before = len(c.of("dispatched"))
    t0 = time.monotonic_ns()
    c.send(pid, {"c": "send", "tasks": tasks})
    last = f.wait(ids, 300)
    dispatched = c.of("dispatched")[before]
    return (last - t0) / 1e9, dispatched["per_task_ns"]


def via_group(f: Finishes, n: int, cost: float, sent_events: bool
              ) -> Result:
    from celery import group
    from pooltop_celery.app import app
    from pooltop_celery.tasks import io
    app.conf.task_send_sent_event = sent_events
    sig = group(io.s(cost, counter="") for _ in range(n))
    t0 = time.monotonic_ns()
    res = sig.apply_async()
    t1 = time.monotonic_ns()
    ids = {str(r.id) for r in res.results}
    last = f.wait(ids, 300)
    return (last - t0) / 1e9, (t1 - t0) / n


def idle_dispatch(n: int, cost: float) -> float:
    """ns per ``app.send_task`` (one producer) onto a queue no worker
    reads, with the cluster idle: Celery's own cost, without contention."""
    from pooltop_celery.app import app
    import redis
    app.conf.task_send_sent_event = False
    t0 = time.monotonic_ns()
    with app.producer_or_acquire() as producer:
        for i in range(n):
            app.send_task("pooltop.io", kwargs={"cost_ms": cost,
                                                "counter": ""},
                          task_id="idle.%d" % i, queue="pooltop-idle",
                          producer=producer)
    ns = (time.monotonic_ns() - t0) / n
    client = redis.Redis.from_url(app.conf.broker_url)
    client.delete("pooltop-idle")
    client.close()
    return ns


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--tasks", type=int, default=2500)
    p.add_argument("--cost-ms", type=float, default=10.0)
    p.add_argument("--workers", type=int, default=2)
    p.add_argument("--concurrency", type=int, default=25)
    p.add_argument("--rounds", type=int, default=3)
    args = p.parse_args()
    why = missing()
    if why:
        sys.stderr.write("bench_celery: %s\n" % why)
        return 2
    names = [chr(ord("a") + i) for i in range(args.workers)]
    slots = args.workers * args.concurrency
    ideal = args.tasks * args.cost_ms / 1000.0 / slots
    methods = ["bridge send", "group (sent events on)",
               "group (sent events off)"]
    results: Dict[str, List[Result]] = {m: [] for m in methods}
    c = Collector()
    f = Finishes(c)
    bridge = None
    idle = 0.0
    try:
        with CeleryCluster(nodes=names, concurrency=args.concurrency,
                           heartbeat=2, visibility_timeout=300) as cluster:
            os.environ["POOLTOP_BROKER"] = cluster.broker
            env = dict(os.environ, POOLTOP_SOCKET=c.path,
                       PYTHONPATH=PYTHON_DIR)
            bridge = subprocess.Popen(
                [sys.executable, "-m", "pooltop_probe.celery_bridge",
                 "--broker", cluster.broker, "--watch"], env=env,
                start_new_session=True)
            while not c.of("pool") or bridge.pid not in c.conns:
                if bridge.poll() is not None:
                    raise RuntimeError("the bridge exited")
                time.sleep(0.05)
            total = c.of("pool")[0]["workers"]
            progress("bridge up; %d processes in %d workers"
                     % (total, args.workers))
            via_bridge(c, f, bridge.pid, 200, args.cost_ms, "warm")
            via_group(f, 200, args.cost_ms, True)
            for r in range(args.rounds):
                order = methods[r % 3:] + methods[:r % 3]
                for m in order:
                    time.sleep(1.0)
                    if m == "bridge send":
                        res = via_bridge(c, f, bridge.pid, args.tasks,
                                         args.cost_ms, "b%d" % r)
                    else:
                        res = via_group(f, args.tasks, args.cost_ms,
                                        m.endswith("on)"))
                    results[m].append(res)
                    progress("round %d %-24s wall %.3f s  dispatch %.0f µs"
                             "/task" % (r + 1, m, res[0], res[1] / 1e3))
            time.sleep(1.0)
            idle = idle_dispatch(args.tasks, args.cost_ms)
            c.send(bridge.pid, {"c": "stop"})
            bridge.wait(10)
    finally:
        if bridge is not None and bridge.poll() is None:
            bridge.kill()
            bridge.wait()
        c.close()
    print("%d tasks of io:%gms into %d workers x %d processes; ideal %.3f s"
          " (tasks x cost / %d); %d rounds, medians"
          % (args.tasks, args.cost_ms, args.workers, args.concurrency,
             ideal, slots, args.rounds))
    print("| how | wall: median (min – max) | efficiency | dispatch per "
          "task (median) |")
    print("|---|---|---|---|")
    for m in methods:
        wall = statistics.median(r[0] for r in results[m])
        disp = statistics.median(r[1] for r in results[m])
        lo = min(r[0] for r in results[m])
        hi = max(r[0] for r in results[m])
        print("| %s | %.3f s (%.3f – %.3f) | %.0f %% | %.0f µs |"
              % (m, wall, lo, hi, 100 * ideal / wall, disp / 1e3))
    print("app.send_task alone, cluster idle, queue nobody reads: %.0f µs"
          " per task" % (idle / 1e3))
    return 0


if __name__ == "__main__":
    sys.exit(main())
