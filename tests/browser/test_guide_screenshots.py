"""In real Chromium, the screens the editors' and translators' guides show
(docs/guides/), in each admin language: each screen's labels that the guide names
must be on the screen and in the guide, and every image a guide shows must exist.
So a guide cannot go stale silently when Wagtail or a translation changes a label.

`make guide-screenshots` (UPDATE_GUIDE_SCREENSHOTS=1) also writes the screenshots
into docs/guides/screenshots/, small: 1000 pixels wide, 256 colours."""

import os
import re

import pytest
from PIL import Image
from playwright.sync_api import expect

from wagtail.models import Locale, Workflow
from wagtail.users.models import UserProfile

from home.guides import GUIDES_DIR, SCREENSHOTS_DIR
from tests.browser.test_translation import log_in
from tests.factories import make_user

pytestmark = pytest.mark.browser

UPDATE = os.environ.get("UPDATE_GUIDE_SCREENSHOTS") == "1"
LANGUAGES = ["en", "ar", "ckb"]
# The language translated in each admin language's guide: the English guide shows an
# Arabic translator working in the English admin.
TRANSLATED = {"en": "ar", "ar": "ar", "ckb": "ckb"}
TRANSLATORS = {"ar": "Arabic translators", "ckb": "Kurdish translators"}
OUT_OF_DATE = "military-solution-is-not-the-only-option"
IN_REVIEW = "iraqi-civil-initiative-launched"
NEW_TITLE = "Iraqi Social Forum: the military solution is not the only option"

# For each screen, the labels the guide names, as the admin shows them in each language.
LABELS = {
    "help-menu": {
        "en": ["Help", "Editors' guide", "Translators' guide"],
        "ar": ["المساعدة", "دليل المحررين", "دليل المترجمين"],
        "ckb": ["یارمەتی", "ڕێبەری دەستکاریکەرەکان", "ڕێبەری وەرگێڕەکان"],
    },
    "explorer": {
        "en": ["Statements", "Add child page"],
        "ar": ["Statements", "إضافة صفحة فرعية"],
        "ckb": ["Statements", "زیادکردنی ژێرپەڕە"],
    },
    "statement-editor": {
        "en": ["Content", "Promote", "Date issued", "Summary", "Text", "Save draft"],
        "ar": ["محتوى", "الترويج", "تاريخ الإصدار", "الملخص", "النص", "حفظ المسودة"],
        "ckb": ["ناوەڕۆک", "ناساندن", "ڕێکەوتی دەرچوون", "پوختە", "دەق", "پاشەکەوتکردنی ڕەشنووس"],
    },
    "publish-menu": {
        "en": ["Save draft", "Publish"],
        "ar": ["حفظ المسودة", "نشر"],
        "ckb": ["پاشەکەوتکردنی ڕەشنووس", "بڵاوکردنەوە"],
    },
    "dashboard": {
        "en": [
            "Waiting for you",
            "Awaiting your review",
            "Approve",
            "Request changes",
            "Approve with comment",
            "Compare with live version",
            "Passages to translate",
            "See the translation overview",
        ],
        "ar": [
            "بانتظارك",
            "بانتظار مراجعتك",
            "موافقة",
            "طلب تغييرات",
            "الموافقة مع تعليق",
            "مقارنة مع النسخة النشطة",
            "مقاطع للترجمة",
            "عرض النظرة العامة على الترجمة",
        ],
        "ckb": [
            "چاوەڕێی تۆیە",
            "چاوەڕێی پێداچوونەوەی تۆیە",
            "پەسەندکردن",
            "داوای گۆڕانکاری",
            "پەسەندکردن لەگەڵ لێدوان",
            "بەراوردکردن لەگەڵ وەشانی بڵاوکراوە",
            "بڕگە بۆ وەرگێڕان",
            "تێڕوانینی گشتیی وەرگێڕان ببینە",
        ],
    },
    "translation-editor": {
        "en": ["Preview the translation", "Publish in العربية", "Download PO file"],
        "ar": ["معاينة الترجمة", "نشر في العربية", "تنزيل ملف PO"],
        "ckb": ["پێشبینینی وەرگێڕان", "بڵاوکردنەوە بە کوردی", "داگرتنی فایلی PO"],
    },
}
GUIDE_OF_SCREEN = {
    "help-menu": "editors",
    "explorer": "editors",
    "statement-editor": "editors",
    "publish-menu": "editors",
    "dashboard": "translators",
    "translation-editor": "translators",
}

# Each visible text, and the names a screen reader or a tooltip gives to icon buttons.
SCREEN_TEXT = """() => {
    const shown = (element) => element.checkVisibility({visibilityProperty: true});
    const texts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement && shown(node.parentElement)) texts.push(node.textContent);
    }
    for (const element of document.querySelectorAll("[aria-label], [title], [data-w-tooltip-content-value]")) {
        if (!shown(element)) continue;
        for (const name of ["aria-label", "title", "data-w-tooltip-content-value"]) {
            if (element.getAttribute(name)) texts.push(element.getAttribute(name));
        }
    }
    return texts;
}"""


def plain(text):
    """Without the bidi isolates and marks translations put around names, and with
    single spaces, so that a label matches however it is wrapped."""
    return " ".join(re.sub("[\u200e\u200f\u2066-\u2069]", "", text).split())


def guide_text(guide, language):
    return plain((GUIDES_DIR / f"{guide}.{language}.md").read_text(encoding="utf-8"))


def check_and_shoot(page, screen, language):
    """The screen shows each label the guide names, the guide names them, and (when
    updating) the screenshot is written, small."""
    expect(page.locator("body")).to_be_visible()
    # A label is a whole text on the screen, or a part of one between punctuation
    # ("(العربية): Passages to translate: 1", a required field's "Title *"): "Content"
    # is not found in "Skip to main content".
    shown = set()
    for item in page.evaluate(SCREEN_TEXT):
        item = plain(item).rstrip(" *")
        shown.update({item, *(part.strip() for part in re.split("[:()]", item))})
    text = guide_text(GUIDE_OF_SCREEN[screen], language)
    for label in LABELS[screen][language]:
        # In the guide, as a whole label: "Translate" is not found in "Translated".
        named = re.compile(rf"(?<!\w){re.escape(label)}(?!\w)")
        assert label in shown, f"{screen} ({language}): {label!r} is not on the screen"
        assert named.search(text), f"{screen} ({language}): the guide does not name {label!r}"
    name = f"{screen}.{language}.png"
    assert f"screenshots/{name}" in text, f"the guide does not show {name}"
    if UPDATE:
        SCREENSHOTS_DIR.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS_DIR / name
        page.screenshot(path=str(target))
        image = Image.open(target).convert("RGB").quantize(colors=256)
        image.save(target, optimize=True)


def test_every_image_the_guides_show_exists():
    for guide in GUIDES_DIR.glob("*.md"):
        for name in re.findall(r"\]\(screenshots/([^)]+)\)", guide.read_text(encoding="utf-8")):
            assert (SCREENSHOTS_DIR / name).is_file(), f"{guide.name}: {name} is missing"


def user(username, group, language):
    person = make_user(username, group)
    UserProfile.objects.update_or_create(user=person, defaults={"preferred_language": language})
    return person


def set_the_scene(language):
    """An English statement changed since its translation (the translator's "Waiting
    for you"), and another statement's translation sent for review by a colleague
    ("Awaiting your review")."""
    from home.i18n.translation_review import send_for_review
    from home.models.review import SecondTranslatorApprovalTask
    from news.models import NewsPage

    # Review by a second translator is on, as on the real site.
    Workflow.objects.filter(workflow_pages__page__depth=2).update(active=True)
    SecondTranslatorApprovalTask.objects.update(active=True)
    translated = Locale.objects.get(language_code=TRANSLATED[language])
    group = TRANSLATORS[TRANSLATED[language]]
    user("editor", "Editors", language)
    colleague = user("colleague", group, language)
    user("translator", group, language)

    changed = NewsPage.objects.get(slug=OUT_OF_DATE, locale__language_code="en")
    changed.title = NEW_TITLE
    changed.save_revision().publish()

    sent = NewsPage.objects.get(slug=IN_REVIEW, locale__language_code="en")
    sent = sent.get_translation(translated)
    sent.save_revision(user=colleague)
    send_for_review(sent, colleague)
    return changed.get_translation(translated)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_screens_the_guides_show(
    browser_db, django_db_serialized_rollback, live_server, page, language
):
    from news.models import NewsIndexPage, NewsPage

    page.set_viewport_size({"width": 1000, "height": 720})
    out_of_date = set_the_scene(language)
    base = live_server.url

    # The editor: the Help menu, the statements in the page explorer, a statement.
    log_in(page, base, "editor")
    page.locator("#wagtail-sidebar").get_by_role(
        "button", name=LABELS["help-menu"][language][0]
    ).click()
    expect(page.get_by_role("link", name=LABELS["help-menu"][language][1])).to_be_visible()
    check_and_shoot(page, "help-menu", language)
    # The menu opens the guide, in the admin's language, with its screenshots shown.
    page.get_by_role("link", name=LABELS["help-menu"][language][1]).click()
    expect(page.locator("article.icssi-guide")).to_have_attribute("lang", language)
    images = page.locator("article.icssi-guide img")
    expect(images.first).to_be_visible()
    for index in range(images.count()):
        assert images.nth(index).evaluate("(image) => image.complete && image.naturalWidth > 0")

    # The other screens with the sidebar folded, for room at 1000 pixels.
    page.context.add_cookies([{"name": "wagtail_sidebar_collapsed", "value": "1", "url": base}])
    statements = NewsIndexPage.objects.get(locale__language_code="en")
    page.goto(f"{base}/admin/pages/{statements.pk}/")
    check_and_shoot(page, "explorer", language)

    statement = NewsPage.objects.get(slug=IN_REVIEW, locale__language_code="en")
    page.goto(f"{base}/admin/pages/{statement.pk}/edit/")
    check_and_shoot(page, "statement-editor", language)
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    expect(page.locator("button[name='action-publish']")).to_be_visible()
    check_and_shoot(page, "publish-menu", language)

    # The translator: the dashboard, with a review's actions open, and the
    # translation editor with its preview.
    page.context.clear_cookies()
    log_in(page, base, "translator")
    page.context.add_cookies([{"name": "wagtail_sidebar_collapsed", "value": "1", "url": base}])
    page.reload()
    waiting = page.locator(
        "section", has=page.get_by_role("heading", name=LABELS["dashboard"][language][0])
    )
    expect(waiting.get_by_role("link", name=NEW_TITLE)).to_be_visible()
    review = page.locator(
        "section", has=page.get_by_role("heading", name=LABELS["dashboard"][language][1])
    )
    review.locator("[data-w-dropdown-target='toggle']").first.click()
    expect(
        review.get_by_role("button", name=LABELS["dashboard"][language][2], exact=True)
    ).to_be_visible()
    check_and_shoot(page, "dashboard", language)

    page.goto(f"{base}/admin/pages/{out_of_date.pk}/edit/")
    page.locator("[data-side-panel-toggle='translation-preview']").click()
    preview = page.locator("iframe[data-icssi-translation-preview]:visible")
    expect(preview.content_frame.get_by_role("heading", level=1)).to_be_visible()
    check_and_shoot(page, "translation-editor", language)
