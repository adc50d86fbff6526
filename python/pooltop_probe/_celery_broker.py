"""The Redis side of the bridge: the broker's queue length and the shared
counter (at most every 200 ms, when they change), and whether the broker
is reachable (``broker`` ``lost``/``back``, retried every second)."""
import threading
import time
from typing import Any, Callable, List, Optional

POLL_S = 0.2
RETRY_S = 1.0


def redis_client(url: str) -> Any:
    import redis
    return redis.Redis.from_url(url, socket_timeout=5.0,
                                socket_connect_timeout=2.0)


def reason_of(exc: BaseException) -> str:
    text = str(exc).strip() or type(exc).__name__
    return text.splitlines()[0]


def check(url: str) -> Optional[str]:
    """None when the broker answers PING, else why not."""
    try:
        client = redis_client(url)
        try:
            client.ping()
        finally:
            client.close()
    except Exception as exc:
        return reason_of(exc)
    return None


class BrokerMonitor(threading.Thread):
    """Polls the queue and the counter; says when the broker is lost and
    when it is back."""

    def __init__(self, url: str, queue: str, emit: Callable[..., None],
                 on_back: Callable[[], None],
                 ticks: List[Callable[[float], None]]) -> None:
        super().__init__(name="pooltop-celery-broker", daemon=True)
        self.url = url
        self.queue = queue
        self.emit = emit
        self.on_back = on_back
        self.ticks = ticks            # called every poll with time.time()
        # Tasks ended ok so far, read just before the counter: the
        # ``done`` of a ``counter`` event (the increments it must hold).
        self.done: Callable[[], int] = lambda: 0
        self.client = redis_client(url)
        self.lock = threading.Lock()
        self.counter_key: Optional[str] = None
        self.last_q: Optional[int] = None
        self.last_counter: Optional[int] = None
        self.lost: Optional[str] = None     # reason while lost
        self.stopping = False

    def set_counter(self, key: Optional[str]) -> None:
        with self.lock:
            self.counter_key = key
            self.last_counter = None

    def reset(self, key: str) -> int:
        """SET key 0 and report it (the ``reset`` command)."""
        with self.lock:
            self.counter_key = key
            done = self.done()
            self.client.set(key, 0)
            value = int(self.client.get(key) or 0)
            self.last_counter = value
        self.emit("counter", key=key, actual=value, done=done)
        return value

    def read(self, key: str) -> int:
        """GET key and report it now, changed or not (the ``counter``
        command: pooltop's final figure must not be a poll behind)."""
        with self.lock:
            self.counter_key = key
            done = self.done()
            value = int(self.client.get(key) or 0)
            self.last_counter = value
        self.emit("counter", key=key, actual=value, done=done)
        return value

    def broken(self, exc: BaseException) -> None:
        """Another thread hit a broker error: check now."""
        if self.lost is None:
            try:
                self.client.ping()
            except Exception as err:
                self._lose(reason_of(err))

    def _lose(self, reason: str) -> None:
        with self.lock:
            if self.lost is not None:
                return
            self.lost = reason
        self.emit("broker", state="lost", reason=reason)

    def run(self) -> None:
        while not self.stopping:
            if self.lost is None:
                self._poll()
                time.sleep(POLL_S)
            else:
                time.sleep(RETRY_S)
                self._retry()

    def _poll(self) -> None:
        with self.lock:
            key = self.counter_key
        done = self.done()
        try:
            pipe = self.client.pipeline(transaction=False)
            pipe.llen(self.queue)
            if key:
                pipe.get(key)
            values = pipe.execute()
        except Exception as exc:
            self._lose(reason_of(exc))
            return
        q = int(values[0])
        if q != self.last_q:
            self.last_q = q
            self.emit("queue", pool="celery", q=q)
        if key:
            actual = int(values[1] or 0)
            with self.lock:
                changed = (key == self.counter_key
                           and actual != self.last_counter)
                if changed:
                    self.last_counter = actual
            if changed:
                self.emit("counter", key=key, actual=actual, done=done)
        now = time.time()
        for tick in self.ticks:
            tick(now)

    def _retry(self) -> None:
        try:
            self.client.ping()
        except Exception:
            return
        with self.lock:
            self.lost = None
            self.last_q = None
            self.last_counter = None
        self.emit("broker", state="back")
        self.on_back()

    def stop(self) -> None:
        self.stopping = True
