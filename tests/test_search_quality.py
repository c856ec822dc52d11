"""Search as readers use it: the query set (search/query_set.py) on the seeded site,
on whichever database the suite runs (SQLite, or PostgreSQL with DATABASE_URL);
what a result shows; what a search costs."""

import datetime
import re

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.stemming import query_keys
from search.query_set import QUERIES, found_pages, recall_and_precision
from search.text import highlighted_excerpt
from search.views import RESULTS_PER_PAGE
from tests.factories import StatementFactory, paragraphs
from tests.helpers import visible_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "query", QUERIES, ids=[f"{query.language}-{query.text}" for query in QUERIES]
)
def test_query_finds_its_pages_and_no_others(seed_site, client, query):
    found = found_pages(client, query)
    assert sorted(query.finds - found) == [], f"not found ({query.why})"
    assert sorted(found - query.finds - query.either) == [], f"found, wrongly ({query.why})"


def test_the_query_set_has_at_least_twenty_queries_per_language():
    counts = recall_and_precision([(query, set()) for query in QUERIES])
    assert {language: n for language, (_r, _p, n) in counts.items()} == {
        "ar": pytest.approx(30, abs=10),
        "ckb": pytest.approx(30, abs=10),
        "en": pytest.approx(30, abs=10),
    }
    assert all(n >= 20 for _r, _p, n in counts.values())


def result_items(html):
    return re.findall(r'<li class="search-result"[^>]*>(.*?)</li>', html, re.S)


def test_a_result_says_what_it_is_and_when(seed_site, client):
    html = client.get("/ckb/search/", {"q": "سلێمانی"}).content.decode()
    (conference,) = result_items(html)
    text = visible_text(conference)
    assert "کۆنفرانس" in text  # the page type
    assert "18ی کانوونی دووەمی 2017" in text  # its date, as Sorani writes it
    html = client.get("/en/search/", {"q": "Anbar"}).content.decode()
    (statement,) = result_items(html)
    assert "Statement" in visible_text(statement)
    assert 'datetime="2014-01-16"' in statement


def test_excerpt_is_cut_between_words():
    text = " ".join(f"word{number}" for number in range(200)) + " bombings at the end."
    excerpt = str(highlighted_excerpt(text, query_keys("bombing", "en"), "en", length=120))
    assert excerpt.startswith("…") and "<mark>bombings</mark> at the end." in excerpt
    shown = excerpt.removeprefix("…").replace("<mark>", "").replace("</mark>", "")
    assert f" {shown}" in f" {text}"  # starts at a word
    assert len(shown) <= 120 + len(".")


def test_excerpt_of_a_long_text_ends_after_a_whole_word():
    text = "Peace " + "Solidarity " * 100
    excerpt = str(highlighted_excerpt(text, query_keys("peace", "en"), "en", length=50))
    assert excerpt.endswith("Solidarity…")


def test_the_same_search_again_is_answered_from_the_cache(seed_site, client):
    client.get("/ar/search/", {"q": "حملة"})
    with CaptureQueriesContext(connection) as first:
        client.get("/ar/search/", {"q": "الحملة"})  # the same word, another form
    with CaptureQueriesContext(connection) as repeated:
        client.get("/ar/search/", {"q": "الحملة"})
    searches = [q for q in first.captured_queries if "indexentry" in q["sql"].lower()]
    assert searches == []  # حملة and الحملة are one query to the cache
    assert len(repeated.captured_queries) <= len(first.captured_queries)


def test_a_publish_makes_the_next_search_find_the_new_page(seed_site, client):
    assert found_titles(client, "en", "Halabja") == []
    StatementFactory(title="Remembering Halabja", body=paragraphs("Halabja, 1988."))
    assert found_titles(client, "en", "Halabja") == ["Remembering Halabja"]


def found_titles(client, code, query):
    html = client.get(f"/{code}/search/", {"q": query}).content.decode()
    return [visible_text(title) for title in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]


def test_a_search_costs_the_same_whatever_the_number_of_matches(seed_site, client):
    """Ranking, counting and cutting the page happen in the database; only the page
    shown is loaded and excerpted. So the number of SQL queries does not grow."""

    def queries_for(word):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/en/search/", {"q": word, "page": "2"})
        assert response.status_code == 200
        return len(queries)

    for number in range(RESULTS_PER_PAGE + 1):
        StatementFactory(title=f"Generated {number}", body=paragraphs("benchmark"))
    few = queries_for("benchmark")
    for number in range(3 * RESULTS_PER_PAGE):
        StatementFactory(
            title=f"More {number}",
            date=datetime.date(2020, 1, 1),
            body=paragraphs("benchmark"),
        )
    assert queries_for("benchmark") == few


def test_every_page_type_keeps_pages_search_fields_but_the_raw_title():
    """What Wagtail's check wagtailsearch.W001 (silenced in settings) would say,
    less the one field replaced on purpose."""
    from wagtail.models import Page, get_page_models
    from wagtail.search import index

    from home.models.base import KeysOfTitle

    kept = [
        field
        for field in Page.search_fields
        if not (isinstance(field, index.SearchField) and field.field_name == "title")
    ]
    for model in get_page_models():
        if model is Page:
            continue
        assert all(field in model.search_fields for field in kept), model
        assert any(isinstance(field, KeysOfTitle) for field in model.search_fields), model
