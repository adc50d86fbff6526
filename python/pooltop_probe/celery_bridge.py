"""pooltop's bridge to a Celery cluster (Redis broker).

    POOLTOP_SOCKET=/path/to.sock python3 -m pooltop_probe.celery_bridge \\
        --broker redis://HOST:PORT/DB [--watch] [--queue NAME]

Streams the cluster (workers, their pool processes, tasks, the broker
queue, the shared counter) as ``pooltop.events/1`` to the Unix socket
named by ``POOLTOP_SOCKET`` and takes pooltop's commands (``send``,
``resize``, ``reset``, ``stop``) on the same connection.  Without
``POOLTOP_SOCKET`` the events go to stdout and the commands come from
stdin.  Needs ``celery[redis]``; see python/README.md ("The Celery
bridge") for the events and commands.
"""
import argparse
import json
import os
import signal
import sys
import threading
import time
from typing import Any, Dict, Iterator, List, Optional

from . import _wire

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
DEFAULT_QUEUE = "pooltop"
DEFAULT_COUNTER = "pooltop:counter"
INSTALL_HINT = "%s -m pip install 'celery[redis]'" % (
    os.path.basename(sys.executable) or "python3")
mono = time.monotonic_ns


class Out:
    """Where the lines go: the pooltop socket (through the probe's wire:
    one write per line) or stdout."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.socket = False
        self.pid = os.getpid()

    def open(self) -> Optional[str]:
        """Connect to ``POOLTOP_SOCKET`` when it is set; why not, or None."""
        path = os.environ.get("POOLTOP_SOCKET")
        if not path:
            return None
        if not _wire.connect(path, "celery", hello=False):
            return "cannot reach POOLTOP_SOCKET=%s" % path
        self.socket = True
        return None

    def event(self, e: str, **fields: Any) -> None:
        t = fields.pop("t", None) or mono()
        d: Dict[str, Any] = {"e": e, "t": t, "pid": self.pid}
        d.update(fields)
        line = json.dumps(d, separators=(",", ":")) + "\n"
        if self.socket:
            _wire.send(line)
        else:
            with self.lock:
                sys.stdout.write(line)
                sys.stdout.flush()

    def commands(self) -> Iterator[bytes]:
        """Command lines until pooltop closes the connection (or stdin)."""
        if not self.socket:
            for text in sys.stdin.buffer:
                yield text
            return
        sock = _wire.S.sock
        buf = b""
        while sock is not None:
            try:
                data = sock.recv(65536)
            except InterruptedError:
                continue
            except OSError:
                return
            if not data:
                return
            buf += data
            while b"\n" in buf:
                raw, buf = buf.split(b"\n", 1)
                yield raw


def parse_args(argv: Optional[List[str]]) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="python3 -m pooltop_probe.celery_bridge",
        description="Stream a Celery cluster to pooltop (pooltop.events/1).")
    p.add_argument("--broker", default=os.environ.get("POOLTOP_BROKER")
                   or DEFAULT_BROKER,
                   help="Redis broker URL (default: $POOLTOP_BROKER or %s)"
                   % DEFAULT_BROKER)
    p.add_argument("--queue", default=DEFAULT_QUEUE,
                   help="queue the tasks go to and whose length is shown "
                   "(default %s)" % DEFAULT_QUEUE)
    p.add_argument("--counter", default=None,
                   help="Redis key of the shared counter (default %s; "
                   "with --watch none is polled unless given)"
                   % DEFAULT_COUNTER)
    p.add_argument("--watch", action="store_true",
                   help="report every task of the cluster, not only the "
                   "ones the bridge sends")
    return p.parse_args(argv)


def hello(out: Out, url: str, version: Optional[str],
          args: argparse.Namespace) -> None:
    out.event("hello", ppid=os.getppid(), schema=_wire.SCHEMA,
              probe=_wire.PROBE_VERSION,
              py="%d.%d.%d" % sys.version_info[:3],
              impl=sys.implementation.name, argv=list(sys.argv),
              role="celery", hooks=[], broker=url, celery=version,
              queue=args.queue, watch=bool(args.watch))


def fail(out: Out, message: str, **fields: Any) -> int:
    """Say why on stderr (and to pooltop) and exit 1."""
    sys.stderr.write("pooltop: %s\n" % message)
    sys.stderr.flush()
    out.event("error", reason=message, **fields)
    return 1


def make_app(url: str) -> Any:
    from celery import Celery
    app = Celery("pooltop-bridge", broker=url, set_as_current=False)
    app.conf.update(
        # The bridge sends its own submit event: no task-sent per task.
        task_send_sent_event=False,
        task_serializer="json",
        broker_connection_retry_on_startup=False,
        broker_connection_max_retries=1,
    )
    return app


def main(argv: Optional[List[str]] = None) -> int:
    args = parse_args(argv)
    out = Out()
    problem = out.open()
    if problem is not None:
        sys.stderr.write("pooltop: %s\n" % problem)
        return 1
    try:
        import celery
        from kombu.utils.url import maybe_sanitize_url
        import redis
    except ImportError as exc:
        hello(out, args.broker, None, args)
        return fail(out, "the Celery bridge needs celery and redis-py "
                    "(%s is missing): %s" % (exc.name, INSTALL_HINT),
                    missing=exc.name)
    del redis
    url = str(maybe_sanitize_url(args.broker))
    hello(out, url, celery.__version__, args)
    if args.broker.split("://", 1)[0] not in ("redis", "rediss"):
        return fail(out, "the Celery bridge needs a Redis broker "
                    "(redis://HOST:PORT/DB), not %s" % url, broker=url)
    from . import _celery_broker
    reason = _celery_broker.check(args.broker)
    if reason is not None:
        return fail(out, "cannot reach the Celery broker at %s: %s"
                    % (url, reason), broker=url)
    return Bridge(args, url, out).run()


class Bridge:
    """The running bridge: its threads and the command loop."""

    def __init__(self, args: argparse.Namespace, url: str, out: Out) -> None:
        from . import _celery_broker, _celery_control, _celery_events
        from ._celery_commands import Commands
        from ._celery_state import ClusterState
        self.args = args
        self.url = url
        self.out = out
        self.app = make_app(args.broker)
        self.state = ClusterState(out.event, args.watch)
        self.inspector = _celery_control.Inspector(self.app, self.state)
        self.state.on_inspect = self.inspector.request
        self.events = _celery_events.EventThread(
            self.app, self.state, self.inspector.request, self._broken)
        self.broker = _celery_broker.BrokerMonitor(
            args.broker, args.queue, out.event, self._back,
            [self._expire])
        self.broker.done = lambda: self.state.succeeded_count
        counter = args.counter or DEFAULT_COUNTER
        self.broker.set_counter(None if args.watch and not args.counter
                                else counter)
        self.commands = Commands(self.app, self.state, self.broker,
                                 out.event, args.queue, counter, mono)

    def _broken(self, exc: BaseException) -> None:
        self.broker.broken(exc)

    def _back(self) -> None:
        """The broker is back: no worker is taken for dead before it had
        time to send a heartbeat, and every node is inspected again."""
        self.events.forgive(5.0)
        for node in list(self.state.nodes):
            self.inspector.request(node)

    def _expire(self, now: float) -> None:
        for node, reason in self.events.expired(now):
            self.state.node_offline(node, reason)

    def _start(self) -> None:
        from . import _celery_control, _celery_events
        try:
            replies = _celery_control.stats(self.app, None)
        except Exception:
            replies = {}
        self.state.announce_pool(self.url, sum(
            _celery_control.concurrency_of(r) for r in replies.values()))
        for node in sorted(replies):
            self.state.apply_stats(node, replies[node], quiet=True)
        self.inspector.start()
        self.events.start()
        problem = _celery_events.wait_ready(self.events, len(replies))
        if problem is not None:
            sys.stderr.write("pooltop: celery bridge: %s\n" % problem)
        self.broker.start()

    def run(self) -> int:
        def on_term(signum: int, frame: Any) -> None:
            raise SystemExit(0)
        signal.signal(signal.SIGTERM, on_term)
        from ._celery_commands import Stop
        try:
            self._start()
            for raw in self.out.commands():
                try:
                    self.commands.line(raw)
                except Stop:
                    break
        except KeyboardInterrupt:
            pass
        finally:
            self.stop()
        return 0

    def stop(self) -> None:
        self.events.stop()
        self.broker.stop()
        self.inspector.stop()
        for thread in (self.events, self.broker, self.inspector):
            if thread.is_alive():
                thread.join(2.0)


if __name__ == "__main__":
    sys.exit(main())
