from django.db import migrations, models


def number_duplicate_slugs(apps, schema_editor):
    """Topics made twice by the race this constraint closes keep their statements:
    the later ones get "-2", "-3"... for an editor to merge or delete."""
    Topic = apps.get_model("news", "Topic")
    seen = set()
    for topic in Topic.objects.order_by("pk"):
        key = (topic.locale_id, topic.slug)
        if key in seen:
            number = 2
            while (topic.locale_id, f"{topic.slug}-{number}") in seen:
                number += 1
            topic.slug = f"{topic.slug}-{number}"
            topic.save(update_fields=["slug"])
        seen.add((topic.locale_id, topic.slug))


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_snippet_drafts_and_menus"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RunPython(number_duplicate_slugs, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="topic",
            constraint=models.UniqueConstraint(
                fields=("locale", "slug"), name="one_topic_per_slug_per_locale"
            ),
        ),
    ]
