"""The Celery bridge's picture of the cluster: nodes, their pool processes
(pooltop's slots), and the tasks in flight.

Every change goes through a method here, under one lock, and sends its
``pooltop.events/1`` line while holding it, so lines leave in the order
the changes happened.  Pure bookkeeping: no Celery import, no I/O other
than the ``emit`` callable it is given.
"""
import ast
import threading
from typing import Any, Callable, Dict, List, Optional, Set

POOL = "celery"
Emit = Callable[..., None]

_IMPLS = {"prefork": "prefork", "thread": "threads", "solo": "solo",
          "eventlet": "eventlet", "gevent": "gevent"}


def impl_name(implementation: str) -> str:
    """``celery.concurrency.prefork:TaskPool`` -> ``prefork``."""
    module = implementation.split(":", 1)[0].rsplit(".", 1)[-1]
    return _IMPLS.get(module, module or "?")


def split_node(node: str) -> List[str]:
    """``name@host`` -> ``[name, host]``."""
    name, _, host = node.partition("@")
    return [name, host] if host else [node, ""]


def parse_result(text: Any) -> Dict[str, Any]:
    """The task's returned dict from the event's ``result`` repr, safely
    (``ast.literal_eval``); ``{}`` when it is anything else."""
    if isinstance(text, dict):
        return text
    if not isinstance(text, str) or not text.startswith("{"):
        return {}
    try:
        value = ast.literal_eval(text)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return {}
    return value if isinstance(value, dict) else {}


def exc_name(text: Any) -> str:
    """``ValueError('x')`` -> ``ValueError``."""
    text = str(text or "")
    return text.split("(", 1)[0].strip() or "Exception"


def pids_of(stats: Dict[str, Any]) -> List[int]:
    """One pid per slot of a node from its ``inspect stats`` reply: the
    pool's processes (prefork), else the worker's pid once per unit of
    ``max-concurrency`` (threads, solo, eventlet, gevent).  Prefork's
    ``max-concurrency`` stays at the ``-c`` value after ``pool_grow``; the
    process list does not."""
    pool = stats.get("pool") or {}
    procs = pool.get("processes")
    impl = impl_name(str(pool.get("implementation", "")))
    if isinstance(procs, list) and impl != "solo":
        return [int(p) for p in procs]
    try:
        count = int(pool.get("max-concurrency") or 1)
    except (TypeError, ValueError):
        count = 1
    return [int(stats.get("pid") or 0)] * count


def concurrency_of(stats: Dict[str, Any]) -> int:
    return len(pids_of(stats))


def _ns(value: Any) -> Optional[int]:
    return int(value) if isinstance(value, (int, float)) else None


class Slot:
    """One pool process (or thread) of a node: one slot on pooltop."""

    __slots__ = ("label", "index", "pid", "task")

    def __init__(self, label: str, index: int, pid: int) -> None:
        self.label = label
        self.index = index
        self.pid = pid
        self.task: Optional[str] = None


class Node:
    """One Celery worker (``name@host``)."""

    def __init__(self, node: str) -> None:
        self.node = node
        self.name, self.host = split_node(node)
        self.online = False
        self.concurrency = 0
        self.impl = "?"
        self.autoscale = False
        self.slots: Dict[int, Slot] = {}          # index -> slot
        # Started tasks waiting for a slot to be shown on: their start
        # arrived before the finish of the task before them.
        self.held: List[str] = []

    def label(self, index: int) -> str:
        return "%s/%s #%d" % (self.host, self.name, index)

    def free_index(self) -> int:
        i = 1
        while i in self.slots:
            i += 1
        return i

    def free_slot(self) -> Optional[Slot]:
        for i in sorted(self.slots):
            if self.slots[i].task is None:
                return self.slots[i]
        return None


class Task:
    __slots__ = ("id", "fn", "state", "node", "slot")

    def __init__(self, task_id: str, fn: str) -> None:
        self.id = task_id
        self.fn = fn
        # sent -> received -> started -> (gone); "lost": its worker died
        self.state = "sent"
        self.node: Optional[str] = None
        self.slot: Optional[str] = None           # label of its slot


class ClusterState:
    """Nodes, slots and tasks; sends the events that describe them."""

    def __init__(self, emit: Emit, watch: bool) -> None:
        self.emit = emit
        self.watch = watch
        self.lock = threading.RLock()
        self.nodes: Dict[str, Node] = {}
        self.tasks: Dict[str, Task] = {}
        self.announced: Optional[int] = None      # total in the last event
        self.redelivered = 0
        self.lost = 0
        self.finished = 0
        # Tasks that ended ok: each added one to the counter before its
        # task-succeeded event, so a counter read after this count is
        # taken holds at least this many increments.
        self.succeeded_count = 0
        self.need_inspect: Set[str] = set()
        # Called (under the lock, must not block) when a node's processes
        # should be inspected again.
        self.on_inspect: Callable[[str], None] = lambda node: None

    # -- the pool as a whole --------------------------------------------------

    def total(self) -> int:
        with self.lock:
            return sum(n.concurrency for n in self.nodes.values()
                       if n.online)

    def online(self) -> List[Node]:
        with self.lock:
            return sorted((n for n in self.nodes.values() if n.online),
                          key=lambda n: n.node)

    def announce_pool(self, site: str, workers: int) -> None:
        """The ``pool`` event (first, before the nodes it counts)."""
        with self.lock:
            self.announced = workers
            self.emit("pool", pool=POOL, kind="celery",
                      workers=self.announced, site=site, method=None)

    def check_total(self, t: Optional[int] = None) -> None:
        """``resized`` (``c`` null) when the total changed by itself."""
        with self.lock:
            total = self.total()
            if self.announced is not None and total != self.announced:
                was, self.announced = self.announced, total
                self.emit("resized", t=t, c=None, pool=POOL, workers=total,
                          was=was)

    def resized_reply(self, was: int) -> int:
        """The reply to a ``resize`` command: the total now."""
        with self.lock:
            total = self.total()
            self.announced = total
            self.emit("resized", c="resize", pool=POOL, workers=total,
                      was=was, threads=total)
            return total

    # -- nodes and their processes --------------------------------------------

    def _node(self, node: str) -> Node:
        n = self.nodes.get(node)
        if n is None:
            n = self.nodes[node] = Node(node)
        return n

    def apply_stats(self, node: str, stats: Dict[str, Any],
                    t: Optional[int] = None, quiet: bool = False) -> None:
        """A node's ``inspect stats`` reply: it is online with these
        processes.  ``quiet``: leave the total's ``resized`` to the caller.
        """
        with self.lock:
            n = self._node(node)
            pool = stats.get("pool") or {}
            impl = impl_name(str(pool.get("implementation", "")))
            autoscale = bool(stats.get("autoscaler"))
            pids = pids_of(stats)
            changed = (not n.online or n.impl != impl
                       or n.autoscale != autoscale
                       or n.concurrency != len(pids))
            n.online, n.impl, n.autoscale = True, impl, autoscale
            n.concurrency = len(pids)
            self.need_inspect.discard(node)
            if changed:
                self.emit("node", t=t, node=node, host=n.host,
                          state="online", concurrency=n.concurrency,
                          impl=impl, autoscale=autoscale)
            self._reconcile(n, pids, t)
            if not quiet:
                self.check_total(t)

    def _reconcile(self, n: Node, pids: List[int],
                   t: Optional[int]) -> None:
        """Make the node's slots match its pool's processes.

        Celery's task events carry the worker's own pid, not the pool
        process's, so which process runs which task is not known: a slot
        is one of the node's processes, and a started task is shown on the
        first free slot.  Only the count is exact.  When a process leaves,
        a free slot leaves (taking the gone pid); a slot that shows a task
        never leaves while a free one could, and while every slot is busy
        the change waits for the next inspect.
        """
        spare = list(pids)
        keep: List[Slot] = []
        orphans: List[Slot] = []
        for sl in sorted(n.slots.values(), key=lambda x: x.index):
            if sl.pid in spare:
                spare.remove(sl.pid)
                keep.append(sl)
            else:
                orphans.append(sl)
        for sl in orphans:
            gone = sl.pid
            if sl.task is not None:
                free = [k for k in keep if k.task is None]
                if free:
                    other = free[-1]
                    keep.remove(other)
                    sl.pid, other.pid = other.pid, gone
                    sl = other
                elif spare:
                    spare.pop(0)        # replaced: wait for a free slot
                    continue
            self._slot_exit(n, sl, "process %d left the pool of %s "
                            "(shrunk, or it died)" % (gone, n.node), t)
        for pid in spare:
            i = n.free_index()
            sl = n.slots[i] = Slot(n.label(i), i, pid)
            self.emit("wstart", t=t, pool=POOL, w=sl.label, name=sl.label,
                      wpid=pid, node=n.node)
            self._place_held(n, sl, t)

    def _slot_exit(self, n: Node, s: Slot, reason: str,
                   t: Optional[int]) -> None:
        # A task still shown on it stays in flight: it finishes (a late
        # event), or the broker delivers it again (then it is lost).
        del n.slots[s.index]
        self.emit("wexit", t=t, pool=POOL, w=s.label, status=None,
                  reason=reason)

    def node_seen(self, node: str) -> bool:
        """An event from ``node``; True when it must be inspected (new, or
        back after it was taken for offline)."""
        with self.lock:
            n = self.nodes.get(node)
            if n is not None and n.online:
                return False
            if node in self.need_inspect:
                return False
            self.need_inspect.add(node)
            return True

    def inspect_failed(self, node: str) -> None:
        """No stats reply from ``node``: let its next event ask again."""
        with self.lock:
            self.need_inspect.discard(node)

    def node_offline(self, node: str, reason: str,
                     t: Optional[int] = None) -> None:
        """The node is gone: its running tasks are lost, its slots exit."""
        with self.lock:
            n = self.nodes.get(node)
            self.need_inspect.discard(node)
            if n is None or not n.online:
                return
            n.online = False
            self.emit("node", t=t, node=node, host=n.host, state="offline",
                      concurrency=n.concurrency, impl=n.impl,
                      autoscale=n.autoscale, reason=reason)
            for task in self.tasks.values():
                if task.node != node or task.state == "lost":
                    continue
                if task.state == "started":
                    self.lost += 1
                    self.emit("fail", t=t, pool=POOL, task=task.id,
                              outcome="lost", w=task.slot, status=None,
                              reason="%s was running it: %s"
                              % (node, reason))
                task.state, task.slot = "lost", None
            n.held = []
            for s in sorted(n.slots.values(), key=lambda s: s.index):
                self._slot_exit(n, s, reason, t)
            n.concurrency = 0
            self.check_total(t)

    # -- tasks ----------------------------------------------------------------

    def submitted(self, task_id: str, fn: str,
                  t: Optional[int] = None) -> None:
        with self.lock:
            self.tasks[task_id] = Task(task_id, fn)
            self.emit("submit", t=t, pool=POOL, task=task_id, fn=fn, n=1)

    def _known(self, task_id: str, fn: Optional[str],
               t: Optional[int]) -> Optional[Task]:
        task = self.tasks.get(task_id)
        if task is None and self.watch:
            self.submitted(task_id, fn or "?", t)
            task = self.tasks[task_id]
        return task

    def _again(self, task: Task, t: Optional[int], how: str) -> None:
        """The broker delivered a task again after its worker died."""
        if task.state == "started":
            # Its pool process died without a word (the worker requeued
            # the message: task_reject_on_worker_lost).
            self.lost += 1
            self.emit("fail", t=t, pool=POOL, task=task.id, outcome="lost",
                      w=task.slot, status=None,
                      reason="the process running it died; the broker "
                      "delivered it again (%s)" % how)
            self._free(task, t)
            if task.node:
                self.on_inspect(task.node)
        self.redelivered += 1
        self.emit("redelivered", t=t, pool=POOL, task=task.id)
        task.state, task.slot = "received", None

    def received(self, task_id: str, fn: Optional[str], node: str,
                 t: Optional[int]) -> None:
        with self.lock:
            task = self._known(task_id, fn, t)
            if task is None:
                return
            if task.state in ("lost", "started"):
                self._again(task, t, "task-received on %s" % node)
            task.state = "received"
            task.node = node

    def started(self, task_id: str, node: str, t: Optional[int]) -> None:
        with self.lock:
            task = self._known(task_id, None, t)
            if task is None:
                return
            if task.state in ("lost", "started"):
                self._again(task, t, "task-started on %s" % node)
            n = self._node(node)
            task.state, task.node, task.slot = "started", node, None
            sl = n.free_slot()
            if sl is None:
                n.held.append(task.id)
                return
            self._show(task, sl, t)

    def _show(self, task: Task, sl: Slot, t: Optional[int]) -> None:
        sl.task, task.slot = task.id, sl.label
        self.emit("start", t=t, pool=POOL, task=task.id, w=sl.label)

    def _place_held(self, n: Node, sl: Slot, t: Optional[int]) -> None:
        """Show the first held task of ``n`` on the free slot ``sl``."""
        while n.held and sl.task is None:
            task = self.tasks.get(n.held.pop(0))
            if task is not None and task.state == "started" \
                    and task.slot is None and task.node == n.node:
                self._show(task, sl, t)

    def _free(self, task: Task, t: Optional[int] = None) -> None:
        """The task leaves its slot (or the held list)."""
        n = self.nodes.get(task.node or "")
        if n is None:
            return
        if task.id in n.held:
            n.held.remove(task.id)
        for sl in n.slots.values():
            if sl.task == task.id:
                sl.task = None
                self._place_held(n, sl, t)

    def _end(self, task_id: str, t: Optional[int]) -> Optional[Task]:
        """Take a finished task out (after its start, if it was held).
        The caller sends its end, then calls :meth:`_free`."""
        task = self.tasks.pop(task_id, None)
        if task is None:
            return None
        if task.state == "started" and task.slot is None:
            # Held (more tasks ran than slots were known): show it now.
            self.emit("start", t=t, pool=POOL, task=task.id, w=None)
        return task

    def succeeded(self, task_id: str, result: Any,
                  t: Optional[int]) -> None:
        with self.lock:
            task = self._end(task_id, t)
            if task is None:
                return
            r = parse_result(result)
            self.finished += 1
            self.succeeded_count += 1
            self.emit("finish", t=t, pool=POOL, task=task_id, w=task.slot,
                      outcome="ok", wait=_ns(r.get("wait_ns")),
                      hold=_ns(r.get("hold_ns")), wpid=_ns(r.get("pid")))
            self._free(task, t)

    def failed(self, task_id: str, exception: Any,
               t: Optional[int]) -> None:
        with self.lock:
            task = self._end(task_id, t)
            if task is None:
                return
            self.finished += 1
            self.emit("finish", t=t, pool=POOL, task=task_id, w=task.slot,
                      outcome="exc", exc=exc_name(exception))
            self._free(task, t)

    def retried(self, task_id: str, t: Optional[int]) -> None:
        """``task-retried``: the same id comes back as a new message."""
        with self.lock:
            task = self.tasks.get(task_id)
            if task is not None:
                self._free(task, t)
                task.state, task.slot = "sent", None

    def requeued(self, task_id: str, node: str, t: Optional[int]) -> None:
        """``task-rejected`` with ``requeue``: the worker gave the message
        back to the broker (with ``task_reject_on_worker_lost``: the pool
        process running it died).  Lost now; ``redelivered`` follows when
        the broker hands it out again."""
        with self.lock:
            task = self.tasks.get(task_id)
            if task is None or task.state == "lost":
                return
            if task.state == "started":
                self.lost += 1
                self.emit("fail", t=t, pool=POOL, task=task.id,
                          outcome="lost", w=task.slot, status=None,
                          reason="%s gave it back to the broker (the pool "
                          "process running it died)" % node)
                self._free(task, t)
                self.on_inspect(node)
            task.state, task.slot = "lost", None

    def ended_otherwise(self, task_id: str, outcome: str,
                        t: Optional[int]) -> None:
        """``task-revoked`` (cancelled) and ``task-rejected``."""
        with self.lock:
            task = self._end(task_id, t)
            if task is None:
                return
            self.emit("fail", t=t, pool=POOL, task=task_id, outcome=outcome)
            self._free(task, t)
