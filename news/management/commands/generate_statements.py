import datetime

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from wagtail.rich_text import RichText

from home.cache import purge_all
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic


class Command(BaseCommand):
    help = (
        "Benchmarks only: grow the English statements archive to COUNT statements of "
        "generated text, to check that pages do not get slower as the archive grows. "
        "Never run it on a real site."
    )

    def add_arguments(self, parser):
        parser.add_argument("count", type=int)
        parser.add_argument(
            "--for-benchmark",
            action="store_true",
            help="Confirm that this database is a benchmark copy.",
        )

    # A benchmark copy has no task worker: search index updates are done at once.
    @override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    )
    @transaction.atomic
    def handle(self, count, for_benchmark, **options):
        if not for_benchmark:
            raise CommandError("This adds generated statements: pass --for-benchmark on a copy.")
        index = NewsIndexPage.objects.get(locale__language_code="en")
        topics = list(Topic.objects.filter(locale__language_code="en"))
        existing = NewsPage.objects.child_of(index).count()
        for number in range(existing, count):
            day = datetime.date(2010, 1, 1) + datetime.timedelta(days=number * 3)
            statement = NewsPage(
                title=f"Benchmark statement {number}",
                slug=f"benchmark-statement-{number}",
                date=day,
                summary=f"Generated statement number {number} for the benchmark.",
                body=[("paragraph", RichText(f"<p>Generated text {number}.</p>"))],
                live=True,
            )
            if topics:
                statement.topic_links = [NewsPageTopic(topic=topics[number % len(topics)])]
            index.add_child(instance=statement)
        # add_child() publishes without Wagtail's signals, so the lists cached until
        # the next publish (home/cache.py) would go on showing the smaller archive
        purge_all()
        self.stdout.write(f"The archive has {NewsPage.objects.child_of(index).count()} statements.")
