"""Celery's events, received with Celery's own ``app.events.Receiver`` in a
thread of the bridge, and turned into calls on the cluster state.

Worker events also go to a ``celery.events.state.State``.  A silent worker
is taken for dead two heartbeat intervals (the interval it announced) after
the bridge last heard from it (:meth:`expired`), Celery's own rule.
"""
import sys
import threading
import time
from typing import Any, Callable, Dict, List, Optional, Tuple

from ._celery_state import ClusterState

mono = time.monotonic_ns
MAX_AGE_NS = 60_000_000_000


class Clock:
    """Maps an event's ``timestamp`` (the sending host's wall clock) onto
    this process's monotonic clock.

    ``local_received - timestamp`` is the event's delay plus the sending
    host's clock offset; the smallest such difference seen from a host is
    taken as its offset (plus the shortest delay), so a host whose clock
    is off does not shift its events, and an event that waited (the
    bridge busy, a burst of events) keeps its own time.  The result is
    never after the moment the bridge got the event, nor more than 60 s
    before it."""

    def __init__(self) -> None:
        self.offset: Dict[str, float] = {}

    def time(self, ev: Dict[str, Any], now_mono: int) -> int:
        ts = ev.get("timestamp")
        local = ev.get("local_received")
        if not isinstance(ts, (int, float)) \
                or not isinstance(local, (int, float)):
            return now_mono
        host = str(ev.get("hostname") or "")
        diff = local - ts
        base = self.offset.get(host)
        if base is None or diff < base:
            self.offset[host] = base = diff
        delay = int((diff - base) * 1e9)
        return now_mono - min(max(delay, 0), MAX_AGE_NS)


class EventThread(threading.Thread):
    """Captures the cluster's events until stopped; reconnects (every
    second) when the broker goes away."""

    def __init__(self, app: Any, state: ClusterState,
                 request_inspect: Callable[[str], None],
                 on_error: Callable[[BaseException], None]) -> None:
        super().__init__(name="pooltop-celery-events", daemon=True)
        self.app = app
        self.state = state
        self.request_inspect = request_inspect
        self.on_error = on_error
        self.celery_state = app.events.State()
        self.clock = Clock()
        self.stopping = False
        self.receiver: Any = None
        self.ready = threading.Event()      # consuming
        self.seen = threading.Event()       # at least one event arrived
        self.count = 0
        self.errors = 0
        # Per node: when (wall time, at receipt) it was last heard from, and
        # the heartbeat interval it announced.  Kept here rather than read
        # from Celery's state, whose worker records take every event's
        # fields and timestamps as they come.
        self.last_heard: Dict[str, float] = {}
        self.intervals: Dict[str, float] = {}
        self.grace_until = 0.0              # wall time: no expiry before
        self._handlers = {
            "task-sent": self._on_sent,
            "task-received": self._on_received,
            "task-started": self._on_started,
            "task-succeeded": self._on_succeeded,
            "task-failed": self._on_failed,
            "task-retried": self._on_retried,
            "task-revoked": self._on_revoked,
            "task-rejected": self._on_rejected,
        }

    # -- the loop -------------------------------------------------------------

    def run(self) -> None:
        while not self.stopping:
            try:
                with self.app.connection() as conn:
                    recv = self.app.events.Receiver(
                        conn, handlers={"*": self.on_event})
                    self.receiver = recv
                    if self.stopping:
                        return
                    ready = recv.on_consume_ready

                    def on_ready(*args: Any, **kw: Any) -> None:
                        ready(*args, **kw)
                        self.ready.set()
                    recv.on_consume_ready = on_ready
                    recv.capture(limit=None, timeout=None, wakeup=True)
            except Exception as exc:        # the broker went away
                if self.stopping:
                    return
                self.ready.clear()
                self.errors += 1
                if self.errors <= 3 or self.errors % 100 == 0:
                    sys.stderr.write(
                        "pooltop: celery bridge: event receiver: %s: %s "
                        "(reconnecting)\n" % (type(exc).__name__, exc))
                self.on_error(exc)
                time.sleep(1.0)

    def stop(self) -> None:
        self.stopping = True
        if self.receiver is not None:
            self.receiver.should_stop = True

    # -- one event ------------------------------------------------------------

    def on_event(self, ev: Dict[str, Any]) -> None:
        now = mono()
        self.count += 1
        self.seen.set()
        kind = str(ev.get("type", ""))
        host = str(ev.get("hostname") or "")
        t = self.clock.time(ev, now)
        if host:
            # Any event of a worker (a heartbeat, a task it started) says
            # it is alive.
            self.last_heard[host] = time.time()
        if kind.startswith("worker-"):
            self.celery_state.event(ev)
            if kind in ("worker-heartbeat", "worker-online") and host:
                freq = ev.get("freq")
                if isinstance(freq, (int, float)) and freq > 0:
                    self.intervals[host] = float(freq)
            if kind == "worker-offline":
                self.state.node_offline(
                    host, "worker-offline: %s shut down or lost the "
                    "broker" % host, t)
            elif self.state.node_seen(host):
                self.request_inspect(host)
            return
        handler = self._handlers.get(kind)
        if handler is None:
            return
        if host and self.state.node_seen(host):
            self.request_inspect(host)
        handler(ev, host, t)

    def _on_sent(self, ev: Dict[str, Any], host: str, t: int) -> None:
        if self.state.watch:
            task_id = str(ev.get("uuid"))
            with self.state.lock:
                if task_id not in self.state.tasks:
                    self.state.submitted(task_id, str(ev.get("name") or "?"),
                                         t)

    def _on_received(self, ev: Dict[str, Any], host: str, t: int) -> None:
        self.state.received(str(ev.get("uuid")), ev.get("name"), host, t)

    def _on_started(self, ev: Dict[str, Any], host: str, t: int) -> None:
        # The event's pid is the worker's, not its pool process's.
        self.state.started(str(ev.get("uuid")), host, t)

    def _on_succeeded(self, ev: Dict[str, Any], host: str, t: int) -> None:
        self.state.succeeded(str(ev.get("uuid")), ev.get("result"), t)

    def _on_failed(self, ev: Dict[str, Any], host: str, t: int) -> None:
        self.state.failed(str(ev.get("uuid")), ev.get("exception"), t)

    def _on_retried(self, ev: Dict[str, Any], host: str, t: int) -> None:
        self.state.retried(str(ev.get("uuid")), t)

    def _on_revoked(self, ev: Dict[str, Any], host: str, t: int) -> None:
        self.state.ended_otherwise(str(ev.get("uuid")), "cancelled", t)

    def _on_rejected(self, ev: Dict[str, Any], host: str, t: int) -> None:
        if ev.get("requeue"):
            self.state.requeued(str(ev.get("uuid")), host, t)
        else:
            self.state.ended_otherwise(str(ev.get("uuid")), "rejected", t)

    # -- silent workers -------------------------------------------------------

    def expired(self, now: float) -> List[Tuple[str, str]]:
        """Online nodes whose heartbeats stopped: (node, reason).  Only
        nodes that sent heartbeats count; none during a grace period
        (after the broker came back)."""
        if now < self.grace_until:
            return []
        out = []
        for n in self.state.online():
            last = self.last_heard.get(n.node)
            if last is None:
                continue
            # The interval it announced, else Celery's default (2 s).
            every = self.intervals.get(n.node, 2.0)
            # Celery's rule: gone after two missed heartbeats.
            if now - last > 2 * every:
                out.append((n.node, "no heartbeat for %.1f s (expected "
                            "every %g s)" % (now - last, every)))
        return out

    def forgive(self, seconds: float) -> None:
        """No expiry for ``seconds``, and the clock of each worker's last
        heartbeat restarts now (after the broker was away)."""
        now = time.time()
        self.grace_until = now + seconds
        for node in list(self.last_heard):
            self.last_heard[node] = max(self.last_heard[node], now)


def wait_ready(thread: EventThread, nodes: int, timeout: float = 3.0
               ) -> Optional[str]:
    """Wait until the receiver consumes and (when workers are known) has
    heard from one, so no event of the first burst is missed."""
    deadline = time.monotonic() + timeout
    if not thread.ready.wait(timeout):
        return "the event receiver did not start in %.0f s" % timeout
    last_wakeup = 0.0
    while nodes and not thread.seen.is_set():
        now = time.monotonic()
        if now > deadline:
            return "no event from the workers in %.0f s" % timeout
        if now - last_wakeup > 0.3:     # ask the workers for a heartbeat
            last_wakeup = now
            try:
                thread.app.control.broadcast("heartbeat")
            except Exception:
                pass
        time.sleep(0.02)
    return None
