"""Every page: images, sharing and search-engine metadata, and nothing that slows
the first view (third-party resources, unhashed static files)."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from wagtail.blocks import StructBlockValidationError
from wagtail.models import Page

from home.blocks import CaptionedImageBlock
from news.models import NewsPage
from tests.factories import ImageFactory

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]


def make_image():
    return ImageFactory(
        title="March",
        file__width=1600,
        file__height=900,
        file__color="teal",
        file__format="JPEG",
        file__filename="march.jpg",
    )


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_an_image_needs_alt_text_unless_marked_decorative(seed_site):
    block = CaptionedImageBlock()
    image = make_image()
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"image": {"image": image.pk, "decorative": False, "alt_text": ""}})
        )
    block.clean(block.to_python({"image": {"image": image.pk, "decorative": True, "alt_text": ""}}))
    block.clean(
        block.to_python(
            {"image": {"image": image.pk, "decorative": False, "alt_text": "A march in Basra"}}
        )
    )


def test_images_are_responsive_pictures_with_modern_formats(seed_site, client):
    image = make_image()
    statement = NewsPage.objects.get(
        slug="iraqi-civil-initiative-launched", locale__language_code="en"
    )
    statement.body.append(
        (
            "image",
            {
                "image": {"image": image, "decorative": False, "alt_text": "A march in Basra"},
                "caption": "Basra",
            },
        )
    )
    statement.save_revision().publish()
    html = client.get(statement.url).content.decode()
    picture = re.search(r"<picture>.*?</picture>", html, re.S).group(0)
    assert 'type="image/avif"' in picture and 'type="image/webp"' in picture
    assert 'alt="A march in Basra"' in picture
    assert re.search(r'srcset="[^"]*480w[^"]*800w[^"]*1200w', picture)
    assert 'loading="lazy"' in picture


def test_every_page_has_a_title_description_and_canonical(seed_site, client):
    for page in Page.objects.filter(depth__gt=1).live():
        html = client.get(page.url).content.decode()
        assert re.search(r"<title>[^<]+ · [^<]+</title>", html), page.url
        assert re.search(r'<meta name="description" content="[^"]+">', html), page.url
        assert '<link rel="canonical"' in html, page.url
        assert '<meta property="og:image" content="http' in html, page.url
        assert '<meta name="twitter:card" content="summary_large_image">' in html, page.url


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
@pytest.mark.parametrize("address", ["privacy/", "accessibility/", "search/"])
def test_the_site_pages_of_the_footer_and_search_have_a_description(
    seed_site, client, code, address
):
    """Pages that are not Wagtail pages describe themselves too, in the reader's
    language (Lighthouse's SEO audit "Document has a meta description")."""
    html = client.get(f"/{code}/{address}").content.decode()
    (description,) = re.findall(r'<meta name="description" content="([^"]+)">', html)
    if code != "en":
        assert not re.search(r"[A-Za-z]{4,}", description), description


def test_open_graph_describes_a_statement_as_an_article(seed_site, client):
    html = client.get("/ar/campaigns/end-cross-border-bombings/").content.decode()
    assert (
        '<meta property="og:title" content="أوقفوا القصف العابر للحدود في كردستان العراق">' in html
    )
    assert '<meta property="og:locale" content="ar_AR">' in html
    statement = client.get("/en/news/iraqi-civil-initiative-launched/").content.decode()
    assert '<meta property="og:type" content="article">' in statement


def test_structured_data_for_home_statement_and_conference(seed_site, client):
    (home,) = json_ld(client.get("/en/").content.decode())
    assert home["@type"] == "Organization" and home["alternateName"] == "ICSSI"

    (article,) = json_ld(
        client.get("/en/news/military-solution-is-not-the-only-option/").content.decode()
    )
    assert article["@type"] == "NewsArticle"
    assert article["datePublished"] == "2014-01-16"
    assert article["author"] == [
        {"@type": "Organization", "name": "National Committee of the Iraqi Social Forum"}
    ]

    (event,) = json_ld(
        client.get("/ckb/conferences/annual-conference-2017-sulaymaniyah/").content.decode()
    )
    assert event["@type"] == "Event"
    assert (event["startDate"], event["endDate"]) == ("2017-01-18", "2017-01-18")
    assert event["location"]["address"].startswith("سلێمانی")
    assert event["inLanguage"] == "ckb"


def test_structured_data_cannot_break_out_of_its_script(seed_site, client):
    statement = NewsPage.objects.get(
        slug="iraqi-civil-initiative-launched", locale__language_code="en"
    )
    statement.title = "</script><script>alert(1)</script>"
    statement.save_revision().publish()
    html = client.get(statement.url).content.decode()
    (article,) = json_ld(html)
    assert article["headline"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in html


def test_robots_txt_points_at_the_sitemap_and_keeps_out_the_admin(client):
    text = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in text
    assert "Sitemap: http://testserver/sitemap.xml" in text


def test_pages_load_nothing_from_other_sites(seed_site, client):
    for url in ["/en/", "/ar/news/", "/ckb/campaigns/end-cross-border-bombings/"]:
        html = client.get(url).content.decode()
        for tag in re.findall(r"<(?:script|link|img|iframe)[^>]+>", html):
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue
            for address in re.findall(r'(?:src|href)="([^"]+)"', tag):
                assert not re.match(r"(https?:)?//", address) or "testserver" in address, tag


def test_static_files_get_hashed_names_for_long_caching(tmp_path):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.production",
        "SECRET_KEY": "x" * 50,
        "STATIC_ROOT": str(tmp_path),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    manifest = json.loads((tmp_path / "staticfiles.json").read_text())["paths"]
    assert re.fullmatch(r"css/site\.[0-9a-f]{12}\.css", manifest["css/site.css"])
    hashed = tmp_path / manifest["css/site.css"]
    assert hashed.exists() and hashed.with_name(hashed.name + ".gz").exists()
    assert hashed.stat().st_size < 20_000


def test_a_long_title_is_cut_between_words_in_the_headline(seed_site, client):
    statement = NewsPage.objects.get(
        slug="military-solution-is-not-the-only-option", locale__language_code="en"
    )
    assert len(statement.title) > 110
    (article,) = json_ld(client.get(statement.url).content.decode())
    headline = article["headline"]
    assert len(headline) <= 110 and headline.endswith("…")
    kept = headline.removesuffix("…")
    assert statement.title.startswith(kept)
    assert statement.title[len(kept)] in " ,.;:!?", f"cut inside a word: {headline!r}"


def test_favicon_and_touch_icons_answer_where_browsers_and_phones_ask(seed_site, client):
    import io

    from PIL import Image

    html = client.get("/en/").content.decode()
    for address, size in [("/favicon.ico", 48), ("/apple-touch-icon.png", 180)]:
        assert f'href="{address}"' in html
        response = client.get(address)
        assert response.status_code == 200, address
        image = Image.open(io.BytesIO(b"".join(response.streaming_content)))
        assert max(image.size) == size, (address, image.size)


@pytest.mark.parametrize(
    "lang,name,direction",
    [
        ("en", "Iraqi Civil Society Solidarity Initiative", "ltr"),
        ("ar", "مبادرة التضامن مع المجتمع المدني العراقي", "rtl"),
        ("ckb", "دەستپێشخەریی هاوپشتیی کۆمەڵگەی مەدەنیی عێراقی", "rtl"),
    ],
)
def test_home_screen_manifest_in_the_readers_language(seed_site, client, lang, name, direction):
    html = client.get(f"/{lang}/").content.decode()
    assert f'<link rel="manifest" href="/{lang}/manifest.webmanifest">' in html
    response = client.get(f"/{lang}/manifest.webmanifest")
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert (manifest["name"], manifest["dir"], manifest["start_url"]) == (
        name,
        direction,
        f"/{lang}/",
    )
    for icon in manifest["icons"]:
        assert client.get(icon["src"]).status_code == 200, icon


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
@pytest.mark.parametrize("address", ["privacy/", "accessibility/"])
def test_the_footer_pages_name_their_own_address_and_their_other_languages(
    seed_site, client, code, address
):
    """Search engines show each reader the privacy and accessibility pages in their
    own language: a canonical address and one hreflang link per language."""
    html = client.get(f"/{code}/{address}?utm_source=whatsapp").content.decode()
    (canonical,) = re.findall(r'<link rel="canonical" href="([^"]+)">', html)
    assert canonical == f"http://testserver/{code}/{address}"
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": f"http://testserver/en/{address}",
        "ar": f"http://testserver/ar/{address}",
        "ckb": f"http://testserver/ckb/{address}",
        "x-default": f"http://testserver/en/{address}",
    }
