"""Search: Arabic and Kurdish found whichever keyboard typed them; hostile queries
get a friendly page; matches highlighted; the query always escaped. (Word forms:
tests/test_stemming.py and the query set, tests/test_search_quality.py.)"""

import html
import re

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from django.test import Client

from home.arabic_script import fold
from home.stemming import query_keys
from news.models import NewsPage
from search.text import highlighted_excerpt
from tests.helpers import visible_text

pytestmark = pytest.mark.django_db


def titles_found(client, code, query):
    response = client.get(f"/{code}/search/", {"q": query})
    assert response.status_code == 200
    return [page.title for page in response.context["results"] or []]


ARABIC_CAMPAIGN = "أوقفوا القصف العابر للحدود في كردستان العراق"
KURDISH_CAMPAIGN = "کۆتایی بە بۆردوومانی سەرسنووری لە کوردستانی عێراق بهێنن"


@pytest.mark.parametrize(
    ("why", "code", "query", "expected"),
    [
        # Arabic kaf typed for the Kurdish ک
        ("kaf", "ckb", "كوردستانی", KURDISH_CAMPAIGN),
        # Kurdish kaf typed for the Arabic ك
        ("kaf", "ar", "کردستان", ARABIC_CAMPAIGN),
        # Arabic keyboard: ي for ی and ه for ە, in مەسیحی ("Christian")
        ("yeh and ae", "ckb", "مهسيحي", KURDISH_CAMPAIGN),
        # Persian/Kurdish keyboard: ی for ي and ه for ة, in الدبلوماسية
        ("yeh and taa marbuta", "ar", "الدبلوماسیه", ARABIC_CAMPAIGN),
        # alef without hamza for إ and أ
        ("alef", "ar", "اطلاق", ARABIC_CAMPAIGN),
        ("alef", "ar", "اكثر", ARABIC_CAMPAIGN),
        # taa marbuta typed as heh
        ("taa marbuta", "ar", "الحمله", ARABIC_CAMPAIGN),
        # diacritics in the query; the text has none
        ("diacritics", "ar", "الحَمْلَة", ARABIC_CAMPAIGN),
        # diacritics in the text (منظماتِ); none in the query
        ("diacritics", "ar", "منظمات", ARABIC_CAMPAIGN),
        # tatweel
        ("tatweel", "ar", "الحـــملة", ARABIC_CAMPAIGN),
        # Arabic-Indic and Persian digits for 30 and 500
        ("digits", "ar", "٣٠", ARABIC_CAMPAIGN),
        ("digits", "ckb", "۵۰۰", KURDISH_CAMPAIGN),
    ],
)
def test_search_finds_words_whichever_keyboard_typed_them(
    seed_site, client, why, code, query, expected
):
    assert expected in titles_found(client, code, query), why


def test_kurdish_letters_are_not_merged_with_arabic_ones():
    # کەڕ ("deaf") and کەر ("donkey") are different words.
    assert fold("کەڕ") != fold("کەر")
    assert fold("ێ") != fold("ی")


def test_search_stays_within_the_readers_language(seed_site, client):
    assert titles_found(client, "en", "كردستان") == []
    assert "End Cross-Border Bombings in Iraqi Kurdistan" in titles_found(client, "en", "Kurdistan")


def test_matches_are_highlighted_in_an_excerpt(seed_site, client):
    html = client.get("/ckb/search/", {"q": "كوردستانی"}).content.decode()
    assert "<mark>کوردستانی</mark>" in html


def test_excerpt_escapes_the_text_and_marks_the_match():
    excerpt = highlighted_excerpt(
        "A <b>bold</b> call for peace in Iraq", query_keys("peace", "en"), "en"
    )
    assert str(excerpt) == "A &lt;b&gt;bold&lt;/b&gt; call for <mark>peace</mark> in Iraq"


@pytest.mark.parametrize(
    "query",
    [
        "<script>alert('x')</script>",
        "'; DROP TABLE wagtailcore_page; --",
        '" OR 1=1 --',
        "NEAR(a b) AND NOT * ^ \" '",
        "....!!!???",
        "\u202e\u200f\u0000",
    ],
)
def test_hostile_queries_get_a_friendly_page(seed_site, client, query):
    response = client.get("/ar/search/", {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "wagtailcore_page" not in html or "DROP TABLE wagtailcore_page" in visible_text(html)


def test_a_punctuation_only_query_asks_for_a_word(seed_site, client):
    text = visible_text(client.get("/en/search/", {"q": "?!... ;;"}).content.decode())
    assert "Type a word or a number to search for." in text


def test_a_very_long_query_is_cut_and_the_visitor_told(seed_site, client):
    response = client.get("/en/search/", {"q": "peace " * 2000})
    assert response.status_code == 200
    assert len(response.context["query"]) == 200
    assert "only its beginning was used" in visible_text(response.content.decode())


def test_badly_encoded_query_is_not_an_error(seed_site, client):
    response = client.get("/ckb/search/?q=%ff%fe%80abc")
    assert response.status_code == 200


MARK = "\u2063\u2063"  # invisible separators: they bracket the visitor's text in the page


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=150), code=st.sampled_from(["en", "ar", "ckb"]))
def test_any_query_answers_and_is_escaped(seed_site, query, code):
    assume(MARK[0] not in query)
    response = Client().get(f"/{code}/search/", {"q": f"{MARK}{query}{MARK}", "page": "2"})
    assert response.status_code == 200
    # Wherever the query is shown, it is shown as text: no markup of the visitor's.
    for shown in re.findall(f"{MARK}(.*?){MARK}", response.content.decode(), re.S):
        assert "<" not in shown and ">" not in shown and '"' not in shown


def words_of(text):
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("term", ["the", "Iraq", "constitutional", "hostilities", "NO-MATCH"])
def test_excerpts_begin_and_end_between_words(seed_site, term):
    statement = NewsPage.objects.get(
        slug="iraqi-civil-initiative-launched", locale__language_code="en"
    )
    text = statement.plain_text()
    marked = str(highlighted_excerpt(text, query_keys(term, "en"), "en"))
    excerpt = html.unescape(re.sub(r"</?mark>", "", marked))
    whole_words = set(words_of(text))
    assert excerpt.strip("…") and set(words_of(excerpt)) <= whole_words, excerpt
    assert len(excerpt) <= 242
