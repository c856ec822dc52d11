"""In real Chromium: a reader on a phone shares a campaign (the links are plain
links; "Copy link" copies the address, under the site's Content Security Policy),
and without JavaScript the links and the address are still there."""

import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

CAMPAIGN = "/ckb/campaigns/end-cross-border-bombings/"


def test_a_reader_copies_and_shares_a_campaign_link_on_a_phone(
    browser_db, django_db_serialized_rollback, live_server, browser
):
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="block")
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_server.url)
    page = context.new_page()
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto(f"{live_server.url}{CAMPAIGN}")

    share = page.get_by_role("region", name="بڵاوکردنەوەی ئەم کەمپەینە")
    whatsapp = share.get_by_role("link", name="واتسئاپ")
    expect(whatsapp).to_have_attribute("href", re.compile(r"^https://wa\.me/\?text="))
    expect(share.get_by_role("link", name="تێلیگرام")).to_be_visible()
    address = share.get_by_label("بەستەری ئەم پەڕەیە").input_value()
    assert address.endswith(CAMPAIGN)

    # With the keyboard, as everywhere: the button copies, and says so.
    copy = share.get_by_role("button", name="بەستەرەکە کۆپی بکە")
    copy.focus()
    page.keyboard.press("Enter")
    expect(share.get_by_role("status")).to_have_text("بەستەرەکە کۆپی کرا")
    assert page.evaluate("navigator.clipboard.readText()") == address
    assert not refused
    context.close()


def test_without_javascript_the_links_and_the_address_are_there(
    browser_db, django_db_serialized_rollback, live_server, browser
):
    context = browser.new_context(java_script_enabled=False, service_workers="block")
    page = context.new_page()
    page.goto(f"{live_server.url}/ar/news/we-stand-together-with-iraqi-civil-society-activists/")
    share = page.get_by_role("region", name="شارك هذا البيان")
    for name in ["واتساب", "تيليغرام", "فيسبوك", "X", "البريد الإلكتروني"]:
        expect(share.get_by_role("link", name=name, exact=True)).to_be_visible()
    expect(share.get_by_role("button")).to_be_hidden()
    expect(share.get_by_label("رابط هذه الصفحة")).to_have_value(
        re.compile(r"/ar/news/we-stand-together-with-iraqi-civil-society-activists/$")
    )
    context.close()
