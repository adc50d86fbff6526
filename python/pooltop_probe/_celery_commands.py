"""Commands from pooltop to the Celery bridge: ``send``, ``resize``,
``reset``, ``stop`` (one JSON object a line)."""
import json
import math
from typing import Any, Callable, Dict, List, Optional, Tuple

from . import _celery_control
from ._celery_state import POOL, ClusterState

KINDS = {"io": "pooltop.io", "cpu": "pooltop.cpu", "mixed": "pooltop.mixed"}
MAX_WORKERS = 4096
Call = Tuple[str, str, Dict[str, Any]]


class Stop(Exception):
    """The ``stop`` command."""


class Refused(Exception):
    """A command that is not applied; the text is the reason."""


def _number(spec: Dict[str, Any], key: str, default: Optional[float] = None
            ) -> float:
    value = spec.get(key, default)
    if isinstance(value, bool) or not isinstance(value, (int, float)) \
            or not math.isfinite(value) or value < 0:
        raise Refused("%s must be a number >= 0, not %s"
                      % (key, json.dumps(value)))
    return float(value)


def task_call(spec: Any, counter: str) -> Call:
    """One entry of ``send``'s ``tasks`` -> (task id, task name, kwargs)."""
    if not isinstance(spec, dict):
        raise Refused("a task must be an object")
    task_id = spec.get("task")
    if not isinstance(task_id, str) or not task_id:
        raise Refused("task must be a non-empty string (the task id)")
    kind = spec.get("kind", "io")
    if kind not in KINDS:
        raise Refused("kind must be io, cpu or mixed, not %s"
                      % json.dumps(kind))
    key = spec.get("counter", counter)
    if not isinstance(key, str):
        raise Refused("counter must be a string (a Redis key)")
    kwargs: Dict[str, Any] = {
        "lock": bool(spec.get("lock", False)),
        "cs_ms": _number(spec, "cs_ms", 0.0),
        "counter": key,
    }
    if kind == "mixed":
        half = _number(spec, "cost_ms", 0.0) / 2
        kwargs["cpu_ms"] = _number(spec, "cpu_ms", half)
        kwargs["io_ms"] = _number(spec, "io_ms", half)
    else:
        kwargs["cost_ms"] = _number(spec, "cost_ms")
    return task_id, KINDS[kind], kwargs


class Commands:
    """Applies commands; every reply is an event through ``emit``."""

    def __init__(self, app: Any, state: ClusterState, broker: Any,
                 emit: Callable[..., None], queue: str, counter: str,
                 mono: Callable[[], int]) -> None:
        self.app = app
        self.state = state
        self.broker = broker            # _celery_broker.BrokerMonitor
        self.emit = emit
        self.queue = queue
        self.counter = counter
        self.mono = mono
        self.handlers: Dict[str, Callable[[Dict[str, Any]], None]] = {
            "send": self.send, "resize": self.resize,
            "reset": self.reset, "counter": self.read_counter,
            "stop": self.stop,
        }

    def line(self, raw: bytes) -> None:
        """One command line (raises :class:`Stop` for ``stop``)."""
        if not raw.strip():
            return
        try:
            cmd = json.loads(raw.decode("utf-8"))
            if not isinstance(cmd, dict):
                raise ValueError("not an object")
        except ValueError as exc:
            self.emit("refused", c=None, reason="bad command line: %s" % exc)
            return
        c = cmd.get("c")
        handler = self.handlers.get(str(c))
        if handler is None:
            self.emit("refused", c=c, reason="unknown command")
            return
        try:
            handler(cmd)
        except Refused as exc:
            fields = {"workers": cmd["workers"]} if "workers" in cmd else {}
            self.emit("refused", c=c, reason=str(exc), **fields)

    # -- send -----------------------------------------------------------------

    def send(self, cmd: Dict[str, Any]) -> None:
        specs = cmd.get("tasks")
        if not isinstance(specs, list) or not specs:
            raise Refused("tasks must be a non-empty list")
        calls: List[Call] = []
        for i, spec in enumerate(specs):
            try:
                calls.append(task_call(spec, self.counter))
            except Refused as exc:
                raise Refused("task %d: %s" % (i, exc))
        if self.broker.lost is not None:
            raise Refused("the broker is lost: %s" % self.broker.lost)
        t0 = self.mono()
        sent = 0
        try:
            with self.app.producer_or_acquire() as producer:
                for task_id, name, kwargs in calls:
                    self.state.submitted(task_id, name)
                    self.app.send_task(name, kwargs=kwargs, task_id=task_id,
                                       queue=self.queue, producer=producer)
                    sent += 1
        except Exception as exc:
            self.broker.broken(exc)
            for task_id, _, _ in calls[sent:]:
                with self.state.lock:
                    known = self.state.tasks.pop(task_id, None)
                if known is not None:
                    self.emit("fail", pool=POOL, task=task_id,
                              outcome="rejected", exc=type(exc).__name__,
                              reason=str(exc))
            raise Refused("sending failed after %d of %d tasks: %s"
                          % (sent, len(calls), exc))
        ns = self.mono() - t0
        self.emit("dispatched", c="send", pool=POOL, n=sent, ns=ns,
                  per_task_ns=ns // max(sent, 1))

    # -- resize ---------------------------------------------------------------

    def resize(self, cmd: Dict[str, Any]) -> None:
        n = cmd.get("workers")
        if isinstance(n, bool) or not isinstance(n, int) \
                or not 1 <= n <= MAX_WORKERS:
            raise Refused("workers must be an integer from 1 to %d"
                          % MAX_WORKERS)
        if self.broker.lost is not None:
            raise Refused("the broker is lost: %s" % self.broker.lost)
        result = _celery_control.resize(self.app, self.state, n)
        if result["errors"]:
            self.emit("refused", c="resize", pool=POOL, workers=n,
                      reason="; ".join(result["errors"]))
            self.state.check_total()
            return
        self.state.resized_reply(result["was"])

    # -- reset, stop ----------------------------------------------------------

    def reset(self, cmd: Dict[str, Any]) -> None:
        key = cmd.get("key", self.counter)
        if not isinstance(key, str) or not key:
            raise Refused("key must be a non-empty string (a Redis key)")
        try:
            self.broker.reset(key)
        except Exception as exc:
            raise Refused("cannot reset %s: %s" % (key, exc))
        self.counter = key

    def read_counter(self, cmd: Dict[str, Any]) -> None:
        key = cmd.get("key", self.counter)
        if not isinstance(key, str) or not key:
            raise Refused("key must be a non-empty string (a Redis key)")
        try:
            self.broker.read(key)
        except Exception as exc:
            raise Refused("cannot read %s: %s" % (key, exc))

    def stop(self, cmd: Dict[str, Any]) -> None:
        raise Stop()
