"""In real Chromium, the translator's tools (issue 13 §5): the live preview inside
the translation editor, and earlier translations offered when the English changed."""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Locale
from wagtail_localize.operations import TranslationCreator

from home.i18n.locale_trees import synchronise_locale_trees
from tests.browser.test_translation import log_in
from tests.factories import StatementFactory, make_user, paragraphs

pytestmark = pytest.mark.browser


def start_translation(statement, language_code):
    locale = Locale.objects.get(language_code=language_code)
    TranslationCreator(make_user("editor", "Editors"), [locale]).create_translations(statement)
    return statement.get_translation(locale)


def open_piece(page, english):
    """Opens the piece `english` of the translation editor for typing."""
    piece = page.locator(".js-translation-editor li", has_text=english).first
    piece.get_by_role("button", name=re.compile("Translate|Edit|ترجم|تحرير|تعديل")).first.click()
    return page.locator(".js-translation-editor textarea")


def save_piece(page, box, text):
    """Types `text` into the open piece and waits for the save."""
    box.fill(text)
    with page.expect_response(lambda response: "/strings/" in response.url) as saved:
        page.locator(".js-translation-editor").get_by_role(
            "button", name=re.compile("^(Save|حفظ|پاشەکەوت)")
        ).click()
    assert saved.value.ok
    expect(box).to_have_count(0)


def translate(page, english, text):
    """Types `text` as the translation of the piece `english`, and waits for the save."""
    save_piece(page, open_piece(page, english), text)


def open_preview(page):
    page.locator("[data-side-panel-toggle='translation-preview']").click()
    frame = page.locator("iframe[data-icssi-translation-preview]:visible")
    expect(frame).to_be_visible()
    return frame.content_frame


@pytest.mark.parametrize(
    ("language_code", "group", "title", "body"),
    [
        ("ar", "Arabic translators", "الماء ليس سلاحاً", "يجب تقاسم السدود على نهر دجلة."),
        ("ckb", "Kurdish translators", "ئاو چەک نییە", "دەبێت بەنداوەکانی سەر دیجلە هاوبەش بن."),
    ],
)
def test_translator_sees_their_text_in_the_live_preview(
    browser_db, django_db_serialized_rollback, live_server, page, language_code, group, title, body
):
    statement = StatementFactory(
        title="Water is not a weapon", body=paragraphs("Dams on the Tigris must be shared.")
    )
    synchronise_locale_trees()
    translated = start_translation(statement, language_code)
    make_user("translator", group)

    log_in(page, live_server.url, "translator")
    page.goto(f"{live_server.url}/admin/pages/{translated.pk}/edit/")
    preview = open_preview(page)
    # Before any translation, the preview shows the English it will replace.
    expect(preview.locator("main")).to_contain_text("Dams on the Tigris must be shared.")
    expect(preview.locator("html")).to_have_attribute("lang", language_code)

    translate(page, "Dams on the Tigris must be shared.", body)
    expect(preview.locator("main")).to_contain_text(body)
    translate(page, "Water is not a weapon", title)
    expect(preview.get_by_role("heading", level=1)).to_have_text(title)
    expect(preview.locator("html")).to_have_attribute("dir", "rtl")


def test_english_changes_and_the_arabic_translator_finds_their_earlier_text_offered(
    browser_db, django_db_serialized_rollback, live_server, page
):
    """A translated statement's English paragraph is rewritten and published; the
    Arabic translator syncs, finds their earlier Arabic offered in the changed piece
    ("Translated with this site's earlier translations"), corrects it and publishes."""
    from wagtail.rich_text import RichText
    from wagtail.users.models import UserProfile
    from wagtail_localize.models import Translation

    from tests.helpers import page_in

    english = {
        "Water is not a weapon": "الماء ليس سلاحاً",
        "Farmers in Basra have lost their harvests.": "فقد المزارعون في البصرة محاصيلهم.",
    }
    statement = StatementFactory(
        title="Water is not a weapon",
        body=paragraphs("Farmers in Basra have lost their harvests."),
    )
    synchronise_locale_trees()
    start_translation(statement, "ar")
    translation = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale__language_code="ar"
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = english[entry.msgid]
    translation.import_po(po)
    translation.save_target(publish=True)
    translator = make_user("arabic", "Arabic translators")
    UserProfile.objects.update_or_create(user=translator, defaults={"preferred_language": "ar"})

    # The English paragraph is rewritten (same block) and published.
    statement.refresh_from_db()
    block = statement.body[0]
    statement.body[0] = (
        "paragraph",
        RichText("<p>Farmers in Basra have lost two harvests in a row.</p>"),
        block.id,
    )
    statement.save_revision().publish()

    log_in(page, live_server.url, "arabic")
    # "Sync with the original" (the translation overview's link), then the editor.
    page.goto(f"{live_server.url}/admin/localize/update/{translation.source.pk}/")
    page.locator("form input[type=submit]").click()
    arabic = page_in("ar", statement)
    expect(page).to_have_url(re.compile(rf"/admin/pages/{arabic.pk}/edit/$"))

    changed = page.locator(
        ".js-translation-editor li", has_text="Farmers in Basra have lost two harvests in a row."
    ).first
    expect(changed).to_contain_text("فقد المزارعون في البصرة محاصيلهم.")
    expect(changed).to_contain_text("الترجمات السابقة في هذا الموقع")

    # Publishing with the offer unread is refused, saying why.
    page.get_by_role("button", name=re.compile("Publish in|نشر")).first.click()
    expect(page.locator(".messages")).to_contain_text("ترجمة سابقة")
    changed = page.locator(
        ".js-translation-editor li", has_text="Farmers in Basra have lost two harvests in a row."
    ).first

    box = open_piece(page, "Farmers in Basra have lost two harvests in a row.")
    expect(box).to_have_value("فقد المزارعون في البصرة محاصيلهم.")
    save_piece(page, box, "فقد المزارعون في البصرة موسمين متتاليين من المحاصيل.")
    expect(changed).not_to_contain_text("الترجمات السابقة في هذا الموقع")

    page.get_by_role("button", name=re.compile("Publish in|نشر")).first.click()
    expect(page.locator(".messages")).to_be_visible()

    page.context.clear_cookies()
    page.goto(f"{live_server.url}{arabic.url}")
    expect(page.locator("main")).to_contain_text("فقد المزارعون في البصرة موسمين متتاليين")
