"""In real Chromium: an organisation joins a campaign, an activist registers for an
open conference and finds a closed one closed, a reader searches in Arabic typing
on a Kurdish keyboard."""

import datetime
import re

import pytest
from playwright.sync_api import expect

from campaigns.models import ConferencePage
from campaigns.submissions import CampaignEndorsement, ConferenceRegistration
from tests.helpers import sync_translations

pytestmark = pytest.mark.browser


def test_an_organisation_joins_the_campaign(
    browser_db, django_db_serialized_rollback, live_server, page
):
    page.goto(f"{live_server.url}/ckb/campaigns/end-cross-border-bombings/")
    form = page.locator("#join form")
    # Sent empty: the errors are listed, in Kurdish, and nothing is stored.
    form.get_by_role("button").click()
    expect(page.locator(".error-summary")).to_contain_text("تکایە ناوی ڕێکخراوەکەتان بنووسن.")
    assert CampaignEndorsement.objects.count() == 0

    form = page.locator("#join form")
    form.get_by_label("ناوی ڕێکخراوەکەتان").fill("Kurdistan Human Rights Watch")
    form.get_by_label("وڵات").fill("Iraq")
    form.get_by_label("کەسی پەیوەندی").fill("Dilan Ahmed")
    form.get_by_label("ئیمەیڵ").fill("dilan@khrw.example")
    form.get_by_label(re.compile("ڕازین ناوی ڕێکخراوەکەمان")).check()
    form.get_by_role("button").click()
    expect(page.locator("#join [role=status]")).to_contain_text("سوپاس!")
    endorsement = CampaignEndorsement.objects.get()
    assert (endorsement.organisation_name, endorsement.language) == (
        "Kurdistan Human Rights Watch",
        "ckb",
    )


def test_register_for_an_open_conference_and_find_a_closed_one_closed(
    browser_db, django_db_serialized_rollback, live_server, page
):
    closed = ConferencePage.objects.get(locale__language_code="en")
    page.goto(f"{live_server.url}{closed.url}")
    expect(page.locator("#registration")).to_contain_text(
        "Registration for this conference has ended"
    )
    expect(page.locator("#registration form")).to_have_count(0)

    closed.registration_deadline = datetime.date.today() + datetime.timedelta(days=10)
    closed.start_date = datetime.date.today() + datetime.timedelta(days=20)
    closed.save_revision().publish()
    sync_translations(closed)  # until shared fields follow the English by themselves
    page.goto(f"{live_server.url}/ar/conferences/annual-conference-2017-sulaymaniyah/")
    form = page.locator("#registration form")
    form.get_by_label("اسمك").fill("Hana Ali")
    form.get_by_label("البلد").fill("Iraq")
    form.get_by_label("البريد الإلكتروني").fill("hana@example.org")
    form.get_by_label("العربية").check()
    form.get_by_role("button", name="سجّل").click()
    expect(page.locator("#registration [role=status]")).to_contain_text("تم تسجيلك")
    assert ConferenceRegistration.objects.get().email == "hana@example.org"


def test_search_in_arabic_with_kurdish_keyboard_letters(
    browser_db, django_db_serialized_rollback, live_server, page
):
    page.goto(f"{live_server.url}/ar/")
    # ک (Kurdish kaf) and ی (Kurdish yeh) where Arabic has ك and ي.
    page.get_by_role("searchbox", name="البحث في الموقع").fill("کردستان")
    page.get_by_role("searchbox", name="البحث في الموقع").press("Enter")
    expect(page).to_have_url(re.compile(r"/ar/search/\?q="))
    results = page.locator(".search-results")
    expect(results).to_contain_text("أوقفوا القصف العابر للحدود في كردستان العراق")
    expect(results.locator("mark").first).to_have_text("كردستان")
