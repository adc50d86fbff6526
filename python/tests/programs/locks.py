import multiprocessing
import sys
import threading
import time


def hold(lock, seconds):
    with lock:
        time.sleep(seconds)


def mp_worker(lock, barrier):
    barrier.wait()
    for _ in range(3):
        lock.acquire()
        time.sleep(0.01)
        lock.release()


if __name__ == "__main__":
    lock = threading.Lock()
    threads = [threading.Thread(target=hold, args=(lock, 0.02))
               for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    method = sys.argv[1] if len(sys.argv) > 1 else "fork"
    ctx = multiprocessing.get_context(method)
    mlock = ctx.Lock()
    barrier = ctx.Barrier(2)
    procs = [ctx.Process(target=mp_worker, args=(mlock, barrier))
             for _ in range(2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print("ok", type(lock).__name__, type(mlock).__name__)
