"""Each wagtail-localize gap that home/i18n/ works around, shown with the work-around
out of the way. When one of these fails after an upgrade, upstream has closed the gap:
remove the work-around it names (and this test)."""

from pathlib import Path

import pytest

from django.db.models.signals import pre_save
from django.template.loader import get_template
from django.utils import translation

import wagtail
import wagtail_localize
from wagtail.admin.forms.auth import LoginForm
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    Translation,
    sync_trees_on_locale_sync_save,
)
from wagtail_localize.operations import TranslationCreator
from wagtail_localize.wagtail_hooks import register_wagtail_localize2_report_menu_item

from home.i18n import converted_alias_offline
from home.i18n.locale_trees import synchronise_locale_trees
from home.models import Organisation
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


def test_snippet_permissions_are_per_model(seed_site, arabic_translator):
    """home/i18n/snippet_language_permissions.py"""
    kurdish = Organisation.objects.filter(locale__language_code="ckb").first()
    policy = Organisation.snippet_viewset.permission_policy
    # The gap: Wagtail's own policy lets an Arabic translator change a Kurdish snippet.
    assert policy.user_has_permission_for_instance(arabic_translator, "change", kurdish)


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
