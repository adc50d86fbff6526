"""pooltop's tasks for a Celery cluster (Redis broker).

Start workers with Celery's own command line::

    POOLTOP_BROKER=redis://127.0.0.1:6379/0 \\
        celery -A pooltop_celery.app worker -E -c 4 -n a@%h -Q pooltop

The tasks (``pooltop.io``, ``pooltop.cpu``, ``pooltop.mixed``) do real
work and update a shared counter in Redis, with or without a real Redis
lock.  See examples/celery/README.md.
"""
