"""In real Chromium: what a reader's phone downloads. English pages do not fetch the
Arabic-script font; Arabic and Sorani pages do."""

import pytest

pytestmark = pytest.mark.browser

PAGES = [
    "/{}/",
    "/{}/news/iraqi-civil-initiative-launched/",
    "/{}/campaigns/end-cross-border-bombings/",
    "/{}/conferences/annual-conference-2017-sulaymaniyah/",
]


def fonts_fetched(page, url):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(url)
    page.wait_for_load_state("networkidle")
    page.evaluate("document.fonts.ready")
    return [address for address in fetched if address.endswith(".woff2")]


def test_english_pages_do_not_download_the_arabic_font(
    browser_db, django_db_serialized_rollback, live_server, page
):
    for address in PAGES:
        assert fonts_fetched(page, live_server.url + address.format("en")) == [], address
    assert fonts_fetched(page, live_server.url + PAGES[0].format("ckb"))
