import multiprocessing
import sys
import time


def square(x):
    return x * x


def fail(x):
    raise KeyError(x)


if __name__ == "__main__":
    method = sys.argv[1] if len(sys.argv) > 1 else "fork"
    ctx = multiprocessing.get_context(method)
    pool = ctx.Pool(2)
    if sys.argv[2:] == ["pause"]:
        time.sleep(0.3)          # pooltop sends a command now
    total = sum(pool.map(square, range(10), chunksize=3))
    one = pool.apply(square, (7,))
    star = pool.starmap(pow, [(2, 3), (3, 2)])
    err = pool.apply_async(fail, (1,))
    try:
        err.get(timeout=10)
    except KeyError:
        pass
    pool.close()
    pool.join()
    print("ok", total, one, star)
