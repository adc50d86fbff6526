"""A small pooltop stand-in for the tests: a real listening Unix socket that
records every event line, per connection, and can send commands back."""
import json
import os
import selectors
import socket
import subprocess
import sys
import tempfile
import threading
import time
from typing import Any, Callable, Dict, List, Optional

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)
PROGRAMS = os.path.join(HERE, "programs")


class Collector:
    """Accepts connections and keeps ``events`` (dicts, in arrival order)."""

    def __init__(self) -> None:
        self.dir = tempfile.mkdtemp(prefix="pooltop-test-")
        self.path = os.path.join(self.dir, "events.sock")
        self.server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.server.bind(self.path)
        self.server.listen(64)
        self.events: List[Dict[str, Any]] = []
        self.bad_lines: List[bytes] = []
        self.conns: Dict[int, socket.socket] = {}   # hello pid -> socket
        self.on_event: Optional[Callable[["Collector", Dict[str, Any]],
                                         None]] = None
        self.lock = threading.Lock()
        self.stop = False
        self.pause_until = 0.0     # time.monotonic() until which not to read
        self.leave_after = 1 << 62   # close every connection after N events
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        sel = selectors.DefaultSelector()
        sel.register(self.server, selectors.EVENT_READ, None)
        bufs: Dict[socket.socket, bytes] = {}
        ids: Dict[socket.socket, int] = {}
        while not self.stop:
            if time.monotonic() < self.pause_until:
                time.sleep(0.01)   # a reader that is behind: writers block
                continue
            for key, _ in sel.select(0.05):
                if key.data is None:
                    conn, _ = self.server.accept()
                    bufs[conn] = b""
                    ids[conn] = len(ids)
                    sel.register(conn, selectors.EVENT_READ, conn)
                    continue
                conn = key.data
                try:
                    data = conn.recv(1 << 16)
                except OSError:
                    data = b""
                if not data:
                    sel.unregister(conn)
                    continue
                bufs[conn] += data
                while b"\n" in bufs[conn]:
                    raw, bufs[conn] = bufs[conn].split(b"\n", 1)
                    try:
                        ev = json.loads(raw)
                    except ValueError:
                        self.bad_lines.append(raw)
                        continue
                    ev["_conn"] = ids[conn]
                    if len(self.events) >= self.leave_after:
                        sel.unregister(conn)   # pooltop goes away
                        conn.close()
                        bufs[conn] = b""
                        break
                    with self.lock:
                        if ev.get("e") == "hello":
                            self.conns[ev["pid"]] = conn
                        self.events.append(ev)
                    if self.on_event is not None:
                        self.on_event(self, ev)

    def send(self, pid: int, cmd: Dict[str, Any]) -> None:
        self.conns[pid].sendall((json.dumps(cmd) + "\n").encode())

    def of(self, kind: str) -> List[Dict[str, Any]]:
        with self.lock:
            return [e for e in self.events if e["e"] == kind]

    def close(self) -> None:
        self.stop = True
        self.thread.join(2)
        self.server.close()
        for c in self.conns.values():
            c.close()
        try:
            os.unlink(self.path)
            os.rmdir(self.dir)
        except OSError:
            pass


def run_program(name: str, *args: str, socket_path: Optional[str],
                timeout: float = 20.0,
                python: str = sys.executable) -> subprocess.CompletedProcess:
    """Run tests/programs/<name> under the probe; kill it on timeout."""
    return run_probe([os.path.join(PROGRAMS, name)] + list(args),
                     socket_path=socket_path, timeout=timeout, python=python)


def run_probe(args: List[str], socket_path: Optional[str],
              timeout: float = 20.0, python: str = sys.executable,
              cwd: Optional[str] = None) -> subprocess.CompletedProcess:
    """``python -m pooltop_probe ARGS`` (a script, ``-c CODE`` or
    ``-m MODULE`` and their arguments); kill it on timeout."""
    env = dict(os.environ)
    env.pop("POOLTOP_SOCKET", None)
    if socket_path is not None:
        env["POOLTOP_SOCKET"] = socket_path
    env["PYTHONPATH"] = PYTHON_DIR
    cmd = [python, "-m", "pooltop_probe"] + list(args)
    name = " ".join(args)[:60]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True,
                            cwd=cwd)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, 9)
        out, err = proc.communicate()
        raise AssertionError("program %s hung; killed. stderr:\n%s"
                             % (name, err.decode(errors="replace")))
    time.sleep(0.15)  # let the collector drain the last lines
    return subprocess.CompletedProcess(cmd, proc.returncode,
                                       out.decode(), err.decode())
