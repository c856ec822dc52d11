from django.core.management.base import BaseCommand

from home.seed import SeedLoader


class Command(BaseCommand):
    help = (
        "Import the site's first content (the five ICSSI documents in home/seed_content/). "
        "Creates only what is missing; never changes a page that already exists."
    )

    def handle(self, **options):
        created = SeedLoader(stdout=self.stdout).run()
        if not created:
            self.stdout.write("Seed content already present; nothing changed.")
