"""In real Chromium, with review on: a joint statement under embargo. An Arabic and a
Kurdish translator each translate it and press Publish, which sends it for review; a
second translator of each language approves it from their dashboard, in their own
admin language; readers get a page at every step, and both translations go live in
the same moment as the English when the editor publishes it."""

import re

import pytest
from playwright.sync_api import expect

from wagtail.models import Locale, Page, Workflow
from wagtail.users.models import UserProfile
from wagtail_localize.operations import TranslationCreator

from home.i18n.locale_trees import synchronise_locale_trees
from home.models import SecondTranslatorApprovalTask
from tests.browser.test_translation import log_in
from tests.factories import StatementFactory, make_user, paragraphs

pytestmark = pytest.mark.browser

TRANSLATIONS = {
    "ar": {
        "Water is not a weapon": "الماء ليس سلاحاً",
        "Dams on the Tigris must be shared.": "يجب تقاسم السدود على نهر دجلة.",
    },
    "ckb": {
        "Water is not a weapon": "ئاو چەک نییە",
        "Dams on the Tigris must be shared.": "بەنداوەکانی سەر دیجلە دەبێت بەش بکرێن.",
    },
}
SENT = {"ar": "أُرسلت للمراجعة", "ckb": "نێردرا بۆ پێداچوونەوە"}
APPROVE = {"ar": "موافقة", "ckb": "پەسەندکردن"}
AWAITING = {"ar": "بانتظار مراجعتك", "ckb": None}


def admin_user(username, group, language):
    user = make_user(username, group)
    UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
    return user


def translate_and_publish(page, base_url, translated_page, language):
    page.goto(f"{base_url}/admin/pages/{translated_page.pk}/edit/")
    for _ in TRANSLATIONS[language]:
        page.locator(
            ".js-translation-editor button", has_text=re.compile("^(Translate|ترجمة|وەرگێڕان)$")
        ).first.click()
        box = page.locator(".js-translation-editor textarea")
        source = box.locator("xpath=ancestor::li[1]").inner_text()
        text = next(t for english, t in TRANSLATIONS[language].items() if english in source)
        box.fill(text)
        with page.expect_response(lambda response: "/strings/" in response.url) as saved:
            box.locator("xpath=ancestor::li[1]").locator("button").filter(
                has_text=re.compile("^(Save|حفظ|پاشەکەوتکردن)$")
            ).first.click()
        assert saved.value.ok
        expect(page.locator(".js-translation-editor textarea")).to_have_count(0)
    page.locator("footer button[value='publish']").click()
    expect(page.locator(".messages")).to_contain_text(SENT[language])


def test_a_joint_statement_is_reviewed_in_each_language_and_released_with_the_english(
    browser_db, django_db_serialized_rollback, live_server, page
):
    Workflow.objects.filter(workflow_pages__page__depth=2).update(active=True)
    SecondTranslatorApprovalTask.objects.update(active=True)
    editor = make_user("editor", "Editors")
    admin_user("arabic", "Arabic translators", "ar")
    admin_user("arabic2", "Arabic translators", "ar")
    admin_user("kurdish", "Kurdish translators", "ckb")
    admin_user("kurdish2", "Kurdish translators", "ckb")

    # Under embargo: the English is written and kept unpublished.
    statement = StatementFactory(
        title="Water is not a weapon", body=paragraphs("Dams on the Tigris must be shared.")
    )
    statement.unpublish()
    synchronise_locale_trees()
    locales = {code: Locale.objects.get(language_code=code) for code in TRANSLATIONS}
    TranslationCreator(editor, list(locales.values())).create_translations(statement)

    for language, (translator, reviewer) in {
        "ar": ("arabic", "arabic2"),
        "ckb": ("kurdish", "kurdish2"),
    }.items():
        translated = statement.get_translation(locales[language])
        page.context.clear_cookies()
        log_in(page, live_server.url, translator)
        translate_and_publish(page, live_server.url, translated, language)
        # Nobody approves their own work: no approval on their dashboard.
        page.goto(f"{live_server.url}/admin/")
        expect(page.locator("[data-workflow-action-url*='/approve/']")).to_have_count(0)

        page.context.clear_cookies()
        log_in(page, live_server.url, reviewer)
        row = page.locator("tr", has_text=TRANSLATIONS[language]["Water is not a weapon"])
        if AWAITING[language]:
            expect(page.get_by_role("heading", name=AWAITING[language])).to_be_visible()
        row.get_by_role("button", name=re.compile("Actions|الإجراءات|کردار")).click()
        row.locator("button[data-workflow-action-url*='/approve/']").filter(
            has_text=re.compile(f"^{APPROVE[language]}$")
        ).click()
        expect(row).to_have_count(0)  # the dashboard reloads without it
        translated = Page.objects.get(pk=translated.pk)
        assert not translated.live  # approved, waiting for the English

    # Readers meanwhile: no statement in any language (it is under embargo), no error.
    page.context.clear_cookies()
    for language in TRANSLATIONS:
        response = page.goto(f"{live_server.url}/{language}/news/")
        assert response.status == 200
        expect(page.locator("main")).not_to_contain_text(
            TRANSLATIONS[language]["Water is not a weapon"]
        )

    # The editor releases the English; the Arabic and Kurdish go live with it.
    log_in(page, live_server.url, "editor")
    page.goto(f"{live_server.url}/admin/pages/{statement.pk}/edit/")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    page.locator("button[name='action-publish']").click()
    expect(page.locator(".messages")).to_contain_text("published")

    page.context.clear_cookies()
    for language in TRANSLATIONS:
        page.goto(f"{live_server.url}/{language}/news/water-is-not-a-weapon/")
        expect(page.get_by_role("heading", level=1)).to_have_text(
            TRANSLATIONS[language]["Water is not a weapon"]
        )
        expect(page.locator(".notice--untranslated")).to_have_count(0)
