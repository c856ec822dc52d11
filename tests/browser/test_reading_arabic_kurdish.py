"""In real Chromium, on a phone's width: an Arabic and a Kurdish reader see dates as
they write them, find a page by a word in another of its forms, and read Latin
fragments (CPT-IK, .ics, https://) in their right order inside right-to-left text."""

import re

import pytest
from playwright.sync_api import expect

from home.i18n.locale_trees import synchronise_locale_trees
from tests.factories import StatementFactory

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
READER = {
    "ar": {
        "search_label": "البحث في الموقع",
        "query": "حملة",  # the page says الحملة
        "campaign": "أوقفوا القصف العابر للحدود في كردستان العراق",
        "month_statement": "حزيران 2015",
        "conference_day": "الأربعاء، 18 كانون الثاني 2017",
        "wrong_months": ["يناير", "يونيو", "يوليو"],
    },
    "ckb": {
        "search_label": None,
        "query": "کەمپەین",  # the page says کەمپەینەکە, کەمپەینی
        "campaign": None,
        "month_statement": "حوزەیرانی 2015",
        "conference_day": "چوارشەممە، 18ی کانوونی دووەمی 2017",
        "wrong_months": ["ڕێبەندان", "پووشپەڕ", "جۆزەردان"],
    },
}
CONFERENCE = "/conferences/annual-conference-2017-sulaymaniyah/"
CAMPAIGN = "/campaigns/end-cross-border-bombings/"


def text_rects(page, selector, fragment):
    """The boxes on screen of the first occurrence of `fragment` in the text of
    `selector`: one box per line it is laid out on, in the order of its letters."""
    return page.evaluate(
        """([selector, fragment]) => {
            const walker = document.createTreeWalker(
                document.querySelector(selector), NodeFilter.SHOW_TEXT);
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                const at = node.data.indexOf(fragment);
                if (at < 0) continue;
                const boxes = [];
                for (let i = at; i < at + fragment.length; i++) {
                    const range = document.createRange();
                    range.setStart(node, i);
                    range.setEnd(node, i + 1);
                    const box = range.getBoundingClientRect();
                    boxes.push({x: box.left, y: Math.round(box.top)});
                }
                return boxes;
            }
            return null;
        }""",
        [selector, fragment],
    )


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_dates_and_search_on_a_phone(
    browser_db, django_db_serialized_rollback, live_server, page, code
):
    reader = READER[code]
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{code}/news/")
    main = page.locator("main")
    expect(main).to_contain_text(reader["month_statement"])
    page.goto(f"{live_server.url}/{code}{CONFERENCE}")
    expect(main).to_contain_text(reader["conference_day"])
    for month in reader["wrong_months"]:
        expect(main).not_to_contain_text(month)

    page.goto(f"{live_server.url}/{code}/")
    search = page.get_by_role("searchbox").first
    search.fill(reader["query"])
    search.press("Enter")
    expect(page).to_have_url(re.compile(rf"/{code}/search/\?q="))
    result = page.locator(".search-result").filter(has=page.locator(f'a[href="/{code}{CAMPAIGN}"]'))
    expect(result).to_have_count(1)
    # The word is marked in the form the page has it, with the article or suffix.
    marked = result.locator("mark").first.inner_text()
    assert marked != reader["query"] and reader["query"][:3] in marked.replace("ة", "ه")


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_latin_fragments_read_in_order_in_right_to_left_text(
    browser_db, django_db_serialized_rollback, live_server, page, code
):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{code}{CAMPAIGN}")
    # An acronym with a hyphen stays on one line, its letters left to right, on
    # every phone's width (where a line ends depends on the width).
    for width in range(320, 431, 4):
        page.set_viewport_size({**PHONE, "width": width})
        boxes = text_rects(page, "main", "CPT-IK")
        assert boxes, "CPT-IK is on the page"
        assert len({box["y"] for box in boxes}) == 1, f"CPT-IK broken at {width} px"
        assert [box["x"] for box in boxes] == sorted(box["x"] for box in boxes)
    # The website field is written left to right, its placeholder too.
    website = page.locator('input[type="url"]').first
    assert website.evaluate("e => getComputedStyle(e).direction") == "ltr"

    page.goto(f"{live_server.url}/{code}{CONFERENCE}")
    # ".ics" reads dot first: the dot is left of the i.
    dot, i, _c, _s = text_rects(page, "main", ".ics")
    assert dot["x"] < i["x"], "(.ics) shows as (ics.)"


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_untranslated_page_is_one_left_to_right_block(
    browser_db, django_db_serialized_rollback, live_server, page, code
):
    statement = StatementFactory(title="Water is not a weapon", slug="water-is-not-a-weapon")
    synchronise_locale_trees()
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/{code}/news/{statement.slug}/")
    content = page.locator(".page-content")
    left = content.bounding_box()["x"]
    # The title, the date and its label, and the text all start at the left edge.
    labels = [content.locator("h1"), content.locator("time").first, content.locator("p").last]
    for element in labels:
        box = element.bounding_box()
        assert abs(box["x"] - left) < 40, element
