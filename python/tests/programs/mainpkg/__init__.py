"""A package for the ``-m`` and ``-c`` tests (run with cwd = programs/)."""
