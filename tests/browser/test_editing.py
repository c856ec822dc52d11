"""In real Chromium: a reader follows a statement from the home page; an editor logs
into the admin, retitles it, publishes, and the public page shows the new title."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password-1"


def test_editor_retitles_a_statement_and_readers_see_it(
    browser_db, django_db_serialized_rollback, live_server, page, django_user_model
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    statement = NewsPage.objects.get(
        slug="we-stand-together-with-iraqi-civil-society-activists", locale__language_code="en"
    )

    # A reader opens the home page and follows the statement.
    page.goto(f"{live_server.url}/en/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.get_by_role("link", name="We Stand Together With Iraqi Civil Society Activists!").click()
    expect(page).to_have_url(
        re.compile(r"/en/news/we-stand-together-with-iraqi-civil-society-activists/$")
    )
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We Stand Together With Iraqi Civil Society Activists!"
    )

    # An editor logs in and changes the title.
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))

    page.goto(f"{live_server.url}/admin/pages/{statement.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("We stand with Iraqi civil society activists")
    # "Publish" sits in the footer's drop-down of actions.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text("published")

    page.goto(f"{live_server.url}/en/news/we-stand-together-with-iraqi-civil-society-activists/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We stand with Iraqi civil society activists"
    )
