"""A real Celery cluster for the tests: ``redis-server`` on a free loopback
port and Celery workers started with Celery's own command line.

Everything it starts runs in a session of its own and is stopped (the
whole process group, SIGKILL if a warm shutdown takes too long) by
:meth:`CeleryCluster.stop`, which the context manager and the tests'
cleanups always call: no orphans, also on failure.
"""
import fcntl
import importlib.util
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from typing import Callable, Dict, List, Optional, Sequence

HERE = os.path.dirname(os.path.abspath(__file__))
PYTHON_DIR = os.path.dirname(HERE)
QUEUE = "pooltop"


def missing() -> Optional[str]:
    """Why the Celery tests cannot run here, or None."""
    if shutil.which("redis-server") is None:
        return ("redis-server is not installed "
                "(apt-get install -y redis-server)")
    for module in ("celery", "redis"):
        if importlib.util.find_spec(module) is None:
            return ("%s is not installed for %s (%s -m pip install "
                    "'celery[redis]')" % (module, sys.executable,
                                          sys.executable))
    return None


def can_make_hosts() -> Optional[str]:
    """Why workers cannot get network namespaces of their own here, or
    None."""
    if os.geteuid() != 0:
        return "not root"
    for tool in ("ip", "unshare"):
        if shutil.which(tool) is None:
            return "%s is not installed" % tool
    probe = subprocess.run(["unshare", "--net", "--uts", "true"],
                           capture_output=True)
    return None if probe.returncode == 0 else "unshare --net --uts failed"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def progress(msg: str) -> None:
    sys.stderr.write("[celery cluster] %s\n" % msg)
    sys.stderr.flush()


def _redis_ping(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), 0.5) as s:
            s.sendall(b"PING\r\n")
            return s.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def _stop_group(proc: subprocess.Popen, grace: float) -> None:
    """SIGTERM the process, then SIGKILL its whole process group."""
    if proc.poll() is None:
        try:
            proc.send_signal(signal.SIGTERM)
            proc.wait(grace)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            pass
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, signal.SIGKILL)   # children, if any left
        except ProcessLookupError:
            break
        time.sleep(0.05)
    if proc.poll() is None:
        proc.wait(5)


class CeleryCluster:
    """redis-server plus one Celery worker per node name."""

    def __init__(self, nodes: Sequence[str] = ("a", "b"),
                 concurrency: int = 2, heartbeat: int = 1,
                 visibility_timeout: float = 5.0, pool: str = "prefork",
                 extra_args: Sequence[str] = (), hosts: bool = False) -> None:
        self.nodes = list(nodes)
        # With ``hosts`` (and where the machine allows it), each worker runs
        # in a network namespace and a UTS namespace of its own: its own
        # host name (``host-a``) and address, reaching Redis over a veth
        # pair, so nothing can assume that workers share a host.
        self.hosts = hosts and can_make_hosts() is None
        self.netns: Dict[str, str] = {}
        self.subnets: Dict[str, str] = {}
        self.concurrency = concurrency
        self.heartbeat = heartbeat
        self.visibility_timeout = visibility_timeout
        self.pool = pool
        self.extra_args = list(extra_args)
        self.dir = tempfile.mkdtemp(prefix="pooltop-celery-")
        self.port = 0
        self.redis: Optional[subprocess.Popen] = None
        self.workers: Dict[str, subprocess.Popen] = {}
        self.host = socket.gethostname()

    # -- urls and names ----------------------------------------------------

    @property
    def broker(self) -> str:
        return "redis://127.0.0.1:%d/0" % self.port

    def node(self, name: str) -> str:
        return "%s@%s" % (name, self.host_of(name))

    def host_of(self, name: str) -> str:
        """The host name worker ``name`` runs on."""
        return "host-%s" % name if self.hosts else self.host

    def _subnet(self, name: str) -> str:
        """``10.231.X`` of worker ``name``'s veth pair (/30: .1 here, .2 there)."""
        return self.subnets[name]

    def env(self, name: Optional[str] = None) -> Dict[str, str]:
        env = dict(os.environ)
        env.pop("POOLTOP_SOCKET", None)
        env["PYTHONPATH"] = PYTHON_DIR
        env["POOLTOP_BROKER"] = self.broker
        if name is not None and self.hosts:
            env["POOLTOP_BROKER"] = "redis://%s.1:%d/0" % (self._subnet(name),
                                                          self.port)
        env["POOLTOP_QUEUE"] = QUEUE
        env["POOLTOP_VISIBILITY_TIMEOUT"] = str(self.visibility_timeout)
        return env

    # -- start -------------------------------------------------------------

    def __enter__(self) -> "CeleryCluster":
        try:
            self.start()
        except BaseException:
            self.stop()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def start(self, timeout: float = 60.0) -> None:
        if self.hosts:
            for name in self.nodes:
                self.make_host(name)
        self.start_redis()
        for name in self.nodes:
            self.start_worker(name)
        self.wait_workers(self.nodes, timeout)

    def start_redis(self, port: int = 0) -> None:
        """Start redis-server (on ``port``, or on a free one)."""
        self.port = port or free_port()
        log = open(os.path.join(self.dir, "redis.log"), "wb")
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind",
             " ".join(["127.0.0.1"] + ["%s.1" % self._subnet(n)
                                       for n in self.netns]),
             "--protected-mode", "no",
             "--save", "", "--appendonly", "no", "--dir", self.dir],
            stdout=log, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
            start_new_session=True)
        log.close()
        deadline = time.monotonic() + 10
        while not _redis_ping(self.port):
            if self.redis.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("redis-server did not start:\n"
                                   + self.log("redis"))
            time.sleep(0.05)
        progress("redis-server on 127.0.0.1:%d (pid %d)"
                 % (self.port, self.redis.pid))

    def worker_cmd(self, name: str) -> List[str]:
        return [sys.executable, "-m", "celery", "-A", "pooltop_celery.app",
                "worker", "-E", "-c", str(self.concurrency),
                "-n", "%s@%%h" % name, "--pool", self.pool, "-Q", QUEUE,
                "--heartbeat-interval", str(self.heartbeat),
                "--without-mingle", "--without-gossip", "-l", "info"
                ] + self.extra_args

    def make_host(self, name: str) -> None:
        """A network namespace for worker ``name``, joined to this one by a
        veth pair (``10.231.X.1`` here, ``.2`` there).

        X is one no interface here uses yet, chosen under a lock file, so two
        clusters started at once, or one beside a namespace a killed run left
        behind, never share a subnet (their routes would clash and the workers
        would never reach Redis)."""
        with open(os.path.join(tempfile.gettempdir(), "pooltop-netns.lock"), "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            used = set(re.findall(r"inet 10\.231\.(\d+)\.",
                                  subprocess.run(["ip", "-o", "-4", "addr", "show"], capture_output=True,
                                                 text=True).stdout))
            start = (os.getpid() % 60) * 4 + self.nodes.index(name)
            third = next(str((start + k) % 256) for k in range(256) if str((start + k) % 256) not in used)
            names = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout.split()
            tag = "%d%s" % (os.getpid() % 10000, name)
            while "pooltop" + tag in names:
                tag += "x"
            ns, here, there = "pooltop%s" % tag, "pth%s" % tag, "ptn%s" % tag
            net = "10.231." + third
            self.subnets[name] = net
            for command in (["ip", "netns", "add", ns],
                            ["ip", "link", "add", here, "type", "veth", "peer",
                             "name", there],
                            ["ip", "link", "set", there, "netns", ns],
                            ["ip", "addr", "add", net + ".1/30", "dev", here],
                            ["ip", "link", "set", here, "up"],
                            ["ip", "netns", "exec", ns, "ip", "addr", "add",
                             net + ".2/30", "dev", there],
                            ["ip", "netns", "exec", ns, "ip", "link", "set",
                             there, "up"],
                            ["ip", "netns", "exec", ns, "ip", "link", "set",
                             "lo", "up"]):
                subprocess.run(command, check=True, capture_output=True)
                self.netns[name] = ns
        progress("host-%s: network namespace %s at %s.2" % (name, ns, net))

    def start_worker(self, name: str) -> subprocess.Popen:
        log = open(os.path.join(self.dir, "%s.log" % name), "ab")
        command = self.worker_cmd(name)
        if name in self.netns:
            # Its own network and host name; exec keeps one pid for it all.
            command = ["ip", "netns", "exec", self.netns[name], "unshare",
                       "--uts", "sh", "-c", 'hostname "$0" && exec "$@"',
                       self.host_of(name)] + command
        proc = subprocess.Popen(command, env=self.env(name),
                                cwd=self.dir, stdout=log,
                                stderr=subprocess.STDOUT,
                                stdin=subprocess.DEVNULL,
                                start_new_session=True)
        log.close()
        self.workers[name] = proc
        return proc

    def wait_workers(self, names: Sequence[str], timeout: float) -> None:
        """Wait until each worker answers a ping (with progress lines)."""
        from celery import Celery
        app = Celery("pooltop-test", broker=self.broker)
        want = {self.node(n) for n in names}
        t0 = time.monotonic()
        last = -1.0
        try:
            while True:
                try:
                    replies = app.control.ping(timeout=0.5) or []
                except Exception as exc:    # redis-server just started
                    progress("ping: %s: %s" % (type(exc).__name__, exc))
                    replies = []
                    time.sleep(0.2)
                seen = {k for r in replies for k in r}
                waiting = sorted(want - seen)
                if not waiting:
                    progress("workers up after %.1f s: %s"
                             % (time.monotonic() - t0,
                                ", ".join(sorted(want))))
                    return
                for n in names:
                    if self.workers[n].poll() is not None:
                        raise RuntimeError("worker %s exited:\n%s"
                                           % (n, self.log(n)))
                elapsed = time.monotonic() - t0
                if elapsed > timeout:
                    raise RuntimeError(
                        "workers %s not up after %.0f s:\n%s"
                        % (waiting, timeout,
                           "\n".join(self.log(n) for n in names)))
                if elapsed - last >= 2:
                    progress("waiting for %s (%.1f s)"
                             % (", ".join(waiting), elapsed))
                    last = elapsed
        finally:
            app.close()

    # -- faults and facts ----------------------------------------------------

    def kill_node(self, name: str) -> None:
        """SIGKILL a worker and its pool processes (a host dying)."""
        os.killpg(self.workers[name].pid, signal.SIGKILL)
        self.workers[name].wait(10)

    def busy_pid(self, name: str, timeout: float = 10.0,
                 excluding: Sequence[int] = (),
                 among: Optional[Callable[[], Sequence[int]]] = None) -> int:
        """The pid of a pool process of ``name`` that runs a task now
        (``inspect active``), other than those in ``excluding`` (a process
        killed a moment ago is listed until its master notices), and one
        of those ``among`` returns when it is given (asked again at every
        look, so a replacement seen meanwhile counts)."""
        from celery import Celery
        app = Celery("pooltop-test", broker=self.broker)
        deadline = time.monotonic() + timeout
        try:
            while time.monotonic() < deadline:
                active = app.control.inspect(
                    destination=[self.node(name)], timeout=1.0,
                    limit=1).active() or {}
                for task in active.get(self.node(name), []):
                    pid = int(task.get("worker_pid") or 0)
                    if pid and pid not in excluding \
                            and (among is None or pid in among()):
                        return pid
                time.sleep(0.05)
        finally:
            app.close()
        raise RuntimeError("no busy pool process on %s" % name)

    def log(self, name: str, tail: int = 4000) -> str:
        try:
            with open(os.path.join(self.dir, "%s.log" % name), "rb") as f:
                data = f.read()
        except OSError:
            return "(no log for %s)" % name
        return data[-tail:].decode(errors="replace")

    # -- stop ----------------------------------------------------------------

    def stop(self) -> None:
        for proc in self.workers.values():
            if proc.poll() is None:
                try:
                    proc.send_signal(signal.SIGTERM)
                except ProcessLookupError:
                    pass
        for proc in self.workers.values():
            _stop_group(proc, 10)
        self.workers.clear()
        if self.redis is not None:
            _stop_group(self.redis, 5)
            self.redis = None
        for ns in self.netns.values():
            # Deleting the namespace deletes its end of the pair, and so both.
            subprocess.run(["ip", "netns", "del", ns], capture_output=True)
        self.netns.clear()
        shutil.rmtree(self.dir, ignore_errors=True)


def pool_processes(broker: str) -> int:
    """The pool processes of every worker, as ``celery inspect stats``
    counts them."""
    from celery import Celery
    app = Celery("pooltop-test", broker=broker)
    try:
        stats = app.control.inspect(timeout=2.0).stats() or {}
    finally:
        app.close()
    return sum(len((s.get("pool") or {}).get("processes") or [])
               for s in stats.values())


def serve(argv: Sequence[str]) -> int:
    """``python3 celery_cluster.py serve [-c N] [--one-host]``: a cluster
    (each worker on a host of its own, in network namespaces, where the
    machine allows it) for another
    test suite (pooltop's Swift end-to-end tests), driven over stdin/stdout.

    Prints ``broker URL``, ``hosts NAME…`` and ``ready`` once both workers
    answer; then
    answers each stdin line: ``stats`` -> ``processes N`` (from ``inspect
    stats``), ``kill NAME`` -> ``killed PID`` (SIGKILL to a pool process of
    NAME that runs a task).  Stops everything it started at end of input.
    """
    # A parent that blocks signals (a test runner's thread) must not leave
    # them blocked in redis-server and the workers.
    signal.pthread_sigmask(signal.SIG_SETMASK, set())
    # SIGTERM or SIGHUP still stops what it started (the finally below).
    for number in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(number, lambda *_: sys.exit(0))
    concurrency = int(argv[argv.index("-c") + 1]) if "-c" in argv else 2
    reason = missing()
    if reason:
        print("missing %s" % reason, flush=True)
        return 3
    hosts = "--one-host" not in argv
    cluster = CeleryCluster(nodes=("a", "b"), concurrency=concurrency,
                            hosts=hosts)
    if hosts and not cluster.hosts:
        progress("workers share this host: %s" % can_make_hosts())
    try:
        cluster.start()
        print("broker %s" % cluster.broker, flush=True)
        print("hosts %s" % " ".join(sorted({cluster.host_of(n)
                                             for n in cluster.nodes})),
              flush=True)
        print("ready", flush=True)
        for line in sys.stdin:
            words = line.split()
            if words[:1] == ["stats"]:
                print("processes %d" % pool_processes(cluster.broker),
                      flush=True)
            elif words[:1] == ["kill"] and len(words) == 2:
                pid = cluster.busy_pid(words[1])
                os.kill(pid, signal.SIGKILL)
                print("killed %d" % pid, flush=True)
    finally:
        cluster.stop()
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        sys.exit(serve(sys.argv[2:]))
    sys.exit("usage: celery_cluster.py serve [-c N]")
