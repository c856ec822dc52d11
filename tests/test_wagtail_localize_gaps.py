"""Each wagtail-localize gap that home/i18n/ works around, shown with the work-around
out of the way. When one of these fails after an upgrade, upstream has closed the gap:
remove the work-around it names (and this test)."""

import pytest

from django.db.models.signals import pre_save

from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, sync_trees_on_locale_sync_save
from wagtail_localize.operations import TranslationCreator

from home.i18n import converted_alias_offline
from home.i18n.locale_trees import synchronise_locale_trees
from home.models import Organisation
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db


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
