"""The public site in three languages: direction, honest fallback for untranslated
pages, hreflang and sitemap, the language switcher, and interface words."""

import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Page

from campaigns.models import CampaignPage
from tests.helpers import html_root_attributes, page_in, visible_text

pytestmark = pytest.mark.django_db

DIRECTION = {"en": "ltr", "ar": "rtl", "ckb": "rtl"}


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def links(html, rel):
    return dict(re.findall(rf'<link rel="{rel}" hreflang="([^"]+)" href="([^"]+)">', html))


def test_every_page_has_the_lang_and_dir_of_its_tree(seed_site, client):
    for page in Page.objects.filter(depth__gt=1).live().select_related("locale"):
        code = page.locale.language_code
        attributes = html_root_attributes(get(client, page.url))
        assert attributes == {"lang": code, "dir": DIRECTION[code]}, page.url


def test_translated_page_lists_every_language_version_and_x_default(seed_site, client):
    html = get(client, CampaignPage.objects.get(locale__language_code="ar").url)
    assert links(html, "alternate") == {
        "en": "http://localhost/en/campaigns/end-cross-border-bombings/",
        "ar": "http://localhost/ar/campaigns/end-cross-border-bombings/",
        "ckb": "http://localhost/ckb/campaigns/end-cross-border-bombings/",
        "x-default": "http://localhost/en/campaigns/end-cross-border-bombings/",
    }
    assert (
        '<link rel="canonical" href="http://localhost/ar/campaigns/end-cross-border-bombings/">'
        in html
    )
    assert "noindex" not in html


def test_untranslated_page_says_so_marks_its_language_and_stays_out_of_search_engines(
    untranslated_statement, client
):
    english = untranslated_statement
    html = get(client, page_in("ar", english).url)
    assert '<meta name="robots" content="noindex">' in html
    assert f'<link rel="canonical" href="http://localhost{english.url}">' in html
    assert links(html, "alternate") == {}
    assert "هذه الصفحة غير متوفرة بعد باللغة" in visible_text(html)
    assert '<div class="page-content" lang="en" dir="ltr">' in html
    # Interface words inside the English text keep the reader's language.
    assert '<p class="page-header__meta" lang="ar" dir="rtl">' in html

    kurdish = get(client, page_in("ckb", english).url)
    assert "ئەم پەڕەیە هێشتا بە کوردی بەردەست نییە" in visible_text(kurdish)


def test_english_page_lists_only_published_translations(untranslated_statement, client):
    english = untranslated_statement
    html = get(client, english.url)
    assert links(html, "alternate") == {
        "en": f"http://localhost{english.url}",
        "x-default": f"http://localhost{english.url}",
    }


def test_untranslated_cards_in_lists_are_marked_with_their_language(untranslated_statement, client):
    html = get(client, "/ckb/news/")
    assert (
        html.count('<article class="card" lang="en" dir="ltr">') == 1
    )  # the others are translated


SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client):
    """{address: <url> element} of every file the sitemap index lists."""
    index = client.get("/sitemap.xml")
    assert index["Content-Type"].startswith("application/xml")
    urls = {}
    for loc in ET.fromstring(index.content).findall("s:sitemap/s:loc", SITEMAP):
        section = client.get(loc.text.replace("http://testserver", ""))
        assert section.status_code == 200
        for url in ET.fromstring(section.content).findall("s:url", SITEMAP):
            urls[url.find("s:loc", SITEMAP).text] = url
    return urls


def test_the_sitemap_is_split_into_files_of_bounded_size(seed_site, client, settings):
    everything = sitemap_urls(client)
    settings.SITEMAP_GROUPS_PER_FILE = 2
    index = ET.fromstring(client.get("/sitemap.xml").content)
    sections = [loc.text for loc in index.findall("s:sitemap/s:loc", SITEMAP)]
    assert len(sections) >= 3
    split = {}
    for address in sections:
        with CaptureQueriesContext(connection) as queries:
            section = client.get(address.replace("http://testserver", ""))
        assert len(queries) <= 6
        entries = ET.fromstring(section.content).findall("s:url", SITEMAP)
        assert 1 <= len(entries) <= 2 * 3  # two pages, each in at most three languages
        split.update({url.find("s:loc", SITEMAP).text: url for url in entries})
    assert split.keys() == everything.keys()
    assert client.get(f"/sitemap-{len(sections) + 1}.xml").status_code == 404


def test_sitemap_covers_three_languages_with_alternates_and_no_untranslated_pages(
    untranslated_statement, client
):
    urls = sitemap_urls(client)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    campaign = "http://localhost{}/campaigns/end-cross-border-bombings/"
    for code in ("en", "ar", "ckb"):
        entry = urls[campaign.format(f"/{code}")]
        alternates = {a.get("hreflang"): a.get("href") for a in entry.findall("x:link", ns)}
        assert alternates == {
            "en": campaign.format("/en"),
            "ar": campaign.format("/ar"),
            "ckb": campaign.format("/ckb"),
            "x-default": campaign.format("/en"),
        }
    assert "http://localhost/ar/news/iraqi-civil-initiative-launched/" in urls
    assert "http://localhost/en/news/water-is-not-a-weapon/" in urls
    assert not [u for u in urls if "water-is-not-a-weapon" in u and "/en/" not in u]


class _SwitcherLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.inside = False
        self.links = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav" and attrs.get("class") == "language-switcher":
            self.inside = True
        elif tag == "a" and self.inside:
            self.links[attrs["hreflang"]] = attrs["href"]

    def handle_endtag(self, tag):
        if tag == "nav":
            self.inside = False


def switcher_links(html):
    parser = _SwitcherLinks()
    parser.feed(html)
    return parser.links


def test_language_switcher_goes_to_the_same_page_in_each_language(seed_site, client):
    english = CampaignPage.objects.get(locale__language_code="en")
    html = get(client, english.url)
    assert switcher_links(html) == {
        "ar": "/ar/campaigns/end-cross-border-bombings/",
        "ckb": "/ckb/campaigns/end-cross-border-bombings/",
    }


def test_language_switcher_never_leads_to_a_404(seed_site, client):
    urls = [p.url for p in Page.objects.filter(depth__gt=1).live()] + ["/ar/search/?q=water"]
    for url in urls:
        for target in switcher_links(get(client, url)).values():
            assert client.get(target).status_code == 200, f"{url} -> {target}"


def test_language_switcher_marks_an_untranslated_version(untranslated_statement, client):
    html = get(client, untranslated_statement.url)
    assert 'hreflang="ar" title="This page is not translated into this language yet."' in html


def test_switcher_on_search_keeps_the_query(seed_site, client):
    assert switcher_links(get(client, "/en/search/?q=water"))["ckb"] == "/ckb/search/?q=water"


def test_language_switcher_names_each_language_as_settings_write_it(seed_site, client):
    html = get(client, "/en/")
    assert ">العربية<" in html and "العربيّة" not in html
    assert ">کوردی<" in html


class _InterfaceText(HTMLParser):
    """Visible text outside anything marked as English content."""

    VOID = {"meta", "link", "br", "img", "input", "hr", "source", "path", "use"}

    def __init__(self):
        super().__init__()
        self.stack = []
        self.parts = []

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        attrs = dict(attrs)
        english = attrs.get("lang") == "en"
        hidden = tag in ("script", "style", "title", "svg")
        self.stack.append(english or hidden or (self.stack[-1] if self.stack else False))

    def handle_endtag(self, tag):
        if tag not in self.VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data):
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


# Latin words that may stand in Arabic or Kurdish text: acronyms of organisations,
# and RSS, which Arabic and Kurdish sites write as it is.
# Also names of people and organisations without an Arabic or Kurdish form.
ALLOWED_LATIN = {"ICSSI", "CPT", "IK", "KSF", "RSS", "ISF", "Quazi", "Baybi"}
ALLOWED_LATIN |= {"Fondation", "Assistance", "Internationale", "Karibu", "Foundation"}
ALLOWED_LATIN |= {"CCFD", "Terre", "Solidaire", "ics"}


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_no_english_interface_word_on_arabic_and_kurdish_pages(seed_site, client, code):
    urls = [p.url for p in Page.objects.filter(depth__gt=1, locale__language_code=code).live()]
    urls += [f"/{code}/search/?q=water", f"/{code}/search/?q=حملة", f"/{code}/no-such-page/"]
    for url in urls:
        response = client.get(url)
        parser = _InterfaceText()
        parser.feed(response.content.decode())
        # An address (the printed page's source line) is not English.
        text = re.sub(r"https?://\S+", "", " ".join(parser.parts))
        latin = set(re.findall(r"[A-Za-z]{2,}", text)) - ALLOWED_LATIN - {"water"}
        assert not latin, f"{url}: English on the page: {sorted(latin)}"
