"""Three languages: language-prefixed addresses, the redirect from "/", lang/dir,
and Arabic and Kurdish page trees that mirror the English one."""

import re

import pytest

from wagtail.models import Locale, Page

from home.i18n.locale_trees import synchronise_locale_trees
from tests.factories import StatementFactory
from tests.helpers import html_root_attributes

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar-IQ,ar;q=0.9,en;q=0.5", "/ar/"),
        ("ckb,ar;q=0.8", "/ckb/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("fr-FR,fr;q=0.9", "/en/"),
        ("", "/en/"),
    ],
)
def test_root_redirects_to_the_visitors_best_language(seed_site, client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize(("code", "direction"), [("en", "ltr"), ("ar", "rtl"), ("ckb", "rtl")])
def test_each_locale_home_has_its_lang_and_dir(seed_site, client, code, direction):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert html_root_attributes(response.content.decode()) == {"lang": code, "dir": direction}


def test_the_three_trees_mirror_each_other(seed_site):
    keys = {}
    for locale in Locale.objects.all():
        keys[locale.language_code] = set(
            Page.objects.filter(locale=locale, depth__gte=2).values_list(
                "translation_key", flat=True
            )
        )
    assert keys["en"] == keys["ar"] == keys["ckb"]
    assert len(keys["en"]) == 9  # home, 3 indexes, 3 statements, a campaign, a conference


def test_every_page_in_every_tree_answers(seed_site, client):
    pages = Page.objects.filter(depth__gte=2).live()
    assert pages.count() == 27
    for page in pages:
        response = client.get(page.url)
        assert response.status_code == 200, page.url


def test_search_answers_in_every_language(seed_site, client):
    for code in ("en", "ar", "ckb"):
        response = client.get(f"/{code}/search/", {"q": "Iraq"})
        assert response.status_code == 200
        assert html_root_attributes(response.content.decode())["lang"] == code


def test_unknown_address_is_a_404_in_the_readers_language(seed_site, client):
    response = client.get("/ar/no-such-page/")
    assert response.status_code == 404
    assert html_root_attributes(response.content.decode()) == {"lang": "ar", "dir": "rtl"}


def test_page_made_in_code_gets_counterparts_once_trees_are_synchronised(seed_site):
    statement = StatementFactory(title="Made by a script")

    synchronise_locale_trees()
    synchronise_locale_trees()  # a second run adds nothing

    counterparts = Page.objects.filter(translation_key=statement.translation_key)
    assert sorted(p.locale.language_code for p in counterparts) == ["ar", "ckb", "en"]


@pytest.mark.parametrize(
    "accept_language",
    [
        "ckb",
        "ckb-IQ",
        "ku",
        "ku-Arab",
        "ku-Arab-IQ",
        "ku-Arab-IQ,ku;q=0.9,en;q=0.5",
        "ku;q=0.9,en-US;q=0.8",
        "en-XX;q=0.1,ku-arab;q=0.7",
    ],
)
def test_kurdish_readers_arrive_at_the_kurdish_site(seed_site, client, accept_language):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response["Location"] == "/ckb/"


@pytest.mark.parametrize("accept_language", ["ku-Latn", "ku-Latn-TR", "kmr", "kmr-TR,en;q=0.5"])
def test_kurmanji_in_latin_letters_is_not_sent_to_the_sorani_site(
    seed_site, client, accept_language
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response["Location"] == "/en/"


def test_open_graph_names_the_locale_and_the_other_translations(seed_site, client):
    html = client.get("/ckb/campaigns/end-cross-border-bombings/").content.decode()
    assert '<meta property="og:locale" content="cb_IQ">' in html
    alternates = re.findall(r'<meta property="og:locale:alternate" content="([^"]+)">', html)
    assert sorted(alternates) == ["ar_AR", "en_GB"]
    # A page shown untranslated names no alternate for the language it lacks.
    statement = StatementFactory(title="Only in English")
    only_english = client.get(statement.url).content.decode()
    assert "og:locale:alternate" not in only_english
