#!/usr/bin/env python3
"""The Python peers of `pooltop bench`: the pools a Python user would pick, on the same workloads.

pooltop runs this script once per (round, workload, implementation), writes one JSON request on
stdin and reads one JSON answer on stdout. Standard library only.

Requests:
  {"op": "info"}
      -> {"python": "3.11.7", "executable": "...", "start_method": "fork", "cores": 2}
  {"op": "calibrate", "target_ns": 1000000}
      -> {"iterations_per_ns": ..., "iterations": N, "measured_cpu_ns": [...]}
     Measures this interpreter's CPU loop on thread CPU time (the fastest of several runs, as
     pooltop's CPUBurner does) and the CPU time N iterations really take.
  {"op": "run", "impl": "tpe", "workload": "A", "tasks": 2500, "workers": 50,
   "io_ns": 10000000, "burn_iterations": N, "trips": 200}
      -> {"seconds": wall seconds of the timed part, "trips_ns": [...] for E, "error": null}

Implementations: tpe (concurrent.futures.ThreadPoolExecutor), ppe (ProcessPoolExecutor),
mp1 (multiprocessing.Pool, map with chunksize=1), mpdefault (multiprocessing.Pool, map with its
default chunksize), dummy (multiprocessing.dummy.Pool, map with its default chunksize).

Workloads (what is timed):
  A  `tasks` no-op tasks through a started pool of `workers`: submit/map all, wait for all.
  B  the same with tasks that sleep io_ns (blocking I/O).
  C  the same with tasks that burn `burn_iterations` of the CPU loop.
  D  create the pool, have all `workers` started, shut it down and wait (lazy pools get the
     least work that makes them start every worker: a barrier for ThreadPoolExecutor, one task
     for ProcessPoolExecutor, which starts all its processes at the first submit under fork).
  E  `trips` round trips of one no-op task through an idle, started pool, one after the other.
  F  (tpe only) `tasks` no-op tasks submitted behind a pool of 1 worker held by a task that waits:
     the answer's "seconds" is the resident bytes the pending futures added, per task.
"""

import concurrent.futures as cf
import json
import multiprocessing
import multiprocessing.dummy
import os
import sys
import threading
import time

MASK = (1 << 64) - 1


def noop(_=None):
    return None


def sleep_ns(ns):
    time.sleep(ns / 1e9)


def burn(iterations):
    """The same xorshift loop pooltop's CPUBurner runs, on Python integers."""
    x = 0x2545F4914F6CDD1D
    for _ in range(iterations):
        x ^= (x << 13) & MASK
        x ^= x >> 7
        x ^= (x << 17) & MASK
    return x & 1


def burn_timed(iterations):
    """burn(), returning the CPU time it took on this thread's clock (nanoseconds)."""
    begun = time.thread_time_ns()
    burn(iterations)
    return time.thread_time_ns() - begun


def wait_barrier(barrier):
    barrier.wait()


# MARK: - Pools behind one small interface


class Peer:
    """One implementation: make a pool, run a batch, one trip, start-and-stop."""

    def __init__(self, impl, workers):
        self.impl = impl
        self.workers = workers
        self.pool = None

    def start(self):
        if self.impl == "tpe":
            self.pool = cf.ThreadPoolExecutor(max_workers=self.workers)
        elif self.impl == "ppe":
            self.pool = cf.ProcessPoolExecutor(max_workers=self.workers)
        elif self.impl in ("mp1", "mpdefault"):
            self.pool = multiprocessing.Pool(processes=self.workers)
        elif self.impl == "dummy":
            self.pool = multiprocessing.dummy.Pool(processes=self.workers)
        else:
            raise ValueError("unknown implementation " + self.impl)

    def ensure_started(self):
        """Makes a lazy pool start all its workers (eager pools already did)."""
        if self.impl == "tpe":
            barrier = threading.Barrier(self.workers)
            for future in [self.pool.submit(wait_barrier, barrier) for _ in range(self.workers)]:
                future.result()
        elif self.impl == "ppe":
            self.pool.submit(noop).result()

    def batch(self, fn, args):
        """Runs fn over args; returns the results."""
        if self.impl in ("tpe", "ppe"):
            return [future.result() for future in [self.pool.submit(fn, arg) for arg in args]]
        if self.impl == "mp1":
            return self.pool.map(fn, args, chunksize=1)
        return self.pool.map(fn, args)

    def trip(self):
        if self.impl in ("tpe", "ppe"):
            self.pool.submit(noop).result()
        else:
            self.pool.apply(noop, (0,))

    def stop(self):
        if self.impl in ("tpe", "ppe"):
            self.pool.shutdown(wait=True)
        else:
            self.pool.close()
            self.pool.join()
        self.pool = None


# MARK: - Requests


def resident_bytes():
    """This process's resident memory (/proc/self/statm)."""
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def queued_bytes_per_task(impl, tasks):
    """F: the resident memory `tasks` pending futures hold behind one busy worker, per task."""
    if impl != "tpe":
        raise ValueError("workload F is measured for tpe only")
    release = threading.Event()
    pool = cf.ThreadPoolExecutor(max_workers=1)
    try:
        pool.submit(release.wait)
        before = resident_bytes()
        pending = [pool.submit(noop) for _ in range(tasks)]
        after = resident_bytes()
        for future in pending:
            future.cancel()
        return {"seconds": max(0, after - before) / tasks}
    finally:
        release.set()
        pool.shutdown(wait=True)


def run(request):
    impl, workload, workers = request["impl"], request["workload"], request["workers"]
    if workload == "F":
        return queued_bytes_per_task(impl, request["tasks"])
    peer = Peer(impl, workers)
    if workload == "D":
        begun = time.perf_counter_ns()
        peer.start()
        peer.ensure_started()
        peer.stop()
        return {"seconds": (time.perf_counter_ns() - begun) / 1e9}

    peer.start()
    try:
        peer.ensure_started()
        peer.batch(noop, range(workers))  # warm-up: every worker has run once
        if workload == "E":
            trips = []
            for _ in range(request["trips"]):
                begun = time.perf_counter_ns()
                peer.trip()
                trips.append(time.perf_counter_ns() - begun)
            return {"seconds": sum(trips) / 1e9, "trips_ns": trips}
        tasks = request["tasks"]
        if workload == "A":
            fn, args = noop, [None] * tasks
        elif workload == "B":
            fn, args = sleep_ns, [request["io_ns"]] * tasks
        elif workload == "C":
            fn, args = burn_timed, [request["burn_iterations"]] * tasks
        else:
            raise ValueError("unknown workload " + workload)
        begun = time.perf_counter_ns()
        results = peer.batch(fn, args)
        answer = {"seconds": (time.perf_counter_ns() - begun) / 1e9}
        if workload == "C":
            answer["cpu_ns"] = float(sum(results))
        return answer
    finally:
        if peer.pool is not None:
            peer.stop()


def calibrate(request):
    target = request["target_ns"]
    best = 0.0
    for _ in range(5):
        begun = time.thread_time_ns()
        burn(20_000)
        elapsed = time.thread_time_ns() - begun
        if elapsed > 0:
            best = max(best, 20_000 / elapsed)
    iterations = max(1, round(target * best))
    measured = []
    for _ in range(21):
        begun = time.thread_time_ns()
        burn(iterations)
        measured.append(time.thread_time_ns() - begun)
    return {"iterations_per_ns": best, "iterations": iterations, "measured_cpu_ns": measured}


def info(_request):
    return {
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "start_method": multiprocessing.get_start_method(),
        "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count(),
    }


def main():
    request = json.loads(sys.stdin.read())
    handlers = {"info": info, "calibrate": calibrate, "run": run}
    try:
        answer = handlers[request["op"]](request)
        answer["error"] = None
    except Exception as error:  # reported to pooltop, which prints it in the table
        answer = {"error": "%s: %s" % (type(error).__name__, error)}
    sys.stdout.write(json.dumps(answer))
    sys.stdout.flush()


if __name__ == "__main__":
    main()
