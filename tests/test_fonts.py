"""The self-hosted fonts cover Arabic and every Sorani letter."""

import re
from pathlib import Path

import pytest
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parents[1]
CSS = (ROOT / "static" / "css" / "site.css").read_text(encoding="utf-8")
FONT_URLS = re.findall(r'url\("\.\./(fonts/[^"]+\.woff2)"\)', CSS)

SORANI_LETTERS = "ڕڵۆێەڤکگچپژیھ"
ARABIC_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى"
PUNCTUATION = "،؛؟"


def test_stylesheet_self_hosts_its_fonts():
    assert FONT_URLS, "no @font-face in site.css"
    assert "googleapis" not in CSS and "//fonts." not in CSS
    assert CSS.count("font-display: swap") == len(FONT_URLS)
    assert CSS.count("unicode-range: U+0600-06FF") == len(FONT_URLS)


@pytest.mark.parametrize("path", FONT_URLS)
def test_font_covers_arabic_and_sorani(path):
    font_file = ROOT / "static" / path
    assert font_file.stat().st_size < 60_000, "ship only the Arabic subset"
    characters = TTFont(str(font_file)).getBestCmap()
    missing = [c for c in SORANI_LETTERS + ARABIC_LETTERS + PUNCTUATION if ord(c) not in characters]
    assert not missing, f"{path} lacks {missing}"


def test_font_licence_is_shipped():
    assert (ROOT / "static" / "fonts" / "vazirmatn" / "OFL.txt").exists()
