"""`make restore FILE=...`: put a backup archive back, replacing what is there."""

import shutil
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError

from home.i18n.fixture_loading import locale_sync_paused


class Command(BaseCommand):
    help = (
        "Restore a backup made by `manage.py backup`: REPLACES the database's content "
        "and the uploaded files with the archive's, then rebuilds the search index."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, archive, yes=False, **options):
        archive = Path(archive)
        if not archive.exists():
            raise CommandError(f"No backup at {archive}.")
        if not yes and input("This replaces everything on this site. Type 'yes': ") != "yes":
            raise CommandError("Nothing was changed.")
        with tempfile.TemporaryDirectory() as work:
            try:
                with tarfile.open(archive, "r:gz") as tar:
                    tar.extractall(work, filter="data")
            except (tarfile.TarError, OSError) as error:
                raise CommandError(
                    f"{archive} is not a backup made by `manage.py backup` ({error})."
                ) from error
            work = Path(work)
            if not (work / "database.json").exists():
                raise CommandError(f"{archive} is not a backup made by `manage.py backup`.")
            call_command("migrate", interactive=False, verbosity=0)
            # Empty every table without re-creating content types and permissions:
            # the backup has them, with the ids everything else refers to.
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            with locale_sync_paused():
                call_command("loaddata", str(work / "database.json"), verbosity=0)
            # Content types and permissions for models newer than the backup.
            call_command("migrate", interactive=False, verbosity=0)
            media = Path(settings.MEDIA_ROOT)
            if media.exists():
                shutil.rmtree(media)
            if (work / "media").exists():
                shutil.copytree(work / "media", media)
        call_command("rebuild_references_index", verbosity=0)
        call_command("update_index", verbosity=0)
        self.stdout.write(f"Restored {archive}.")
