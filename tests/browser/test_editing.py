"""In real Chromium: a reader follows a statement from the home page; an editor logs
into the admin, retitles it, publishes, and the public page shows the new title; an
editor decides what becomes of a caption whose photo was lost."""

import re

import pytest
from playwright.sync_api import expect

from news.models import NewsPage

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PASSWORD = "a-long-test-password-1"


def sign_in(page, live_server):
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name=re.compile("Sign in", re.I)).click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def publish(page):
    # "Publish" sits in the footer's drop-down of actions.
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()


def test_editor_retitles_a_statement_and_readers_see_it(
    browser_db, django_db_serialized_rollback, live_server, page, django_user_model
):
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    statement = NewsPage.objects.get(
        slug="we-stand-together-with-iraqi-civil-society-activists", locale__language_code="en"
    )
    # The seeded statement has a caption waiting for its photo (see the next test).
    statement.body = [
        (block.block_type, block.value) for block in statement.body if block.block_type != "image"
    ]
    statement.save_revision().publish()

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
    sign_in(page, live_server)

    page.goto(f"{live_server.url}/admin/pages/{statement.pk}/edit/")
    title = page.locator("#id_title")
    title.fill("We stand with Iraqi civil society activists")
    publish(page)
    expect(page.locator(".messages")).to_contain_text("published")

    page.goto(f"{live_server.url}/en/news/we-stand-together-with-iraqi-civil-society-activists/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "We stand with Iraqi civil society activists"
    )


def test_editor_is_asked_to_decide_about_a_caption_without_its_photo(
    browser_db, django_db_serialized_rollback, live_server, page, django_user_model
):
    """The original of a seeded statement showed a photo we do not have. Its caption
    waits in the page's text as an image block with no image: readers see nothing,
    and the editor's next publish asks for the image or the block's removal."""
    caption = "Quazi Baybi in Oslo Demonstrating with Iraq"
    django_user_model.objects.create_superuser("editor", "editor@example.org", PASSWORD)
    statement = NewsPage.objects.get(
        slug="we-stand-together-with-iraqi-civil-society-activists", locale__language_code="en"
    )
    page.goto(f"{live_server.url}{statement.url}")
    expect(page.locator("main")).not_to_contain_text("Quazi Baybi")

    sign_in(page, live_server)
    page.goto(f"{live_server.url}/admin/pages/{statement.pk}/edit/")
    caption_input = page.get_by_role("textbox", name="Caption")
    expect(caption_input).to_have_value(caption)
    publish(page)
    expect(page.get_by_text("A caption needs its image")).to_be_visible()

    # The editor decides the photo will not come back and deletes the block.
    block = page.locator("[data-streamfield-child]").filter(has=caption_input)
    block.get_by_role("button", name=re.compile("Delete", re.I)).click()
    publish(page)
    expect(page.locator(".messages")).to_contain_text("published")
    statement.refresh_from_db()
    assert [block.block_type for block in statement.body].count("image") == 0
