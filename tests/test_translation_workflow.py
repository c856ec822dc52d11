"""The translators' workflow: what is translated, drafts, sync, slugs, machine
translation and PO files (wagtail-localize, with our settings and work-arounds)."""

import io
import json
from html import unescape

import polib
import pytest

from django.core.exceptions import ValidationError
from django.test import override_settings

from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from campaigns.models import CampaignPage, ConferencePage
from home.i18n.locale_trees import synchronise_locale_trees
from home.i18n.translation_status import LIVE, MISSING, OUT_OF_DATE, page_translation_states
from home.models import HomePage, NavigationMenu, Organisation
from news.models import NewsIndexPage, NewsPage
from tests.factories import ImageFactory, StatementFactory, paragraphs
from tests.helpers import page_in

pytestmark = pytest.mark.django_db


def locale(code):
    return Locale.objects.get(language_code=code)


def field_kinds(model):
    return {
        field.field_name: "translated" if isinstance(field, TranslatableField) else "shared"
        for field in get_translatable_fields(model)
        if isinstance(field, TranslatableField | SynchronizedField)
    }


def new_statement(slug="water-statement", paragraph="<p>Water is not a weapon.</p>"):
    return StatementFactory(title="Water is not a weapon", slug=slug, body=paragraphs(paragraph))


def start_translation(instance, user, *codes):
    """What "Translate this page" in the admin does."""
    TranslationCreator(user, [locale(code) for code in codes]).create_translations(instance)
    source = TranslationSource.objects.get_for_instance(instance)
    return {
        code: Translation.objects.get(source=source, target_locale=locale(code)) for code in codes
    }


def translate_all(translation, text_for):
    po = translation.export_po()
    for entry in po:
        entry.msgstr = text_for(entry.msgid)
    translation.import_po(po)


# What is translated and what is shared --------------------------------------------


def test_text_is_translated_and_facts_are_shared():
    statement = field_kinds(NewsPage)
    assert {
        k: statement[k] for k in ("title", "summary", "body", "signatories_note")
    } == dict.fromkeys(("title", "summary", "body", "signatories_note"), "translated")
    assert {statement[k] for k in ("date", "date_precision", "slug", "issuers", "topic_links")} == {
        "shared"
    }
    campaign = field_kinds(CampaignPage)
    assert campaign["goals"] == campaign["call_to_action"] == "translated"
    assert campaign["contact_email"] == campaign["social_links"] == campaign["partners"] == "shared"
    conference = field_kinds(ConferencePage)
    assert conference["city"] == conference["programme_note"] == "translated"
    for shared in ("start_date", "registration_deadline", "programme_document", "time_zone"):
        assert conference[shared] == "shared"
    organisation = field_kinds(Organisation)
    assert organisation["name"] == organisation["description"] == "translated"
    assert organisation["logo"] == organisation["website"] == "shared"
    assert field_kinds(HomePage)["featured_page"] == "shared"
    assert field_kinds(NavigationMenu)["items"] == "translated"


def test_image_alt_text_and_caption_are_offered_to_translators():
    image = ImageFactory(title="Protest")
    statement = new_statement()
    statement.body = [
        (
            "image",
            {
                "image": {"image": image, "decorative": False, "alt_text": "Protesters in Basra"},
                "caption": "Basra, July 2018",
            },
        )
    ]
    statement.save_revision().publish()
    source, _ = TranslationSource.get_or_create_from_instance(statement)
    strings = {segment.string.data for segment in source.stringsegment_set.select_related("string")}
    assert {"Protesters in Basra", "Basra, July 2018"} <= strings


# Drafts ----------------------------------------------------------------------------


def test_new_translation_of_a_live_page_starts_as_a_draft(
    editor, client, django_capture_on_commit_callbacks
):
    statement = new_statement()
    # wagtail-localize publishes on commit: run those callbacks as a real request would.
    with django_capture_on_commit_callbacks(execute=True):
        start_translation(statement, editor, "ar", "ckb")
    for code in ("ar", "ckb"):
        translated = page_in(code, statement)
        assert translated.alias_of_id is None
        assert not translated.live, f"the {code} translation went live with English text"
    # Readers of /ar/ do not see a page in English pretending to be Arabic.
    assert client.get(page_in("ar", statement).url).status_code == 404


LAUNCH = "The Iraqi Civil Initiative is Launched by 90 Civil Society Organizations!"
LAUNCH_AR = "إطلاق المبادرة المدنية العراقية"


def publish_in_editor(client, page):
    """The translation editor's "Publish in العربية" button."""
    return client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"}, follow=True)


def test_readers_keep_the_english_under_the_notice_until_the_translation_is_published(
    editor, client, django_capture_on_commit_callbacks
):
    """The usual case: the Arabic tree has an alias showing the English text under a
    notice. Starting and doing the translation changes nothing for readers (no 404,
    no half-translated page) until the translator publishes the whole of it."""
    statement = StatementFactory(title=LAUNCH)
    synchronise_locale_trees()
    alias = page_in("ar", statement)
    assert alias.alias_of_id == statement.pk and alias.live

    with django_capture_on_commit_callbacks(execute=True):
        translation = start_translation(statement, editor, "ar")["ar"]
    translate_all(translation, {LAUNCH: LAUNCH_AR}.get)

    def reader_sees():
        response = client.get(alias.url)
        assert response.status_code == 200
        listing = client.get("/ar/news/").content.decode()
        return response.content.decode(), alias.url in listing

    html, listed = reader_sees()
    assert "هذه الصفحة غير متوفرة بعد" in html and LAUNCH in html and listed
    assert LAUNCH_AR not in html
    served = page_in("ar", statement)
    assert served.alias_of_id == statement.pk and served.has_unpublished_changes

    # Publishing with pieces still in English is refused, with a message.
    client.force_login(editor)
    refused = publish_in_editor(client, served)
    assert "not translated yet" in refused.content.decode()
    client.logout()
    assert page_in("ar", statement).alias_of_id == statement.pk

    translate_all(translation, lambda english: f"[ar] {english}")
    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        publish_in_editor(client, served)
    client.logout()
    published = page_in("ar", statement)
    assert published.alias_of_id is None and published.live
    html, listed = reader_sees()
    assert published.title in html and "هذه الصفحة غير متوفرة بعد" not in html and listed


def test_readers_keep_the_previous_translation_while_it_is_brought_up_to_date(
    editor, client, django_capture_on_commit_callbacks
):
    statement = new_statement(paragraph="<p>Water is not a weapon.</p>")
    translation = start_translation(statement, editor, "ar")["ar"]
    translate_all(
        translation,
        {
            "Water is not a weapon": "الماء ليس سلاحاً",
            "Water is not a weapon.": "الماء ليس سلاحاً.",
        }.get,
    )
    with django_capture_on_commit_callbacks(execute=True):
        translation.save_target(publish=True)
    arabic = page_in("ar", statement)
    assert arabic.live and arabic.alias_of_id is None

    statement.body.append(("paragraph", RichText("<p>Dams must be shared.</p>")))
    statement.save_revision().publish()
    client.force_login(editor)
    source = TranslationSource.objects.get_for_instance(statement)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/admin/localize/update/{source.pk}/", {"publish_translations": "on"})
    refused = publish_in_editor(client, arabic)
    assert "1 piece of text is not translated yet" in refused.content.decode()
    client.logout()
    html = client.get(arabic.url).content.decode()
    assert "الماء ليس سلاحاً." in html and "Dams must be shared." not in html


def test_publishing_the_draft_of_an_alias_makes_it_a_translation(editor):
    """What a workflow's approval or a scheduled publish does: publish the latest
    revision. The page then shows its own text, not the English under the notice."""
    statement = StatementFactory(title=LAUNCH)
    synchronise_locale_trees()
    translation = start_translation(statement, editor, "ar")["ar"]
    translate_all(translation, lambda english: LAUNCH_AR if english == LAUNCH else english)
    translation.save_target(publish=False)
    served = page_in("ar", statement)
    assert served.alias_of_id == statement.pk  # still what readers had
    served.get_latest_revision().publish()
    published = page_in("ar", statement)
    assert published.alias_of_id is None
    assert published.live and published.title == LAUNCH_AR


def test_new_translation_of_a_snippet_starts_as_a_draft(editor):
    organisation = Organisation.objects.create(
        locale=locale("en"), name="Iraqi Al-Amal Association"
    )
    start_translation(organisation, editor, "ar")
    arabic = organisation.get_translation(locale("ar"))
    assert arabic.live is False
    with override_settings(LANGUAGE_CODE="ar"):
        from django.utils import translation

        with translation.override("ar"):
            assert organisation.localized == organisation  # not the unpublished copy


# Out of date and sync ------------------------------------------------------------------


def test_english_edit_marks_translation_out_of_date_and_sync_keeps_old_work(editor, client):
    statement = new_statement(paragraph="<p>Water is not a weapon.</p>")
    translation = start_translation(statement, editor, "ar")["ar"]
    arabic = {
        "Water is not a weapon": "الماء ليس سلاحاً",
        "Water is not a weapon.": "الماء ليس سلاحاً.",
    }
    translate_all(translation, arabic.get)
    translation.save_target(publish=False)
    page_in("ar", statement).get_latest_revision().publish()

    def status():
        states = page_translation_states()[locale("ar")]
        return next(s.status for s in states if s.original.pk == statement.pk)

    assert status() == LIVE

    statement.body.append(("paragraph", RichText("<p>Dams must be shared.</p>")))
    statement.save_revision().publish()
    assert status() == OUT_OF_DATE

    # An editor presses "Sync translated pages".
    client.force_login(editor)
    source = TranslationSource.objects.get_for_instance(statement)
    response = client.post(f"/admin/localize/update/{source.pk}/", {})
    assert response.status_code == 302

    total, done = translation.get_progress()
    assert (total, done) == (3, 2)  # the new paragraph waits for the translator
    kept = StringTranslation.objects.filter(locale=locale("ar"), data="الماء ليس سلاحاً.")
    assert kept.exists()
    assert status() == OUT_OF_DATE


def test_overview_lists_missing_and_live_translations_per_language(
    editor, client, untranslated_statement
):
    states = page_translation_states()
    campaign = CampaignPage.objects.get(locale__language_code="en")
    statement = untranslated_statement
    for code in ("ar", "ckb"):
        by_page = {s.original.pk: s.status for s in states[locale(code)]}
        assert by_page[campaign.pk] == LIVE
        assert by_page[statement.pk] == MISSING
    client.force_login(editor)
    html = client.get("/admin/translation-overview/").content.decode()
    assert "End Cross-Border Bombings in Iraqi Kurdistan" in html
    assert html.count('data-status="missing"') == 2  # the new statement, in two languages
    dashboard = client.get("/admin/").content.decode()
    assert "/admin/translation-overview/" in dashboard


# Slugs --------------------------------------------------------------------------------


def test_arabic_letters_in_a_slug_are_refused_with_a_clear_message():
    statement = new_statement()
    statement.slug = "بيان-التضامن"
    with pytest.raises(ValidationError) as refused:
        statement.full_clean()
    assert "Latin letters" in str(refused.value)


def test_arabic_slug_typed_in_the_admin_is_refused_not_emptied(editor, client):
    client.force_login(editor)
    index = NewsIndexPage.objects.get(locale__language_code="en")
    response = client.post(
        f"/admin/pages/add/news/newspage/{index.pk}/",
        {
            "title": "Solidarity",
            "slug": "تضامن-ڕۆژ",
            "date": "2024-01-01",
            "date_precision": "day",
            "body-count": "0",
            "issuers-TOTAL_FORMS": "0",
            "issuers-INITIAL_FORMS": "0",
            "issuers-MIN_NUM_FORMS": "0",
            "issuers-MAX_NUM_FORMS": "1000",
            "topic_links-TOTAL_FORMS": "0",
            "topic_links-INITIAL_FORMS": "0",
            "topic_links-MIN_NUM_FORMS": "0",
            "topic_links-MAX_NUM_FORMS": "1000",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        },
    )
    assert response.status_code == 200
    assert "Latin letters" in str(response.context["form"].errors["slug"])
    assert not NewsPage.objects.filter(title="Solidarity").exists()


def test_translations_share_the_english_slug_and_translators_cannot_change_it(editor):
    statement = new_statement()
    translation = start_translation(statement, editor, "ar")["ar"]
    assert page_in("ar", statement).slug == "water-statement"
    overridable = {
        segment.context.path for segment in translation.source.overridablesegment_set.all()
    }
    assert "slug" not in overridable


# Machine translation -----------------------------------------------------------------


def machine_translate(client, translation):
    return client.post(
        f"/admin/localize/translate/{translation.pk}/machine_translate/",
        {"next": "/admin/"},
        follow=True,
    )


def editor_offers_machine_translation(client, page):
    html = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    props = html.split('data-props="', 1)[1].split('"', 1)[0]
    return json.loads(unescape(props))["machineTranslator"] is not None


def test_machine_translation_is_off_by_default():
    from django.conf import settings

    assert not hasattr(settings, "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")


def test_machine_translation_fills_a_draft_for_review(editor, client, libretranslate):
    libretranslate.targets = ["ar", "ckb", "en"]  # a server with a Sorani model
    statement = new_statement()
    translation = start_translation(statement, editor, "ckb")["ckb"]
    client.force_login(editor)
    assert editor_offers_machine_translation(client, page_in("ckb", statement))
    response = machine_translate(client, translation)
    assert "Successfully translated" in response.content.decode()
    (sent,) = libretranslate.requests
    assert (sent["source"], sent["target"], sent["format"]) == ("en", "ckb", "html")
    assert "Water is not a weapon." in sent["q"]
    stored = StringTranslation.objects.get(
        locale=locale("ckb"), data="[ckb] Water is not a weapon."
    )
    assert stored.translation_type == "machine"
    served = page_in("ckb", statement)
    assert served.alias_of_id is not None or not served.live  # a person reviews and publishes


def test_machine_translation_is_offered_only_where_the_service_has_the_language(
    editor, client, libretranslate
):
    statement = new_statement()
    translations = start_translation(statement, editor, "ar", "ckb")
    client.force_login(editor)
    assert editor_offers_machine_translation(client, page_in("ar", statement))
    assert not editor_offers_machine_translation(client, page_in("ckb", statement))
    # Asked anyway (an old tab, a crafted request): a message, never a server error.
    response = machine_translate(client, translations["ckb"])
    assert response.status_code == 200
    assert "Machine translation is not available for this language" in response.content.decode()
    assert (
        not StringTranslation.objects.filter(locale=locale("ckb"))
        .exclude(translation_type="manual")
        .exists()
    )
    assert all(sent["target"] != "ckb" for sent in libretranslate.requests)


def test_a_failing_service_gives_a_message_and_changes_nothing(editor, client, libretranslate):
    statement = new_statement()
    translation = start_translation(statement, editor, "ar")["ar"]
    libretranslate.broken = True
    client.force_login(editor)
    response = machine_translate(client, translation)
    assert response.status_code == 200
    assert "LibreTranslate did not translate: nothing was changed" in response.content.decode()
    assert translation.get_progress()[1] == 0


def test_sync_with_machine_translation_translates_the_languages_the_service_has(
    editor, client, libretranslate
):
    statement = new_statement()
    start_translation(statement, editor, "ar", "ckb")
    statement.body.append(("paragraph", RichText("<p>Dams must be shared.</p>")))
    statement.save_revision().publish()
    client.force_login(editor)
    source = TranslationSource.objects.get_for_instance(statement)
    response = client.post(
        f"/admin/localize/update/{source.pk}/", {"use_machine_translation": "on"}
    )
    assert response.status_code == 302
    assert StringTranslation.objects.filter(
        locale=locale("ar"), data="[ar] Dams must be shared.", translation_type="machine"
    ).exists()
    assert not StringTranslation.objects.filter(
        locale=locale("ckb"), translation_type="machine"
    ).exists()


def test_machine_translation_settings_come_from_the_environment():
    import subprocess
    import sys

    code = "from django.conf import settings as s; print(s.WAGTAILLOCALIZE_MACHINE_TRANSLATOR['OPTIONS']['LIBRETRANSLATE_URL'])"
    env = {
        "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.test",
        "MACHINE_TRANSLATION": "libretranslate",
        "LIBRETRANSLATE_URL": "http://translate.internal:5000/",
        "PATH": "/usr/bin:/bin",
    }
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert result.stdout.strip() == "http://translate.internal:5000"
    env["MACHINE_TRANSLATION"] = "babelfish"
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert "use libretranslate, deepl or google" in result.stderr


def test_deepl_is_not_offered_for_kurdish():
    from home.i18n.machine_translation import DeepLTranslatorForICSSI

    deepl = DeepLTranslatorForICSSI({"AUTH_KEY": "x"})
    assert deepl.can_translate(locale("en"), locale("ar"))
    assert not deepl.can_translate(locale("en"), locale("ckb"))


# PO files --------------------------------------------------------------------------------

ARABIC = {
    "Water is not a weapon": "الماء ليس سلاحاً",
    'Read <a id="a1">the report</a> now.': 'اقرأوا <a id="a1">التقرير</a> الآن.',
}
SORANI = {
    "Water is not a weapon": "ئاو چەک نییە",
    'Read <a id="a1">the report</a> now.': 'ئێستا <a id="a1">ڕاپۆرتەکە</a> بخوێننەوە.',
}


@pytest.mark.parametrize(("code", "catalogue"), [("ar", ARABIC), ("ckb", SORANI)])
def test_po_download_and_upload_round_trip(editor, client, code, catalogue):
    statement = new_statement(
        paragraph='<p>Read <a href="https://example.org/report">the report</a> now.</p>'
    )
    translation = start_translation(statement, editor, code)[code]
    client.force_login(editor)

    downloaded = client.get(f"/admin/localize/translate/{translation.pk}/pofile/download/")
    assert downloaded.status_code == 200
    po = polib.pofile(downloaded.content.decode("utf-8"))
    assert {entry.msgid for entry in po} == set(catalogue)
    for entry in po:
        entry.msgstr = catalogue[entry.msgid]

    upload = io.BytesIO(str(po).encode("utf-8"))
    upload.name = f"statement-{code}.po"
    response = client.post(
        f"/admin/localize/translate/{translation.pk}/pofile/upload/",
        {"file": upload, "next": "/admin/"},
    )
    assert response.status_code == 302

    translation.save_target(publish=False)
    translated = page_in(code, statement)
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    assert translated.title == catalogue["Water is not a weapon"]
    html = client.get(translated.url).content.decode()
    link = 'href="https://example.org/report"'
    assert link in html
    expected = catalogue['Read <a id="a1">the report</a> now.'].replace('id="a1"', link)
    assert expected in html
