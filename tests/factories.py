"""Test data, built with wagtail-factories: one page or image at a time, attached to
the seeded site (see conftest.django_db_setup) unless told otherwise.

    statement = StatementFactory(title="Water is not a weapon")   # published, under /en/news/
    draft = StatementFactory(publish=False)
    image = ImageFactory(file__width=1600, file__height=900)
"""

import datetime

import factory
import wagtail_factories

from django.contrib.auth.models import Group, User

from wagtail.models import Collection
from wagtail.rich_text import RichText

from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage, NewsPageTopic, Topic


def english_home():
    return HomePage.objects.get(locale__language_code="en")


def english_news_index():
    return NewsIndexPage.objects.get(locale__language_code="en")


def paragraphs(*texts):
    """StreamField content: one paragraph block per text (HTML allowed)."""
    return [
        ("paragraph", RichText(text if text.startswith("<") else f"<p>{text}</p>"))
        for text in texts
    ]


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page, published unless built with `publish=False`."""

    class Meta:
        abstract = True
        skip_postgeneration_save = True

    @factory.post_generation
    def publish(page, create, extracted, **kwargs):
        if create and extracted is not False:
            page.save_revision().publish()


class StatementFactory(PublishedPageFactory):
    """A statement in the English statements index, published unless `publish=False`."""

    class Meta:
        model = NewsPage

    class Params:
        topics = ()  # StatementFactory(topics=["human-rights"]): English topics by slug

    title = factory.Sequence(lambda n: f"Statement number {n}")
    parent = factory.LazyFunction(english_news_index)
    date = datetime.date(2024, 3, 22)
    body = factory.LazyFunction(lambda: paragraphs("Water is not a weapon."))
    topic_links = factory.LazyAttribute(
        lambda statement: [
            NewsPageTopic(topic=Topic.objects.get(slug=slug, locale__language_code="en"))
            for slug in statement.topics
        ]
    )


class StandardPageFactory(PublishedPageFactory):
    """A general page under the English home page, published unless `publish=False`."""

    class Meta:
        model = StandardPage

    title = factory.Sequence(lambda n: f"About us {n}")
    parent = factory.LazyFunction(english_home)
    body = factory.LazyFunction(list)


class ImageFactory(wagtail_factories.ImageFactory):
    """An uploaded image (a PNG drawn by Pillow) in the site's root collection."""

    title = factory.Sequence(lambda n: f"Protest {n}")
    collection = factory.LazyFunction(Collection.get_first_root_node)
    file = factory.django.ImageField(width=64, height=32, color="red", filename="protest.png")


def make_user(username, *groups):
    """A user in the named groups (see `manage.py setup_groups`)."""
    user = User.objects.create_user(username, f"{username}@example.org", "a-long-test-password-1")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user
