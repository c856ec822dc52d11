"""Each wagtail-localize gap that home/i18n/ works around, shown with the work-around
out of the way. When one of these fails after an upgrade, upstream has closed the gap:
remove the work-around it names (and this test)."""

from pathlib import Path

import pytest

from django.contrib.auth.models import Permission, User
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import PermissionDenied
from django.db.models.signals import pre_save
from django.template.loader import get_template
from django.utils import translation

import wagtail
import wagtail_localize
from wagtail.admin.forms.auth import LoginForm
from wagtail.models import Locale, Page
from wagtail.permissions import policy_registry
from wagtail.snippets.views.snippets import SnippetViewSet
from wagtail_localize.models import (
    LocaleSynchronization,
    Translation,
    sync_trees_on_locale_sync_save,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.views import submit_translations
from wagtail_localize.views.edit_translation import user_can_edit_instance
from wagtail_localize.wagtail_hooks import register_wagtail_localize2_report_menu_item

from home.i18n import converted_alias_offline
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


def test_converted_alias_stays_live(seed_site, editor):
    """home/i18n/converted_alias_offline.py"""
    statement = StatementFactory()
    synchronise_locale_trees()
    arabic = Locale.objects.get(language_code="ar")
    pre_save.disconnect(converted_alias_offline.take_new_translation_offline)
    try:
        TranslationCreator(editor, [arabic]).create_translations(statement)
    finally:
        pre_save.connect(converted_alias_offline.take_new_translation_offline)
    translation = statement.get_translation(arabic)
    assert translation.alias_of_id is None
    assert translation.live  # the gap: live with the English text in it


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
