from urllib.parse import urlsplit

from django.core.management.base import BaseCommand, CommandError

from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Set the address the site is served at (its Wagtail Site's host name and port), "
        "from which canonical and hreflang links, the sitemap and the feeds are built. "
        "`make run` sets it to where it serves; production sets it once, e.g. "
        "`set_site_address https://icssi.org`."
    )

    def add_arguments(self, parser):
        parser.add_argument("address", help="e.g. http://127.0.0.1:8000 or https://icssi.org")

    def handle(self, address, **options):
        parts = urlsplit(address)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(
                f"Give a full address, such as http://127.0.0.1:8000 (not {address!r})."
            )
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.get(is_default_site=True)
        if (site.hostname, site.port) == (parts.hostname, port):
            return
        site.hostname, site.port = parts.hostname, port
        site.save()  # Site.save() clears Wagtail's cached site root paths
        self.stdout.write(f"The site's address is now {site.root_url}")
