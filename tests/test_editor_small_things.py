"""The editor's small things (issue 13, section 8), as communications staff meet them
in the admin: a registration deadline after the conference is refused, conference
times are shown with their time zone, a mistyped date is refused (not replaced by
today), the slug policy is explained before the browser strips letters, the page
chooser searches the page's language, avatars come from the site, "Show in menus"
is gone, plain text fields follow the direction of their text, help texts match the
form. tests/browser/test_editor_small_things.py walks some of them in Chromium."""

import datetime
import json
import re

import pytest

from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile

from campaigns.models import ConferencePage
from news.models import NewsPage
from tests.helpers import fold_spaces, page_in, sync_translations, visible_text

pytestmark = pytest.mark.django_db


def conference():
    return ConferencePage.objects.get(locale__language_code="en")


def in_language(user, code):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = code
    profile.save()


def conference_form(page, **changes):
    """The conference's edit form as the browser posts it, with `changes`."""
    fields = {
        "title": page.title,
        "slug": page.slug,
        "summary": page.summary,
        "start_date": page.start_date.isoformat(),
        "end_date": page.end_date.isoformat() if page.end_date else "",
        "start_time": "",
        "end_time": "",
        "city": page.city,
        "venue": page.venue,
        "time_zone": page.time_zone,
        "registration_deadline": page.registration_deadline.isoformat(),
        "body": streamfield([("paragraph", rich_text("<p>The conference.</p>"))]),
        "programme_note": page.programme_note,
        "supporters": inline_formset([]),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
    }
    fields.update(changes)
    return nested_form_data(fields)


def edit(client, page, data):
    return client.post(f"/admin/pages/{page.pk}/edit/", data)


# --- The registration deadline ------------------------------------------------------


@pytest.mark.parametrize(
    "code, message",
    [
        ("en", "Registration cannot close after the conference has ended: choose 19 January 2017"),
        ("ar", "لا يمكن أن يُغلق التسجيل بعد انتهاء المؤتمر: اختر 19 كانون الثاني 2017"),
        ("ckb", "ناکرێت خۆتۆمارکردن دوای کۆتایی کۆنفرانسەکە دابخرێت: 19ی کانوونی دووەمی 2017"),
    ],
)
def test_a_deadline_after_the_conference_ends_is_refused_with_a_message(
    seed_site, client, editor, code, message
):
    page = conference()
    in_language(editor, code)
    client.force_login(editor)
    response = edit(
        client,
        page,
        conference_form(page, end_date="2017-01-19", registration_deadline="2017-01-25"),
    )
    assert response.status_code == 200  # the form again, with the error
    assert message in visible_text(response.content.decode())
    assert conference().registration_deadline == datetime.date(2017, 1, 10)


def test_a_deadline_on_the_last_day_is_accepted(seed_site, client, editor):
    page = conference()
    client.force_login(editor)
    response = edit(
        client,
        page,
        conference_form(page, end_date="2017-01-19", registration_deadline="2017-01-19"),
    )
    assert response.status_code == 302
    revision = conference().latest_revision.as_object()
    assert revision.registration_deadline == datetime.date(2017, 1, 19)


def test_a_one_day_conference_counts_its_first_day_as_the_last(seed_site, client, editor):
    page = conference()
    client.force_login(editor)
    response = edit(client, page, conference_form(page, registration_deadline="2017-01-19"))
    assert "choose 18 January 2017 or an earlier day" in visible_text(response.content.decode())


# --- Conference times -----------------------------------------------------------------


@pytest.mark.parametrize(
    "code, shown",
    [
        ("en", "Wednesday 18 January 2017, 09:30–17:00 (UTC+3)"),
        ("ar", "الأربعاء، 18 كانون الثاني 2017، 09:30–17:00 (بتوقيت UTC+3)"),
        ("ckb", "چوارشەممە، 18ی کانوونی دووەمی 2017، 09:30–17:00 (بە کاتی UTC+3)"),
    ],
)
def test_the_conference_page_shows_its_times_with_the_time_zone(seed_site, client, code, shown):
    page = conference()
    page.start_time = datetime.time(9, 30)
    page.end_time = datetime.time(17, 0)
    page.save_revision().publish()
    sync_translations(page)

    html = client.get(page_in(code, page).url).content.decode()
    meta = re.search(r'<p class="page-header__meta"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert shown in fold_spaces(re.sub(r"<[^>]+>", "", meta))
    assert '<time datetime="2017-01-18T09:30:00+03:00">09:30</time>' in html
    assert '<time datetime="2017-01-18T17:00:00+03:00">17:00</time>' in html


def test_a_conference_without_times_shows_none(seed_site, client):
    html = client.get(conference().url).content.decode()
    assert "UTC" not in visible_text(html)


def test_the_time_zone_shown_is_the_conference_s_own():
    page = ConferencePage(
        start_date=datetime.date(2026, 7, 1),
        start_time=datetime.time(10, 0),
        time_zone="Europe/Paris",
    )
    assert page.times()["zone"] == "UTC+2"  # summer time in Paris
    page.start_date = datetime.date(2026, 1, 15)
    assert page.times()["zone"] == "UTC+1"


# --- Dates typed by hand --------------------------------------------------------------


@pytest.mark.parametrize(
    "code, message",
    [
        ("en", "Enter a date as year-month-day, e.g. 2017-01-18."),
        ("ar", "أدخل التاريخ بصيغة سنة-شهر-يوم، مثل \u20662017-01-18\u2069."),
        ("ckb", "بەروار بەم شێوەیە بنووسە: ساڵ-مانگ-ڕۆژ، بۆ نموونە \u20662017-01-18\u2069."),
    ],
)
def test_a_mistyped_date_is_refused_not_replaced(seed_site, client, editor, code, message):
    page = conference()
    in_language(editor, code)
    client.force_login(editor)
    response = edit(client, page, conference_form(page, start_date="18/1/2O17"))
    html = response.content.decode()
    assert response.status_code == 200
    assert message in visible_text(html)
    assert 'value="18/1/2O17"' in html  # what was typed, to correct
    assert conference().start_date == datetime.date(2017, 1, 18)


def test_a_mistyped_time_is_refused(seed_site, client, editor):
    page = conference()
    client.force_login(editor)
    response = edit(client, page, conference_form(page, start_time="9h30"))
    assert "Enter a time as hours:minutes, e.g. 09:30." in visible_text(response.content.decode())


def test_the_date_picker_is_told_to_keep_what_was_typed(seed_site, client, editor):
    """Wagtail's picker replaces a date it cannot read with today's when the field
    loses focus, unless its `validateOnBlur` option is off."""
    client.force_login(editor)
    html = client.get(f"/admin/pages/{conference().pk}/edit/").content.decode()
    configs = re.findall(r'init(?:Date|Time|DateTime)Chooser\("id_(\w+)", (\{.*?\})\);', html)
    fields = {name for name, _ in configs}
    assert {"start_date", "end_date", "start_time", "registration_deadline", "go_live_at"} <= fields
    for _, config in configs:
        assert json.loads(config)["validateOnBlur"] is False


# --- Slugs ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "code, explanation",
    [
        ("en", "in Latin letters, numbers and hyphens only"),
        ("ar", "بالحروف اللاتينية والأرقام والشرطات فقط"),
        ("ckb", "تەنها بە پیتی لاتینی و ژمارە و هێڵی ناوەڕاست"),
    ],
)
def test_the_slug_policy_is_explained_before_anything_is_typed(
    seed_site, client, editor, code, explanation
):
    in_language(editor, code)
    client.force_login(editor)
    html = client.get(f"/admin/pages/{conference().pk}/edit/").content.decode()
    slug_input = re.search(r"<input[^>]*name=\"slug\"[^>]*>", html).group(0)
    assert 'dir="ltr"' in slug_input
    help_id = re.search(r'aria-describedby="([^"]+)"', slug_input).group(1)
    help_text = re.search(rf'id="{help_id}"[^>]*>(.*?)</div>', html, re.S).group(1)
    assert explanation in visible_text(help_text)


# --- The page chooser -----------------------------------------------------------------


def chooser_results(response):
    """The pages a chooser's answer offers, by their ids."""
    ids = re.findall(r'data-id="(\d+)"', response.content.decode())
    return Page.objects.filter(pk__in=ids).select_related("locale")


def test_the_page_chooser_searches_in_the_language_of_the_page(
    untranslated_statement, client, editor
):
    """The chooser sends the edited page's language as `locale` (Wagtail's
    ACTIVE_CONTENT_LOCALE: the page's, not the admin's); its search answers with
    pages of that language only. (The statement's Arabic and Kurdish counterparts
    still have its English title, so all three match.)"""
    in_language(editor, "ar")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{conference().pk}/edit/").content.decode()
    assert '"ACTIVE_CONTENT_LOCALE": "en"' in html

    found = chooser_results(
        client.get("/admin/choose-page/search/", {"q": "water weapon", "locale": "en"})
    )
    assert [page.pk for page in found] == [untranslated_statement.pk]


def test_without_a_language_the_chooser_searches_every_language(
    untranslated_statement, client, editor
):
    client.force_login(editor)
    found = chooser_results(client.get("/admin/choose-page/search/", {"q": "water weapon"}))
    assert {page.locale.language_code for page in found} == {"en", "ar", "ckb"}


# --- Avatars --------------------------------------------------------------------------


def test_avatars_come_from_the_site_not_gravatar(seed_site, client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    avatars = re.findall(r'<img src="([^"]+)"[^>]*>', html)
    assert avatars
    assert not [src for src in avatars if "gravatar" in src]
    assert any("wagtailadmin/images/default-user-avatar" in src for src in avatars)


# --- "Show in menus" ------------------------------------------------------------------


@pytest.mark.parametrize("model", [ConferencePage, NewsPage])
def test_show_in_menus_is_not_offered_and_the_menus_are_pointed_to(
    seed_site, client, editor, model
):
    client.force_login(editor)
    page = model.objects.filter(locale__language_code="en").first()
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert 'name="show_in_menus"' not in html
    assert "Snippets → Navigation menus" in visible_text(html)


# --- dir="auto" -----------------------------------------------------------------------


def test_plain_text_fields_follow_the_direction_of_their_text(seed_site, client, editor):
    in_language(editor, "ar")
    client.force_login(editor)
    html = client.get(f"/admin/pages/{conference().pk}/edit/").content.decode()
    for name in ("title", "city", "venue", "seo_title"):
        tag = re.search(rf'<input[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'dir="auto"' in tag, tag
    for name in ("summary", "programme_note", "search_description"):
        tag = re.search(rf'<textarea[^>]*name="{name}"[^>]*>', html).group(0)
        assert 'dir="auto"' in tag, tag
    # A drop-down and the address fields keep their own.
    assert 'dir="auto"' not in re.search(r'<input[^>]*name="slug"[^>]*>', html).group(0)


def test_text_blocks_follow_the_direction_of_their_text():
    from home.blocks import DocumentLinkBlock, HeadingBlock, QuoteBlock

    fields = [
        HeadingBlock().child_blocks["text"].field,
        QuoteBlock().child_blocks["text"].field,
        QuoteBlock().child_blocks["attribution"].field,
        DocumentLinkBlock().child_blocks["label"].field,
    ]
    assert all(field.widget.attrs.get("dir") == "auto" for field in fields)


# --- Help texts -----------------------------------------------------------------------


def test_the_issuers_help_text_points_at_the_list_where_it_is(seed_site, client, editor):
    """The free-text issuers field comes after the list of issuing organisations."""
    client.force_login(editor)
    statement = NewsPage.objects.filter(locale__language_code="en").first()
    html = visible_text(client.get(f"/admin/pages/{statement.pk}/edit/").content.decode())
    lower = html.lower()
    assert lower.index("issuing organisation or signatory") < lower.index("issued by (free text)")
    assert "not organisations in the list above" in html
    assert "list below" not in html
