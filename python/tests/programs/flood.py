"""Many tiny ThreadPoolExecutor tasks: far more event lines than a Unix
socket buffers, so writers find it full while the reader is paused."""
from concurrent.futures import ThreadPoolExecutor


def noop(x):
    return x


if __name__ == "__main__":
    with ThreadPoolExecutor(max_workers=8) as ex:
        total = sum(ex.map(noop, range(3000)))
    print("ok", total)
