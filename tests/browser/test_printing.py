"""Printed to PDF in real Chromium: a statement, a campaign and a conference come out
as a clean document in each language (no menus, forms or share links; the page's
address and date; Arabic and Sorani set right to left), read back with pdftotext."""

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET

import pytest

from django.template.defaultfilters import date as format_date
from django.utils import translation
from django.utils.timezone import localtime
from django.utils.translation import gettext

from wagtail.models import Page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="apt-get install poppler-utils"),
]

PAGES = [
    "/news/we-stand-together-with-iraqi-civil-society-activists/",
    "/campaigns/end-cross-border-bombings/",
    "/conferences/annual-conference-2017-sulaymaniyah/",
]
# Screen words that paper does without: the skip link, the menu's search box, share
# links, the join form.
LEFT_OUT = [
    "Skip to content",
    "Search the site",
    "Copy link",
    "Link to this page",
    "WhatsApp",
    "Contact person",
]
BIDI_CONTROLS = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# Short vowels and tanwin come out of a PDF before or after their letter.
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670]")
XHTML = "{http://www.w3.org/1999/xhtml}"


def pdf_text(path):
    """The text in reading order, words separated by single spaces."""
    text = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    return words(BIDI_CONTROLS.sub("", text))


def words(text):
    return " ".join(ARABIC_MARKS.sub("", text).split())


def as_extracted(text):
    """Text as pdftotext gives back what Chromium printed: without short vowels, and
    a lam-alef ligature (one glyph, with or without hamza or madda) with its two
    letters the other way round."""
    return re.sub("ل([اأإآ])", r"\1ل", words(text))


def first_page_lines(path):
    """(x_min, x_max) of each line of the first page, and the page's width."""
    xml = subprocess.run(
        ["pdftotext", "-bbox-layout", "-f", "1", "-l", "1", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    first = ET.fromstring(xml).find(f".//{XHTML}page")
    lines = [
        (float(line.get("xMin")), float(line.get("xMax"))) for line in first.iter(f"{XHTML}line")
    ]
    return lines, float(first.get("width"))


def assert_set_in_direction(pdf, rtl):
    """Lines start at the right margin in Arabic and Sorani, at the left in English:
    most lines of text start at the page margin (lists are indented), and short
    lines (the site name, the date) leave the other side empty."""
    lines, width = first_page_lines(pdf)
    assert len(lines) > 5
    starts = [round(width - x_max if rtl else x_min) for x_min, x_max in lines]
    ends = [round(x_min if rtl else width - x_max) for x_min, x_max in lines]
    margin = min(starts)
    assert margin < width / 10
    assert starts.count(margin) > 0.7 * len(lines), starts
    assert max(ends) > width / 2


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_pages_print_as_clean_documents(
    browser_db, django_db_serialized_rollback, live_server, page, lang, tmp_path
):
    with translation.override(lang):
        left_out = [gettext(text) for text in LEFT_OUT]
        source = gettext("From the website of the Iraqi Civil Society Solidarity Initiative")
    for path in PAGES:
        shown = Page.objects.get(url_path__endswith=path, locale__language_code=lang).specific
        with translation.override(lang):
            updated = gettext("Last updated on %(date)s") % {
                "date": format_date(localtime(shown.last_published_at), "j F Y")
            }
        page.goto(f"{live_server.url}/{lang}{path}")
        pdf = tmp_path / f"{shown.slug}.pdf"
        page.pdf(path=pdf, format="A4")
        text = pdf_text(pdf)

        assert as_extracted(shown.title) in text
        for expected in [source, shown.full_url]:
            assert expected in text, (path, expected)
        # The last line, whose words pdftotext may give in another order (the
        # numbers of a right-to-left line first).
        last_line = " ".join(text.split()[-8:])
        assert all(word in last_line for word in as_extracted(updated).split()), (
            path,
            updated,
            last_line,
        )
        for unexpected in left_out:
            assert unexpected not in text, (path, unexpected)
        assert_set_in_direction(pdf, rtl=lang != "en")
