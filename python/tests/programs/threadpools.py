import time
from multiprocessing.dummy import Pool as DummyPool
from multiprocessing.pool import ThreadPool


def slow_square(x):
    time.sleep(0.001)
    return x * x


if __name__ == "__main__":
    with ThreadPool(3) as tp:
        a = sum(tp.map(slow_square, range(12), chunksize=2))
        b = sum(tp.imap(slow_square, range(5)))
    dp = DummyPool(2)
    c = sum(dp.map(slow_square, range(6)))
    dp.close()
    dp.join()
    print("ok", a, b, c)
