"""The page's frame measured in Chromium: the header, the menu bar, the content and
the footer share one column at every width from a small phone to a wide screen, left
to right and right to left; the search page has one search box."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WIDTHS = [320, 390, 768, 1024, 1280, 1366, 1920]
PAGES = [
    "/{lang}/",
    "/{lang}/news/we-stand-together-with-iraqi-civil-society-activists/",
]

# Where each element starts and ends, against the content column (the header's
# content box), in the element's own direction: in English the start is the left
# edge, in Arabic and Sorani the right edge (and an untranslated English text shown
# on an Arabic page starts on the left).
MEASURE = """
(selectors) => {
    const inner = document.querySelector(".site-header__inner");
    const style = getComputedStyle(inner);
    const frame = inner.getBoundingClientRect();
    const column = {
        left: frame.left + parseFloat(style.paddingLeft),
        right: frame.right - parseFloat(style.paddingRight),
    };
    const found = {};
    for (const selector of selectors) {
        const element = document.querySelector(selector);
        if (!element) continue;
        const box = element.getBoundingClientRect();
        const rtl = getComputedStyle(element).direction === "rtl";
        found[selector] = {
            start: Math.round(rtl ? column.right - box.right : box.left - column.left),
            end: Math.round(rtl ? box.left - column.left : column.right - box.right),
        };
    }
    return found;
}
"""
STARTS = [".site-name", ".main-nav__list a", "main h1", ".site-footer__name"]
# At the end of the column, or, where a narrow screen puts them on a line of their
# own, at its start.
ENDS = [".language-switcher ul", ".search-form--header"]


@pytest.mark.parametrize("lang", ["en", "ar"])
def test_menu_bar_header_and_content_share_one_column(
    browser_db, django_db_serialized_rollback, live_server, page, lang
):
    misaligned = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        for path in PAGES:
            page.goto(live_server.url + path.format(lang=lang))
            offsets = page.evaluate(MEASURE, STARTS + ENDS)
            assert set(offsets) == set(STARTS + ENDS), (path, width, offsets)
            for selector in STARTS:
                if abs(offsets[selector]["start"]) > 1:
                    misaligned.append((width, path, selector, offsets[selector]))
            for selector in ENDS:
                if abs(offsets[selector]["end"]) > 1 and abs(offsets[selector]["start"]) > 1:
                    misaligned.append((width, path, selector, offsets[selector]))
            # Nothing sticks out sideways (no horizontal scrolling on a phone).
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                misaligned.append((width, path, "scroll width", scroll_width))
    assert not misaligned, "\n".join(map(str, misaligned))


@pytest.mark.parametrize("lang,width", [("en", 390), ("ckb", 390), ("ar", 1280)])
def test_the_search_page_has_one_search_box(
    browser_db, django_db_serialized_rollback, live_server, page, lang, width
):
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(f"{live_server.url}/{lang}/search/?q=Iraq")
    expect(page.get_by_role("searchbox")).to_have_count(1)
    expect(page.get_by_role("searchbox")).to_have_value("Iraq")
    page.goto(f"{live_server.url}/{lang}/news/")
    expect(page.get_by_role("searchbox")).to_have_count(1)  # the header's, elsewhere
