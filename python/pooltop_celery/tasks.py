"""pooltop's task kinds.  Each takes its cost and the counter options:

``lock``     take the Redis lock ``<counter>:lock`` around the update
``cs_ms``    length of the critical section (the sleep between GET and SET)
``counter``  the Redis key of the shared counter ("" = no counter update)

and returns ``{"wait_ns", "hold_ns", "pid"}`` (lock wait and hold, None
without lock; the pid of the pool process that ran it).
"""
from typing import Any, Dict, Optional

from .app import app
from . import work

DEFAULT_COUNTER = "pooltop:counter"
Result = Dict[str, Optional[int]]
_NO_LOCK: Dict[str, Optional[int]] = {"wait_ns": None, "hold_ns": None}


def _count(lock: bool, cs_ms: float, counter: str) -> Dict[str, Any]:
    if not counter:
        return _NO_LOCK
    return work.update_counter(app.conf.broker_url, counter, bool(lock),
                               float(cs_ms))


@app.task(name="pooltop.io")
def io(cost_ms: float, lock: bool = False, cs_ms: float = 0.0,
       counter: str = DEFAULT_COUNTER) -> Result:
    """Block for ``cost_ms`` without using CPU."""
    work.block_io(float(cost_ms))
    return work.result(_count(lock, cs_ms, counter))


@app.task(name="pooltop.cpu")
def cpu(cost_ms: float, lock: bool = False, cs_ms: float = 0.0,
        counter: str = DEFAULT_COUNTER) -> Result:
    """Burn ``cost_ms`` of CPU time of the pool process."""
    spin = work.burn_cpu(float(cost_ms))
    return work.result(_count(lock, cs_ms, counter), spin=spin)


@app.task(name="pooltop.mixed")
def mixed(cpu_ms: float, io_ms: float, lock: bool = False,
          cs_ms: float = 0.0, counter: str = DEFAULT_COUNTER) -> Result:
    """Burn ``cpu_ms`` of CPU, then block for ``io_ms``."""
    spin = work.burn_cpu(float(cpu_ms))
    work.block_io(float(io_ms))
    return work.result(_count(lock, cs_ms, counter), spin=spin)
