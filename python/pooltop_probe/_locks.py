"""Locks the program creates: ``threading.Lock`` and ``multiprocessing.Lock``.

Locks created by the standard library itself (queues, pools, conditions)
stay plain: only a lock whose creating frame is user code is traced.  Each
acquire/release pair is one ``lock`` event with wait and hold nanoseconds.
"""
import _thread
import multiprocessing
import threading
from multiprocessing import context as mpc
from multiprocessing import synchronize
from typing import Any, Dict, List, Optional

from . import _wire as W

_ORIG: Dict[str, Any] = {}
_raw_lock = _thread.allocate_lock


class TracedLock:
    """A ``threading.Lock`` that reports each acquire/release pair."""

    __slots__ = ("_l", "_id", "_t1", "_wait", "__weakref__")

    def __init__(self) -> None:
        self._l = _raw_lock()
        self._id = W.new_lock_id()
        self._t1 = 0
        self._wait = 0

    def acquire(self, blocking: bool = True, timeout: float = -1) -> bool:
        t0 = W.mono()
        ok = self._l.acquire(blocking, timeout)
        if ok:
            self._t1 = t1 = W.mono()
            self._wait = t1 - t0
        return ok

    __enter__ = acquire

    def release(self) -> None:
        t2 = W.mono()
        t1, wait = self._t1, self._wait
        self._l.release()
        W.send('{"e":"lock","t":%d,"pid":%d,"lock":"%s","wait":%d,"hold":%d}\n'
               % (t2, W.S.pid, self._id, wait, t2 - t1))

    def __exit__(self, *exc: Any) -> None:
        self.release()

    def locked(self) -> bool:
        return self._l.locked()

    def _at_fork_reinit(self) -> None:
        self._l = _raw_lock()

    def __repr__(self) -> str:
        state = "locked" if self._l.locked() else "unlocked"
        return "<%s %s pooltop lock %s>" % (
            state, type(self).__name__, self._id)


def _thread_lock() -> Any:
    if W.caller_is_internal(2):
        return _raw_lock()
    lock = TracedLock()
    W.event("lockdef", lock=lock._id, kind="threading.Lock", site=W.site())
    return lock


class TracedMpLock(synchronize.Lock):
    """A ``multiprocessing.Lock`` that reports each acquire/release pair.

    Its id travels with it when pickled to a spawned child.
    """

    def __init__(self, *, ctx: Any, lock_id: str = "") -> None:
        self._pt_id = lock_id
        self._pt_t1: Optional[int] = None
        self._pt_wait = 0
        super().__init__(ctx=ctx)

    def _make_methods(self) -> None:
        self._pt_acquire = self._semlock.acquire
        self._pt_release = self._semlock.release
        self._pt_t1 = None

    def acquire(self, block: bool = True,
                timeout: Optional[float] = None) -> bool:
        t0 = W.mono()
        ok = self._pt_acquire(block, timeout)
        if ok:
            self._pt_t1 = t1 = W.mono()
            self._pt_wait = t1 - t0
        return ok

    def release(self) -> None:
        t2 = W.mono()
        t1, wait = self._pt_t1, self._pt_wait
        self._pt_release()
        self._pt_t1 = None
        if t1 is None:
            W.event("lock", lock=self._pt_id, wait=None, hold=None, t=t2)
            return
        W.send('{"e":"lock","t":%d,"pid":%d,"lock":"%s","wait":%d,"hold":%d}\n'
               % (t2, W.S.pid, self._pt_id, wait, t2 - t1))

    def __enter__(self) -> bool:
        return self.acquire()

    def __exit__(self, *exc: Any) -> None:
        self.release()

    def __getstate__(self) -> Any:
        return (super().__getstate__(), self._pt_id)

    def __setstate__(self, state: Any) -> None:
        inner, self._pt_id = state
        self._pt_wait = 0
        super().__setstate__(inner)


def _ctx_lock(self: Any) -> Any:
    if W.caller_is_internal(2):
        return _ORIG["ctx_lock"](self)
    lock_id = W.new_lock_id()
    lock = TracedMpLock(ctx=self.get_context(), lock_id=lock_id)
    W.event("lockdef", lock=lock_id, kind="multiprocessing.Lock",
            site=W.site())
    return lock


def _default_lock() -> Any:
    return _ctx_lock(mpc._default_context)


def install(hooks: List[str]) -> None:
    _ORIG.update(thread_lock=threading.Lock, ctx_lock=mpc.BaseContext.Lock,
                 mp_lock=multiprocessing.Lock)
    threading.Lock = _thread_lock
    mpc.BaseContext.Lock = _ctx_lock
    multiprocessing.Lock = _default_lock
    hooks += ["threading.Lock", "multiprocessing.context.BaseContext.Lock",
              "multiprocessing.Lock"]
