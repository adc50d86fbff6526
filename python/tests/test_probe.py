"""The probe against real programs, a real Unix socket and real pools.

Run from the repository root:
    python3 -m unittest discover -s python/tests -t python
"""
import collections
import os
import subprocess
import sys
import unittest
from typing import Any, Dict, List, Optional

from .collector import (PROGRAMS, PYTHON_DIR, Collector, run_probe,
                        run_program)

METHODS = ("fork", "spawn", "forkserver")

# The -c program (run with cwd = programs/, so mainpkg imports from '').
DASH_C = """import sys, multiprocessing
from concurrent.futures import ThreadPoolExecutor
from mainpkg.tasks import cube
print("argv", sys.argv)
print("main", __name__, __spec__, "__file__" in globals(),
      repr(sys.path[0]))
with ThreadPoolExecutor(2) as ex:
    print("tpe", sum(ex.map(abs, [-1, -2, 3])))
ctx = multiprocessing.get_context(sys.argv[1])
pool = ctx.Pool(2)
out = pool.map(cube, range(4))
pool.close()
pool.join()
print("ok", sum(r[0] for r in out))
print("pids", " ".join(sorted({str(r[1]) for r in out})))
sys.exit(int(sys.argv[2]))
"""


class ProbeTest(unittest.TestCase):
    def setUp(self) -> None:
        self.c = Collector()

    def tearDown(self) -> None:
        self.c.close()

    def run_ok(self, name: str, *args: str) -> subprocess.CompletedProcess:
        r = run_program(name, *args, socket_path=self.c.path)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertEqual(r.stderr, "")
        return r

    # -- checks shared by every pool -------------------------------------

    def check_wire(self) -> None:
        self.assertEqual(self.c.bad_lines, [])
        first: Dict[int, Dict[str, Any]] = {}
        for ev in self.c.events:
            first.setdefault(ev["_conn"], ev)
            self.assertIsInstance(ev["e"], str)
            self.assertIsInstance(ev["t"], int)
            self.assertIsInstance(ev["pid"], int)
        for ev in first.values():
            self.assertEqual(ev["e"], "hello")
            self.assertEqual(ev["schema"], "pooltop.events/1")
            self.assertEqual(ev["py"], "%d.%d.%d" % sys.version_info[:3])
            self.assertTrue(ev["hooks"])
        by_conn: Dict[int, int] = {}
        for ev in self.c.events:   # every event comes from its own process
            if ev["e"] == "hello":
                by_conn[ev["_conn"]] = ev["pid"]
            self.assertEqual(ev["pid"], by_conn[ev["_conn"]])

    def check_pool(self, kind: str, workers: int, method: Optional[str],
                   process: bool, all_finish: bool = True,
                   site: str = PROGRAMS) -> Dict[str, Any]:
        self.check_wire()
        pools = [e for e in self.c.of("pool") if e["kind"] == kind]
        self.assertEqual(len(pools), 1, self.c.of("pool"))
        pool = pools[0]
        self.assertEqual(pool["workers"], workers)
        self.assertEqual(pool["method"], method)
        self.assertTrue(pool["site"].startswith(site), pool["site"])
        pid = pool["pid"]
        self.assertTrue(pool["pool"].startswith("%d:" % pid))
        mine = [e for e in self.c.events if e.get("pool") == pool["pool"]]
        count = collections.Counter
        subs = count(e["task"] for e in mine if e["e"] == "submit")
        starts = count(e["task"] for e in mine if e["e"] == "start")
        ends = count(e["task"] for e in mine
                     if e["e"] in ("finish", "fail"))
        self.assertTrue(subs)
        self.assertEqual(set(subs.values()), {1})
        self.assertLessEqual(set(starts.values()), {1})
        fins = count(e["task"] for e in mine if e["e"] == "finish")
        fails = count(e["task"] for e in mine if e["e"] == "fail")
        self.assertLessEqual(set(fins.values()), {1})
        self.assertLessEqual(set(fails.values()), {1})
        self.assertEqual(set(ends), set(subs))
        if all_finish:
            self.assertEqual(set(ends.values()), {1})
        for task in set(fins) & set(fails):
            # finished on its worker, result lost when the pool broke
            self.assertEqual([e["outcome"] for e in mine
                              if e["e"] == "fail" and e["task"] == task],
                             ["broken"])
        if all_finish:
            self.assertEqual(set(starts), set(subs))
            self.assertEqual(
                {e["task"] for e in mine if e["e"] == "finish"}, set(subs))
        for e in mine:
            if e["e"] == "submit":
                self.assertEqual(e["pid"], pid)
                self.assertTrue(e["site"].startswith(site), e)
                self.assertTrue(e["task"].startswith(pool["pool"] + "/"))
        wstarts = [e for e in mine if e["e"] == "wstart"]
        wids = {e["w"] for e in wstarts}
        self.assertEqual(len(wids), len(wstarts))
        for e in wstarts:
            if process:
                self.assertEqual(e["w"], str(e["pid"]))
                self.assertNotEqual(e["pid"], pid)
            else:
                self.assertEqual(e["pid"], pid)
                self.assertEqual(e["w"], "%d/%d" % (pid, e["tid"]))
        for e in mine:
            if e["e"] in ("start", "finish"):
                self.assertIn(e["w"], wids)
                if process:
                    self.assertEqual(e["w"], str(e["pid"]))
        if process and all_finish:
            exits = {e["w"]: e for e in mine if e["e"] == "wexit"}
            self.assertEqual(set(exits), wids)
            for e in exits.values():
                self.assertEqual(e["pid"], pid)
                self.assertEqual(e["status"], 0)
        return pool

    # -- the pools ---------------------------------------------------------

    def test_thread_pool_executor_and_exit_status(self) -> None:
        r = run_program("tpe.py", "20", "3", socket_path=self.c.path)
        self.assertEqual(r.returncode, 3, r.stderr)
        self.assertTrue(r.stdout.startswith("ok 20 1 "), r.stdout)
        pool = self.check_pool("ThreadPoolExecutor", 4, None, False)
        fins = [e for e in self.c.of("finish") if e["outcome"] == "exc"]
        self.assertEqual([e["exc"] for e in fins], ["ValueError"])
        subs = self.c.of("submit")
        self.assertEqual(len(subs), 30)
        self.assertEqual({e["fn"] for e in subs}, {"work"})
        self.assertEqual(subs[0]["site"], os.path.join(PROGRAMS, "tpe.py:17"))
        self.assertEqual(subs[-1]["site"],
                         os.path.join(PROGRAMS, "tpe.py:18"))
        self.assertEqual(pool["site"], os.path.join(PROGRAMS, "tpe.py:16"))
        self.assertEqual([e["pool"] for e in self.c.of("pend")],
                         [pool["pool"]])
        wexits = {e["w"] for e in self.c.of("wexit")}
        self.assertEqual(wexits, {e["w"] for e in self.c.of("wstart")})

    def test_cancel_and_reject(self) -> None:
        r = self.run_ok("cancel.py")
        self.assertEqual(r.stdout.split("\n")[:2],
                         ["rejected", "cancelled [True, True] [2, 3]"])
        pool = self.check_pool("ThreadPoolExecutor", 1, None, False,
                               all_finish=False)
        fails = {e["task"]: e["outcome"] for e in self.c.of("fail")}
        p = pool["pool"]
        self.assertEqual(fails, {p + "/1": "cancelled", p + "/2": "cancelled",
                                 p + "/5": "rejected"})
        started = {e["task"] for e in self.c.of("start")}
        self.assertEqual(started, {p + "/0", p + "/3", p + "/4"})

    def test_process_pool_executor(self) -> None:
        for method in METHODS:
            with self.subTest(method=method):
                self.c.close()
                self.c = Collector()
                r = self.run_ok("ppe.py", method)
                self.assertIn("ok 55 285", r.stdout)
                pool = self.check_pool("ProcessPoolExecutor", 2, method,
                                       True)
                self.assertEqual([e["pool"] for e in self.c.of("pend")],
                                 [pool["pool"]])
                pids = r.stdout.split("pids ")[1].split()
                wids = {e["w"] for e in self.c.of("wstart")}
                self.assertLessEqual(set(pids), wids)
                chunks = [e for e in self.c.of("submit") if e["n"] > 1]
                self.assertEqual([e["n"] for e in chunks], [3, 3, 3])
                self.assertEqual({e["fn"] for e in chunks}, {"square"})
                # each task's CPU time, read in the worker on its own thread
                finishes = self.c.of("finish")
                self.assertTrue(finishes)
                for e in finishes:
                    self.assertIsInstance(e["cpu"], int)
                    self.assertGreaterEqual(e["cpu"], 0)

    def test_multiprocessing_pool(self) -> None:
        for method in METHODS:
            with self.subTest(method=method):
                self.c.close()
                self.c = Collector()
                r = self.run_ok("mppool.py", method)
                self.assertIn("ok 285 49 [8, 9]", r.stdout)
                pool = self.check_pool("multiprocessing.Pool", 2, method,
                                       True)
                subs = self.c.of("submit")
                self.assertEqual([e["n"] for e in subs],
                                 [3, 3, 3, 1, 1, 1, 1, 1])
                self.assertEqual([e["fn"] for e in subs],
                                 ["square"] * 5 + ["pow", "pow", "fail"])
                fins = [e for e in self.c.of("finish")
                        if e["outcome"] == "exc"]
                self.assertEqual([e["exc"] for e in fins], ["KeyError"])
                self.assertEqual(self.c.of("pend")[0]["pool"], pool["pool"])

    def test_thread_pool_and_dummy_pool(self) -> None:
        r = self.run_ok("threadpools.py")
        self.assertIn("ok 506 30 55", r.stdout)
        self.check_pool("ThreadPool", 3, None, False)
        self.check_pool("multiprocessing.dummy.Pool", 2, None, False)

    # -- -c and -m, as python runs them -----------------------------------

    def main_hello(self) -> Dict[str, Any]:
        hellos = [e for e in self.c.of("hello") if e["role"] == "main"]
        self.assertEqual(len(hellos), 1)
        return hellos[0]

    def test_dash_c(self) -> None:
        for method in METHODS:
            with self.subTest(method=method):
                self.c.close()
                self.c = Collector()
                r = run_probe(["-c", DASH_C, method, "7"],
                              socket_path=self.c.path, cwd=PROGRAMS)
                self.assertEqual(r.returncode, 7, r.stderr)
                self.assertEqual(r.stderr, "")
                lines = r.stdout.splitlines()
                self.assertEqual(lines[:4], [
                    "argv ['-c', '%s', '7']" % method,
                    "main __main__ None False ''",
                    "tpe 6",
                    "ok 36"])
                self.assertEqual(self.main_hello()["argv"],
                                 ["-c", method, "7"])
                tpe = self.check_pool("ThreadPoolExecutor", 2, None, False,
                                      site="<string>:")
                self.assertEqual(tpe["site"], "<string>:7")
                pool = self.check_pool("multiprocessing.Pool", 2, method,
                                       True, site="<string>:")
                self.assertEqual(pool["site"], "<string>:10")
                pids = lines[4].split()[1:]
                self.assertLessEqual(
                    set(pids), {e["w"] for e in self.c.of("wstart")})
                self.assertEqual({e["fn"] for e in self.c.of("submit")
                                  if e["pool"] == pool["pool"]}, {"cube"})

    def test_dash_m(self) -> None:
        module = os.path.join(PROGRAMS, "mainpkg", "poolmain.py")
        for method in METHODS:
            with self.subTest(method=method):
                self.c.close()
                self.c = Collector()
                r = run_probe(["-m", "mainpkg.poolmain", method, "5"],
                              socket_path=self.c.path, cwd=PROGRAMS)
                self.assertEqual(r.returncode, 5, r.stderr)
                self.assertEqual(r.stderr, "")
                lines = r.stdout.splitlines()
                self.assertEqual(lines[:4], [
                    "argv [%r, %r, '5']" % (module, method),
                    "main __main__ mainpkg.poolmain True %r" % PROGRAMS,
                    "ok 55",
                    # a spawn/forkserver child ran this module again by
                    # name, as __mp_main__, to find square()
                    "child-main ['%s']" % ("__main__" if method == "fork"
                                           else "__mp_main__")])
                self.assertEqual(self.main_hello()["argv"],
                                 ["-m", method, "5"])
                pool = self.check_pool("multiprocessing.Pool", 2, method,
                                       True)
                self.assertEqual(pool["site"], module + ":23")
                pids = lines[4].split()[1:]
                self.assertLessEqual(
                    set(pids), {e["w"] for e in self.c.of("wstart")})

    def test_dash_m_and_c_errors_as_python(self) -> None:
        r = run_probe(["-m", "mainpkg.nothing_here"], socket_path=self.c.path,
                      cwd=PROGRAMS)
        self.assertEqual(r.returncode, 1)
        self.assertIn("No module named mainpkg.nothing_here", r.stderr)
        for flag in ("-c", "-m"):
            r = run_probe([flag], socket_path=self.c.path)
            self.assertEqual(r.returncode, 2)
            self.assertIn("Argument expected for the %s option" % flag,
                          r.stderr)
        r = run_probe(["-c", "import sys; print(sys.argv); 1/0", "x"],
                      socket_path=self.c.path)
        self.assertEqual(r.returncode, 1)
        self.assertEqual(r.stdout, "['-c', 'x']\n")
        self.assertIn("ZeroDivisionError", r.stderr)

    def test_reader_behind_loses_and_mixes_nothing(self) -> None:
        # The reader stops for a second: the socket buffer fills, the
        # worker threads' non-blocking sends find it full and fall back to
        # the blocking write; every line still arrives whole, once.
        import time
        self.c.pause_until = time.monotonic() + 1.0
        r = self.run_ok("flood.py")
        self.assertEqual(r.stdout.strip(), "ok %d" % sum(range(3000)))
        time.sleep(0.3)
        self.check_pool("ThreadPoolExecutor", 8, None, False)
        self.assertEqual(len(self.c.of("submit")), 3000)
        self.assertEqual(len(self.c.of("finish")), 3000)

    def test_pooltop_going_away_leaves_the_program_alone(self) -> None:
        self.c.leave_after = 500
        r = self.run_ok("flood.py")
        self.assertEqual(r.stdout.strip(), "ok %d" % sum(range(3000)))
        self.assertEqual(len(self.c.events), 500)

    # -- faults --------------------------------------------------------------

    def test_sigkill_in_process_pool_executor(self) -> None:
        for method in ("fork", "spawn"):
            with self.subTest(method=method):
                self.c.close()
                self.c = Collector()
                r = self.run_ok("kill_ppe.py", method)
                broken = int(r.stdout.split()[1])
                self.assertGreaterEqual(broken, 1)
                pool = self.check_pool("ProcessPoolExecutor", 2, method,
                                       True, all_finish=False)
                task3 = "%s/3" % pool["pool"]
                died = [e for e in self.c.of("fail") if e["task"] == task3]
                self.assertEqual(len(died), 1)
                self.assertEqual(died[0]["outcome"], "died")
                self.assertEqual(died[0]["status"], -9)
                killed = [e for e in self.c.of("wexit")
                          if e["w"] == died[0]["w"]]
                self.assertEqual(killed[0]["status"], -9)
                fails = self.c.of("fail")
                self.assertEqual(len(fails), broken)
                self.assertLessEqual({e["outcome"] for e in fails},
                                     {"died", "broken"})

    def test_sigkill_in_multiprocessing_pool(self) -> None:
        for method in ("fork", "spawn"):
            with self.subTest(method=method):
                self.c.close()
                self.c = Collector()
                r = self.run_ok("kill_mppool.py", method)
                self.assertEqual(r.stdout.strip(), "hung")
                pool = self.check_pool("multiprocessing.Pool", 2, method,
                                       True, all_finish=False)
                lost = self.c.of("fail")
                self.assertEqual([e["outcome"] for e in lost], ["lost"])
                self.assertEqual(lost[0]["task"], "%s/0.3" % pool["pool"])
                self.assertEqual(lost[0]["status"], -9)
                started = [e for e in self.c.of("start")
                           if e["task"] == lost[0]["task"]]
                self.assertEqual(started[0]["w"], lost[0]["w"])
                self.assertEqual(
                    len([e for e in self.c.of("wstart")]), 3)  # replaced

    # -- steering ------------------------------------------------------------

    def test_resize_thread_pool_executor(self) -> None:
        def on_event(c: Collector, ev: Dict[str, Any]) -> None:
            if ev["e"] == "pool":
                c.send(ev["pid"], {"c": "resize", "pool": ev["pool"],
                                   "workers": 2})
                c.send(ev["pid"], {"c": "resize", "pool": "1:1",
                                   "workers": 2})
                c.send(ev["pid"], {"c": "resize", "pool": ev["pool"],
                                   "workers": "many"})
        self.c.on_event = on_event
        r = self.run_ok("resize.py")
        self.assertEqual(r.stdout.strip(), "peak 2")
        ok = self.c.of("resized")
        self.assertEqual(len(ok), 1)
        self.assertEqual((ok[0]["workers"], ok[0]["was"]), (2, 8))
        refused = self.c.of("refused")
        self.assertEqual([e["reason"] for e in refused],
                         ["unknown pool",
                          "workers must be an integer from 1 to 4096"])
        self.check_pool("ThreadPoolExecutor", 8, None, False)

    def test_resize_grows(self) -> None:
        def on_event(c: Collector, ev: Dict[str, Any]) -> None:
            if ev["e"] == "pool":
                c.send(ev["pid"], {"c": "resize", "pool": ev["pool"],
                                   "workers": 12})
        self.c.on_event = on_event
        r = self.run_ok("resize.py")
        self.assertEqual(r.stdout.strip(), "peak 12")
        self.assertEqual(len(self.c.of("wstart")), 12)

    def resize_on_pool(self, workers: int) -> None:
        def on_event(c: Collector, ev: Dict[str, Any]) -> None:
            if ev["e"] == "pool":
                c.send(ev["pid"], {"c": "resize", "pool": ev["pool"],
                                   "workers": workers})
        self.c.on_event = on_event

    def test_resize_thread_pool_shrinks(self) -> None:
        for kind, name in (("threadpool", "ThreadPool"),
                           ("dummy", "multiprocessing.dummy.Pool")):
            with self.subTest(kind=kind):
                self.c.close()
                self.c = Collector()
                self.resize_on_pool(2)
                r = self.run_ok("resize_threadpool.py", kind, "8")
                # eight threads, at most two of them ever run a task
                self.assertEqual(r.stdout.strip(), "peak 2 threads 8")
                ok = self.c.of("resized")
                self.assertEqual(len(ok), 1, self.c.of("refused"))
                self.assertEqual((ok[0]["workers"], ok[0]["was"],
                                  ok[0]["threads"]), (2, 8, 8))
                self.check_pool(name, 8, None, False)
                self.assertEqual(len(self.c.of("wexit")), 8)

    def test_resize_thread_pool_grows(self) -> None:
        for kind, name in (("threadpool", "ThreadPool"),
                           ("dummy", "multiprocessing.dummy.Pool")):
            with self.subTest(kind=kind):
                self.c.close()
                self.c = Collector()
                self.resize_on_pool(12)
                r = self.run_ok("resize_threadpool.py", kind, "4")
                self.assertEqual(r.stdout.strip(), "peak 12 threads 12")
                ok = self.c.of("resized")
                self.assertEqual(len(ok), 1, self.c.of("refused"))
                self.assertEqual((ok[0]["workers"], ok[0]["was"]), (12, 4))
                self.check_pool(name, 4, None, False)
                self.assertEqual(len(self.c.of("wstart")), 12)
                self.assertEqual(len(self.c.of("wexit")), 12)

    def test_resize_refused_for_process_pool(self) -> None:
        def on_event(c: Collector, ev: Dict[str, Any]) -> None:
            if ev["e"] == "pool":
                c.send(ev["pid"], {"c": "resize", "pool": ev["pool"],
                                   "workers": 1})
        self.c.on_event = on_event
        self.run_ok("mppool.py", "fork", "pause")
        refused = self.c.of("refused")
        self.assertEqual(len(refused), 1, self.c.of("resized"))
        self.assertIn("not safe", refused[0]["reason"])
        self.assertEqual(refused[0]["pool"], self.c.of("pool")[0]["pool"])

    # -- locks ------------------------------------------------------------

    def test_locks_report_waits(self) -> None:
        for method in ("fork", "spawn"):
            with self.subTest(method=method):
                self.c.close()
                self.c = Collector()
                r = self.run_ok("locks.py", method)
                self.assertEqual(r.stdout.strip(),
                                 "ok TracedLock TracedMpLock")
                self.check_wire()
                defs = {e["lock"]: e for e in self.c.of("lockdef")}
                self.assertEqual(sorted(e["kind"] for e in defs.values()),
                                 ["multiprocessing.Lock", "threading.Lock"])
                by_kind: Dict[str, List[Dict[str, Any]]] = {}
                for e in self.c.of("lock"):
                    by_kind.setdefault(defs[e["lock"]]["kind"], []).append(e)
                th = by_kind["threading.Lock"]
                self.assertEqual(len(th), 4)
                self.assertGreater(max(e["wait"] for e in th), 15_000_000)
                self.assertGreater(min(e["hold"] for e in th), 15_000_000)
                mp = by_kind["multiprocessing.Lock"]
                self.assertEqual(len(mp), 6)
                self.assertEqual(len({e["pid"] for e in mp}), 2)
                self.assertGreater(max(e["wait"] for e in mp), 1_000_000)

    # -- without pooltop --------------------------------------------------

    def test_runs_normally_without_socket(self) -> None:
        r = run_program("tpe.py", "20", "5", socket_path=None)
        self.assertEqual(r.returncode, 5)
        self.assertTrue(r.stdout.startswith("ok 20 1 "), r.stdout)
        self.assertEqual(r.stderr, "")
        self.assertEqual(self.c.events, [])

    def test_unreachable_socket_says_so_once(self) -> None:
        path = os.path.join(self.c.dir, "nobody-listens.sock")
        r = run_program("ppe.py", "spawn", socket_path=path)
        self.assertEqual(r.returncode, 0)
        self.assertIn("ok 55 285", r.stdout)
        self.assertEqual(r.stderr.count("pooltop_probe: cannot reach"), 1,
                         r.stderr)

    def test_imported_install(self) -> None:
        env = dict(os.environ, POOLTOP_SOCKET=self.c.path,
                   PYTHONPATH=PYTHON_DIR)
        r = subprocess.run([sys.executable,
                            os.path.join(PROGRAMS, "imported.py")],
                           env=env, capture_output=True, text=True,
                           timeout=20)
        self.assertEqual(r.returncode, 4, r.stderr)
        self.assertEqual(r.stdout.strip(), "ok True 25")
        import time
        time.sleep(0.15)
        self.check_pool("ThreadPoolExecutor", 2, None, False)


if __name__ == "__main__":
    unittest.main()
