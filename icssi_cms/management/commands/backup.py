"""`make backup`: the database and the uploaded files in one archive."""

import datetime
import io
import tarfile
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand

# Derived data, rebuilt on restore: not worth keeping.
EXCLUDED = [
    "sessions",
    "wagtailsearch.indexentry",
    "wagtailsearch.sqliteftsindexentry",
    "wagtailcore.referenceindex",
    "wagtailimages.rendition",
    "axes",
]


class Command(BaseCommand):
    help = (
        "Write a backup archive: every page in every language, snippets, translations, "
        "form submissions, users, and the uploaded images and documents. "
        "Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="the archive to write (default: backups/icssi-DATE.tar.gz)"
        )

    def handle(self, output=None, **options):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path(output or Path(settings.BASE_DIR) / "backups" / f"icssi-{stamp}.tar.gz")
        path.parent.mkdir(parents=True, exist_ok=True)

        # Every table with its own primary keys, content types included: restored into
        # the same schema, every reference stays as it was. (Natural keys cannot
        # round-trip Wagtail's root collection, whose natural key is empty.)
        # Content types and permissions first: loading anything else may look them up
        # (and create them) before the fixture's own would arrive.
        first = ["contenttypes", "auth"]
        labels = first + [
            config.label
            for config in apps.get_app_configs()
            if config.label not in first and any(True for _ in config.get_models())
        ]
        data = io.StringIO()
        call_command("dumpdata", *labels, exclude=EXCLUDED, stdout=data)
        content = data.getvalue().encode("utf-8")
        media = Path(settings.MEDIA_ROOT)
        with tarfile.open(path, "w:gz") as archive:
            info = tarfile.TarInfo("database.json")
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
            if media.exists():
                archive.add(media, arcname="media")
        self.stdout.write(f"Backup written to {path} ({path.stat().st_size // 1024} kB).")
