"""gunicorn settings: `gunicorn -c icssi_cms/gunicorn.conf.py icssi_cms.wsgi`.
Every value can be overridden from the environment (GUNICORN_*)."""

import gc
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = os.environ.get("GUNICORN_WORKER_CLASS", "sync")
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 20
keepalive = 5
# The application is loaded once in the master and forked: workers share its memory
# pages, and a replaced worker starts at once instead of importing Django and Wagtail
# again (a second or two during which its requests wait).
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"
if preload_app:
    # A collection in a worker writes to every object it visits, and the kernel then
    # copies the page the worker shared with the master. So, as Python's gc.freeze()
    # documentation advises: no collection in the master while it loads the app, its
    # objects frozen (never visited again) before the workers are forked, and the
    # collector back on in each worker.
    gc.disable()


def when_ready(server):
    """Once the master has loaded the app, before the first fork."""
    if preload_app:
        gc.freeze()


# Replace a worker now and then so that no slow leak builds up: rarely (a cached page
# is 1-3 ms, so 2,000 requests were a few seconds), at spread-out moments so that
# workers are never replaced together; 0 turns it off.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", "50000"))
max_requests_jitter = max_requests // 10
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")


def post_fork(server, worker):
    """Nothing the master may have opened while loading the app (a database
    connection) is shared by the workers: each opens its own."""
    from django.db import connections

    connections.close_all()
    gc.enable()  # off in the master only (above)
