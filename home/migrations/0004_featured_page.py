# The home page features any page (usually the current campaign) through a generic
# page link, so the home app no longer refers to the campaigns app. The chosen page
# keeps its id, so the data is kept.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0003_snippet_drafts_and_menus"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField(
            model_name="homepage", old_name="featured_campaign", new_name="featured_page"
        ),
        migrations.AlterField(
            model_name="homepage",
            name="featured_page",
            field=models.ForeignKey(
                blank=True,
                help_text="Shown at the top of the front page in every language, usually the current campaign. Choose the English page.",
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.page",
                verbose_name="featured page",
            ),
        ),
    ]
