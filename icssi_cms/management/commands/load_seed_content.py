from django.core.management.base import BaseCommand

from icssi_cms.seed import SeedLoader


class Command(BaseCommand):
    help = (
        "Import the site's first content (the five ICSSI documents in icssi_cms/seed_content/). "
        "Creates only what is missing; never changes a page that already exists."
    )

    def handle(self, **options):
        created = SeedLoader(stdout=self.stdout).run()
        if not created:
            self.stdout.write("Seed content already present; nothing changed.")
