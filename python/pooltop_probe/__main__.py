"""``python3 -m pooltop_probe script.py args...``: run a script under the
probe, as ``__main__`` with its own argv; the exit status is the script's."""
import os
import runpy
import sys
from typing import List, Optional

import pooltop_probe

USAGE = "usage: python3 -m pooltop_probe script.py [args...]\n"


def main(argv: Optional[List[str]] = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        sys.stderr.write(USAGE)
        sys.exit(0 if args else 2)
    script = args[0]
    if not os.path.exists(script):
        sys.stderr.write("pooltop_probe: no such script: %s\n" % script)
        sys.exit(2)
    sys.argv = args
    sys.path[0] = os.path.dirname(os.path.abspath(script))
    pooltop_probe.install()
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
