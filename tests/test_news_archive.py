"""The statements archive: filters, counts, pagination, friendly dead ends, RSS."""

import datetime

import feedparser
import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import StatementFactory, paragraphs
from tests.helpers import visible_text

pytestmark = pytest.mark.django_db


def add_statements(count, year=2020, topic_slug=None):
    for number in range(count):
        StatementFactory(
            title=f"Statement {year}-{number}",
            date=datetime.date(year, 1, 1) + datetime.timedelta(days=number),
            body=paragraphs(f"Text {number}."),
            topics=[topic_slug] if topic_slug else [],
        )


def titles(response):
    return [statement.title for statement in response.context["archive"].page]


def test_newest_first_and_paginated_by_the_setting(seed_site, client, settings):
    settings.NEWS_PAGE_SIZE = 2
    first = client.get("/en/news/")
    assert titles(first) == [
        "We Stand Together With Iraqi Civil Society Activists!",
        "The Iraqi Civil Initiative is Launched by 90 Civil Society Organizations!",
    ]
    second = client.get("/en/news/?page=2")
    assert len(titles(second)) == 1


def test_filter_by_year_and_topic_and_both(seed_site, client):
    assert len(titles(client.get("/en/news/?year=2014"))) == 2
    assert len(titles(client.get("/en/news/?topic=civil-society"))) == 2
    both = client.get("/en/news/?topic=civil-society&year=2014")
    assert titles(both) == [
        "The Iraqi Civil Initiative is Launched by 90 Civil Society Organizations!"
    ]


def test_year_archive_counts_within_the_chosen_topic(seed_site, client):
    archive = client.get("/en/news/").context["archive"]
    assert archive.years == [{"year": 2015, "count": 1}, {"year": 2014, "count": 2}]
    by_topic = client.get("/en/news/?topic=humanitarian-crisis").context["archive"]
    assert by_topic.years == [{"year": 2014, "count": 1}]
    topics = {t["slug"]: t["count"] for t in archive.topics}
    assert topics == {
        "civil-society": 2,
        "human-rights": 2,
        "humanitarian-crisis": 1,
        "peace-and-reconciliation": 1,
    }


def test_topic_names_are_in_the_readers_language(seed_site, client):
    archive = client.get("/ar/news/").context["archive"]
    assert "حقوق الإنسان" in [t["name"] for t in archive.topics]


def test_pagination_keeps_the_filters(seed_site, client, settings):
    settings.NEWS_PAGE_SIZE = 2
    add_statements(3, year=2020, topic_slug="human-rights")
    html = client.get("/en/news/?topic=human-rights&year=2020").content.decode()
    assert 'href="?topic=human-rights&amp;year=2020&amp;page=2"' in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?page=99", "This list has only 1 page."),
        ("?year=abc", "There are no statements for this choice."),
        ("?year=1066", "There are no statements for this choice."),
        ("?topic=no-such-topic", "There are no statements for this choice."),
    ],
)
def test_dead_ends_get_a_friendly_page(seed_site, client, query, message):
    response = client.get(f"/en/news/{query}")
    assert response.status_code == 404
    text = visible_text(response.content.decode())
    assert message in text
    assert "See all statements" in text or "Go to the first page" in text


def test_a_page_that_is_not_a_number_shows_the_first(seed_site, client):
    response = client.get("/en/news/?page=abc")
    assert response.status_code == 200
    assert response.context["archive"].page.number == 1


@pytest.mark.parametrize(
    "url", ["/en/news/", "/en/news/feed/", "/en/", "/en/news/iraqi-civil-initiative-launched/"]
)
def test_queries_do_not_grow_with_the_archive(seed_site, client, url):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    count()  # warm Wagtail's caches (site root paths, locales)
    before = count()
    add_statements(25)
    count()
    assert count() == before


def test_rss_feed_is_valid_and_in_the_readers_language(untranslated_statement, client):
    response = client.get("/en/news/feed/")
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.feed.language == "en"
    assert [entry.title for entry in feed.entries][:2] == [
        "Water is not a weapon",
        "We Stand Together With Iraqi Civil Society Activists!",
    ]
    assert len(feed.entries) == 4
    assert feed.entries[1].link.endswith(
        "/en/news/we-stand-together-with-iraqi-civil-society-activists/"
    )

    for code, title in [("ar", "نقف معاً"), ("ckb", "")]:
        translated = feedparser.parse(client.get(f"/{code}/news/feed/").content)
        assert not translated.bozo
        assert translated.feed.language == code
        # The three translated statements; the one still in English is left out.
        assert len(translated.entries) == 3
        assert translated.entries[0].title.startswith(title)
        assert not [e for e in translated.entries if "water-is-not" in e.link]


def test_every_page_links_its_languages_feed(seed_site, client):
    html = client.get("/ckb/campaigns/end-cross-border-bombings/").content.decode()
    assert 'type="application/rss+xml"' in html
    assert 'href="/ckb/news/feed/"' in html


def test_statement_shows_related_statements_and_linked_topics(seed_site, client):
    html = client.get("/en/news/iraqi-civil-initiative-launched/").content.decode()
    assert "Related statements" in html
    assert "We Stand Together With Iraqi Civil Society Activists!" in html  # shares civil-society
    assert 'href="/en/news/?topic=civil-society"' in html


def page_title(response):
    import re

    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.parametrize(
    "lang,query,expected",
    [
        ("en", "", "Statements · ICSSI"),
        ("en", "?topic=human-rights&year=2014", "Human rights · 2014 · Statements · ICSSI"),
        ("en", "?year=2014&page=2", "2014 · Page 2 · Statements · ICSSI"),
        ("ar", "?topic=human-rights", "حقوق الإنسان · البيانات · ICSSI"),
        ("ckb", "?year=2014&page=2", "2014 · پەڕەی 2 · ڕاگەیەندراوەکان · ICSSI"),
        ("en", "?topic=no-such-topic", "Statements · ICSSI"),
    ],
)
def test_page_title_says_which_statements_are_shown(
    seed_site, client, settings, lang, query, expected
):
    settings.NEWS_PAGE_SIZE = 1
    assert page_title(client.get(f"/{lang}/news/{query}")) == expected


def test_a_topic_slug_already_taken_is_refused_with_a_message(client, editor):
    from news.models import Topic

    client.force_login(editor)
    response = client.post(
        "/admin/snippets/news/topic/add/", {"name": "Human rights again", "slug": "human-rights"}
    )
    assert response.status_code == 200
    assert "There is already a topic with this slug" in str(response.context["form"].errors)
    assert Topic.objects.filter(slug="human-rights", locale__language_code="en").count() == 1


@pytest.mark.parametrize(
    "url",
    [
        "/en/",
        "/ar/news/",
        "/ckb/news/iraqi-civil-initiative-launched/",
        "/ar/campaigns/end-cross-border-bombings/",
        "/ckb/conferences/",
    ],
)
def test_an_uncached_page_costs_at_most_ten_queries(seed_site, client, url):
    """Issue 11's ceiling, with the per-process and fragment caches warm as on a
    running server (the page cache is off in tests)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= 10, [query["sql"][:120] for query in queries]
