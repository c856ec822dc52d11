"""Translation memory (home/i18n/translation_memory.py): when the English of a piece
changes, the translator's earlier translation is offered again, as a draft to check,
when they open the translation."""

from urllib.parse import urlencode

import pytest

from django.utils import translation as django_translation
from django.utils.formats import date_format
from django.utils.timezone import localtime

from wagtail.models import Locale
from wagtail.rich_text import RichText
from wagtail_localize.compat import DATE_FORMAT
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.operations import TranslationCreator

from tests.factories import StatementFactory, paragraphs
from tests.helpers import page_in

pytestmark = pytest.mark.django_db

TITLE = "Water is not a weapon"
FIRST = "Dams on the Tigris must be shared."
SECOND = "Farmers in Basra have lost their harvests."
ARABIC = {
    TITLE: "الماء ليس سلاحاً",
    FIRST: "يجب تقاسم السدود على نهر دجلة.",
    SECOND: "فقد المزارعون في البصرة محاصيلهم.",
}


def locale(code):
    return Locale.objects.get(language_code=code)


def translated_statement(editor, body=None, slug="water-is-not-a-weapon", texts=ARABIC):
    """An English statement, translated into Arabic by hand and published."""
    statement = StatementFactory(title=TITLE, slug=slug, body=body or paragraphs(FIRST, SECOND))
    TranslationCreator(editor, [locale("ar")]).create_translations(statement)
    translation = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale=locale("ar")
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = texts.get(entry.msgid, "")
    translation.import_po(po)
    translation.save_target(user=editor, publish=True)
    return statement, translation


def change_paragraph(statement, index, html):
    """The editor rewrites one paragraph block (it keeps its block id) and publishes."""
    statement.refresh_from_db()
    block = statement.body[index]
    statement.body[index] = ("paragraph", RichText(html), block.id)
    statement.save_revision().publish()


def open_editor(client, user, page):
    client.force_login(user)
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    return response


def translation_of(translation, english):
    segment = StringSegment.objects.get(source=translation.source, string__data=english)
    return StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=translation.target_locale
    ).first()


def test_changed_paragraph_offers_the_earlier_translation_of_the_same_place(
    seed_site, editor, arabic_translator, client
):
    statement, translation = translated_statement(editor)
    changed = "Farmers in Basra have lost two harvests."
    change_paragraph(statement, 1, f"<p>{changed}</p>")

    open_editor(client, arabic_translator, page_in("ar", statement))

    offered = translation_of(translation, changed)
    assert offered is not None, "the changed paragraph was left to retype"
    assert offered.data == ARABIC[SECOND]
    assert offered.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    # The unchanged paragraph keeps the translator's own.
    kept = translation_of(translation, FIRST)
    assert kept.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    assert kept.data == ARABIC[FIRST]


def test_the_offer_says_where_it_comes_from_in_the_users_language(
    seed_site, editor, arabic_translator, client
):
    statement, translation = translated_statement(editor)
    change_paragraph(statement, 1, "<p>Farmers in Basra have lost two harvests.</p>")
    open_editor(client, arabic_translator, page_in("ar", statement))
    offered = translation_of(translation, "Farmers in Basra have lost two harvests.")

    date = offered.updated_at.strftime(DATE_FORMAT)
    with django_translation.override("en"):
        assert (
            offered.get_comment() == f"Translated with this site's earlier translations on {date}"
        )
    # The date too in the translator's language (translation_comment_dates.py).
    with django_translation.override("ar"):
        arabic_date = date_format(localtime(offered.updated_at), "DATE_FORMAT")
        assert "الترجمات السابقة في هذا الموقع" in offered.get_comment()
        assert arabic_date in offered.get_comment()
    with django_translation.override("ckb"):
        kurdish_date = date_format(localtime(offered.updated_at), "DATE_FORMAT")
        assert "وەرگێڕانە پێشووەکانی ئەم ماڵپەڕە" in offered.get_comment()
        assert kurdish_date in offered.get_comment()
    assert date not in (arabic_date, kurdish_date)
    # The editor shows it with the piece.
    response = open_editor(client, arabic_translator, page_in("ar", statement))
    assert "this site&#x27;s earlier translations" in response.content.decode() or (
        "الترجمات السابقة في هذا الموقع" in response.content.decode()
    )


def test_an_existing_translation_is_never_replaced_and_a_second_opening_offers_nothing_new(
    seed_site, editor, arabic_translator, client
):
    statement, translation = translated_statement(editor)
    changed = "Farmers in Basra have lost two harvests."
    change_paragraph(statement, 1, f"<p>{changed}</p>")
    segment = StringSegment.objects.get(source=translation.source, string__data=changed)
    mine = StringTranslation.objects.create(
        translation_of=segment.string,
        locale=locale("ar"),
        context=segment.context,
        data="فقد المزارعون في البصرة موسمين.",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    before = set(StringTranslation.objects.values_list("pk", "data", "updated_at"))

    open_editor(client, arabic_translator, page_in("ar", statement))
    open_editor(client, arabic_translator, page_in("ar", statement))

    assert set(StringTranslation.objects.values_list("pk", "data", "updated_at")) == before
    assert translation_of(translation, changed) == mine


def test_offering_twice_offers_once(seed_site, editor, arabic_translator, client):
    statement, translation = translated_statement(editor)
    changed = "Farmers in Basra have lost two harvests."
    change_paragraph(statement, 1, f"<p>{changed}</p>")
    open_editor(client, arabic_translator, page_in("ar", statement))
    first = translation_of(translation, changed)
    open_editor(client, arabic_translator, page_in("ar", statement))
    assert list(
        StringTranslation.objects.filter(
            translation_of=first.translation_of, locale=locale("ar")
        ).values_list("pk", "updated_at")
    ) == [(first.pk, first.updated_at)]


def test_same_english_translated_elsewhere_on_the_site_is_offered(
    seed_site, editor, arabic_translator, client
):
    translated_statement(editor)
    other = StatementFactory(
        title="Basra's water", slug="basras-water", body=paragraphs(FIRST, "Something new.")
    )
    TranslationCreator(editor, [locale("ar")]).create_translations(other)
    translation = Translation.objects.get(
        source__object_id=other.translation_key, target_locale=locale("ar")
    )

    open_editor(client, arabic_translator, page_in("ar", other))

    assert translation_of(translation, FIRST).data == ARABIC[FIRST]
    assert translation_of(translation, "Something new.") is None  # nothing to offer
    assert translation_of(translation, "Basra's water") is None


def test_one_languages_history_is_not_offered_in_another(
    seed_site, editor, arabic_translator, kurdish_translator, client
):
    statement, _ = translated_statement(editor)
    TranslationCreator(editor, [locale("ckb")]).create_translations(statement)
    kurdish = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale=locale("ckb")
    )
    change_paragraph(statement, 1, "<p>Farmers in Basra have lost two harvests.</p>")

    open_editor(client, kurdish_translator, page_in("ckb", statement))

    assert not StringTranslation.objects.filter(
        locale=locale("ckb"), context__object_id=statement.translation_key
    ).exists()
    assert translation_of(kurdish, "Farmers in Basra have lost two harvests.") is None


def test_in_a_block_of_several_paragraphs_the_changed_one_gets_its_own_earlier_text(
    seed_site, editor, arabic_translator, client
):
    statement, translation = translated_statement(
        editor, body=paragraphs(f"<p>{FIRST}</p><p>{SECOND}</p>")
    )
    change_paragraph(statement, 0, f"<p>{FIRST}</p><p>Farmers in Basra lost two harvests.</p>")

    open_editor(client, arabic_translator, page_in("ar", statement))

    assert (
        translation_of(translation, "Farmers in Basra lost two harvests.").data == (ARABIC[SECOND])
    )
    assert translation_of(translation, FIRST).data == ARABIC[FIRST]


def test_a_changed_title_offers_the_earlier_title(seed_site, editor, arabic_translator, client):
    statement, translation = translated_statement(editor)
    statement.refresh_from_db()
    statement.title = "Water is not a weapon of war"
    statement.save_revision().publish()

    open_editor(client, arabic_translator, page_in("ar", statement))

    assert translation_of(translation, "Water is not a weapon of war").data == ARABIC[TITLE]


def test_publish_is_refused_while_an_offer_is_unchecked_and_allowed_once_it_is_saved(
    seed_site, editor, arabic_translator, client
):
    statement, translation = translated_statement(editor)
    changed = "Farmers in Basra have lost two harvests."
    change_paragraph(statement, 1, f"<p>{changed}</p>")
    arabic = page_in("ar", statement)
    open_editor(client, arabic_translator, arabic)

    refused = client.post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"}, follow=True)
    assert "earlier translation" in refused.content.decode() or "ترجمة سابقة" in (
        refused.content.decode()
    )
    assert not any("Published" in str(m) for m in refused.context["messages"])

    # The translator checks the offer, corrects it and saves it (the editor's Save).
    corrected = "فقد المزارعون في البصرة موسمين من المحاصيل."
    offered = translation_of(translation, changed)
    segment = StringSegment.objects.get(source=translation.source, string__data=changed)
    saved = client.put(
        f"/admin/localize/translate/{translation.pk}/strings/{segment.pk}/edit/",
        urlencode({"value": corrected}),
        content_type="application/x-www-form-urlencoded",
    )
    assert saved.status_code == 200
    offered.refresh_from_db()
    assert offered.translation_type == StringTranslation.TRANSLATION_TYPE_MANUAL
    client.post(f"/admin/pages/{arabic.pk}/edit/", {"action": "publish"})
    assert corrected in str(page_in("ar", statement).specific.body)
