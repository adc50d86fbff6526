"""Functions the ``-c`` program hands to a process pool (a ``-c`` program
has no file a spawn child could import again, as with plain python)."""
import os


def cube(x):
    return x ** 3, os.getpid()
