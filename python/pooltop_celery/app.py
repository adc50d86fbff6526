"""The Celery app of pooltop's tasks, configured from the environment.

``POOLTOP_BROKER``
    broker URL (default ``redis://127.0.0.1:6379/0``); the shared counter
    lives in the same Redis database.
``POOLTOP_QUEUE``
    the queue the tasks go to and the workers read (default ``pooltop``).
``POOLTOP_VISIBILITY_TIMEOUT``
    seconds after which a message delivered to a worker that vanished
    (the whole worker SIGKILLed) goes back to the queue (default 60).
    A task that runs longer than this is delivered twice.
"""
import os

from celery import Celery

DEFAULT_BROKER = "redis://127.0.0.1:6379/0"
DEFAULT_QUEUE = "pooltop"

BROKER = os.environ.get("POOLTOP_BROKER") or DEFAULT_BROKER
QUEUE = os.environ.get("POOLTOP_QUEUE") or DEFAULT_QUEUE
VISIBILITY_TIMEOUT = float(os.environ.get("POOLTOP_VISIBILITY_TIMEOUT")
                           or 60)

app = Celery("pooltop", broker=BROKER, include=["pooltop_celery.tasks"])
app.conf.update(
    # A task is acknowledged after it ran, and a task whose pool process
    # died goes back to the queue instead of failing.
    task_acks_late=True,
    task_reject_on_worker_lost=True,
    # Each pool process reserves one message at a time.
    worker_prefetch_multiplier=1,
    # Events for pooltop's bridge (the worker's -E does the first too).
    worker_send_task_events=True,
    task_send_sent_event=True,
    task_default_queue=QUEUE,
    # No result backend: the bridge reads results from task-succeeded.
    task_ignore_result=True,
    task_serializer="json",
    accept_content=["json"],
    broker_connection_retry_on_startup=True,
    broker_transport_options={
        "visibility_timeout": VISIBILITY_TIMEOUT,
        # Look for messages of vanished workers every second, not every
        # 100 s (kombu's 10 s interval x throttle 10).
        "unacked_restore_interval": 1,
        "unacked_restore_throttle": 1,
        # That scan runs under a Redis mutex. A worker SIGKILLed while it
        # holds it (likelier with a scan every second) would keep every
        # other worker from giving back its messages for kombu's 300 s:
        # the mutex expires after 10 s instead (a scan takes milliseconds).
        "unacked_mutex_expire": 10,
    },
)
