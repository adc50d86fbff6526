"""pooltop_probe: watch the worker pools of an unmodified Python program.

``python3 -m pooltop_probe script.py args...`` or, from inside a program::

    import pooltop_probe
    pooltop_probe.install()

Events go to the Unix socket named by ``POOLTOP_SOCKET`` in the
``pooltop.events/1`` protocol (see python/README.md).  Without
``POOLTOP_SOCKET``, or when it cannot be reached, nothing is hooked.
"""
import os
import sys
from typing import List

from . import _wire

SCHEMA = _wire.SCHEMA
__version__ = _wire.PROBE_VERSION
__all__ = ["install", "installed", "SCHEMA"]

_installed = False


def installed() -> bool:
    """True when this process is hooked and connected."""
    return _installed


def install(role: str = "main") -> bool:
    """Hook the pools and locks of this process and connect to pooltop.

    Returns True when the probe is active.  Idempotent.
    """
    global _installed
    if _installed:
        return True
    path = os.environ.get("POOLTOP_SOCKET")
    if not path:
        return False
    if not _wire.connect(path, role, hello=False):
        _wire.S.path = None
        if role == "main":
            sys.stderr.write("pooltop_probe: cannot reach POOLTOP_SOCKET=%s; "
                             "running without the probe\n" % path)
        return False
    from . import _child, _locks, _mppool, _procs, _threads
    hooks: List[str] = []
    _threads.install(hooks)
    _procs.install(hooks)
    _mppool.install(hooks)
    _locks.install(hooks)
    _child.install(hooks)
    _wire.S.hooks = hooks
    _wire.send(_wire.hello())
    _wire.setup_fork_hook()
    os.register_at_fork(after_in_child=_threads.forget_all_workers)
    _installed = True
    return True
