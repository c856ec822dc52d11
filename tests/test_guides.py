"""The editors' and translators' guides in the admin's Help menu (home/guides.py), in
each person's admin language; tests/browser/test_guide_screenshots.py checks them
against the screens."""

import json
import re
from html import unescape

import pytest

from django.urls import reverse

from wagtail.users.models import UserProfile

import home.guides

pytestmark = pytest.mark.django_db

MENU_LABELS = {
    "en": ["Editors' guide", "Translators' guide"],
    "ar": ["دليل المحررين", "دليل المترجمين"],
    "ckb": ["ڕێبەری دەستکاریکەرەکان", "ڕێبەری وەرگێڕەکان"],
}
TITLES = {
    ("translators", "en"): "Translators' guide",
    ("translators", "ar"): "دليل المترجمين",
    ("translators", "ckb"): "ڕێبەری وەرگێڕەکان",
    ("editors", "en"): "Editors' guide",
    ("editors", "ar"): "دليل المحررين",
    ("editors", "ckb"): "ڕێبەری دەستکاریکەرەکان",
}


def speaks(user, language):
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def help_menu(client):
    """The Help menu's items as (label, url), from the props the admin's sidebar is
    drawn from."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    props = re.search(r'<script id="wagtail-sidebar-props"[^>]*>(.*?)</script>', html, re.S)
    (main_menu,) = [
        module["_args"][0]
        for module in json.loads(props.group(1))["modules"]
        if module["_type"] == "wagtail.sidebar.MainMenuModule"
    ]
    (help_items,) = [item["_args"][1] for item in main_menu if item["_args"][0]["name"] == "help"]
    return [(item["_args"][0]["label"], item["_args"][0].get("url")) for item in help_items]


@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
@pytest.mark.parametrize("person", ["editor", "arabic_translator", "kurdish_translator"])
def test_the_help_menu_offers_both_guides_in_the_persons_language(
    request, client, seed_site, person, language
):
    client.force_login(speaks(request.getfixturevalue(person), language))
    editors, translators = MENU_LABELS[language]
    assert help_menu(client)[:2] == [
        (editors, reverse("guide", args=["editors"])),
        (translators, reverse("guide", args=["translators"])),
    ]


@pytest.mark.parametrize("guide", ["editors", "translators"])
@pytest.mark.parametrize("language", ["en", "ar", "ckb"])
def test_a_guide_is_in_the_admin_language_and_its_direction(
    client, arabic_translator, guide, language
):
    client.force_login(speaks(arabic_translator, language))
    response = client.get(reverse("guide", args=[guide]))
    assert response.status_code == 200
    html = response.content.decode()
    direction = "ltr" if language == "en" else "rtl"
    assert f'<article class="icssi-guide" lang="{language}" dir="{direction}">' in html
    # The title once, as the admin page's heading.
    assert (
        unescape(re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)[0])
        .strip()
        .endswith(TITLES[guide, language])
    )
    assert html.count("<h1") == 1
    # Inside the admin's own page, in its language and direction.
    assert re.search(rf'<html[^>]* lang="{language}"[^>]* dir="{direction}"', html)
    # Screenshots come from the guide's own address, and answer.
    images = re.findall(r'<img alt="[^"]*" src="([^"]+)"', html)
    assert images
    for src in images:
        assert src.startswith("/admin/guides/screenshots/") and src.endswith(f".{language}.png")
        image = client.get(src)
        assert image.status_code == 200 and image["Content-Type"] == "image/png"


def test_a_language_without_its_guide_gets_the_english_one(
    client, arabic_translator, tmp_path, monkeypatch
):
    (tmp_path / "translators.en.md").write_text("# Translators' guide\n\nIn English.\n")
    monkeypatch.setattr(home.guides, "GUIDES_DIR", tmp_path)
    client.force_login(speaks(arabic_translator, "ar"))
    html = client.get(reverse("guide", args=["translators"])).content.decode()
    # The English text reads left to right inside the Arabic admin.
    assert '<article class="icssi-guide" lang="en" dir="ltr">' in html
    assert "<p>In English.</p>" in html
    assert re.search(r'<html[^>]* dir="rtl"', html)


def test_the_guides_and_their_screenshots_are_for_people_signed_in_to_the_admin(client):
    for url in [
        reverse("guide", args=["editors"]),
        reverse("guide", args=["translators"]),
        reverse("guide_screenshot", args=["dashboard.en.png"]),
    ]:
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("wagtailadmin_login"))


def test_no_file_outside_the_screenshots_is_served(client, editor):
    client.force_login(editor)
    for url in ["/admin/guides/screenshots/..%2Feditors.en.md", "/admin/guides/screenshots/x.png"]:
        assert client.get(url, follow=True).status_code == 404
