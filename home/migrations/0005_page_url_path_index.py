"""An index on Wagtail's stored page addresses: HomePage.route finds a page by its
url_path in one query, which without it reads every page of the site."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_featured_page"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_page_url_path ON wagtailcore_page (url_path)",
            "DROP INDEX IF EXISTS home_page_url_path",
        ),
    ]
