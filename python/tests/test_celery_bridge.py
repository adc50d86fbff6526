"""The Celery bridge against a real redis-server and real Celery workers.

Skipped, with the reason, where redis-server or celery[redis] is missing
(the probe's tests still run).  Run from the repository root:
    python3 -m unittest discover -s python/tests -t python
"""
import collections
import importlib.util
import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import unittest
from typing import Any, Callable, Dict, List

from .celery_cluster import PYTHON_DIR, CeleryCluster, free_port, missing
from .collector import Collector

MISSING = missing()
HAVE_CELERY = importlib.util.find_spec("celery") is not None
COUNTER = "pooltop:test-counter"


def burst(requests: int, fanout: int, **spec: Any) -> List[Dict[str, Any]]:
    return [dict(spec, task="r%d.%d" % (r, i))
            for r in range(requests) for i in range(fanout)]


class Bridge:
    """The bridge as pooltop runs it: a child process connected to a
    listening socket (the collector), commands sent back on it."""

    def __init__(self, broker: str, *args: str) -> None:
        self.c = Collector()
        env = dict(os.environ, POOLTOP_SOCKET=self.c.path,
                   PYTHONPATH=PYTHON_DIR)
        self.err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "pooltop_probe.celery_bridge",
             "--broker", broker, "--counter", COUNTER] + list(args),
            env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=self.err, start_new_session=True)
        self.pid = self.proc.pid

    def wait(self, what: str, pred: Callable[[], bool],
             timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while not pred():
            if time.monotonic() > deadline:
                raise AssertionError(
                    "timed out after %.0f s waiting for %s; events: %s; "
                    "unfinished: %s; bridge stderr: %s"
                    % (timeout, what, self.summary(), self.unfinished(),
                       self.stderr()[-2000:]))
            if self.proc.poll() is not None and not pred():
                raise AssertionError("bridge exited (%s) while waiting for "
                                     "%s: %s" % (self.proc.returncode, what,
                                                 self.stderr()))
            time.sleep(0.02)

    def unfinished(self) -> str:
        """The events of (up to 5) submitted tasks without a finish."""
        done = {e["task"] for e in self.of("finish")}
        left = [e["task"] for e in self.of("submit")
                if e["task"] not in done][:5]
        with self.c.lock:
            evs = [e for e in self.c.events if e.get("task") in left]
        return str([(e["e"], e["task"], e.get("w")) for e in evs])

    def summary(self) -> str:
        return str(collections.Counter(e["e"] for e in self.c.events))

    def stderr(self) -> str:
        self.err.seek(0)
        return self.err.read().decode(errors="replace")

    def start(self) -> None:
        self.wait("the pool event", lambda: bool(self.c.of("pool")))
        self.wait("the receiver", lambda: self.pid in self.c.conns)

    def send(self, cmd: Dict[str, Any]) -> None:
        self.c.send(self.pid, cmd)

    def of(self, kind: str, **match: Any) -> List[Dict[str, Any]]:
        return [e for e in self.c.of(kind)
                if all(e.get(k) == v for k, v in match.items())]

    def stop(self) -> int:
        if self.proc.poll() is None:
            try:
                self.send({"c": "stop"})
                self.proc.wait(10)
            except (OSError, KeyError, subprocess.TimeoutExpired):
                pass
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)
        self.c.close()
        self.err.close()
        return self.proc.returncode


def redis_get(cluster: CeleryCluster, key: str) -> int:
    import redis
    client = redis.Redis.from_url(cluster.broker)
    try:
        return int(client.get(key) or 0)
    finally:
        client.close()


def inspect_total(cluster: CeleryCluster) -> int:
    from celery import Celery
    app = Celery("pooltop-test", broker=cluster.broker)
    try:
        stats = app.control.inspect(timeout=1.0).stats() or {}
    finally:
        app.close()
    return sum(len(s["pool"]["processes"]) for s in stats.values())


@unittest.skipIf(MISSING, "Celery tests skipped: %s" % MISSING)
class CeleryBridgeTest(unittest.TestCase):
    nodes = ("a", "b")
    pool = "prefork"

    def setUp(self) -> None:
        self.cluster = CeleryCluster(nodes=self.nodes, concurrency=2,
                                     heartbeat=1, visibility_timeout=5,
                                     pool=self.pool)
        self.addCleanup(self.cluster.stop)
        self.cluster.start()
        self.b = Bridge(self.cluster.broker)
        self.addCleanup(self.b.stop)
        self.b.start()
        # A worker slow to answer the bridge's first inspect shows up at
        # its next heartbeat.
        self.b.wait("every worker's processes", lambda: len(
            self.b.of("wstart")) == 2 * len(self.nodes), 10)

    # -- checks -----------------------------------------------------------

    def check_wire(self) -> None:
        c = self.b.c
        self.assertEqual(c.bad_lines, [])
        self.assertEqual(c.events[0]["e"], "hello")
        hello = c.events[0]
        self.assertEqual(hello["schema"], "pooltop.events/1")
        self.assertEqual(hello["role"], "celery")
        self.assertEqual(hello["broker"], self.cluster.broker)
        for ev in c.events:
            self.assertEqual(ev["pid"], hello["pid"], ev)
            self.assertIsInstance(ev["t"], int)

    def run_burst(self, tasks: List[Dict[str, Any]],
                  timeout: float = 60.0) -> None:
        self.b.send({"c": "reset", "key": COUNTER})
        self.b.wait("the counter reset",
                    lambda: bool(self.b.of("counter", actual=0)))
        self.b.send({"c": "send", "tasks": tasks})
        self.b.wait("%d finish events" % len(tasks),
                    lambda: len(self.b.of("finish")) >= len(tasks),
                    timeout)

    def check_tasks(self, tasks: List[Dict[str, Any]]) -> None:
        """Each task submitted once, finished once with "ok", started on
        a slot that exists; never more busy slots than the pool has."""
        ids = {t["task"] for t in tasks}
        count = collections.Counter
        subs = count(e["task"] for e in self.b.of("submit"))
        fins = count(e["task"] for e in self.b.of("finish"))
        self.assertEqual(set(subs), ids)
        self.assertEqual(set(subs.values()), {1})
        self.assertEqual(set(fins), ids)
        self.assertEqual(set(fins.values()), {1})
        self.assertEqual({e["outcome"] for e in self.b.of("finish")},
                         {"ok"})
        self.assertEqual(len(self.b.of("dispatched")), 1)
        self.assertEqual(self.b.of("dispatched")[0]["n"], len(tasks))
        busy: Dict[str, str] = {}
        slots = set()
        total = self.b.of("pool")[0]["workers"]
        peak = 0
        for ev in self.b.c.events:
            if ev["e"] == "wstart":
                slots.add(ev["w"])
            elif ev["e"] == "wexit":
                slots.discard(ev["w"])
            elif ev["e"] == "resized":
                total = ev["workers"]
            elif ev["e"] == "start":
                self.assertIn(ev["w"], slots, ev)
                self.assertNotIn(ev["w"], busy, ev)
                busy[ev["w"]] = ev["task"]
                peak = max(peak, len(busy))
                self.assertLessEqual(len(busy), total)
            elif ev["e"] in ("finish", "fail") and ev.get("w") in busy:
                if busy[ev["w"]] == ev["task"]:
                    del busy[ev["w"]]
        self.assertGreater(peak, 1)

    # -- tests ------------------------------------------------------------

    def test_hello_pool_nodes_and_slots(self) -> None:
        self.check_wire()
        pool = self.b.of("pool")[0]
        self.assertEqual((pool["pool"], pool["kind"], pool["site"]),
                         ("celery", "celery", self.cluster.broker))
        totals = [pool["workers"]] + [e["workers"]
                                      for e in self.b.of("resized")]
        self.assertEqual(totals[-1], 4)
        nodes = {e["node"]: e for e in self.b.of("node")}
        self.assertEqual(set(nodes), {self.cluster.node(n)
                                      for n in self.nodes})
        for n in nodes.values():
            self.assertEqual((n["state"], n["concurrency"], n["impl"],
                              n["autoscale"]),
                             ("online", 2, "prefork", False))
        labels = sorted(e["w"] for e in self.b.of("wstart"))
        host = self.cluster.host
        self.assertEqual(labels, ["%s/%s #%d" % (host, n, i)
                                  for n in self.nodes for i in (1, 2)])

    def test_lock_keeps_the_counter_exact(self) -> None:
        tasks = burst(100, 5, kind="io", cost_ms=10, lock=True, cs_ms=0.2)
        self.run_burst(tasks)
        self.check_wire()
        self.check_tasks(tasks)
        self.assertEqual(redis_get(self.cluster, COUNTER), 500)
        self.b.wait("counter 500",
                    lambda: bool(self.b.of("counter", actual=500)), 5)
        fins = self.b.of("finish")
        self.assertTrue(all(isinstance(e["wait"], int) and e["wait"] >= 0
                            and isinstance(e["hold"], int)
                            and e["hold"] >= 200_000 for e in fins))
        pids = {e["wpid"] for e in self.b.of("wstart")}
        self.assertLessEqual({e["wpid"] for e in fins}, pids)
        self.assertTrue(self.b.of("queue"))

    def test_without_lock_updates_are_lost(self) -> None:
        tasks = burst(100, 5, kind="io", cost_ms=10, lock=False, cs_ms=5)
        self.run_burst(tasks)
        self.check_tasks(tasks)
        actual = redis_get(self.cluster, COUNTER)
        self.assertLess(actual, 500)
        self.assertGreater(actual, 0)
        self.assertTrue(all(e["wait"] is None for e in self.b.of("finish")))

    def test_resize_grows_and_shrinks_the_workers_pools(self) -> None:
        self.b.send({"c": "resize", "workers": 6})
        self.b.wait("resized", lambda: bool(self.b.of("resized",
                                                      c="resize")))
        reply = self.b.of("resized", c="resize")[0]
        self.assertEqual((reply["workers"], reply["was"]), (6, 4))
        self.assertEqual(inspect_total(self.cluster), 6)
        starts = self.b.of("wstart")
        self.assertEqual(len(starts), 6)
        self.assertEqual(collections.Counter(e["node"] for e in starts),
                         {self.cluster.node(n): 3 for n in self.nodes})
        # Bursts run on the new processes too.
        tasks = burst(20, 5, kind="cpu", cost_ms=2)
        self.run_burst(tasks)
        self.check_tasks(tasks)
        self.b.send({"c": "resize", "workers": 3})
        self.b.wait("second resized",
                    lambda: len(self.b.of("resized", c="resize")) == 2)
        self.assertEqual(self.b.of("resized", c="resize")[1]["workers"], 3)
        self.assertEqual(inspect_total(self.cluster), 3)
        self.assertEqual(len(self.b.of("wexit")), 3)
        for bad in (0, 1, "x"):     # each worker keeps one process
            self.b.send({"c": "resize", "workers": bad})
        self.b.wait("refusals", lambda: len(self.b.of("refused")) == 3)
        self.assertEqual(inspect_total(self.cluster), 3)

    def test_killed_pool_process_tasks_are_delivered_again(self) -> None:
        # 40 ms tasks, 15 s of work for the 4 processes: the queue stays
        # deep through every try below, so the process killed (one that
        # runs a task now) is mid-task, and a later try still finds a busy
        # one (a CI run whose burst held 5 s of work ran out of busy
        # processes after tries whose kills had missed or whose loss Celery
        # reported late).
        tasks = burst(300, 5, kind="io", cost_ms=40, lock=True, cs_ms=0.2)
        self.b.send({"c": "send", "tasks": tasks})
        self.b.wait("the dispatch", lambda: bool(self.b.of("dispatched")))
        # A process busy when `inspect active` answered may have finished
        # its 40 ms task by the time the signal lands, and Celery may take
        # a while to report the loss on a loaded machine: kill busy ones
        # until one dies under a task (one, nearly always), three seconds
        # a try. Never the same process twice (`inspect active` lists a
        # killed one until its master notices), and only processes the
        # bridge has seen start: a replacement killed before the bridge's
        # next inspect never shows, so neither does its exit (CI failures:
        # 1 exit for 2 "victims", 2 for 3).
        # When no process is busy any more after a kill (the burst drained
        # while Celery was slow to report), that kill's loss is waited for
        # below instead of failing here.
        victims: List[int] = []
        for _ in range(5):
            try:
                victims.append(self.cluster.busy_pid(
                    "a", excluding=victims, timeout=15,
                    among=lambda: [e["wpid"] for e in self.b.of("wstart")]))
            except RuntimeError:
                if not victims:
                    raise
                break
            os.kill(victims[-1], signal.SIGKILL)
            deadline = time.monotonic() + 3
            while not self.b.of("fail", outcome="lost") \
                    and time.monotonic() < deadline:
                time.sleep(0.05)
            if self.b.of("fail", outcome="lost"):
                break
        self.b.wait("a task lost with a killed process",
                    lambda: bool(self.b.of("fail", outcome="lost")), 60)
        self.b.wait("%d finish events" % len(tasks),
                    lambda: len(self.b.of("finish")) >= len(tasks), 120)
        self.check_tasks(tasks)
        lost = self.b.of("fail", outcome="lost")
        again = self.b.of("redelivered")
        self.assertGreaterEqual(len(again), 1)
        self.assertEqual({e["task"] for e in lost},
                         {e["task"] for e in again})
        self.assertEqual(len({e["task"] for e in again}), len(again))
        for ev in lost:
            self.assertTrue(ev["w"].startswith("%s/a #" % self.cluster.host))
        # The dead process leaves the slots, its replacement arrives (at
        # the latest at the periodic inspect after the burst).
        self.b.wait("the replacement processes", lambda: len(
            self.b.of("wstart")) == 4 + len(victims)
            and len(self.b.of("wexit")) == len(victims), 15)
        reasons = " ".join(e["reason"] for e in self.b.of("wexit"))
        for victim in victims:
            self.assertIn("process %d left" % victim, reasons)
        for e in self.b.of("wstart")[4:]:
            self.assertEqual(e["node"], self.cluster.node("a"))

    def test_killed_worker_goes_offline_and_its_tasks_come_back(self) -> None:
        # 40 ms tasks: the queue stays deep after the dispatch, so b runs
        # tasks when it is killed.
        tasks = burst(100, 5, kind="io", cost_ms=40, lock=True, cs_ms=0.2)
        self.b.send({"c": "send", "tasks": tasks})
        self.b.wait("the dispatch", lambda: bool(self.b.of("dispatched")))
        self.cluster.busy_pid("b")
        dead = self.cluster.node("b")
        t_kill = time.monotonic_ns()
        self.cluster.kill_node("b")
        # Judged below in the worker's own heartbeats; the wait only has
        # to outlast two of the slowest interval seen (5 s on a loaded run).
        self.b.wait("b offline", lambda: bool(self.b.of(
            "node", node=dead, state="offline")), 30)
        offline = self.b.of("node", node=dead, state="offline")[0]
        # Celery's rule: offline two heartbeat intervals after the last
        # heartbeat (the interval the worker itself announces; 1 s asked,
        # but a loaded machine's workers have said 5), plus the 200 ms
        # check: the gap is judged in heartbeats, not in wall time.
        m = re.search(r"no heartbeat for ([\d.]+) s \(expected every "
                      r"([\d.]+) s\)", offline.get("reason", ""))
        self.assertIsNotNone(m, offline)
        silent, every = float(m.group(1)), float(m.group(2))
        self.assertLessEqual(silent, 2 * every + 1.0, offline)
        self.assertLess((offline["t"] - t_kill) / 1e9, 2 * every + 1.5,
                        (offline, self.b.of("broker")))
        # Redis gives a dead worker's messages back after the visibility
        # timeout, when a live worker next scans; on a loaded machine one
        # has taken minutes (known, not understood: see python/README.md).
        self.b.wait("500 finish events",
                    lambda: len(self.b.of("finish")) >= 500, 330)
        self.check_tasks(tasks)
        lost = {e["task"] for e in self.b.of("fail", outcome="lost")}
        again = [e["task"] for e in self.b.of("redelivered")]
        # What comes back is what counts: the messages b held are
        # redelivered. The bridge can only call "lost" the tasks it heard
        # start on b; a SIGKILLed worker's last task-started events can
        # die in its event buffer unsent, so lost may be empty even then.
        self.assertGreaterEqual(len(again), 1)
        self.assertLessEqual(lost, set(again))
        self.assertEqual(len(set(again)), len(again))
        exits = self.b.of("wexit")
        self.assertEqual(sorted(e["w"] for e in exits),
                         ["%s/b #1" % self.cluster.host,
                          "%s/b #2" % self.cluster.host])
        resized = self.b.of("resized")
        self.assertEqual(resized[-1]["workers"], 2)

    def test_broker_lost_and_back(self) -> None:
        port = self.cluster.port
        redis_proc = self.cluster.redis
        assert redis_proc is not None
        redis_proc.terminate()
        redis_proc.wait(10)
        self.b.wait("broker lost", lambda: bool(self.b.of(
            "broker", state="lost")), 10)
        self.cluster.start_redis(port=port)
        self.b.wait("broker back", lambda: bool(self.b.of(
            "broker", state="back")), 15)
        self.cluster.wait_workers(self.nodes, 30)

        def all_online() -> bool:
            last = {e["node"]: e["state"] for e in self.b.of("node")}
            return set(last.values()) == {"online"}
        self.b.wait("the workers online again", all_online, 15)
        tasks = burst(10, 5, kind="io", cost_ms=10)
        self.b.send({"c": "send", "tasks": tasks})
        self.b.wait("50 finish events",
                    lambda: len(self.b.of("finish")) >= 50, 30)
        self.check_tasks(tasks)
        # A worker that loses the broker says worker-offline (its event
        # consumer restarts) and comes back online by itself.
        self.assertTrue(all_online())
        self.assertEqual(self.b.of("resized")[-1]["workers"]
                         if self.b.of("resized") else 4, 4)


@unittest.skipIf(MISSING, "Celery tests skipped: %s" % MISSING)
class CeleryThreadsPoolTest(unittest.TestCase):
    def test_threads_pool_refuses_resize_with_celerys_reason(self) -> None:
        with CeleryCluster(nodes=("t",), concurrency=3, pool="threads"
                           ) as cluster:
            b = Bridge(cluster.broker)
            try:
                b.start()
                b.wait("the worker's threads",
                       lambda: len(b.of("wstart")) == 3, 10)
                node = b.of("node")[0]
                self.assertEqual((node["impl"], node["concurrency"]),
                                 ("threads", 3))
                self.assertEqual(len(b.of("wstart")), 3)
                b.send({"c": "resize", "workers": 4})
                b.wait("refused", lambda: bool(b.of("refused")))
                reason = b.of("refused")[0]["reason"]
                self.assertIn("threads pool", reason)
                self.assertIn("grow", reason)      # Celery's own text
                tasks = burst(10, 5, kind="io", cost_ms=10)
                b.send({"c": "send", "tasks": tasks})
                b.wait("50 finish events",
                       lambda: len(b.of("finish")) >= 50, 30)
            finally:
                self.assertEqual(b.stop(), 0)


@unittest.skipUnless(HAVE_CELERY, "celery is not installed for %s"
                     % sys.executable)
class BrokerUnreachableTest(unittest.TestCase):
    def test_unreachable_broker_exits_1_naming_the_url(self) -> None:
        url = "redis://127.0.0.1:%d/0" % free_port()
        b = Bridge(url)
        try:
            rc = b.proc.wait(30)
            err = b.stderr()
            self.assertEqual(rc, 1)
            self.assertIn("pooltop: cannot reach the Celery broker at %s: "
                          % url, err)
            time.sleep(0.2)
            self.assertEqual([e["e"] for e in b.c.events],
                             ["hello", "error"])
            self.assertIn(url, b.c.events[1]["reason"])
        finally:
            b.stop()


@unittest.skipIf(HAVE_CELERY, "celery is installed (this checks the "
                 "message without it)")
class WithoutCeleryTest(unittest.TestCase):
    def test_says_what_to_install(self) -> None:
        b = Bridge("redis://127.0.0.1:1/0")
        try:
            rc = b.proc.wait(30)
            err = b.stderr()
            self.assertEqual(rc, 1)
            self.assertIn("pip install 'celery[redis]'", err)
            time.sleep(0.2)
            self.assertEqual(b.c.events[-1]["e"], "error")
            self.assertIn(b.c.events[-1]["missing"], ("celery", "kombu",
                                                      "redis"))
        finally:
            b.stop()


if __name__ == "__main__":
    unittest.main()
