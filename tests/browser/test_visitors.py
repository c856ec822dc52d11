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


def test_a_form_forged_on_another_site_is_refused(
    browser_db, django_db_serialized_rollback, live_server, page
):
    """Another site's page that sends the join form from its visitors' browsers: the
    campaign page has no CSRF token (so that it can be cached), and Chromium's own
    Origin header gives the forgery away."""
    import http.server
    import threading

    target = f"{live_server.url}/en/campaigns/end-cross-border-bombings/"
    forgery = (
        f'<form method="post" action="{target}">'
        '<input name="organisation_name" value="Forged Org"><input name="country" value="X">'
        '<input name="contact_person" value="X"><input name="email" value="f@example.org">'
        '<button type="submit">Send</button></form>'
    ).encode()

    class AttackerSite(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the HTTP method's name
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            self.wfile.write(forgery)

        def log_message(self, *args):
            pass

    attacker = http.server.HTTPServer(("127.0.0.1", 0), AttackerSite)
    threading.Thread(target=attacker.serve_forever, daemon=True).start()
    try:
        page.goto(f"http://127.0.0.1:{attacker.server_port}/")
        with page.expect_response(target) as answer:
            page.get_by_role("button").click()
        assert answer.value.status == 403
    finally:
        attacker.shutdown()
    assert not CampaignEndorsement.objects.filter(organisation_name="Forged Org").exists()
