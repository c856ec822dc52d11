"""Dates as readers of each language write them (icssi_cms/formats/, home/dates.py),
with the seed content's real dates: the conference of Wednesday 18 January 2017,
the statement of June 2015 (dated to the month), those of 11 July 2014 and
16 January 2014. Arabic uses the Iraqi month names, Sorani the Gregorian ones with
the izafe, never the Kurdish solar months of Django's own catalogue."""

import datetime

import feedparser
import pytest

from django.conf import settings
from django.core import mail
from django.utils import translation

from wagtail.users.models import UserProfile

from campaigns.models import ConferencePage
from campaigns.submissions import ConferenceRegistration
from home.dates import STYLES, format_for, written_date
from icssi_cms.formats.ar import formats as arabic_formats
from icssi_cms.formats.ckb import formats as sorani_formats
from icssi_cms.formats.en import formats as english_formats
from tests.helpers import page_in, visible_text

pytestmark = pytest.mark.django_db

CONFERENCE_DAY = {
    "en": "Wednesday 18 January 2017",
    "ar": "الأربعاء، 18 كانون الثاني 2017",
    "ckb": "چوارشەممە، 18ی کانوونی دووەمی 2017",
}
STATEMENT_DATES = {
    "en": ["June 2015", "11 July 2014", "16 January 2014"],
    "ar": ["حزيران 2015", "11 تموز 2014", "16 كانون الثاني 2014"],
    "ckb": ["حوزەیرانی 2015", "11ی تەمووزی 2014", "16ی کانوونی دووەمی 2014"],
}
# Month names that must never be shown for Gregorian dates.
WRONG_MONTHS = {
    "ar": ["يناير", "يونيو", "يوليو"],  # Egyptian/Gulf names
    "ckb": ["ڕێبەندان", "پوشپەڕ", "گەلاوێژ"],  # Kurdish solar months
}
MONTHS = {
    "ar": "كانون الثاني، شباط، آذار، نيسان، أيار، حزيران، تموز، آب، أيلول، تشرين الأول، تشرين الثاني، كانون الأول",
    "ckb": "کانوونی دووەم، شوبات، ئازار، نیسان، ئایار، حوزەیران، تەمووز، ئاب، ئەیلوول، تشرینی یەکەم، تشرینی دووەم، کانوونی یەکەم",
}


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
def test_statements_index_writes_each_date_in_the_readers_language(seed_site, client, code):
    text = visible_text(client.get(f"/{code}/news/").content.decode())
    for date in STATEMENT_DATES[code]:
        assert date in text
    for wrong in WRONG_MONTHS.get(code, []):
        assert wrong not in text


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
def test_conference_page_writes_its_day_with_the_weekday(seed_site, client, code):
    english = ConferencePage.objects.get(locale__language_code="en")
    text = visible_text(client.get(page_in(code, english).url).content.decode())
    assert CONFERENCE_DAY[code] in text
    home = visible_text(client.get(f"/{code}/").content.decode())
    assert CONFERENCE_DAY[code] in home


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_every_month_has_its_iraqi_name(code):
    with translation.override(code):
        names = [written_date(datetime.date(2017, month, 1), "month") for month in range(1, 13)]
    expected = MONTHS[code].split("، ")
    if code == "ckb":
        expected = [f"{name}ی" for name in expected]  # with the izafe before the year
    assert names == [f"{name} 2017" for name in expected]


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_every_weekday_has_its_name(code):
    days = {
        "ar": ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"],
        "ckb": ["دووشەممە", "سێشەممە", "چوارشەممە", "پێنجشەممە", "هەینی", "شەممە", "یەکشەممە"],
    }[code]
    monday = datetime.date(2017, 1, 16)
    with translation.override(code):
        shown = [
            written_date(monday + datetime.timedelta(days=n), "weekday").split("،")[0]
            for n in range(7)
        ]
    assert shown == days


def test_every_language_defines_every_format_itself():
    """A format missing from a language's module would fall back to Django's choice
    for that language (English "N j, Y"), or for our own WEEKDAY_DATE_FORMAT fail."""
    modules = {"en": english_formats, "ar": arabic_formats, "ckb": sorani_formats}
    assert set(modules) == {code for code, _name in settings.LANGUAGES}
    names = set(STYLES.values()) | {"DATETIME_FORMAT", "SHORT_DATE_FORMAT", "MONTH_DAY_FORMAT"}
    for code, module in modules.items():
        for name in names:
            assert getattr(module, name, None), (code, name)
        for style in STYLES:
            assert format_for(style, code) == getattr(module, STYLES[style])


def reschedule_conference(start, deadline):
    """The conference moved to `start`, registration open until `deadline`, in every
    language (dates are synchronised fields: the translations carry them too)."""
    english = ConferencePage.objects.get(locale__language_code="en")
    for page in english.get_translations(inclusive=True).specific():
        page.start_date, page.registration_deadline = start, deadline
        page.save_revision().publish()
    return english


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_registration_deadline_is_written_in_the_readers_language(seed_site, client, code):
    next_year = datetime.date.today().year + 1
    english = reschedule_conference(
        datetime.date(next_year, 1, 18), datetime.date(next_year, 1, 10)
    )
    text = visible_text(client.get(page_in(code, english).url).content.decode())
    deadline = {"ar": f"10 كانون الثاني {next_year}", "ckb": f"10ی کانوونی دووەمی {next_year}"}
    assert deadline[code] in text


def test_confirmation_email_writes_the_conference_day_in_sorani(
    seed_site, client, django_capture_on_commit_callbacks
):
    next_year = datetime.date.today().year + 1
    english = reschedule_conference(datetime.date(next_year, 6, 1), datetime.date(next_year, 5, 20))
    form = {
        "name": "Shilan",
        "country": "Iraq",
        "email": "shilan@example.org",
        "languages": ["ckb"],
        "fax_number": "",
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page_in("ckb", english).url, form)
    (email,) = mail.outbox
    assert f"1ی حوزەیرانی {next_year}" in email.body


def test_sorani_feed_summaries_carry_the_date_as_sorani_writes_it(seed_site, client):
    feed = feedparser.parse(client.get("/ckb/news/feed/").content)
    summaries = [entry.summary for entry in feed.entries]
    assert any(summary.startswith("حوزەیرانی 2015") for summary in summaries)
    assert any(summary.startswith("11ی تەمووزی 2014") for summary in summaries)


@pytest.mark.parametrize(
    ("code", "shown"),
    [
        ("en", "18 January 2017, 09:30"),
        ("ar", "18 كانون الثاني 2017، 09:30"),
        ("ckb", "18ی کانوونی دووەمی 2017، 09:30"),
    ],
)
def test_admin_lists_submissions_with_dates_in_the_editors_language(
    seed_site, client, editor, code, shown
):
    conference = ConferencePage.objects.get(locale__language_code="en")
    registration = ConferenceRegistration.objects.create(
        conference=conference, name="Hana", country="Iraq", email="h@example.org", language="ar"
    )
    ConferenceRegistration.objects.filter(pk=registration.pk).update(
        submitted_at=datetime.datetime(2017, 1, 18, 9, 30, tzinfo=datetime.UTC)
    )
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = code
    profile.save()
    client.force_login(editor)
    html = client.get("/admin/campaigns/registrations/").content.decode()
    assert shown in visible_text(html)


def test_cut_text_ends_with_the_same_ellipsis_in_every_language():
    from django.utils.text import Truncator

    for code in ("en", "ar", "ckb"):
        with translation.override(code):
            assert Truncator("یەک دوو سێ چوار").words(2) == "یەک دوو…"
