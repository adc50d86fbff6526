"""``python3 -m pooltop_probe (script.py | -c CODE | -m MODULE) args...``:
run a program under the probe the way ``python3`` itself would run it
(``sys.argv``, ``sys.path[0]``, ``__main__``); the exit status is the
program's."""
import builtins
import importlib.machinery
import os
import runpy
import sys
import types
from typing import List, Optional

import pooltop_probe

USAGE = ("usage: python3 -m pooltop_probe (script.py | -c CODE | -m MODULE) "
         "[args...]\n")


def _set_path0(entry: str) -> None:
    """Put ``entry`` where python puts the program's folder: in place of
    the current folder ``-m pooltop_probe`` put first.  With ``-P`` /
    ``PYTHONSAFEPATH`` (3.11+) python adds no such entry, and neither do
    we (``sys.path[0]`` is then a standard library folder)."""
    if not getattr(sys.flags, "safe_path", False):
        sys.path[0] = entry


def _fresh_main() -> types.ModuleType:
    """A new, empty ``__main__`` module in ``sys.modules`` (as the
    interpreter makes one at start-up); it stays there until exit."""
    main = types.ModuleType("__main__")
    main.__dict__["__builtins__"] = builtins
    sys.modules["__main__"] = main
    return main


def run_code(code: str, args: List[str]) -> None:
    """``python3 -c CODE args...``: ``sys.argv == ["-c", *args]``,
    ``sys.path[0] == ""``, the code runs in ``__main__`` with no
    ``__file__`` and ``__spec__ is None`` (so spawn children do not run
    it again, exactly as with ``python3 -c``)."""
    sys.argv = ["-c"] + args
    _set_path0("")
    main = _fresh_main()
    main.__loader__ = importlib.machinery.BuiltinImporter
    pooltop_probe.install()
    exec(compile(code, "<string>", "exec"), main.__dict__)


def run_module(name: str, args: List[str]) -> None:
    """``python3 -m MODULE args...``: ``sys.path[0]`` stays the current
    folder (``python3 -m pooltop_probe`` put it there, as ``-m`` does),
    ``sys.argv[0]`` is ``"-m"`` while the module is found and then its
    file, and the module runs as ``__main__`` with its ``__spec__`` (so
    spawn and forkserver children import it again as ``__mp_main__`` by
    name, ``multiprocessing.spawn._fixup_main_from_name``).  This is
    ``runpy._run_module_as_main``, the function the interpreter calls for
    ``-m`` (same in 3.9 - 3.13)."""
    sys.argv = ["-m"] + args
    _fresh_main()
    pooltop_probe.install()
    runpy._run_module_as_main(name, alter_argv=True)  # type: ignore


def run_script(script: str, args: List[str]) -> None:
    if not os.path.exists(script):
        sys.stderr.write("pooltop_probe: no such script: %s\n" % script)
        sys.exit(2)
    sys.argv = [script] + args
    _set_path0(os.path.dirname(os.path.abspath(script)))
    pooltop_probe.install()
    runpy.run_path(script, run_name="__main__")


def main(argv: Optional[List[str]] = None) -> None:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in ("-h", "--help"):
        sys.stderr.write(USAGE)
        sys.exit(0 if args else 2)
    first = args[0]
    for flag, run in (("-c", run_code), ("-m", run_module)):
        if first.startswith(flag):
            if len(first) > 2:          # "-cCODE", "-mMODULE", as python
                value, rest = first[2:], args[1:]
            elif len(args) > 1:
                value, rest = args[1], args[2:]
            else:
                sys.stderr.write("Argument expected for the %s option\n%s"
                                 % (flag, USAGE))
                sys.exit(2)
            run(value, rest)
            return
    if first.startswith("-") and first != "-":
        sys.stderr.write("pooltop_probe: unknown option %s\n%s"
                         % (first, USAGE))
        sys.exit(2)
    run_script(first, args[1:])


if __name__ == "__main__":
    main()
