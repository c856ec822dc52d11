"""`make backup`: the database and the uploaded files in one archive."""

import datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from icssi_cms.backups import write_backup


class Command(BaseCommand):
    help = (
        "Write a backup archive: the whole database (pg_dump on PostgreSQL, SQLite's "
        "backup API on SQLite: a consistent snapshot while the site is in use) and the "
        "uploaded images and documents. Restore it with `manage.py restore FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="the archive to write (default: backups/icssi-DATE.tar.gz)"
        )

    def handle(self, output=None, **options):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        path = Path(output or Path(settings.BASE_DIR) / "backups" / f"icssi-{stamp}.tar.gz")
        manifest = write_backup(path)
        self.stdout.write(
            f"Backup written to {path} ({path.stat().st_size // 1024} kB, "
            f"{manifest['engine']}, {len(manifest['migrations'])} migrations)."
        )
