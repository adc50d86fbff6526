"""The Celery bridge's bookkeeping and resize plan, without Celery: the
sequences of Celery events it turns into pooltop.events/1 (runs on every
Python, Celery installed or not)."""
import unittest
from typing import Any, Dict, List

from pooltop_probe._celery_commands import Refused, task_call
from pooltop_probe._celery_control import plan
from pooltop_probe._celery_state import (ClusterState, exc_name, impl_name,
                                         parse_result, pids_of)


def prefork(*pids: int) -> Dict[str, Any]:
    return {"pid": 1, "pool": {
        "implementation": "celery.concurrency.prefork:TaskPool",
        "max-concurrency": len(pids), "processes": list(pids)}}


class Recorder:
    def __init__(self) -> None:
        self.events: List[Dict[str, Any]] = []

    def __call__(self, e: str, **fields: Any) -> None:
        fields.pop("t", None)
        self.events.append(dict(fields, e=e))

    def kinds(self) -> List[str]:
        return [ev["e"] for ev in self.events]

    def of(self, kind: str) -> List[Dict[str, Any]]:
        return [ev for ev in self.events if ev["e"] == kind]


class StateTest(unittest.TestCase):
    def setUp(self) -> None:
        self.out = Recorder()
        self.s = ClusterState(self.out, watch=False)
        self.s.announce_pool("redis://x", 4)
        self.s.apply_stats("a@h", prefork(11, 12), quiet=True)
        self.s.apply_stats("b@h", prefork(21, 22), quiet=True)

    def test_nodes_and_slots(self) -> None:
        self.assertEqual(self.out.kinds(), ["pool", "node", "wstart",
                                            "wstart", "node", "wstart",
                                            "wstart"])
        self.assertEqual([e["w"] for e in self.out.of("wstart")],
                         ["h/a #1", "h/a #2", "h/b #1", "h/b #2"])
        self.assertEqual(self.out.of("wstart")[1]["wpid"], 12)
        self.assertEqual(self.s.total(), 4)

    def test_task_life_and_held_start(self) -> None:
        for i in range(3):
            self.s.submitted("r1.%d" % i, "pooltop.io")
            self.s.received("r1.%d" % i, None, "a@h", 1)
            self.s.started("r1.%d" % i, "a@h", 2)
        # a has two slots: the third start waits for a free one
        self.assertEqual([e["w"] for e in self.out.of("start")],
                         ["h/a #1", "h/a #2"])
        self.s.succeeded("r1.0", "{'wait_ns': 5, 'hold_ns': 7, "
                         "'pid': 11}", 3)
        fin = self.out.of("finish")[0]
        self.assertEqual((fin["w"], fin["wait"], fin["hold"], fin["wpid"]),
                         ("h/a #1", 5, 7, 11))
        self.assertEqual(self.out.events[-1]["e"], "start")
        self.assertEqual(self.out.events[-1]["w"], "h/a #1")
        self.s.failed("r1.1", "ValueError('boom')", 4)
        self.assertEqual(self.out.of("finish")[1]["exc"], "ValueError")
        self.s.succeeded("r1.2", "None", 5)
        self.assertEqual(self.out.of("finish")[2]["wait"], None)
        self.assertEqual(self.s.tasks, {})

    def test_foreign_tasks_only_in_watch_mode(self) -> None:
        self.s.received("x", "app.add", "a@h", 1)
        self.s.started("x", "a@h", 2)
        self.assertFalse(self.out.of("submit"))
        self.s.watch = True
        self.s.received("y", "app.add", "a@h", 1)
        self.assertEqual(self.out.of("submit")[0]["fn"], "app.add")

    def test_requeued_then_redelivered_once(self) -> None:
        self.s.submitted("r1.0", "pooltop.io")
        self.s.received("r1.0", None, "a@h", 1)
        self.s.started("r1.0", "a@h", 2)
        self.s.requeued("r1.0", "a@h", 3)
        fail = self.out.of("fail")[0]
        self.assertEqual((fail["outcome"], fail["w"]), ("lost", "h/a #1"))
        self.s.received("r1.0", None, "b@h", 4)
        self.s.started("r1.0", "b@h", 5)
        self.assertEqual(len(self.out.of("redelivered")), 1)
        self.s.succeeded("r1.0", "{}", 6)
        self.assertEqual(self.out.of("finish")[0]["w"], "h/b #1")

    def test_received_again_after_a_silent_death(self) -> None:
        self.s.submitted("r1.0", "pooltop.io")
        self.s.received("r1.0", None, "a@h", 1)
        self.s.started("r1.0", "a@h", 2)
        self.s.received("r1.0", None, "b@h", 3)
        self.assertEqual(self.out.kinds()[-2:], ["fail", "redelivered"])

    def test_node_offline_loses_running_tasks(self) -> None:
        for i, node in enumerate(["a@h", "a@h", "b@h"]):
            self.s.submitted("r%d" % i, "pooltop.io")
            self.s.received("r%d" % i, None, node, 1)
        self.s.started("r0", "a@h", 2)
        self.s.node_offline("a@h", "no heartbeat")
        lost = self.out.of("fail")
        self.assertEqual([(e["task"], e["w"]) for e in lost],
                         [("r0", "h/a #1")])
        self.assertEqual(len(self.out.of("wexit")), 2)
        self.assertEqual(self.out.of("resized")[-1]["workers"], 2)
        self.s.received("r1", None, "b@h", 3)     # reserved on a: back
        self.s.received("r0", None, "b@h", 3)
        self.assertEqual([e["task"] for e in self.out.of("redelivered")],
                         ["r1", "r0"])
        self.s.apply_stats("a@h", prefork(31, 32))
        self.assertEqual(self.out.of("node")[-1]["state"], "online")
        self.assertEqual(self.out.of("resized")[-1]["workers"], 4)

    def test_process_replaced_under_a_shown_task(self) -> None:
        self.s.submitted("r0", "pooltop.io")
        self.s.started("r0", "a@h", 1)
        # 11 (shown running r0) is gone, 13 is new: the free slot leaves,
        # the busy one keeps its place, the new process gets a slot
        self.s.apply_stats("a@h", prefork(12, 13))
        self.assertEqual([(e["w"], e["reason"].split()[1])
                          for e in self.out.of("wexit")],
                         [("h/a #2", "11")])
        self.assertEqual(self.out.of("wstart")[-1]["w"], "h/a #2")
        self.assertEqual(self.out.of("wstart")[-1]["wpid"], 13)
        # every slot busy and a process replaced: nothing until one frees
        self.s.submitted("r1", "pooltop.io")
        self.s.started("r1", "a@h", 2)
        self.s.apply_stats("a@h", prefork(13, 14))
        self.assertEqual(len(self.out.of("wexit")), 1)
        self.s.succeeded("r1", "{}", 3)
        self.s.apply_stats("a@h", prefork(13, 14))
        self.assertEqual(len(self.out.of("wexit")), 2)
        self.assertEqual(self.out.of("wstart")[-1]["wpid"], 14)
        self.assertEqual(self.s.nodes["a@h"].concurrency, 2)
        self.assertEqual(len(self.s.nodes["a@h"].slots), 2)
        # shrink to one process while r0 runs: the free slot leaves
        self.s.apply_stats("a@h", prefork(13))
        self.assertEqual(len(self.out.of("wexit")), 3)
        self.s.succeeded("r0", "{}", 4)
        self.assertEqual(self.out.of("finish")[-1]["w"], "h/a #1")


class ClockTest(unittest.TestCase):
    def test_offset_and_delay(self) -> None:
        from pooltop_probe._celery_events import Clock
        c = Clock()
        now = 10 ** 12
        # host h's clock is 100 s behind; its first event came at once
        ev = {"hostname": "h", "timestamp": 900.0, "local_received": 1000.0}
        self.assertEqual(c.time(ev, now), now)
        # this one waited 0.5 s before the bridge got it
        ev = {"hostname": "h", "timestamp": 905.0, "local_received": 1005.5}
        self.assertEqual(c.time(ev, now), now - 500_000_000)
        # a smaller difference: the new offset, and never after receipt
        ev = {"hostname": "h", "timestamp": 910.0, "local_received": 1000.0}
        self.assertEqual(c.time(ev, now), now)
        # never more than 60 s before the receipt
        ev = {"hostname": "h", "timestamp": 800.0, "local_received": 1000.0}
        self.assertEqual(c.time(ev, now), now - 60_000_000_000)
        self.assertEqual(c.time({"hostname": "h"}, now), now)


class PlanTest(unittest.TestCase):
    def test_spread_evenly(self) -> None:
        self.assertEqual(plan({"a": 2, "b": 2}, 6), {"a": 1, "b": 1})
        self.assertEqual(plan({"a": 2, "b": 2}, 5), {"a": 1})
        self.assertEqual(plan({"a": 4, "b": 2}, 4), {"a": -2})
        self.assertEqual(plan({"a": 3, "b": 3}, 2), {"a": -2, "b": -2})
        self.assertEqual(plan({"a": 2}, 2), {})


class ParseTest(unittest.TestCase):
    def test_result_and_names(self) -> None:
        self.assertEqual(parse_result("{'wait_ns': 1, 'hold_ns': None}"),
                         {"wait_ns": 1, "hold_ns": None})
        self.assertEqual(parse_result("__import__('os')"), {})
        self.assertEqual(parse_result("{'a': f()}"), {})
        self.assertEqual(parse_result(None), {})
        self.assertEqual(exc_name("KeyError('k')"), "KeyError")
        self.assertEqual(impl_name("celery.concurrency.thread:TaskPool"),
                         "threads")
        self.assertEqual(pids_of({"pid": 7, "pool": {
            "implementation": "celery.concurrency.thread:TaskPool",
            "max-concurrency": 3}}), [7, 7, 7])
        self.assertEqual(pids_of({"pid": 7, "pool": {
            "implementation": "celery.concurrency.solo:TaskPool",
            "max-concurrency": 1, "processes": [7]}}), [7])

    def test_task_call(self) -> None:
        self.assertEqual(task_call({"task": "r1.2", "kind": "mixed",
                                    "cpu_ms": 1, "io_ms": 2, "lock": True,
                                    "cs_ms": 0.2}, "k"),
                         ("r1.2", "pooltop.mixed",
                          {"lock": True, "cs_ms": 0.2, "counter": "k",
                           "cpu_ms": 1.0, "io_ms": 2.0}))
        bad: Any
        for bad in ({"kind": "io"}, {"task": "x", "kind": "gpu"},
                    {"task": "x", "cost_ms": -1},
                    {"task": "x", "cost_ms": float("nan")}, []):
            with self.assertRaises(Refused):
                task_call(bad, "k")


if __name__ == "__main__":
    unittest.main()
