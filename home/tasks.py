"""Background tasks: what a request should not wait for (mail, CDN purges, search
index updates, image renditions) runs in a worker, from a queue in the database.

django-tasks with the django-tasks-db backend (settings.TASKS): no new server, and a
queued task is a row, so nothing queued is lost when the worker restarts. Wagtail
itself queues search index and reference index updates, CDN purges and focal points
there. `manage.py task_worker` runs them (`make run` starts one beside the site);
failures are listed in the admin under Reports → Failed background tasks.

Tasks that may fail for a while (a mail server down) retry by themselves
(`with_retries`): each failed attempt is recorded with its error and queues the next,
later and later; after the last the failure is final.
"""

import datetime
import functools
import logging

from django_tasks import task

from django.utils import timezone

logger = logging.getLogger(__name__)

# Seconds to wait after attempt 1, 2, 3, 4; the fifth failure is final (about 2.5 h
# after the first, long enough for a mail server's restart or an operator's fix).
RETRY_DELAYS = (60, 5 * 60, 30 * 60, 2 * 60 * 60)
ATTEMPTS = len(RETRY_DELAYS) + 1
# The module paths of the tasks made by with_retries (for the admin's failures view).
RETRIED_TASKS = set()


def with_retries(function):
    """`function` as a task that, when it raises, is queued again after the next of
    RETRY_DELAYS (with `attempt=` one more) and still records this attempt's failure.
    Arguments must be JSON (ids, not objects). In immediate mode (no queue) there is
    no later, so a failure is only recorded."""

    @functools.wraps(function)
    def attempt_once(*args, attempt=1, **kwargs):
        try:
            return function(*args, **kwargs)
        except Exception:
            queue_retry(retried_task, attempt, args, kwargs)
            raise

    retried_task = task()(attempt_once)
    RETRIED_TASKS.add(retried_task.module_path)
    return retried_task


def queue_retry(retried_task, attempt, args, kwargs):
    if attempt >= ATTEMPTS or not retried_task.get_backend().supports_defer:
        logger.error("%s failed for good after %d attempts", retried_task.name, attempt)
        return
    delay = RETRY_DELAYS[attempt - 1]
    later = retried_task.using(run_after=timezone.now() + datetime.timedelta(seconds=delay))
    later.enqueue(*args, attempt=attempt + 1, **kwargs)
    logger.warning(
        "%s failed (attempt %d of %d), retrying in %d s",
        retried_task.name,
        attempt,
        ATTEMPTS,
        delay,
    )


def requeue_abandoned(older_than_seconds):
    """Tasks a worker had started and never finished (it was killed, or its machine
    stopped) go back in the queue; returns how many. Our tasks take seconds, so one
    still running after `older_than_seconds` has no worker left."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    cutoff = timezone.now() - datetime.timedelta(seconds=older_than_seconds)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=cutoff
    ).update(status=TaskResultStatus.READY, started_at=None)
