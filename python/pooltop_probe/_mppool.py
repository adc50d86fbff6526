"""multiprocessing.Pool, multiprocessing.pool.ThreadPool and
multiprocessing.dummy.Pool."""
import threading
import weakref
from multiprocessing import pool as mpp
from typing import Any, Dict, List, Optional

from . import _procs
from . import _threads
from . import _wire as W

_ORIG: Dict[str, Any] = {}
_tls = threading.local()
_by_list: Dict[int, "_threads.PoolInfo"] = {}
# ThreadPool / multiprocessing.dummy.Pool by pool id, for resize
thread_pools: "weakref.WeakValueDictionary[str, _threads.PoolInfo]" = (
    weakref.WeakValueDictionary())


def _kind(self: Any) -> str:
    if not isinstance(self, mpp.ThreadPool):
        return "multiprocessing.Pool"
    import multiprocessing.dummy as mpd
    code = getattr(mpd.Pool, "__code__", None)
    import sys
    f: Any = sys._getframe(2)
    while f is not None:
        if f.f_code is code:
            return "multiprocessing.dummy.Pool"
        f = f.f_back
    return "ThreadPool"


def _init(self: Any, *args: Any, **kwargs: Any) -> None:
    _tls.creating = (_kind(self), W.site())
    try:
        _ORIG["init"](self, *args, **kwargs)
    finally:
        _tls.creating = None
    info = _by_list.get(id(getattr(self, "_pool", None)))
    if info is not None:
        self._pooltop = info
        if info.kind != "multiprocessing.Pool":
            info.ref = weakref.ref(self)
            thread_pools[info.id] = info


def _repopulate(ctx: Any, Process: Any, processes: int, pool: List[Any],
                *args: Any, **kwargs: Any) -> Any:
    info = _by_list.get(id(pool))
    if info is None:
        creating = getattr(_tls, "creating", None)
        if creating is None:
            return _ORIG["repop"](ctx, Process, processes, pool,
                                  *args, **kwargs)
        kind, where = creating
        info = _threads.PoolInfo(W.new_pool_id(), kind, processes)
        _by_list[id(pool)] = info
        _procs._process_pools[info.id] = kind
        W.event("pool", pool=info.id, kind=kind, workers=processes,
                site=where,
                method=None if kind != "multiprocessing.Pool"
                else ctx.get_start_method())
    thread = info.kind != "multiprocessing.Pool"
    sdir = None if thread else _procs.state_dir()
    with _procs._swap_lock:
        mpp.worker = _procs.TracedWorker(info.id, "mp", sdir, thread,
                                         info if thread else None)
        try:
            result = _ORIG["repop"](ctx, Process, processes, pool,
                                    *args, **kwargs)
        finally:
            mpp.worker = _ORIG["worker"]
    if sdir is not None:
        for p in pool:
            _procs.tag_process(p, info.id, "mp", sdir)
    return result


def _maintain(ctx: Any, Process: Any, processes: int, pool: List[Any],
              *args: Any, **kwargs: Any) -> Any:
    """``Pool._maintain_pool`` (run by the pool's own worker-handler
    thread): a ThreadPool grown by ``resize`` is kept at its new size, and
    the new threads are started here, by the thread that starts the pool's
    replacement workers, before it tells the task handler to send the end
    sentinels (so a pool closing at that moment sends one to each)."""
    info = _by_list.get(id(pool))
    target = info.target if info is not None else 0
    if target <= processes:
        return _ORIG["maintain"](ctx, Process, processes, pool,
                                 *args, **kwargs)
    _ORIG["maintain"](ctx, Process, target, pool, *args, **kwargs)
    if len(pool) < target:
        mpp.Pool._repopulate_pool_static(ctx, Process, target, pool,
                                         *args, **kwargs)
    return None


def resize(info: "_threads.PoolInfo", n: int) -> None:
    """``resize`` of a ThreadPool / multiprocessing.dummy.Pool.

    Shrinking lowers the gate's cap at once: at most ``n`` workers take
    tasks from then on (tasks already running finish first; surplus
    threads wait at the gate without a task).  Growing raises the cap and,
    beyond the threads there are, asks the pool's worker-handler thread to
    start more (it wakes on the pool's own change notifier, as for
    ``close()``)."""
    pool = info.ref() if info.ref is not None else None
    if pool is None:
        W.event("refused", c="resize", pool=info.id, workers=n,
                reason="pool is gone")
        return
    if pool._state != mpp.RUN:
        W.event("refused", c="resize", pool=info.id, workers=n,
                reason="pool is closed")
        return
    with info.cond:
        old = info.cap
        info.cap = n
        info.cond.notify_all()
    threads = len(pool._pool)
    if n > threads:
        info.target = n
        pool._processes = n
        pool._change_notifier.put(None)
    W.event("resized", c="resize", pool=info.id, workers=n, was=old,
            threads=threads)


def _site_and_pool(self: Any) -> Optional["_threads.PoolInfo"]:
    return getattr(self, "_pooltop", None)


def _guarded(self: Any, result_job: int, func: Any, iterable: Any) -> Any:
    gen = _ORIG["guarded"](self, result_job, func, iterable)
    info = _site_and_pool(self)
    if info is None:
        return gen
    W.poll()
    where = W.js(W.site())
    return _emit_each(info, gen, where)


def _emit_each(info: "_threads.PoolInfo", gen: Any, where: str) -> Any:
    for task in gen:
        job, i, func, args = task[0], task[1], task[2], task[3]
        n = 1
        if func in (mpp.mapstar, mpp.starmapstar) and len(args) == 1:
            fn, chunk = args[0]
            n = len(chunk)
        else:
            fn = func
        W.send('{"e":"submit","t":%d,"pid":%d,"pool":"%s","task":"%s/%d.%d",'
               '"fn":%s,"n":%d,"site":%s}\n'
               % (W.mono(), W.S.pid, info.id, info.id, job, i,
                  W.js(_threads._name(fn)), n, where))
        yield task


def _apply_async(self: Any, func: Any, *args: Any, **kwargs: Any) -> Any:
    info = _site_and_pool(self)
    if info is None:
        return _ORIG["apply_async"](self, func, *args, **kwargs)
    W.poll()
    t = W.mono()
    where = W.site()
    result = _ORIG["apply_async"](self, func, *args, **kwargs)
    W.event("submit", t=t, pool=info.id,
            task="%s/%d.0" % (info.id, result._job),
            fn=_threads._name(func), n=1, site=where,
            q=self._taskqueue.qsize())
    return result


def _terminate_pool(cls: Any, taskqueue: Any, inqueue: Any, outqueue: Any,
                    pool: Any, *args: Any, **kwargs: Any) -> Any:
    try:
        return _ORIG["terminate"](cls, taskqueue, inqueue, outqueue, pool,
                                  *args, **kwargs)
    finally:
        info = _by_list.pop(id(pool), None)
        if info is not None:
            W.event("pend", pool=info.id)


def install(hooks: List[str]) -> None:
    P = mpp.Pool
    _ORIG.update(init=P.__init__, repop=P._repopulate_pool_static,
                 maintain=P._maintain_pool,
                 worker=mpp.worker, guarded=P._guarded_task_generation,
                 apply_async=P.apply_async,
                 terminate=P.__dict__["_terminate_pool"].__func__)
    mpp._pooltop_orig = mpp.worker
    P.__init__ = _init
    P._repopulate_pool_static = staticmethod(_repopulate)
    P._maintain_pool = staticmethod(_maintain)
    P._guarded_task_generation = _guarded
    P.apply_async = _apply_async
    P._terminate_pool = classmethod(_terminate_pool)
    hooks += ["multiprocessing.pool.Pool.__init__",
              "multiprocessing.pool.Pool._repopulate_pool_static",
              "multiprocessing.pool.Pool._maintain_pool",
              "multiprocessing.pool.worker",
              "multiprocessing.pool.Pool._guarded_task_generation",
              "multiprocessing.pool.Pool.apply_async",
              "multiprocessing.pool.Pool._terminate_pool"]
