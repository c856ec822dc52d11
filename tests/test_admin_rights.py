"""Every admin action, checked per language on the server (issue 10 §2).

For each group (Editors, Arabic translators, Kurdish translators), each kind of
content (pages and the three translatable snippets) and each language, every action
is tried through the admin's own addresses, and its *effect* is checked: an action
counts as allowed when it changed what it should (or opened, for the actions that
only show a form), as refused when it changed nothing. The expected rights are
`RIGHTS` below; docs/translation.md shows the same table (checked by
`test_the_guide_shows_the_rights_that_are_tested`), which is the full list of
action x group x language checked.
"""

import datetime
import io

import pytest

from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from wagtail.models import Locale, Page, Site
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from home.i18n.locale_trees import synchronise_locale_trees
from home.models import HomePage, NavigationMenu, Organisation, SiteNavigation, StandardPage
from news.models import Topic
from tests.factories import StandardPageFactory, make_user

pytestmark = pytest.mark.django_db

LANGUAGES = ("en", "ar", "ckb")
GROUP_LANGUAGE = {"Editors": None, "Arabic translators": "ar", "Kurdish translators": "ckb"}
KINDS = ("page", "organisation", "topic", "menu")
SNIPPETS = {
    "organisation": (Organisation, {"short_name": "", "description": "", "website": ""}),
    "topic": (Topic, {}),
    "menu": (NavigationMenu, {}),
}

MENU_ITEMS = streamfield(
    [("link", {"label": "Statements", "page": "", "url": "https://icssi.org/"})]
)

# What a translator may do in their own language (and nothing in any other);
# editors may do every action in every language.
TRANSLATOR = {
    "edit",
    "publish",
    "revert",
    "unschedule",
    "history",
    "bulk publish",
    "start translation",
    "sync",
    "PO download",
    "PO upload",
    "machine translation",
    "preview",
}
# action -> (kinds it applies to, languages it applies to)
PAGES = ("page",)
ALL_KINDS = KINDS
TRANSLATIONS = ("ar", "ckb")
ACTIONS = {
    "create": (ALL_KINDS, LANGUAGES),
    "edit": (ALL_KINDS, LANGUAGES),
    "publish": (ALL_KINDS, LANGUAGES),
    "schedule": (ALL_KINDS, ("en",)),  # translations: see "Release together"
    "unschedule": (ALL_KINDS, LANGUAGES),
    "unpublish": (ALL_KINDS, LANGUAGES),
    "delete": (ALL_KINDS, LANGUAGES),
    "copy": (ALL_KINDS, LANGUAGES),
    "move": (PAGES, LANGUAGES),
    "revert": (ALL_KINDS, LANGUAGES),
    "history": (ALL_KINDS, LANGUAGES),
    "lock": (PAGES, LANGUAGES),
    "unlock someone else's lock": (PAGES, LANGUAGES),
    "convert alias": (PAGES, TRANSLATIONS),
    "bulk publish": (PAGES, LANGUAGES),
    "bulk unpublish": (PAGES, LANGUAGES),
    "bulk move": (PAGES, LANGUAGES),
    "bulk delete": (ALL_KINDS, LANGUAGES),
    "start translation": (ALL_KINDS, TRANSLATIONS),
    "sync": (ALL_KINDS, TRANSLATIONS),
    "PO download": (ALL_KINDS, TRANSLATIONS),
    "PO upload": (ALL_KINDS, TRANSLATIONS),
    "machine translation": (ALL_KINDS, TRANSLATIONS),
    "preview": (PAGES, TRANSLATIONS),
    "stop translation": (ALL_KINDS, TRANSLATIONS),
    "convert to alias": (PAGES, TRANSLATIONS),
}


def expected(group, action, code):
    language = GROUP_LANGUAGE[group]
    return language is None or (language == code and action in TRANSLATOR)


def locale(code):
    return Locale.objects.get(language_code=code)


# The content every test acts on ------------------------------------------------------


class Target:
    """One object in one language, and what the actions need around it."""

    def __init__(self, kind, code, instance, translation, untranslated, destination):
        self.kind = kind
        self.code = code
        self.instance = instance
        self.translation = translation  # None for the English original
        self.untranslated = untranslated  # the English object not yet translated
        self.destination = destination  # pages: another page of the same tree

    @property
    def is_page(self):
        return self.kind == "page"

    @property
    def admin(self):
        if self.is_page:
            return f"/admin/pages/{self.instance.pk}/"
        meta = self.instance._meta
        return f"/admin/snippets/{meta.app_label}/{meta.model_name}/"

    def fresh(self):
        model = type(self.instance)
        return model.objects.filter(pk=self.instance.pk).first()


def translate_and_publish(instance, user):
    """Both translations, every piece translated, published."""
    TranslationCreator(user, [locale("ar"), locale("ckb")]).create_translations(instance)
    source = TranslationSource.objects.get_for_instance(instance)
    translations = {}
    for translation in Translation.objects.filter(source=source).select_related("target_locale"):
        po = translation.export_po()
        for entry in po:
            entry.msgstr = f"{entry.msgid} ({translation.target_locale.language_code})"
        translation.import_po(po)
        translation.save_target(user=user, publish=True)
        translations[translation.target_locale.language_code] = translation
    return translations


def english_snippet(kind, name):
    model, _ = SNIPPETS[kind]
    fields = {"locale": locale("en"), "name": name}
    if kind == "topic":
        fields["slug"] = name.lower().replace(" ", "-")
    if kind == "organisation":
        fields["short_name"] = ""
    instance = model(**fields)
    instance.save()
    instance.save_revision().publish()
    return instance


def build_targets(kind, editor):
    if kind == "page":
        original = StandardPageFactory(title="Water is not a weapon", slug="water-rights")
        untranslated = StandardPageFactory(title="Dams on the Tigris", slug="tigris-dams")
        synchronise_locale_trees()
    else:
        original = english_snippet(kind, "Water Rights")
        untranslated = english_snippet(kind, "Tigris Dams")
    translations = translate_and_publish(original, editor)
    targets = {}
    for code in LANGUAGES:
        translation = translations.get(code)
        instance = translation.get_target_instance() if translation else original
        destination = None
        if kind == "page":
            destination = untranslated.get_translation(locale(code))
        targets[code] = Target(kind, code, instance, translation, untranslated, destination)
    return targets


# The actions: each does its request and says whether it had its effect ----------------


def answered(response):
    assert response.status_code < 500, response.status_code
    return response


def form_data(target, **changes):
    instance = target.instance
    if target.is_page:
        data = {
            "title": instance.title,
            "slug": instance.slug,
            "intro": "",
            "body": streamfield([]),
        }
    elif target.kind == "menu":
        data = {"name": instance.name, "items": MENU_ITEMS}
    else:
        data = {"name": instance.name, **SNIPPETS[target.kind][1]}
        if target.kind == "topic":
            data["slug"] = instance.slug
    data.update(changes)
    return nested_form_data(data)


def name_field(target):
    return "title" if target.is_page else "name"


def latest_name(target):
    obj = target.fresh().get_latest_revision_as_object()
    return getattr(obj, name_field(target))


def live_name(target):
    return getattr(target.fresh(), name_field(target))


def edit_url(target):
    if target.is_page:
        return f"{target.admin}edit/"
    return f"{target.admin}edit/{target.instance.pk}/"


def put_string(client, target, value):
    segment = target.translation.source.stringsegment_set.order_by("order").first()
    return answered(
        client.put(
            f"/admin/localize/translate/{target.translation.pk}/strings/{segment.pk}/edit/",
            f"value={value}",
            content_type="application/x-www-form-urlencoded",
        )
    )


def do_create(client, target):
    if target.is_page:
        home = HomePage.objects.get(locale__language_code=target.code)
        url = f"/admin/pages/add/home/standardpage/{home.pk}/"
        data = nested_form_data(
            {"title": "New", "slug": "new-page", "intro": "", "body": streamfield([])}
        )
        answered(client.post(url, data))
        return StandardPage.objects.filter(
            slug="new-page", locale__language_code=target.code
        ).exists()
    model, extra = SNIPPETS[target.kind]
    data = {"name": "Brand new", **extra}
    if target.kind == "topic":
        data["slug"] = "brand-new"
    if target.kind == "menu":
        data = nested_form_data({"name": "Brand new", "items": MENU_ITEMS})
    answered(client.post(f"{target.admin}add/?locale={target.code}", data))
    return model.objects.filter(name="Brand new", locale__language_code=target.code).exists()


def do_edit(client, target):
    if target.translation:
        put_string(client, target, "Edited")
        return StringTranslation.objects.filter(
            data="Edited", locale__language_code=target.code
        ).exists()
    answered(client.post(edit_url(target), form_data(target, **{name_field(target): "Edited"})))
    return latest_name(target) == "Edited"


def do_publish(client, target):
    if target.translation:
        before = target.fresh().live_revision_id
        put_string(client, target, "Published")
        answered(client.post(edit_url(target), {"action": "publish"}))
        live = target.fresh().live_revision
        return live.pk != before and "Published" in str(live.content)
    data = form_data(target, **{name_field(target): "Published", "action-publish": "1"})
    answered(client.post(edit_url(target), data))
    return live_name(target) == "Published"


def do_schedule(client, target):
    go_live = (timezone.now() + datetime.timedelta(days=2)).strftime("%Y-%m-%d %H:%M")
    data = form_data(target, go_live_at=go_live, **{"action-publish": "1"})
    answered(client.post(edit_url(target), data))
    return target.fresh().scheduled_revision is not None


def do_unschedule(client, target):
    instance = target.fresh()
    revision = instance.save_revision(
        approved_go_live_at=timezone.now() + datetime.timedelta(days=2)
    )
    if target.is_page:
        url = f"{target.admin}revisions/{revision.pk}/unschedule/"
    else:
        url = f"{target.admin}history/{instance.pk}/revisions/{revision.pk}/unschedule/"
    answered(client.post(url))
    revision.refresh_from_db()
    return revision.approved_go_live_at is None


def do_unpublish(client, target):
    if target.is_page:
        answered(client.post(f"{target.admin}unpublish/", {"include_descendants": ""}))
    else:
        answered(client.post(f"{target.admin}unpublish/{target.instance.pk}/"))
    return not target.fresh().live


def do_delete(client, target):
    if target.is_page:
        answered(client.post(f"{target.admin}delete/"))
    else:
        answered(client.post(f"{target.admin}delete/{target.instance.pk}/"))
    return target.fresh() is None


def do_copy(client, target):
    if not target.is_page:
        # Copying a snippet opens the "add" form filled in with its fields.
        return answered(client.get(f"{target.admin}copy/{target.instance.pk}/")).status_code == 200
    data = {
        "new_title": "Copied",
        "new_slug": "copied",
        "new_parent_page": target.instance.get_parent().pk,
    }
    answered(client.post(f"{target.admin}copy/", data))
    return Page.objects.filter(slug="copied", locale__language_code=target.code).exists()


def do_move(client, target):
    answered(client.post(f"{target.admin}move/{target.destination.pk}/confirm/"))
    return target.fresh().get_parent().pk == target.destination.pk


def do_revert(client, target):
    revision = target.fresh().revisions.order_by("created_at").first()
    if target.is_page:
        url = f"{target.admin}revisions/{revision.pk}/revert/"
    else:
        url = f"{target.admin}history/{target.instance.pk}/revisions/{revision.pk}/revert/"
    return answered(client.get(url)).status_code == 200


def do_history(client, target):
    url = (
        f"{target.admin}history/"
        if target.is_page
        else f"{target.admin}history/{target.instance.pk}/"
    )
    return answered(client.get(url)).status_code == 200


def do_lock(client, target):
    answered(client.post(f"{target.admin}lock/"))
    return target.fresh().locked


def do_unlock(client, target):
    someone = make_user("someone-else", "Editors")
    Page.objects.filter(pk=target.instance.pk).update(locked=True, locked_by=someone)
    answered(client.post(f"{target.admin}unlock/"))
    return not target.fresh().locked


def do_convert_alias(client, target):
    alias = target.destination
    answered(client.post(f"/admin/pages/{alias.pk}/convert_alias/"))
    return Page.objects.get(pk=alias.pk).alias_of_id is None


def bulk(client, target, action, data=None):
    meta = target.instance._meta
    model = "wagtailcore/page" if target.is_page else f"{meta.app_label}/{meta.model_name}"
    url = f"/admin/bulk/{model}/{action}/?id={target.instance.pk}"
    return answered(client.post(url, data or {}))


def do_bulk_publish(client, target):
    instance = target.fresh()
    instance.title = "Drafted"
    instance.save_revision()
    bulk(client, target, "publish", {"include_descendants": ""})
    return live_name(target) == "Drafted"


def do_bulk_unpublish(client, target):
    bulk(client, target, "unpublish", {"include_descendants": ""})
    return not target.fresh().live


def do_bulk_move(client, target):
    bulk(client, target, "move", {"chooser": target.destination.pk})
    return target.fresh().get_parent().pk == target.destination.pk


def do_bulk_delete(client, target):
    bulk(client, target, "delete")
    return target.fresh() is None


def do_start_translation(client, target):
    english = target.untranslated
    if target.is_page:
        url = f"/admin/localize/submit/page/{english.pk}/"
    else:
        meta = english._meta
        url = f"/admin/localize/submit/snippet/{meta.app_label}/{meta.model_name}/{english.pk}/"
    answered(client.post(url, {"locales": [locale(target.code).pk]}))
    return Translation.objects.filter(
        source__object_id=english.translation_key, target_locale__language_code=target.code
    ).exists()


def do_sync(client, target):
    source = target.translation.source
    before = target.fresh().latest_revision_id
    answered(client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"}))
    # The translation is saved again (wagtail-localize publishes it once committed).
    return target.fresh().latest_revision_id != before


def do_po_download(client, target):
    response = answered(
        client.get(f"/admin/localize/translate/{target.translation.pk}/pofile/download/")
    )
    return response.status_code == 200 and b"msgid" in response.content


def do_po_upload(client, target):
    po = target.translation.export_po()
    for entry in po:
        entry.msgstr = "Uploaded"
    upload = io.BytesIO(str(po).encode())
    upload.name = "translation.po"
    answered(
        client.post(
            f"/admin/localize/translate/{target.translation.pk}/pofile/upload/", {"file": upload}
        )
    )
    return StringTranslation.objects.filter(
        data="Uploaded", locale__language_code=target.code
    ).exists()


@override_settings(
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR={
        "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
    }
)
def do_machine_translation(client, target):
    StringTranslation.objects.filter(locale__language_code=target.code).delete()
    answered(client.post(f"/admin/localize/translate/{target.translation.pk}/machine_translate/"))
    return StringTranslation.objects.filter(
        locale__language_code=target.code,
        translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
    ).exists()


def do_preview(client, target):
    response = answered(client.get(f"/admin/localize/translate/{target.translation.pk}/preview/"))
    return response.status_code == 200


def do_stop_translation(client, target):
    answered(client.post(f"/admin/localize/translate/{target.translation.pk}/disable/"))
    return not Translation.objects.get(pk=target.translation.pk).enabled


def do_convert_to_alias(client, target):
    answered(client.post(f"/admin/localize/page/{target.instance.pk}/convert_to_alias/"))
    return Page.objects.get(pk=target.instance.pk).alias_of_id is not None


DO = {
    "create": do_create,
    "edit": do_edit,
    "publish": do_publish,
    "schedule": do_schedule,
    "unschedule": do_unschedule,
    "unpublish": do_unpublish,
    "delete": do_delete,
    "copy": do_copy,
    "move": do_move,
    "revert": do_revert,
    "history": do_history,
    "lock": do_lock,
    "unlock someone else's lock": do_unlock,
    "convert alias": do_convert_alias,
    "bulk publish": do_bulk_publish,
    "bulk unpublish": do_bulk_unpublish,
    "bulk move": do_bulk_move,
    "bulk delete": do_bulk_delete,
    "start translation": do_start_translation,
    "sync": do_sync,
    "PO download": do_po_download,
    "PO upload": do_po_upload,
    "machine translation": do_machine_translation,
    "preview": do_preview,
    "stop translation": do_stop_translation,
    "convert to alias": do_convert_to_alias,
}


class Committing:
    """The test client, running after each request what the request would do once
    committed (wagtail-localize publishes translations then)."""

    def __init__(self, client, capture_on_commit_callbacks):
        self.client = client
        self.capture = capture_on_commit_callbacks

    def __getattr__(self, name):
        method = getattr(self.client, name)

        def request(*args, **kwargs):
            with self.capture(execute=True):
                return method(*args, **kwargs)

        return request


def walk(client, targets):
    """{(action, language): happened} for every action that applies to the kind,
    each in a savepoint that is rolled back."""
    results = {}
    for action, (kinds, codes) in ACTIONS.items():
        for code in codes:
            if targets[code].kind not in kinds:
                continue
            with transaction.atomic():
                results[action, code] = DO[action](client, targets[code])
                transaction.set_rollback(True)
    return results


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("group", GROUP_LANGUAGE)
def test_every_action_is_checked_per_language(
    client, editor, group, kind, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        targets = build_targets(kind, editor)
    client.force_login(make_user("tester", group))
    results = walk(Committing(client, django_capture_on_commit_callbacks), targets)
    wrong = {
        f"{action} ({code}): {'allowed' if happened else 'refused'}"
        for (action, code), happened in results.items()
        if happened != expected(group, action, code)
    }
    assert not wrong, sorted(wrong)


# The known failure of issue 10, on the site's own main menu -----------------------------


def main_menu_html(response):
    html = response.content.decode()
    start = html.index('class="main-nav"')
    return html[start : html.index("</nav>", start)]


def test_arabic_translator_cannot_unpublish_the_english_main_menu(client, arabic_translator):
    english_menu = SiteNavigation.for_site(Site.objects.get(is_default_site=True)).main_menu
    assert english_menu.locale.language_code == "en"
    assert english_menu.live
    client.force_login(arabic_translator)
    response = client.post(f"/admin/snippets/home/navigationmenu/unpublish/{english_menu.pk}/")
    assert response.status_code in (302, 403)
    assert NavigationMenu.objects.get(pk=english_menu.pk).live
    client.logout()
    assert 'href="/en/news/"' in main_menu_html(client.get("/en/"))


# The table in the guide ---------------------------------------------------------------


def rights_table():
    """The Markdown table of RIGHTS, as docs/translation.md shows it."""
    header = ["action", "applies to"] + [
        f"{group} {code}" for group in GROUP_LANGUAGE for code in LANGUAGES
    ]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for action, (kinds, codes) in ACTIONS.items():
        cells = [action, "pages" if kinds == PAGES else "pages, snippets"]
        for group in GROUP_LANGUAGE:
            for code in LANGUAGES:
                if code not in codes:
                    cells.append("")
                else:
                    cells.append("yes" if expected(group, action, code) else "no")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def test_the_guide_shows_the_rights_that_are_tested():
    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "translation.md").read_text()
    assert rights_table() in guide, "update docs/translation.md:\n" + rights_table()
