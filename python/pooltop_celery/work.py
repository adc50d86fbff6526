"""The work of pooltop's tasks: real CPU, real waiting, a real counter."""
import os
import time
from typing import Dict, Optional

import redis

_clients: Dict[str, "redis.Redis"] = {}
LOCK_SPIN_S = 0.001     # how often a waiting task retries the Redis lock


def burn_cpu(ms: float) -> int:
    """Burn ``ms`` milliseconds of this thread's CPU time; return a value
    computed along the way (so the loop cannot be skipped)."""
    end = time.thread_time() + ms / 1000.0
    x = 1
    while time.thread_time() < end:
        for i in range(200):
            x = (x * 31 + i) % 1000003
    return x


def block_io(ms: float) -> None:
    """Block the worker for ``ms`` milliseconds without using CPU."""
    if ms > 0:
        time.sleep(ms / 1000.0)


def client(url: str) -> "redis.Redis":
    """One Redis client per URL and process (redis-py reconnects after
    fork by itself)."""
    c = _clients.get(url)
    if c is None:
        c = _clients[url] = redis.Redis.from_url(url)
    return c


def update_counter(url: str, key: str, lock: bool, cs_ms: float
                   ) -> Dict[str, Optional[int]]:
    """Read-modify-write of the counter ``key``: GET, sleep ``cs_ms``,
    SET value+1; with ``lock`` inside a redis-py ``Lock`` named
    ``<key>:lock``.  Returns lock wait and hold in ns (None without lock).
    """
    r = client(url)
    if not lock:
        _read_modify_write(r, key, cs_ms)
        return {"wait_ns": None, "hold_ns": None}
    # The lock expires by itself if its holder is killed (no deadlock).
    expire = max(5.0, 20 * cs_ms / 1000.0)
    t0 = time.monotonic_ns()
    with r.lock(key + ":lock", timeout=expire, sleep=LOCK_SPIN_S):
        t1 = time.monotonic_ns()
        _read_modify_write(r, key, cs_ms)
        t2 = time.monotonic_ns()
    return {"wait_ns": t1 - t0, "hold_ns": t2 - t1}


def _read_modify_write(r: "redis.Redis", key: str, cs_ms: float) -> None:
    value = int(r.get(key) or 0)
    block_io(cs_ms)
    r.set(key, value + 1)


def result(counted: Dict[str, Optional[int]], **extra: int
           ) -> Dict[str, Optional[int]]:
    out = {"wait_ns": counted["wait_ns"], "hold_ns": counted["hold_ns"],
           "pid": os.getpid()}
    out.update(extra)
    return out
