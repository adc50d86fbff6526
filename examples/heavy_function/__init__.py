"""The seeds' package: two modules of work, one that burns CPU and one that waits.

``heavy_function`` is a package (a folder with an ``__init__.py``); ``cpu_heavy`` and
``io_heavy`` are its modules. The numbered scripts beside it use them with pools, locks
and the ``collections`` types.
"""
from .cpu_heavy import count_primes, cpu_heavy
from .io_heavy import fetch, io_heavy

__all__ = ["count_primes", "cpu_heavy", "fetch", "io_heavy"]
