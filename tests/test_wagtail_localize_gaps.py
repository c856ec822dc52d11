"""Each wagtail-localize gap that home/i18n/ works around, shown with the work-around
out of the way. When one of these fails after an upgrade, upstream has closed the gap:
remove the work-around it names (and this test)."""

import datetime
from pathlib import Path

import pytest

from django.contrib.auth.models import Permission, User
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied
from django.template.loader import get_template
from django.utils import translation
from django.utils.translation import override as translation_override

import wagtail
import wagtail_localize
from wagtail.admin.forms.auth import LoginForm
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail.signals import published
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import (
    LocaleSynchronization,
    StringTranslation,
    Translation,
    TranslationSource,
    sync_trees_on_locale_sync_save,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views import submit_translations, update_translations
from wagtail_localize.views.edit_translation import (
    apply_machine_translation,
    user_can_edit_instance,
)
from wagtail_localize.wagtail_hooks import register_wagtail_localize2_report_menu_item

from campaigns.models import ConferencePage
from home.i18n import draft_translations, shared_fields
from home.i18n.locale_trees import synchronise_locale_trees
from home.models import NavigationMenu, Organisation
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

WAGTAIL_LOCALIZE = Path(wagtail_localize.__file__).parent


def counterparts(page):
    return Page.objects.filter(translation_key=page.translation_key).count()


def test_pages_made_in_code_get_no_counterparts(seed_site):
    """home/i18n/locale_trees.py"""
    statement = StatementFactory()
    assert counterparts(statement) == 1  # the gap: no Arabic or Kurdish counterpart
    synchronise_locale_trees()
    assert counterparts(statement) == 3


def test_draft_translation_rewrites_the_live_page(seed_site, editor, monkeypatch):
    """home/i18n/draft_translations.py"""
    statement = StatementFactory()
    synchronise_locale_trees()
    arabic = Locale.objects.get(language_code="ar")
    monkeypatch.setattr(
        TranslationSource,
        "create_or_update_translation",
        draft_translations.wagtail_localize_create_or_update,
    )
    TranslationCreator(editor, [arabic]).create_translations(statement)
    served = statement.get_translation(arabic)
    # The gap: the alias readers are served (English under a notice) became the
    # draft of the translation.
    assert served.alias_of_id is None


def test_shared_fields_wait_for_a_sync(seed_site):
    """home/i18n/shared_fields.py"""
    conference = ConferencePage.objects.get(locale__language_code="en")
    arabic = conference.get_translation(Locale.objects.get(language_code="ar"))
    first_day = arabic.start_date
    published.disconnect(shared_fields.share_fields_with_translations)
    try:
        conference.start_date = first_day + datetime.timedelta(days=14)
        conference.save_revision().publish()
    finally:
        published.connect(shared_fields.share_fields_with_translations)
    arabic.refresh_from_db()
    assert arabic.alias_of_id is None
    assert arabic.start_date == first_day  # the gap: the old day until someone syncs


def test_sync_with_machine_translation_needs_every_language(
    seed_site, editor, client, libretranslate, monkeypatch
):
    """home/i18n/sync_machine_translation.py"""
    statement = StatementFactory()
    synchronise_locale_trees()
    locales = list(Locale.objects.filter(language_code__in=["ar", "ckb"]))
    TranslationCreator(editor, locales).create_translations(statement)
    monkeypatch.setattr(update_translations, "apply_machine_translation", apply_machine_translation)
    client.force_login(editor)
    source = TranslationSource.objects.get_for_instance(statement)
    response = client.post(
        f"/admin/localize/update/{source.pk}/", {"use_machine_translation": "on"}, follow=True
    )
    # The gap: no Sorani at the service, no sync at all (the 404 goes through
    # LocaleMiddleware's redirect), not even the Arabic the service has.
    assert response.status_code == 404
    assert not StringTranslation.objects.filter(translation_type="machine").exists()


def test_locale_sync_receiver_ignores_raw(seed_site):
    """home/i18n/fixture_loading.py"""
    statement = StatementFactory()
    sync = LocaleSynchronization.objects.select_related("locale").first()
    # What loaddata sends for a fixture's LocaleSynchronization row.
    sync_trees_on_locale_sync_save(sender=LocaleSynchronization, instance=sync, raw=True)
    assert counterparts(statement) > 1  # the gap: it synchronised during a raw load


def test_snippet_views_ask_the_model_not_the_object(seed_site, arabic_translator, rf):
    """home/i18n/snippet_views_per_language.py (Wagtail #13314)"""
    english_menu = NavigationMenu.objects.filter(locale__language_code="en", live=True).first()
    # Our policy refuses the English menu to an Arabic translator...
    policy = policy_registry.get(english_menu)
    assert not policy.user_has_permission_for_instance(arabic_translator, "publish", english_menu)
    # ...but Wagtail's own unpublish view asks only about the model.
    viewset = NavigationMenu.snippet_viewset
    stock_view = viewset.construct_view(SnippetViewSet.unpublish_view_class)
    request = rf.post("/")
    request.user = arabic_translator
    request.session = {}
    request._messages = FallbackStorage(request)
    stock_view(request, pk=english_menu.pk)
    english_menu.refresh_from_db()
    assert not english_menu.live  # the gap: unpublished


def test_submit_translation_is_one_permission_for_every_language(seed_site, arabic_translator, rf):
    """home/i18n/translation_views_per_language.py: wagtail-localize's "Translate
    this page" asks for its one global permission, then offers every language."""
    statement = StatementFactory()
    view = submit_translations.SubmitPageTranslationView.as_view()
    request = rf.get("/")
    request.user = arabic_translator
    with pytest.raises(PermissionDenied):  # the gap, once: the translator may not
        view(request, page_id=statement.pk)
    arabic_translator.user_permissions.add(Permission.objects.get(codename="submit_translation"))
    request.user = User.objects.get(pk=arabic_translator.pk)
    response = view(request, page_id=statement.pk)
    offered = response.context_data["form"].fields["locales"].queryset
    assert "ckb" in offered.values_list("language_code", flat=True)  # and twice: Kurdish too


def test_translation_api_checks_snippets_per_model(seed_site, arabic_translator):
    """home/i18n/translation_views_per_language.py: wagtail-localize's per-translation
    views decide with the model's permission, whatever the language."""
    kurdish = Organisation.objects.filter(locale__language_code="ckb").first()
    assert user_can_edit_instance(arabic_translator, kurdish)  # the gap


def test_admin_labels_are_written_in_english():
    """home/i18n/english_admin_labels.py (labels of Wagtail and wagtail-localize that
    never go through gettext). Each assertion is one gap; when one fails, remove its rule."""
    assert LoginForm.base_fields["password"].label is None  # Django then says "Password"
    home = Path(get_template("wagtailadmin/home.html").origin.name).read_text()
    assert 'value="Search"' in home
    actions = Path(get_template("wagtailadmin/shared/headers/_actions.html").origin.name)
    assert 'aria-label="Actions"' in actions.read_text()
    bundle = WAGTAIL_LOCALIZE / "static" / "wagtail_localize" / "js" / "wagtail-localize.js"
    assert "} to ${" in bundle.read_text() and "} translation`" in bundle.read_text()
    assert '"w-sr-only"},"More actions")' in bundle.read_text()
    assert "verbose_name" not in Translation._meta.original_attrs  # "32 translations"
    avatar = Path(wagtail.__file__).parent / "admin/templates/wagtailadmin/shared/user_avatar.html"
    assert "{% if not username %}{{ user }}{% else %}" in avatar.read_text()  # "None"


def test_translations_report_label_is_not_lazy():
    """home/i18n/frozen_report_menu_label.py"""
    with translation.override("ar"):
        item = register_wagtail_localize2_report_menu_item()
        arabic = translation.gettext("Translations")
    with translation.override("ckb"):
        assert str(item.label) == arabic  # the gap: still Arabic for a Kurdish user


def test_translation_comments_date_in_english(seed_site, editor):
    """home/i18n/translation_comment_dates.py"""
    from home.i18n.translation_comment_dates import wagtail_localize_get_comment

    statement = StatementFactory()
    TranslationCreator(editor, [Locale.objects.get(language_code="ar")]).create_translations(
        statement
    )
    translation = Translation.objects.get(
        source__object_id=statement.translation_key, target_locale__language_code="ar"
    )
    po = translation.export_po()
    for entry in po:
        entry.msgstr = "نص"
    translation.import_po(po)
    piece = StringTranslation.objects.filter(locale__language_code="ar").first()
    english_month = piece.updated_at.strftime("%B")
    with translation_override("ar"):
        # The gap: an English month name in the Arabic admin.
        assert english_month in wagtail_localize_get_comment(piece)
        assert english_month not in piece.get_comment()
