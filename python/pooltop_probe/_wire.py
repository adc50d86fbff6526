"""The wire: one connection per process, one blocking write per event.

No thread is started here.  After ``fork`` the child drops the inherited
connection and opens its own at its first event (``os.register_at_fork``).
Commands from pooltop are read with a non-blocking ``recv`` at hook points
(:func:`poll`), at most once every ``POLL_NS``.
"""
import _thread
import itertools
import json
import os
import socket
import sys
import time
from typing import Any, Callable, Dict, List, Optional

SCHEMA = "pooltop.events/1"
PROBE_VERSION = "0.1.0"
POLL_NS = 20_000_000
mono = time.monotonic_ns
_os_write = os.write

_PROBE_DIR = os.path.dirname(os.path.abspath(__file__))
_STDLIB = os.path.dirname(os.__file__)


class _State:
    """Per-process connection state (reset in a forked child)."""

    path: Optional[str] = None
    sock: Optional[socket.socket] = None
    dead: Optional[socket.socket] = None   # see _gone()
    pid: int = 0
    fd: int = -1
    pending_connect: bool = False
    role: str = "main"
    hooks: List[str] = []
    lock = _thread.allocate_lock()
    cmd_lock = _thread.allocate_lock()
    last_poll: int = 0
    inbuf: bytes = b""
    pool_seq = itertools.count(1)
    lock_seq = itertools.count(1)


S = _State()
handlers: Dict[str, Callable[[Dict[str, Any]], None]] = {}


def enabled() -> bool:
    return S.path is not None


def pid() -> int:
    return S.pid


def hello() -> str:
    return json.dumps({
        "e": "hello", "t": mono(), "pid": os.getpid(),
        "ppid": os.getppid(), "schema": SCHEMA, "probe": PROBE_VERSION,
        "py": "%d.%d.%d" % sys.version_info[:3],
        "impl": sys.implementation.name, "argv": list(sys.argv),
        "role": S.role, "hooks": S.hooks,
    }, separators=(",", ":")) + "\n"


def connect(path: str, role: str, hello: bool = True) -> bool:
    """Open this process's connection (and send the hello line)."""
    S.path = path
    S.role = role
    S.pid = os.getpid()
    try:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.connect(path)
        if hello:
            sock.sendall(globals()["hello"]().encode())
    except OSError:
        S.sock = None
        S.fd = -1
        return False
    S.sock = sock
    S.fd = sock.fileno()
    return True


def _after_fork_in_child() -> None:
    S.lock = _thread.allocate_lock()
    S.cmd_lock = _thread.allocate_lock()
    S.inbuf = b""
    old, S.sock = S.sock, None
    S.fd = -1
    if old is not None:
        try:
            old.close()  # our copy only; the parent's stays open
        except OSError:
            pass
    if S.path is not None:
        S.pending_connect = True
        S.role = "fork"
        S.pid = os.getpid()


def setup_fork_hook() -> None:
    os.register_at_fork(after_in_child=_after_fork_in_child)


def send(line: str) -> None:
    """Write one event line; blocks until the kernel has it."""
    write(line.encode())


def write(data: bytes) -> None:
    """Write one encoded event line with one ``write(2)``.

    A line is far below the socket buffer, so on Linux a blocking Unix
    stream socket queues it as one piece (the kernel takes it whole or
    blocks until it can), and lines of different threads never interleave
    without any lock of ours.  A short write (which Linux does not do for
    such a line) would be finished under the lock.
    """
    fd = S.fd
    if fd < 0:
        if not S.pending_connect:
            return
        S.pending_connect = False
        if not connect(S.path or "", S.role):
            return
        fd = S.fd
    try:
        n = _os_write(fd, data)
        if n != len(data):
            with S.lock:
                sock = S.sock
                if sock is not None:
                    sock.sendall(data[n:])
    except OSError:
        _gone()  # pooltop went away: stay quiet from now on


# Worker threads send ``start``/``finish`` without releasing the GIL: a
# ``send(MSG_DONTWAIT)`` called through ``ctypes.PyDLL`` (which keeps the GIL)
# is one short system call that never sleeps.  Releasing the GIL there (as
# ``os.write`` does) hands it to another thread in the middle of a task's
# start or end, and the worker then waits to get it back before its task
# can run or its result be set; on 3.9/3.10 that doubled the overhead.
# When the line does not fit (the reader is behind) or anything else goes
# wrong, :func:`write` sends it the ordinary way, blocking without the GIL.
try:
    import ctypes
    # Arguments are passed without argtypes (cheaper per call): libffi
    # widens the int arguments to the registers' width on x86-64 and arm64.
    _libc_send: Any = ctypes.PyDLL(None).send
    _libc_send.restype = ctypes.c_ssize_t
except Exception:          # no ctypes, no libc symbol: os.write only
    _libc_send = None
_SEND_FLAGS = socket.MSG_DONTWAIT | getattr(socket, "MSG_NOSIGNAL", 0)


def write_held(data: bytes) -> None:
    """:func:`write`, but the GIL is kept when the line fits at once."""
    fd = S.fd
    if fd >= 0 and _libc_send is not None:
        n = _libc_send(fd, data, len(data), _SEND_FLAGS)
        if n == len(data):
            return
        if n > 0:           # not for a line this short; finish it below
            data = data[n:]
    write(data)


def _gone() -> None:
    S.fd = -1
    # The socket object is kept (not closed): another thread may have read
    # ``S.fd`` just before and be about to write to it; had the number been
    # closed and reused by a file of the program, that line would land there.
    S.dead = S.sock
    S.sock = None


def event(e: str, **fields: Any) -> None:
    """Send an event built from a dict (for the rarer events)."""
    if S.fd < 0 and not S.pending_connect:
        return
    d = {"e": e, "t": fields.pop("t", None) or mono(), "pid": S.pid}
    d.update(fields)
    send(json.dumps(d, separators=(",", ":")) + "\n")


_js_cache: Dict[str, str] = {}


def js(value: str) -> str:
    """JSON text of one string (cached: names and sites repeat)."""
    text = _js_cache.get(value)
    if text is None:
        text = json.dumps(value)
        if len(_js_cache) < 4096:
            _js_cache[value] = text
    return text


def new_pool_id() -> str:
    return "%d:%d" % (os.getpid(), next(S.pool_seq))


def new_lock_id() -> str:
    return "%d:L%d" % (os.getpid(), next(S.lock_seq))


def is_internal(filename: str) -> bool:
    if filename.startswith(_PROBE_DIR) or filename.startswith("<frozen"):
        return True
    return filename.startswith(_STDLIB) and "-packages" not in filename


_internal_files: Dict[str, bool] = {}
_site_js: Dict[Any, str] = {}


def site(depth: int = 2) -> str:
    """``file:line`` of the first caller frame outside stdlib and probe."""
    f: Any = sys._getframe(depth)
    while f is not None:
        name = f.f_code.co_filename
        internal = _internal_files.get(name)
        if internal is None:
            internal = _internal_files[name] = is_internal(name)
        if not internal:
            return "%s:%d" % (name, f.f_lineno)
        f = f.f_back
    return "?"


def site_js(depth: int = 2) -> str:
    """:func:`site` as JSON text, cached per code object and line."""
    f: Any = sys._getframe(depth)
    text = _site_js.get((f.f_code, f.f_lineno))
    if text is not None:
        return text
    while f is not None:
        code = f.f_code
        internal = _internal_files.get(code.co_filename)
        if internal is None:
            internal = _internal_files[code.co_filename] = is_internal(
                code.co_filename)
        if not internal:
            key = (code, f.f_lineno)
            text = _site_js.get(key)
            if text is None:
                text = json.dumps("%s:%d" % (code.co_filename, key[1]))
                if len(_site_js) < 4096:
                    _site_js[key] = text
            return text
        f = f.f_back
    return '"?"'


_jsb_cache: Dict[str, bytes] = {}


def jsb(value: str) -> bytes:
    """:func:`js` as UTF-8 bytes (cached)."""
    b = _jsb_cache.get(value)
    if b is None:
        b = json.dumps(value).encode()
        if len(_jsb_cache) < 4096:
            _jsb_cache[value] = b
    return b


_site_b: Dict[Any, bytes] = {}


def site_b(f: Any) -> bytes:
    """JSON bytes of ``file:line`` of the first frame from ``f`` outwards
    that is outside stdlib and probe; cached per code object and
    instruction offset (cheaper than ``f_lineno`` on 3.11+)."""
    files = _internal_files
    while f is not None:
        code = f.f_code
        internal = files.get(code.co_filename)
        if internal is None:
            internal = files[code.co_filename] = is_internal(code.co_filename)
        if not internal:
            key = (code, f.f_lasti)
            b = _site_b.get(key)
            if b is None:
                b = json.dumps("%s:%d" % (code.co_filename,
                                          f.f_lineno)).encode()
                if len(_site_b) < 4096:
                    _site_b[key] = b
            return b
        f = f.f_back
    return b'"?"'


def caller_is_internal(depth: int = 2) -> bool:
    f: Any = sys._getframe(depth)
    while f is not None and f.f_code.co_filename.startswith(_PROBE_DIR):
        f = f.f_back
    return f is None or is_internal(f.f_code.co_filename)


def poll(now: int = 0) -> None:
    """Read pending commands without blocking, at most once per
    ``POLL_NS`` (``now``: a ``mono()`` reading the caller already has)."""
    if not now:
        now = mono()
    if now - S.last_poll < POLL_NS:
        return
    S.last_poll = now
    sock = S.sock
    if sock is None or not S.cmd_lock.acquire(False):
        return
    try:
        try:
            data = sock.recv(65536, socket.MSG_DONTWAIT)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            return
        if not data:
            return
        S.inbuf += data
        while b"\n" in S.inbuf:
            raw, S.inbuf = S.inbuf.split(b"\n", 1)
            _dispatch(raw)
    finally:
        S.cmd_lock.release()


def _dispatch(raw: bytes) -> None:
    try:
        cmd = json.loads(raw.decode("utf-8"))
        if not isinstance(cmd, dict):
            raise ValueError("not an object")
    except ValueError as exc:
        event("refused", c=None, reason="bad command line: %s" % exc)
        return
    handler = handlers.get(str(cmd.get("c")))
    if handler is None:
        event("refused", c=cmd.get("c"), pool=cmd.get("pool"),
              reason="unknown command")
        return
    handler(cmd)
