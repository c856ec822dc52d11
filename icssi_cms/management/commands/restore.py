"""`make restore FILE=...`: put a backup archive back, replacing what is there."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from home.cache import purge_all
from icssi_cms.backups import RestoreRefused, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: REPLACES the database and the "
        "uploaded files with the archive's. The whole archive is checked and loaded "
        "into a copy first; if anything fails, the site is left exactly as it was."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")
        parser.add_argument(
            "--wait",
            type=float,
            default=60,
            help="SQLite: seconds to wait for a writer to release the database (default 60)",
        )

    def handle(self, archive, yes=False, wait=60, **options):
        archive = Path(archive)
        if not archive.exists():
            raise CommandError(f"No backup at {archive}.")
        if not yes and input("This replaces everything on this site. Type 'yes': ") != "yes":
            raise CommandError("Nothing was changed.")
        try:
            restore(archive, wait=wait)
        except RestoreRefused as error:
            raise CommandError(
                f"{archive} was not restored: {error}. Nothing on the site was changed."
            ) from error
        purge_all()  # cached pages are the old site's
        self.stdout.write(f"Restored {archive}.")
