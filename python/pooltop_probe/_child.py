"""Getting the probe into spawn and forkserver children.

``multiprocessing.spawn.get_preparation_data`` is wrapped to add one extra
key, ``"pooltop_probe"``, whose value unpickles (in the child, before
``multiprocessing.spawn.prepare`` runs and before the parent's main module
is imported again as ``__mp_main__``) into a call of the built-in ``exec``
on a two-line bootstrap: put this package's parent folder on ``sys.path``
and call :func:`boot`.  ``prepare`` ignores keys it does not know, so the
preparation data stays valid.  No ``sitecustomize``, no ``PYTHONPATH``:
the environment only carries ``POOLTOP_SOCKET``.
"""
import os
from multiprocessing import spawn
from typing import Any, Dict, List

_ORIG: Dict[str, Any] = {}
_PARENT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class _Bootstrap:
    def __reduce__(self) -> Any:
        code = ("import sys\n"
                "if %r not in sys.path: sys.path.insert(0, %r)\n"
                "import pooltop_probe._child\n"
                "pooltop_probe._child.boot()\n" % (_PARENT, _PARENT))
        return (exec, (code,))


def boot() -> None:
    """Runs in a spawn/forkserver child while its preparation data loads."""
    import pooltop_probe
    pooltop_probe.install(role="spawn")


def _get_preparation_data(name: str) -> Dict[str, Any]:
    data = _ORIG["gpd"](name)
    data["pooltop_probe"] = _Bootstrap()
    return data


def install(hooks: List[str]) -> None:
    _ORIG["gpd"] = spawn.get_preparation_data
    spawn.get_preparation_data = _get_preparation_data
    hooks.append("multiprocessing.spawn.get_preparation_data")
