"""ThreadPoolExecutor: pool, workers, tasks, queue depth, and resize."""
import _thread
import itertools
import sys
import threading
import weakref
from concurrent.futures import thread as cft
from concurrent.futures import _base
from typing import Any, Dict, List, Optional

from . import _wire as W

_ORIG: Dict[str, Any] = {}
_pools: "weakref.WeakValueDictionary[str, PoolInfo]" = (
    weakref.WeakValueDictionary())
_wids: Dict[int, str] = {}
_wid_b: Dict[int, bytes] = {}
_S = W.S
_mono = W.mono
_write = W.write
_write_held = W.write_held
_jsb_cache = W._jsb_cache
_site_b = W._site_b
_get_ident = _thread.get_ident
_getframe = sys._getframe
_Future = _base.Future
POLL_NS = W.POLL_NS


class PoolInfo:
    """Probe-side state of one thread pool (the gate for resize)."""

    def __init__(self, pool_id: str, kind: str, cap: int,
                 owner: Any = None) -> None:
        self.id = pool_id
        self.kind = kind
        self.cap = cap
        self.busy = 0
        self.lock = _thread.allocate_lock()
        self.cond = threading.Condition(self.lock)
        self.waiting = 0
        self.target = 0           # ThreadPool: threads wanted after a grow
        self.queue: Any = None
        self.seq = itertools.count()
        self.ref = weakref.ref(owner) if owner is not None else None
        # Preformatted lines of the hot events (bytes: no encode per event)
        ids = ('"pid":%d,"pool":"%s","task":"%s/'
               % (W.pid(), pool_id, pool_id)).encode()
        self.b_submit = (b'{"e":"submit","t":%d,' + ids
                         + b'%d","fn":%s,"n":1,"site":%s,"q":%d}\n')
        self.b_start = (b'{"e":"start","t":%d,' + ids
                        + b'%d","w":"%s","q":%d}\n')
        self.b_ok = (b'{"e":"finish","t":%d,' + ids
                     + b'%d","w":"%s","outcome":"ok"}\n')
        self.b_exc = (b'{"e":"finish","t":%d,' + ids
                      + b'%d","w":"%s","outcome":"exc","exc":%s}\n')


def worker_id() -> str:
    """``"<pid>/<native thread id>"`` of the calling thread (cached)."""
    ident = threading.get_ident()
    w = _wids.get(ident)
    if w is None:
        w = "%d/%d" % (W.pid(), threading.get_native_id())
        _wids[ident] = w
    return w


def _worker_b() -> bytes:
    w = _wid_b[threading.get_ident()] = worker_id().encode()
    return w


def forget_worker() -> None:
    ident = threading.get_ident()
    _wids.pop(ident, None)
    _wid_b.pop(ident, None)


def forget_all_workers() -> None:
    """After fork: thread ids of the parent mean nothing in the child."""
    _wids.clear()
    _wid_b.clear()


def emit_worker_start(pool_id: str) -> None:
    forget_worker()
    t = threading.current_thread()
    W.event("wstart", pool=pool_id, w=worker_id(),
            tid=threading.get_native_id(), name=t.name)


def emit_worker_exit(pool_id: str) -> None:
    W.event("wexit", pool=pool_id, w=worker_id(), status=None)
    forget_worker()


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    _ORIG["init"](self, *args, **kwargs)
    info = PoolInfo(W.new_pool_id(), "ThreadPoolExecutor",
                    self._max_workers, self)
    info.queue = self._work_queue
    self._pooltop = info
    _pools[info.id] = info
    W.event("pool", pool=info.id, kind=info.kind, workers=self._max_workers,
            site=W.site(), method=None)


def _submit(self: Any, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
    """``ThreadPoolExecutor.submit``: the ``submit`` event, then the
    standard body (identical in 3.9 - 3.13) with a traced work item."""
    info: Optional[PoolInfo] = getattr(self, "_pooltop", None)
    if info is None:
        return _ORIG["submit"](self, fn, *args, **kwargs)
    t = _mono()
    if t - _S.last_poll >= POLL_NS:
        W.poll(t)
    n = next(info.seq)
    name = getattr(fn, "__qualname__", None) or type(fn).__name__
    f = _getframe(1)
    where = _site_b.get((f.f_code, f.f_lasti)) or W.site_b(f)
    _write(info.b_submit % (t, n, _jsb_cache.get(name) or W.jsb(name),
                            where, self._work_queue.qsize() + 1))
    try:
        with self._shutdown_lock, cft._global_shutdown_lock:
            if self._broken:
                raise cft.BrokenThreadPool(self._broken)
            if self._shutdown:
                raise RuntimeError(
                    'cannot schedule new futures after shutdown')
            if cft._shutdown:
                raise RuntimeError('cannot schedule new futures after '
                                   'interpreter shutdown')
            fut = _Future()
            fut._pt_info = info
            fut._pt_n = n
            self._work_queue.put(TracedItem(fut, fn, args, kwargs))
            self._adjust_thread_count()
            return fut
    except BaseException as exc:
        W.event("fail", pool=info.id, task="%s/%d" % (info.id, n),
                outcome="rejected", exc=type(exc).__name__)
        raise


def _name(fn: Any) -> str:
    return getattr(fn, "__qualname__", None) or type(fn).__name__


class TracedItem(cft._WorkItem):
    """The work item of a traced pool: ``run`` is the standard body
    (identical in 3.9 - 3.13) plus the resize gate and ``start``/
    ``finish``.  Pool and task number ride on the future (no new objects
    per task: the probe must not feed the garbage collector)."""

    def run(self) -> None:
        future = self.future
        info: PoolInfo = future._pt_info
        lock = info.lock
        lock.acquire()
        if info.busy >= info.cap:      # parked behind the resize gate
            info.waiting += 1
            while info.busy >= info.cap:
                info.cond.wait()
            info.waiting -= 1
        info.busy += 1
        lock.release()
        # The gate is passed before the future is marked running, so a
        # parked task can still be cancelled.
        try:
            if not future.set_running_or_notify_cancel():
                return
            n = future._pt_n
            w = _wid_b.get(_get_ident()) or _worker_b()
            _write_held(info.b_start % (_mono(), n, w, info.queue.qsize()))
            try:
                result = self.fn(*self.args, **self.kwargs)
            except BaseException as exc:
                t = _mono()
                name = type(exc).__name__
                _write_held(info.b_exc % (t, n, w, _jsb_cache.get(name)
                                          or W.jsb(name)))
                future.set_exception(exc)
                # Break a reference cycle with the exception 'exc'
                self = future = None  # type: ignore
            else:
                t = _mono()
                _write_held(info.b_ok % (t, n, w))
                future.set_result(result)
        finally:
            lock.acquire()
            info.busy -= 1
            if info.waiting:
                info.cond.notify()
            lock.release()
        if t - _S.last_poll >= POLL_NS:
            W.poll(t)


def _worker(executor_reference: Any, *args: Any, **kwargs: Any) -> Any:
    ex = executor_reference()
    info = getattr(ex, "_pooltop", None)
    del ex
    if info is not None:
        emit_worker_start(info.id)
    try:
        return _ORIG["worker"](executor_reference, *args, **kwargs)
    finally:
        if info is not None:
            emit_worker_exit(info.id)


def _cancel(self: Any) -> bool:
    ok = _ORIG["cancel"](self)
    if not ok:
        return ok
    info = getattr(self, "_pt_info", None)
    if info is not None and not getattr(self, "_pt_cancelled", False):
        self._pt_cancelled = True   # cancel() of a cancelled future: once
        W.event("fail", pool=info.id, task="%s/%d" % (info.id, self._pt_n),
                outcome="cancelled")
    tag = getattr(self, "_pooltop_task", None)
    if tag is not None:
        self._pooltop_task = None
        W.event("fail", pool=tag[0], task=tag[1], outcome="cancelled")
    return ok


def shutdown(self: Any, *args: Any, **kwargs: Any) -> Any:
    """``Executor.shutdown`` of both executors: ``pend`` once, after it."""
    table = _ORIG["shutdown"]
    orig = next(table[c] for c in type(self).__mro__ if c in table)
    try:
        return orig(self, *args, **kwargs)
    finally:
        info = getattr(self, "_pooltop", None)
        if info is not None and not getattr(info, "ended", False):
            wait = kwargs.get("wait", args[0] if args else True)
            if wait:
                info.ended = True
                W.event("pend", pool=info.id)


def resize(cmd: Dict[str, Any]) -> None:
    """Handle ``{"c": "resize", "pool": id, "workers": n}``."""
    from . import _mppool
    pool_id = cmd.get("pool")
    n = cmd.get("workers")
    known = isinstance(pool_id, str)
    info = _pools.get(pool_id) if known else None
    mp_info = _mppool.thread_pools.get(pool_id) if known else None
    if info is None and mp_info is None:
        from . import _procs
        reason = _procs.resize_refusal(pool_id)
        W.event("refused", c="resize", pool=pool_id, workers=n,
                reason=reason)
        return
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 4096:
        W.event("refused", c="resize", pool=pool_id, workers=n,
                reason="workers must be an integer from 1 to 4096")
        return
    if mp_info is not None:
        _mppool.resize(mp_info, n)
        return
    ex = info.ref() if info.ref is not None else None
    if ex is None:
        W.event("refused", c="resize", pool=pool_id, workers=n,
                reason="pool is gone")
        return
    with info.cond:
        old = info.cap
        info.cap = n
        info.cond.notify_all()
    with ex._shutdown_lock:
        if n > ex._max_workers:
            ex._max_workers = n
        if not ex._shutdown:
            grow = min(n - len(ex._threads), ex._work_queue.qsize())
            for _ in range(max(0, grow)):
                ex._adjust_thread_count()
    W.event("resized", c="resize", pool=pool_id, workers=n, was=old,
            threads=len(ex._threads))


def install(hooks: List[str]) -> None:
    tpe = cft.ThreadPoolExecutor
    _ORIG.update(init=tpe.__init__, submit=tpe.submit, worker=cft._worker,
                 cancel=_base.Future.cancel)
    from concurrent.futures import process as cfp
    _ORIG["shutdown"] = {tpe: tpe.shutdown,
                         cfp.ProcessPoolExecutor:
                         cfp.ProcessPoolExecutor.shutdown}
    tpe.shutdown = shutdown
    cfp.ProcessPoolExecutor.shutdown = shutdown
    tpe.__init__ = _init
    tpe.submit = _submit
    cft._worker = _worker
    _base.Future.cancel = _cancel
    W.handlers["resize"] = resize
    hooks += ["concurrent.futures.ThreadPoolExecutor.__init__",
              "concurrent.futures.ThreadPoolExecutor.submit",
              "concurrent.futures.thread._WorkItem.run (subclass)",
              "concurrent.futures.thread._worker",
              "concurrent.futures.Future.cancel",
              "concurrent.futures.ThreadPoolExecutor.shutdown",
              "concurrent.futures.ProcessPoolExecutor.shutdown"]
