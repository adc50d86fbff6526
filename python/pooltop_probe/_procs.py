"""Process workers: ProcessPoolExecutor hooks, the traced worker entry
point shared with ``multiprocessing.pool``, and the parent-side exit hook.

Each worker process reports its own ``wstart``/``start``/``finish`` events
over its own connection.  The parent reports ``wexit`` (with the exit status
it reaps) and, for a worker that died mid-task, that task's ``fail``.  The
task a process worker is running is kept in a small per-worker file in a
state directory so that the parent can name it after a SIGKILL.
"""
import _thread
import atexit
import functools
import os
import shutil
import tempfile
import threading
import time
from concurrent.futures import process as cfp
from multiprocessing import popen_fork
from typing import Any, Dict, List, Optional, Set

from . import _threads
from . import _wire as W

_ORIG: Dict[str, Any] = {}
_swap_lock = _thread.allocate_lock()
_tls = threading.local()
_state_dir: Optional[str] = None
_state_owner = 0
_process_pools: Dict[str, str] = {}   # pool id -> kind (for refusals)
_failed: Set[str] = set()


def state_dir() -> str:
    global _state_dir, _state_owner
    if _state_dir is None or _state_owner != os.getpid():
        _state_dir = tempfile.mkdtemp(prefix="pooltop-probe-")
        _state_owner = os.getpid()
        atexit.register(_cleanup, _state_dir, _state_owner)
    return _state_dir


def _cleanup(path: str, owner: int) -> None:
    if os.getpid() == owner:
        shutil.rmtree(path, ignore_errors=True)


def _current_task(sdir: str, pid: int) -> Optional[str]:
    try:
        with open(os.path.join(sdir, str(pid)), "rb") as f:
            text = f.read().decode().strip()
    except OSError:
        return None
    return text or None


def resize_refusal(pool_id: Any) -> str:
    kind = _process_pools.get(pool_id) if isinstance(pool_id, str) else None
    if kind is None:
        return "unknown pool"
    if kind != "multiprocessing.Pool" and kind != "ProcessPoolExecutor":
        return "pool is gone"     # a thread pool no longer referenced
    return ("%s runs worker processes; resizing them live is not safe "
            "(the probe would have to fork or kill workers behind the "
            "pool's back)" % kind)


class _Queues:
    """Wraps a worker's task queue and result queue to see each task."""

    def __init__(self, tw: "TracedWorker", inq: Any, outq: Any) -> None:
        self.tw = tw
        self.inq = inq
        self.outq = outq
        self.current: Optional[str] = None
        self.w = ""
        self.fd = -1
        self.holding = False      # a slot of the resize gate (thread pools)
        self.cpu0 = 0             # worker processes: CPU time at the start


class _In:
    def __init__(self, qs: _Queues) -> None:
        self._qs = qs

    def get(self, *a: Any, **k: Any) -> Any:
        qs = self._qs
        gate = qs.tw.gate
        if gate is not None and qs.holding:
            gate_leave(gate, qs)        # its last task and result are done
        item = qs.inq.get(*a, **k)
        if item is not None:
            if gate is not None:
                # ThreadPool resize gate: at most ``gate.cap`` tasks run at
                # once; a surplus worker waits here holding the task it
                # took (not started: no ``start`` until it passes).
                gate_pass(gate, qs)
            qs.tw.started(qs, item)
        return item

    def __getattr__(self, name: str) -> Any:
        return getattr(self._qs.inq, name)


def gate_pass(gate: Any, qs: _Queues) -> None:
    with gate.cond:
        if gate.busy >= gate.cap:
            gate.waiting += 1
            while gate.busy >= gate.cap:
                gate.cond.wait()
            gate.waiting -= 1
        gate.busy += 1
        qs.holding = True


def gate_leave(gate: Any, qs: _Queues) -> None:
    with gate.cond:
        if qs.holding:
            qs.holding = False
            gate.busy -= 1
            if gate.waiting:
                gate.cond.notify()


class _Out:
    def __init__(self, qs: _Queues) -> None:
        self._qs = qs

    def put(self, item: Any, *a: Any, **k: Any) -> Any:
        self._qs.tw.finished(self._qs, item)
        return self._qs.outq.put(item, *a, **k)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._qs.outq, name)


class TracedWorker:
    """Picklable stand-in for a pool's worker function.

    ``kind`` is ``"ppe"`` (``concurrent.futures.process._process_worker``)
    or ``"mp"`` (``multiprocessing.pool.worker``, process or thread).
    """

    def __init__(self, pool_id: str, kind: str, sdir: Optional[str],
                 thread: bool, gate: Any = None) -> None:
        self.pool_id = pool_id
        self.kind = kind
        self.sdir = sdir
        self.thread = thread
        self.gate = gate          # thread pools only (never pickled)

    def _orig(self) -> Any:
        if self.kind == "ppe":
            return getattr(cfp, "_pooltop_orig", cfp._process_worker)
        import multiprocessing.pool as mpp
        return getattr(mpp, "_pooltop_orig", mpp.worker)

    def __call__(self, inq: Any, outq: Any, *args: Any, **kwargs: Any) -> Any:
        orig = self._orig()
        if not W.enabled():
            return orig(inq, outq, *args, **kwargs)
        qs = _Queues(self, inq, outq)
        if self.thread:
            _threads.emit_worker_start(self.pool_id)
            qs.w = _threads.worker_id()
        else:
            import multiprocessing
            qs.w = str(os.getpid())
            W.event("wstart", pool=self.pool_id, w=qs.w, ppid=os.getppid(),
                    name=multiprocessing.current_process().name)
            if self.sdir is not None:
                try:
                    qs.fd = os.open(os.path.join(self.sdir, qs.w),
                                    os.O_WRONLY | os.O_CREAT, 0o600)
                except OSError:
                    qs.fd = -1
        try:
            return orig(_In(qs), _Out(qs), *args, **kwargs)
        finally:
            if self.gate is not None:
                gate_leave(self.gate, qs)
            if self.thread:
                _threads.emit_worker_exit(self.pool_id)

    def started(self, qs: _Queues, item: Any) -> None:
        if self.kind == "ppe":
            task = "%s/%d" % (self.pool_id, item.work_id)
        else:
            task = "%s/%d.%d" % (self.pool_id, item[0], item[1])
        qs.current = task
        if qs.fd >= 0:
            os.pwrite(qs.fd, task.encode().ljust(64), 0)
        line = ('{"e":"start","t":%d,"pid":%d,"pool":"%s","task":"%s",'
                '"w":"%s"}\n' % (W.mono(), W.S.pid, self.pool_id, task, qs.w))
        if not self.thread:
            # A worker process runs its task on its main thread: the CPU
            # the task used is that thread's (one clock read each end;
            # thread pools go without, for their overhead budget).
            qs.cpu0 = time.thread_time_ns()
        # thread workers keep the GIL for it, as ThreadPoolExecutor's do
        (W.write_held if self.thread else W.write)(line.encode())

    def finished(self, qs: _Queues, item: Any) -> None:
        if self.kind == "ppe":
            wid = getattr(item, "work_id", None)
            if wid is None:
                return
            task = "%s/%d" % (self.pool_id, wid)
            exc = getattr(item, "exception", None)
            exc = getattr(exc, "exc", exc)
            ok = exc is None
        else:
            task = "%s/%d.%d" % (self.pool_id, item[0], item[1])
            ok, value = item[2]
            exc = None if ok else getattr(value, "exc", value)
        if task != qs.current:
            return
        qs.current = None
        if qs.fd >= 0:
            # cleared first: once its finish is out, a task is never
            # reported as died/lost (only "broken" if its result is lost)
            os.pwrite(qs.fd, b" " * 64, 0)
        cpu = ('' if self.thread else ',"cpu":%d'
               % (time.thread_time_ns() - qs.cpu0))
        if ok:
            line = ('{"e":"finish","t":%d,"pid":%d,"pool":"%s","task":"%s",'
                    '"w":"%s","outcome":"ok"%s}\n'
                    % (W.mono(), W.S.pid, self.pool_id, task, qs.w, cpu))
        else:
            line = ('{"e":"finish","t":%d,"pid":%d,"pool":"%s","task":"%s",'
                    '"w":"%s","outcome":"exc","exc":%s%s}\n'
                    % (W.mono(), W.S.pid, self.pool_id, task, qs.w,
                       W.js(type(exc).__name__), cpu))
        (W.write_held if self.thread else W.write)(line.encode())


def tag_process(p: Any, pool_id: str, kind: str, sdir: str) -> None:
    popen = getattr(p, "_popen", None)
    if popen is not None and getattr(popen, "_pooltop", None) is None:
        popen._pooltop = (pool_id, kind, sdir)


def _poll(self: Any, orig: Any, *args: Any, **kwargs: Any) -> Any:
    before = self.returncode
    rc = orig(self, *args, **kwargs)
    tag = getattr(self, "_pooltop", None)
    if before is None and rc is not None and tag is not None:
        worker_gone(tag, self.pid, rc)
    return rc


def worker_gone(tag: Any, pid: int, status: int) -> None:
    pool_id, kind, sdir = tag
    W.event("wexit", pool=pool_id, w=str(pid), status=status)
    task = _current_task(sdir, pid)
    try:
        os.unlink(os.path.join(sdir, str(pid)))
    except OSError:
        pass
    if task is None or task in _failed:
        return
    _failed.add(task)
    if kind == "ppe":
        W.event("fail", pool=pool_id, task=task, outcome="died", w=str(pid),
                status=status, reason="worker %d exited with status %d while "
                "running it; the pool is broken" % (pid, status))
    else:
        W.event("fail", pool=pool_id, task=task, outcome="lost", w=str(pid),
                status=status, reason="worker %d exited with status %d while "
                "running it; multiprocessing.Pool never gets its result and "
                "waits forever" % (pid, status))


# ---- ProcessPoolExecutor -------------------------------------------------

def _ppe_init(self: Any, *args: Any, **kwargs: Any) -> None:
    _ORIG["ppe_init"](self, *args, **kwargs)
    info = _threads.PoolInfo(W.new_pool_id(), "ProcessPoolExecutor",
                             self._max_workers)
    self._pooltop = info
    _process_pools[info.id] = info.kind
    W.event("pool", pool=info.id, kind=info.kind, workers=self._max_workers,
            site=W.site(), method=self._mp_context.get_start_method())


def _ppe_submit(self: Any, fn: Any, /, *args: Any, **kwargs: Any) -> Any:
    info = getattr(self, "_pooltop", None)
    if info is None:
        return _ORIG["ppe_submit"](self, fn, *args, **kwargs)
    W.poll()
    _tls.ppe = (self, info, W.site())
    try:
        return _ORIG["ppe_submit"](self, fn, *args, **kwargs)
    finally:
        _tls.ppe = None


def _ppe_workitem_init(self: Any, future: Any, fn: Any, args: Any,
                       kwargs: Any) -> None:
    _ORIG["ppe_item"](self, future, fn, args, kwargs)
    ctx = getattr(_tls, "ppe", None)
    if ctx is None:
        return
    ex, info, where = ctx
    task = "%s/%d" % (info.id, ex._queue_count)
    n = 1
    if (isinstance(fn, functools.partial)
            and fn.func is cfp._process_chunk and args):
        name = getattr(fn.args[0], "__qualname__", "?")
        n = len(args[0])
    else:
        name = _threads._name(fn)
    future._pooltop_task = (info.id, task)
    W.send('{"e":"submit","t":%d,"pid":%d,"pool":"%s","task":"%s",'
           '"fn":%s,"n":%d,"site":%s,"q":%d}\n'
           % (W.mono(), W.S.pid, info.id, task, W.js(name), n, W.js(where),
              ex._work_ids.qsize() + 1))


def _ppe_spawn(self: Any) -> None:
    info = getattr(self, "_pooltop", None)
    if info is None:
        return _ORIG["ppe_spawn"](self)
    sdir = state_dir()
    with _swap_lock:
        cfp._process_worker = TracedWorker(info.id, "ppe", sdir, False)
        try:
            _ORIG["ppe_spawn"](self)
        finally:
            cfp._process_worker = _ORIG["ppe_worker"]
    for p in list(self._processes.values()):
        tag_process(p, info.id, "ppe", sdir)


def _mgr_init(self: Any, executor: Any) -> None:
    _ORIG["mgr_init"](self, executor)
    info = getattr(executor, "_pooltop", None)
    self._pooltop_pool = info.id if info is not None else None


def _terminate_broken(self: Any, *args: Any, **kwargs: Any) -> Any:
    pool_id = getattr(self, "_pooltop_pool", None)
    if pool_id is None:
        return _ORIG["broken"](self, *args, **kwargs)
    for p in list(self.processes.values()):
        p.exitcode  # reaps the dead worker: its wexit and "died" go first
    pending = list(self.pending_work_items.keys())
    try:
        return _ORIG["broken"](self, *args, **kwargs)
    finally:
        for wid in pending:
            task = "%s/%d" % (pool_id, wid)
            if task not in _failed:
                _failed.add(task)
                W.event("fail", pool=pool_id, task=task, outcome="broken",
                        reason="BrokenProcessPool: a worker process died")


def install(hooks: List[str]) -> None:
    ppe = cfp.ProcessPoolExecutor
    mgr = cfp._ExecutorManagerThread
    _ORIG.update(ppe_init=ppe.__init__, ppe_submit=ppe.submit,
                 ppe_item=cfp._WorkItem.__init__, ppe_spawn=ppe._spawn_process,
                 ppe_worker=cfp._process_worker, mgr_init=mgr.__init__,
                 broken=mgr.terminate_broken)
    cfp._pooltop_orig = cfp._process_worker
    ppe.__init__ = _ppe_init
    ppe.submit = _ppe_submit
    cfp._WorkItem.__init__ = _ppe_workitem_init
    ppe._spawn_process = _ppe_spawn
    mgr.__init__ = _mgr_init
    mgr.terminate_broken = _terminate_broken
    import inspect
    arity = len(inspect.signature(_ORIG["ppe_worker"]).parameters)
    hooks += ["concurrent.futures.ProcessPoolExecutor.__init__",
              "concurrent.futures.ProcessPoolExecutor.submit",
              "concurrent.futures.process._WorkItem.__init__",
              "concurrent.futures.ProcessPoolExecutor._spawn_process",
              "concurrent.futures.process._process_worker/%d" % arity,
              "concurrent.futures.process._ExecutorManagerThread.__init__",
              "concurrent.futures.process._ExecutorManagerThread"
              ".terminate_broken" + ("(locks, then _terminate_broken)"
                                     if hasattr(mgr, "_terminate_broken")
                                     else "")]
    classes = [popen_fork.Popen]
    try:
        from multiprocessing import popen_forkserver
        classes.append(popen_forkserver.Popen)
    except ImportError:
        pass
    for cls in classes:
        orig = cls.__dict__["poll"]
        cls.poll = functools.partialmethod(_poll, orig)
        hooks.append("%s.Popen.poll" % cls.__module__)
