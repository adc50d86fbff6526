"""Run as ``python3 -m pooltop_probe -m mainpkg.poolmain METHOD args...``.

The pool's function is defined in this module, which runs as ``__main__``:
a spawn or forkserver child must import it again by name (as
``__mp_main__``) to find ``square``.
"""
import multiprocessing
import os
import sys


def square(x):
    import __main__
    return x * x, __main__.__name__, os.getpid()


if __name__ == "__main__":
    import __main__
    print("argv", sys.argv)
    print("main", __name__, __spec__.name, __main__.square is square,
          repr(sys.path[0]))
    ctx = multiprocessing.get_context(sys.argv[1])
    pool = ctx.Pool(2)
    out = pool.map(square, range(6), chunksize=2)
    pool.close()
    pool.join()
    print("ok", sum(r[0] for r in out))
    print("child-main", sorted({r[1] for r in out}))
    print("pids", " ".join(sorted({str(r[2]) for r in out})))
    sys.exit(int(sys.argv[2]) if len(sys.argv) > 2 else 0)
