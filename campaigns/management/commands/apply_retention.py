"""Delete visitors' submissions once they are no longer needed (run every night)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from campaigns.submissions import expired_submissions


class Command(BaseCommand):
    help = (
        "Delete conference registrations REGISTRATION_RETENTION_DAYS after their "
        "conference, and requests to join a campaign not approved after "
        "UNAPPROVED_ENDORSEMENT_RETENTION_DAYS. --dry-run only counts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, dry_run=False, **options):
        registrations, endorsements = expired_submissions()
        counts = (registrations.count(), endorsements.count())
        if not dry_run:
            with transaction.atomic():
                registrations.delete()
                endorsements.delete()
        verb = "Would delete" if dry_run else "Deleted"
        self.stdout.write(
            f"{verb} {counts[0]} conference registrations and {counts[1]} unapproved "
            "campaign endorsements."
        )
