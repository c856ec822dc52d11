"""In real Chromium: a Kurdish translator whose admin language is Sorani, and an Arabic
translator whose admin language is Arabic, walk their path through the admin and find
no English interface words on it, nor words of the other language (page titles, the
English text being translated, names and the languages' own names aside).

The English vocabulary is every word of the English msgids of Django, Wagtail,
wagtail-localize and this site; a word of it left on a screen is an untranslated
label. Screenshots of each screen go to test-artifacts/ for a look at the layout."""

import glob
import re
from pathlib import Path

import polib
import pytest
from playwright.sync_api import expect

import django
from django.conf import settings
from django.contrib.auth.models import User
from django.utils.translation import get_language_info

import wagtail
import wagtail_localize
from wagtail.models import Locale, Page, Site, Task, Workflow
from wagtail.users.models import UserProfile
from wagtail_localize.models import String, Translation
from wagtail_localize.operations import TranslationCreator

from home.i18n.locale_trees import synchronise_locale_trees
from home.models import NavigationMenu, Organisation
from news.models import Topic
from tests.factories import StandardPageFactory, StatementFactory, make_user, paragraphs

pytestmark = pytest.mark.browser

PASSWORD = "a-long-test-password-1"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
TRANSLATORS = {"ckb": "Kurdish translators", "ar": "Arabic translators"}
OWN_PAGE_TITLE = {"ckb": "دەربارەی ئێمە", "ar": "من نحن"}

# Names that translations keep in Latin letters: the product, the file formats
# offered for download, and this site's own acronym.
KEPT_IN_LATIN = {"wagtail", "po", "csv", "xlsx", "icssi", "utc"}

# Every visible text node (screen-reader-only text included, as it is read out), the
# selected option of each drop-down (the others show only when it is opened), and
# the labels a user meets as attributes (read out, or shown as tooltips). Time-zone names come from the browser's own
# CLDR data (Intl), not from any catalogue: they are returned apart.
COLLECT_TEXT = """() => {
    const lang = document.documentElement.lang;
    const zoneName = (zone, style) => {
        try {
            return new Intl.DateTimeFormat(lang, {timeZone: zone, timeZoneName: style})
                .formatToParts(new Date()).find((part) => part.type === "timeZoneName").value;
        } catch (error) { return ""; }
    };
    const shown = (element) => element.checkVisibility({visibilityProperty: true});
    const texts = [];
    const browserTexts = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || !node.textContent.trim()) continue;
        const option = parent.closest("option");
        if (option) {
            if (!option.selected || !shown(option.parentElement.closest("select"))) continue;
        } else if (!shown(parent)) continue;
        texts.push(node.textContent);
    }
    document.querySelectorAll("select option:checked").forEach((option) => {
        for (const zone of [option.value, option.dataset.serverTimeZone, "UTC"]) {
            if (zone) browserTexts.push(zoneName(zone, "long"), zoneName(zone, "short"));
        }
    });
    for (const element of document.querySelectorAll(
        "[aria-label], [title], [placeholder], [alt], [data-w-tooltip-content-value], input[type=submit][value], input[type=button][value]"
    )) {
        if (!shown(element)) continue;
        for (const name of ["aria-label", "title", "placeholder", "alt", "data-w-tooltip-content-value", "value"]) {
            if (name === "value" && element.tagName !== "INPUT") continue;
            const value = element.getAttribute(name);
            if (value) texts.push(value);
        }
    }
    return {texts, browserTexts: browserTexts.filter(Boolean)};
}"""

FINISH_ANIMATIONS = """() => Promise.all(document.getAnimations()
    .filter((animation) => animation instanceof CSSTransition)
    .map((animation) => animation.finished.catch(() => null)))"""

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
ARABIC_SCRIPT_WORD = re.compile(r"[\u0600-\u06ff]+")
# Letters of one language that the other never writes.
OTHER_LANGUAGE_LETTERS = {"ckb": set("يكةى"), "ar": set("ەێۆڕڵڤ")}


def around(text, match):
    """The text either side of a match, for the failure message."""
    return " ".join(text[max(match.start() - 30, 0) : match.end() + 30].split())


def english_catalogues():
    """The English catalogues of Django, Wagtail, wagtail-localize, and this site's
    own msgids (from its Sorani catalogue)."""
    roots = [Path(django.__file__).parent, Path(wagtail.__file__).parent]
    roots.append(Path(wagtail_localize.__file__).parent)
    for root in roots:
        yield from glob.glob(
            str(root / "**" / "locale" / "en" / "LC_MESSAGES" / "*.po"), recursive=True
        )
    yield str(Path(settings.LOCALE_PATHS[0]) / "ckb" / "LC_MESSAGES" / "django.po")


def english_vocabulary():
    words = set()
    for path in english_catalogues():
        for entry in polib.pofile(path):
            for text in (entry.msgid, entry.msgid_plural or ""):
                text = re.sub(r"<[^>]+>|%\(\w+\)[sd]|%[sd]|\{\w*\}|https?://\S+", " ", text)
                words.update(word.lower() for word in WORD.findall(text) if len(word) > 1)
    return words - KEPT_IN_LATIN


def user_content():
    """What users wrote, not the interface: titles, the text being translated, names
    of people and snippets, the site's name, and the languages' own names."""
    texts = set(Page.objects.values_list("title", flat=True))
    texts.update(String.objects.values_list("data", flat=True))
    for user in User.objects.all():
        texts.update([user.username, user.get_full_name(), user.first_name, user.last_name])
    for model in (Organisation, Topic, NavigationMenu):
        texts.update(str(instance) for instance in model.objects.all())
    texts.update(Site.objects.values_list("site_name", flat=True))
    texts.update(Workflow.objects.values_list("name", flat=True))  # "Moderators approval"
    texts.update(Task.objects.values_list("name", flat=True))
    texts.update(name for _code, name in settings.LANGUAGES)
    texts.update(get_language_info(code)["name_local"] for code, _name in settings.LANGUAGES)
    # Longest first, so that a title is removed before a shorter name inside it.
    return sorted((text.strip() for text in texts if text and text.strip()), key=len, reverse=True)


class Walk:
    """A translator's walk: each screen's English words, and a screenshot of it."""

    def __init__(self, page, code, vocabulary, content):
        self.page = page
        self.code = code
        self.vocabulary = vocabulary
        self.content = content
        self.untranslated = {}
        self.screens = []

    def check(self, name):
        self.page.wait_for_load_state("networkidle")
        # Let panels and menus finish sliding open (their transitions; not the
        # spinners and pulsing badges, which go on).
        self.page.evaluate(FINISH_ANIMATIONS)
        ARTIFACTS.mkdir(exist_ok=True)
        self.page.screenshot(
            path=ARTIFACTS / f"admin-{self.code}-{len(self.screens):02d}-{name}.png", full_page=True
        )
        self.screens.append(name)
        collected = self.page.evaluate(COLLECT_TEXT)
        text = "\n".join(collected["texts"])
        for known in self.content + sorted(collected["browserTexts"], key=len, reverse=True):
            text = text.replace(known, " ")
        text = re.sub(r"https?://\S+|\S+@\S+|\d+", " ", text)
        found = {}
        for match in WORD.finditer(text):
            if match.group().lower() in self.vocabulary:
                found.setdefault(match.group(), around(text, match))
        # A label cached in the other language (Kurdish in the Arabic admin...).
        for match in ARABIC_SCRIPT_WORD.finditer(text):
            if set(match.group()) & OTHER_LANGUAGE_LETTERS[self.code]:
                found.setdefault(match.group(), around(text, match))
        if found:
            self.untranslated[name] = found


def new_statements(code):
    """Two new English statements with their counterparts in the translator's tree: one
    not translated yet (an alias of the English), and one whose translation an editor
    has started ("Translate this page", as the docs describe)."""
    editor = make_user("editor", "Editors")
    waiting = StatementFactory(
        title="Dams on the Tigris", body=paragraphs("Water is not a weapon.")
    )
    started = StatementFactory(
        title="Solidarity with the teachers of Basra",
        body=paragraphs("The teachers' union has been on strike since March."),
    )
    synchronise_locale_trees()
    locale = Locale.objects.get(language_code=code)
    TranslationCreator(editor, [locale]).create_translations(started)
    return waiting.get_translation(locale), started.get_translation(locale)


def walk_the_translators_path(walk, base_url, username, not_translated, translation):
    page = walk.page
    home = Page.objects.get(depth=2, locale__language_code=walk.code)
    statements = translation.get_parent()
    # Both are aliases of the English: a started translation stays one until it is
    # published, so readers keep the English under the notice
    # (home/i18n/draft_translations.py). Only the started one has translation work.
    assert not_translated.alias_of_id and translation.alias_of_id
    started = Translation.objects.filter(source__object_id=translation.translation_key)
    assert list(started.values_list("target_locale", flat=True)) == [translation.locale_id]

    page.goto(f"{base_url}/admin/password_reset/")
    walk.check("password-reset")
    page.goto(f"{base_url}/admin/login/")
    walk.check("sign-in")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("html")).to_have_attribute("lang", walk.code)
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    walk.check("dashboard")

    # The sidebar, collapsed and expanded, and its account menu.
    page.locator(".sidebar__collapse-toggle").click()
    walk.check("sidebar-collapsed")
    page.locator(".sidebar__collapse-toggle").click()
    page.locator(".sidebar-footer__account").click()
    walk.check("sidebar-account-menu")
    page.locator(".sidebar-footer__account").click()

    # The page explorer: the flyout, the language's tree, a listing with its
    # filters and the bulk actions bar.
    page.locator(".sidebar-menu-item__link").first.click()
    expect(page.locator(".c-page-explorer")).to_be_visible()
    walk.check("explorer-menu")
    page.goto(f"{base_url}/admin/pages/{home.pk}/")
    walk.check("explorer-home")
    page.goto(f"{base_url}/admin/pages/{statements.pk}/")
    page.locator("button:has(.icon-sliders)").first.click()
    walk.check("explorer-filters")
    page.keyboard.press("Escape")
    page.locator("input[data-bulk-action-checkbox]").first.check()
    walk.check("explorer-bulk-actions")

    # A page not translated yet: its header, and the offer to translate it.
    page.goto(f"{base_url}/admin/pages/{not_translated.pk}/edit/")
    walk.check("page-not-translated")

    # A page of the translator's own language, not a translation: Wagtail's editor,
    # its tabs and the footer's actions (save draft, publish, submit to moderation).
    own_page = StandardPageFactory(parent=home, title=OWN_PAGE_TITLE[walk.code], slug="own-page")
    page.goto(f"{base_url}/admin/pages/{own_page.pk}/edit/")
    walk.check("page-editor")
    page.locator("footer [data-w-dropdown-target='toggle']").first.click()
    walk.check("page-editor-actions")
    page.keyboard.press("Escape")
    page.locator("[role='tab']").nth(1).click()  # Content, *Promote*
    walk.check("page-editor-promote-tab")

    # The translation editor: the header, the status panel, a piece of text opened.
    page.goto(f"{base_url}/admin/pages/{translation.pk}/edit/")
    expect(page.locator(".js-translation-editor")).to_be_visible()
    walk.check("translation-editor")
    page.locator("[data-side-panel-toggle='status']").first.click()
    walk.check("translation-editor-status")
    page.locator("[data-side-panel-toggle='status']").first.click()
    page.locator(".js-translation-editor li button").first.click()
    expect(page.locator(".js-translation-editor textarea")).to_be_visible()
    walk.check("translation-editor-segment")

    # Reports: the menu and its reports.
    page.goto(f"{base_url}/admin/")
    page.locator(
        "li.sidebar-menu-item:has(a[href$='/reports/site-history/']) > button"
    ).first.click()
    walk.check("reports-menu")
    for path, name in [
        ("/admin/translation-overview/", "report-translation-overview"),
        ("/admin/localize/reports/translations/", "report-translations"),
        ("/admin/reports/site-history/", "report-site-history"),
        ("/admin/reports/aging-pages/", "report-aging-pages"),
    ]:
        page.goto(f"{base_url}{path}")
        walk.check(name)

    # Account settings, then sign out.
    page.goto(f"{base_url}/admin/account/")
    walk.check("account")
    page.locator("a[href='#tab-notifications']").click()
    walk.check("account-notifications")
    page.goto(f"{base_url}/admin/")
    page.locator(".sidebar-footer__account").click()
    page.locator("form[action$='/logout/'] button").click()
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    walk.check("signed-out")


@pytest.mark.parametrize("code", ["ckb", "ar"])
def test_translator_sees_the_admin_in_their_language(
    code, browser_db, django_db_serialized_rollback, live_server, browser
):
    translator = make_user(f"translator-{code}", TRANSLATORS[code])
    UserProfile.objects.update_or_create(user=translator, defaults={"preferred_language": code})
    not_translated, translation = new_statements(code)

    # The browser asks for the translator's language (the sign-in page has no user yet).
    context = browser.new_context(locale=code, viewport={"width": 1280, "height": 900})
    walk = Walk(context.new_page(), code, english_vocabulary(), user_content())
    try:
        walk_the_translators_path(
            walk, live_server.url, translator.username, not_translated, translation
        )
    finally:
        context.close()
    assert len(walk.screens) == 24
    assert not walk.untranslated, f"Words not in {code} on its admin: {walk.untranslated}"
