"""Celery's remote control for the bridge: ``inspect().stats()`` of the
workers (in a thread of its own, fed by a queue) and ``resize`` spread as
``pool_grow``/``pool_shrink`` over the online workers."""
import threading
import time
from typing import Any, Dict, List, Optional, Tuple

from ._celery_state import ClusterState, concurrency_of

INSPECT_TIMEOUT = 1.0
RESIZE_SETTLE_S = 8.0       # how long a resize waits for the processes


__all__ = ["Inspector", "concurrency_of", "plan", "resize", "settle",
           "stats"]


def stats(app: Any, nodes: Optional[List[str]],
          timeout: float = INSPECT_TIMEOUT) -> Dict[str, Dict[str, Any]]:
    """``inspect stats`` of ``nodes`` (all workers when None)."""
    insp = app.control.inspect(destination=nodes, timeout=timeout,
                               limit=len(nodes) if nodes else None)
    return insp.stats() or {}


class Inspector(threading.Thread):
    """Inspects nodes on request, one broadcast at a time, and hands the
    replies to the cluster state.  A request is inspected at once and
    again ``FOLLOW_UP_S`` later (a pool replaces a dead process a moment
    after Celery reports the death); every online node is inspected every
    ``PERIOD_S`` as well (a resize done by another tool)."""

    FOLLOW_UP_S = 1.0
    PERIOD_S = 5.0

    def __init__(self, app: Any, state: ClusterState) -> None:
        super().__init__(name="pooltop-celery-inspect", daemon=True)
        self.app = app
        self.state = state
        self.lock = threading.Lock()
        self.wake = threading.Event()
        self.due: Dict[str, float] = {}         # node -> monotonic time
        self.follow: Dict[str, float] = {}
        self.stopping = False
        self.next_sweep = time.monotonic() + self.PERIOD_S

    def request(self, node: str) -> None:
        now = time.monotonic()
        with self.lock:
            self.due[node] = now
            self.follow[node] = now + self.FOLLOW_UP_S
        self.wake.set()

    def stop(self) -> None:
        self.stopping = True
        self.wake.set()

    def _take(self) -> List[str]:
        """Nodes due now; sleeps until one is."""
        while not self.stopping:
            now = time.monotonic()
            with self.lock:
                if now >= self.next_sweep:
                    self.next_sweep = now + self.PERIOD_S
                    for online in self.state.online():
                        self.due.setdefault(online.node, now)
                for node, at in list(self.follow.items()):
                    if at <= now:
                        del self.follow[node]
                        self.due.setdefault(node, now)
                ready = sorted(k for k, at in self.due.items() if at <= now)
                for k in ready:
                    del self.due[k]
                later = list(self.due.values()) + list(self.follow.values())
                later.append(self.next_sweep)
                wait = max(0.0, min(later) - now)
            if ready:
                return ready
            self.wake.wait(wait)
            self.wake.clear()
        return []

    def run(self) -> None:
        while not self.stopping:
            nodes = self._take()
            if not nodes:
                continue
            try:
                replies = stats(self.app, nodes)
            except Exception:   # broker trouble: the broker monitor says so
                replies = {}
            for name in nodes:
                if name in replies:
                    self.state.apply_stats(name, replies[name])
                else:
                    self.state.inspect_failed(name)


def plan(current: Dict[str, int], target: int) -> Dict[str, int]:
    """Spread ``target`` processes evenly over the nodes of ``current``
    (node -> processes now), changing as few as possible: grow the
    smallest pools first, shrink the largest first, never below one.
    Returns node -> delta (non-zero entries only)."""
    size = dict(current)
    total = sum(size.values())
    while total < target:
        node = min(sorted(size), key=lambda n: size[n])
        size[node] += 1
        total += 1
    while total > target:
        node = max(sorted(size), key=lambda n: size[n])
        if size[node] <= 1:
            break
        size[node] -= 1
        total -= 1
    return {n: size[n] - current[n] for n in sorted(size)
            if size[n] != current[n]}


def _reply_text(reply: Any) -> Tuple[bool, str]:
    """(ok, text) of one node's control reply."""
    if isinstance(reply, dict):
        if "ok" in reply:
            return True, str(reply["ok"])
        if "error" in reply:
            return False, str(reply["error"])
    return False, "unexpected reply %r" % (reply,)


def resize(app: Any, state: ClusterState, target: int) -> Dict[str, Any]:
    """Apply ``resize`` to ``target`` total processes.  Returns
    ``{"was", "total", "errors": [reason, ...]}``."""
    nodes = state.online()
    was = state.total()
    if not nodes:
        return {"was": was, "total": was,
                "errors": ["no Celery worker is online"]}
    if target < len(nodes):
        return {"was": was, "total": was, "errors": [
            "each of the %d workers keeps at least one process: "
            "workers must be at least %d" % (len(nodes), len(nodes))]}
    errors: List[str] = []
    deltas = plan({n.node: n.concurrency for n in nodes}, target)
    expect: Dict[str, int] = {}         # nodes that said yes
    for node, delta in deltas.items():
        command = app.control.pool_grow if delta > 0 \
            else app.control.pool_shrink
        try:
            replies = command(abs(delta), destination=[node], reply=True,
                              timeout=2.0) or []
        except Exception as exc:
            errors.append("%s: %s" % (node, exc))
            continue
        answer = [r[node] for r in replies if node in r]
        if not answer:
            errors.append("%s: no reply to %s" % (
                node, "pool_grow" if delta > 0 else "pool_shrink"))
            continue
        ok, text = _reply_text(answer[0])
        if ok:
            expect[node] = state.nodes[node].concurrency + delta
        else:
            impl = [n.impl for n in nodes if n.node == node]
            errors.append("%s (%s pool): %s" % (node, impl[0], text))
    settle(app, state, expect, [n.node for n in nodes])
    return {"was": was, "total": state.total(), "errors": errors}


def settle(app: Any, state: ClusterState, expect: Dict[str, int],
           nodes: List[str]) -> None:
    """Re-inspect ``nodes`` until each node of ``expect`` shows the
    processes it should have (the pool starts and stops them
    asynchronously) or time runs out."""
    deadline = time.monotonic() + RESIZE_SETTLE_S
    while True:
        try:
            replies = stats(app, sorted(nodes))
        except Exception:
            replies = {}
        for node, reply in replies.items():
            state.apply_stats(node, reply, quiet=True)
        have = {n.node: n.concurrency for n in state.online()}
        if all(have.get(n) == c for n, c in expect.items()):
            return
        if time.monotonic() > deadline:
            return
        time.sleep(0.1)
