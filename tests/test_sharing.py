"""Share links on statements, campaigns and conferences: plain links to the networks'
share pages and a mailto:, with the page's address and title in the reader's
language (home/sharing.py, includes/share_links.html)."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest

from wagtail.models import Page

pytestmark = pytest.mark.django_db

PAGES = {
    "statement": "/news/we-stand-together-with-iraqi-civil-society-activists/",
    "campaign": "/campaigns/end-cross-border-bombings/",
    "conference": "/conferences/annual-conference-2017-sulaymaniyah/",
}
HEADINGS = {
    ("en", "statement"): "Share this statement",
    ("ar", "statement"): "شارك هذا البيان",
    ("ckb", "statement"): "بڵاوکردنەوەی ئەم ڕاگەیەندراوە",
    ("en", "campaign"): "Share this campaign",
    ("ar", "campaign"): "شارك هذه الحملة",
    ("ckb", "campaign"): "بڵاوکردنەوەی ئەم کەمپەینە",
    ("en", "conference"): "Share this conference",
    ("ar", "conference"): "شارك هذا المؤتمر",
    ("ckb", "conference"): "بڵاوکردنەوەی ئەم کۆنفرانسە",
}
WHATSAPP = {"en": "WhatsApp", "ar": "واتساب", "ckb": "واتسئاپ"}


def share_hrefs(html):
    section = re.search(r'<section class="share".*?</section>', html, re.S).group(0)
    links = re.findall(r'class="share__link share__link--(\w+)" href="([^"]+)"', section)
    return section, {name: unescape(href) for name, href in links}


def query(href):
    return {key: values[0] for key, values in parse_qs(urlsplit(href).query).items()}


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_share_links_carry_the_page_in_the_readers_language(seed_site, client, lang, kind):
    path = f"/{lang}{PAGES[kind]}"
    page = Page.objects.get(url_path__endswith=PAGES[kind], locale__language_code=lang).specific
    url = page.full_url  # the site's own address, as in the canonical link
    assert url.endswith(path)
    section, links = share_hrefs(client.get(path).content.decode())

    assert HEADINGS[lang, kind] in section
    assert f">{WHATSAPP[lang]}</a>" in section
    assert list(links) == ["whatsapp", "telegram", "facebook", "x", "email"]
    assert query(links["whatsapp"]) == {"text": f"{page.title} {url}"}
    assert links["whatsapp"].startswith("https://wa.me/?")
    assert query(links["telegram"]) == {"url": url, "text": page.title}
    assert query(links["facebook"]) == {"u": url}
    assert query(links["x"]) == {"text": page.title, "url": url}
    # The copy field holds the same address, for copying by hand without JavaScript.
    assert f'value="{url}" readonly' in section


def test_the_email_is_in_the_readers_language_and_encodes_spaces_as_mailto_wants(seed_site, client):
    path = f"/ar{PAGES['statement']}"
    _, links = share_hrefs(client.get(path).content.decode())
    email = links["email"]
    assert email.startswith("mailto:?subject=")
    assert "+" not in email  # RFC 6068: a + would reach the reader as a +
    fields = query(email)
    page = Page.objects.get(url_path__endswith=PAGES["statement"], locale__language_code="ar")
    assert fields["subject"] == page.title
    assert fields["body"] == (
        f"{page.title}\n\nاقرأه على موقع مبادرة التضامن مع المجتمع المدني العراقي: {page.full_url}"
    )


def test_share_links_need_no_script_from_elsewhere(seed_site, client):
    html = client.get(f"/en{PAGES['campaign']}").content.decode()
    scripts = re.findall(r'<script[^>]*src="([^"]+)"', html)
    assert scripts and all(src.startswith("/static/") for src in scripts)
    section, _ = share_hrefs(html)
    assert 'rel="noopener nofollow"' in section
    # The copy button only appears when its script runs.
    assert re.search(r"<button [^>]*data-copy[^>]* hidden>", section)
