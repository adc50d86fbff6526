"""ThreadPoolExecutor: pool, workers, tasks, queue depth, and resize."""
import _thread
import itertools
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
_tls = threading.local()


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
        self.queue: Any = None
        self.seq = itertools.count()
        self.ref = weakref.ref(owner) if owner is not None else None
        head = '{"e":"%%s","t":%%d,"pid":%d,"pool":"%s","task":"%s/' % (
            W.pid(), pool_id, pool_id)
        head = head.replace("%%s", "%s").replace("%%d", "%d")
        self.fmt_submit = head.replace("%s", "submit", 1) + (
            '%d","fn":%s,"n":1,"site":%s,"q":%d}\n')
        self.fmt_start = head.replace("%s", "start", 1) + (
            '%d","w":"%s","q":%d}\n')
        self.fmt_ok = head.replace("%s", "finish", 1) + (
            '%d","w":"%s","outcome":"ok"}\n')
        self.fmt_exc = head.replace("%s", "finish", 1) + (
            '%d","w":"%s","outcome":"exc","exc":%s}\n')


def worker_id() -> str:
    """``"<pid>/<native thread id>"`` of the calling thread (cached)."""
    ident = threading.get_ident()
    w = _wids.get(ident)
    if w is None:
        w = "%d/%d" % (W.pid(), threading.get_native_id())
        _wids[ident] = w
    return w


def forget_worker() -> None:
    _wids.pop(threading.get_ident(), None)


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
    info: Optional[PoolInfo] = getattr(self, "_pooltop", None)
    if info is None:
        return _ORIG["submit"](self, fn, *args, **kwargs)
    W.poll()
    n = next(info.seq)
    W.send(info.fmt_submit % (W.mono(), n, W.js(_name(fn)), W.site_js(),
                              self._work_queue.qsize() + 1))
    _tls.info = info
    _tls.n = n
    try:
        return _ORIG["submit"](self, fn, *args, **kwargs)
    except BaseException as exc:
        W.event("fail", pool=info.id, task="%s/%d" % (info.id, n),
                outcome="rejected", exc=type(exc).__name__)
        raise
    finally:
        _tls.info = None


def _name(fn: Any) -> str:
    return getattr(fn, "__qualname__", None) or type(fn).__name__


def _item_init(self: Any, future: Any, fn: Any, args: Any,
               kwargs: Any) -> None:
    """``_WorkItem.__init__``: tags the item and its future (no new
    objects per task: the probe must not feed the garbage collector)."""
    _ORIG["item_init"](self, future, fn, args, kwargs)
    info = getattr(_tls, "info", None)
    if info is not None:
        self._pt_info = future._pt_info = info
        self._pt_n = future._pt_n = _tls.n


def _item_run(self: Any) -> None:
    """``_WorkItem.run`` with the resize gate and start/finish events.

    Same body as the standard one (identical in 3.9 - 3.13); the gate is
    passed before the future is marked running, so a parked task can
    still be cancelled.
    """
    info: Optional[PoolInfo] = getattr(self, "_pt_info", None)
    if info is None:
        return _ORIG["item_run"](self)
    lock = info.lock
    lock.acquire()
    if info.busy >= info.cap:      # parked behind the resize gate
        info.waiting += 1
        while info.busy >= info.cap:
            info.cond.wait()
        info.waiting -= 1
    info.busy += 1
    lock.release()
    try:
        if not self.future.set_running_or_notify_cancel():
            return
        n = self._pt_n
        w = worker_id()
        send = W.send
        send(info.fmt_start % (W.mono(), n, w, info.queue.qsize()))
        try:
            result = self.fn(*self.args, **self.kwargs)
        except BaseException as exc:
            send(info.fmt_exc % (W.mono(), n, w, W.js(type(exc).__name__)))
            self.future.set_exception(exc)
            self = None
        else:
            send(info.fmt_ok % (W.mono(), n, w))
            self.future.set_result(result)
    finally:
        lock.acquire()
        info.busy -= 1
        if info.waiting:
            info.cond.notify()
        lock.release()
        W.poll()


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
    if info is not None:
        self._pt_info = None
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
    pool_id = cmd.get("pool")
    n = cmd.get("workers")
    info = _pools.get(pool_id) if isinstance(pool_id, str) else None
    if info is None:
        from . import _procs
        reason = _procs.resize_refusal(pool_id)
        W.event("refused", c="resize", pool=pool_id, workers=n,
                reason=reason)
        return
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= 4096:
        W.event("refused", c="resize", pool=pool_id, workers=n,
                reason="workers must be an integer from 1 to 4096")
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
                 cancel=_base.Future.cancel, item_init=cft._WorkItem.__init__,
                 item_run=cft._WorkItem.run)
    cft._WorkItem.__init__ = _item_init
    cft._WorkItem.run = _item_run
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
              "concurrent.futures.thread._WorkItem.__init__",
              "concurrent.futures.thread._WorkItem.run",
              "concurrent.futures.thread._worker",
              "concurrent.futures.Future.cancel",
              "concurrent.futures.ThreadPoolExecutor.shutdown",
              "concurrent.futures.ProcessPoolExecutor.shutdown"]
