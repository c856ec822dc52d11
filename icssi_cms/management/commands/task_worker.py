"""`manage.py task_worker`: runs the background tasks (home/tasks.py).

django-tasks-db's `db_worker`, which first puts back in the queue the tasks a
previous worker started and never finished (killed, or its machine stopped), so that
nothing is lost across a restart. Stopped with SIGTERM or Ctrl-C it finishes the task
in hand first. Takes db_worker's options (--interval, --batch, --max-tasks...).
"""

from django_tasks_db.management.commands.db_worker import Command as DatabaseWorker

from home.tasks import requeue_abandoned


class Command(DatabaseWorker):
    help = __doc__

    def add_arguments(self, parser):
        super().add_arguments(parser)
        parser.add_argument(
            "--abandoned-after",
            type=int,
            default=600,
            help="seconds after which a started, unfinished task counts as abandoned",
        )

    def handle(self, *args, abandoned_after, **options):
        requeued = requeue_abandoned(abandoned_after)
        if requeued:
            self.stderr.write(f"Put {requeued} abandoned task(s) back in the queue.")
        return super().handle(*args, **options)
