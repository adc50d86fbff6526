import sys

import pooltop_probe

ACTIVE = pooltop_probe.install()

from concurrent.futures import ThreadPoolExecutor  # noqa: E402

if __name__ == "__main__":
    with ThreadPoolExecutor(2) as ex:
        print("ok", ACTIVE, sum(ex.map(abs, range(-5, 5))))
    sys.exit(4)
