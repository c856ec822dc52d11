"""In real Chromium, an editor whose admin is in Arabic edits the conference: a
mistyped date stays as typed when the field is left (Wagtail's picker would put
today's date in its place) and is refused with a message in Arabic; a registration
deadline after the conference's last day is refused with a message in Arabic; the
English typed into a plain field reads left to right from its start; the slug's
rule is shown before anything is typed; the admin loads nothing from another
server (no Gravatar). tests/test_editor_small_things.py has the rest."""

import re

import pytest
from playwright.sync_api import expect

from wagtail.users.models import UserProfile

from campaigns.models import ConferencePage
from tests.factories import make_user

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password-1"


def sign_in(page, live_server, username):
    page.goto(f"{live_server.url}/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type='submit']").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def save_draft(page):
    page.locator("footer button.action-save").click()


def test_an_editor_in_the_arabic_admin_is_told_what_is_wrong_and_reads_english_from_its_start(
    browser_db, django_db_serialized_rollback, live_server, page
):
    editor = make_user("editor", "Editors")
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "ar"})
    conference = ConferencePage.objects.get(locale__language_code="en")
    elsewhere = []
    page.on(
        "request",
        lambda request: (
            None
            if request.url.startswith((live_server.url, "data:"))
            else elsewhere.append(request.url)
        ),
    )

    sign_in(page, live_server, "editor")
    page.goto(f"{live_server.url}/admin/pages/{conference.pk}/edit/")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")

    # English in a plain field of the Arabic admin reads left to right, from its start.
    venue = page.locator("#id_venue")
    expect(venue).to_have_attribute("dir", "auto")
    venue.fill("Grand Millennium Hotel, Sulaymaniyah")
    assert venue.evaluate("element => getComputedStyle(element).direction") == "ltr"
    assert venue.evaluate("element => element.matches(':dir(ltr)')")
    # ...and Arabic right to left.
    city = page.locator("#id_city")
    city.fill("السليمانية")
    assert city.evaluate("element => element.matches(':dir(rtl)')")
    city.fill("Sulaymaniyah, Kurdistan Region, Iraq")

    # A mistyped date stays as typed when the field is left, and is refused.
    start = page.locator("#id_start_date")
    start.fill("18/1/2O17")
    page.locator("#id_city").click()  # leaves the date field (its picker closes)
    page.keyboard.press("Escape")
    expect(start).to_have_value("18/1/2O17")
    save_draft(page)
    expect(page.locator("body")).to_contain_text("أدخل التاريخ بصيغة سنة-شهر-يوم")
    expect(page.locator("#id_start_date")).to_have_value("18/1/2O17")

    # A registration deadline after the conference's last day is refused.
    page.locator("#id_start_date").fill("2017-01-18")
    page.locator("#id_end_date").fill("2017-01-19")
    page.locator("#id_registration_deadline").fill("2017-01-25")
    page.locator("#id_city").click()
    page.keyboard.press("Escape")
    save_draft(page)
    expect(page.locator("body")).to_contain_text(
        "لا يمكن أن يُغلق التسجيل بعد انتهاء المؤتمر: اختر 19 كانون الثاني 2017 أو يوماً قبله."
    )
    assert ConferencePage.objects.get(pk=conference.pk).registration_deadline.isoformat() == (
        "2017-01-10"
    )

    # The slug's rule is on the Promote tab before anything is typed; no "Show in menus".
    promote = page.locator("a[role='tab']").nth(1)  # its id is made of its Arabic name
    promote.click()
    panel = page.locator(f"[id='{promote.get_attribute('href')[1:]}']")
    expect(panel.get_by_text("بالحروف اللاتينية والأرقام والشرطات فقط")).to_be_visible()
    expect(panel.locator("input[name='slug']")).to_have_attribute("dir", "ltr")
    expect(page.locator("input[name='show_in_menus']")).to_have_count(0)

    # The avatar is the site's own; nothing was asked of another server.
    avatar = page.locator(".sidebar-footer .avatar img, .avatar img").first
    assert "default-user-avatar" in avatar.get_attribute("src")
    assert not elsewhere, elsewhere
