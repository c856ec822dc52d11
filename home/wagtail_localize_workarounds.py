"""Work-arounds for gaps in wagtail-localize 1.14 (and Wagtail 8.0), in one place.

Each can go when its upstream gap is closed:

1. Right-to-left translation editor (wagtail-localize issue #197, open since 2020):
   the editor's text boxes carry no `dir` or `lang`, so Arabic and Sorani are typed
   left to right. `translation_editor_direction_js` adds a script that gives every
   text box the direction and language of the translation, whatever language the
   admin itself is in.

2. Locale trees for pages made in code: wagtail-localize creates a new page's
   counterparts in the other languages only from the admin's `after_create_page`
   hook. `synchronise_locale_trees()` does the same for pages made by imports,
   scripts and tests (`manage.py sync_locale_trees` is the scheduled equivalent).

3. Converting an alias into a translation keeps it live (wagtail-localize applies
   WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE only to new copies), and every
   draft save of the translation writes the live page row: readers of /ar/ would
   get English, then half-translated, text with no notice. `take_new_translation_offline`
   unpublishes it at conversion; the translator's "Publish" puts it back online.

4. Loading fixtures (a restore, the tests' snapshots): wagtail-localize's post_save
   receiver on LocaleSynchronization ignores `raw` and synchronises the page trees in
   the middle of the load, before the locales exist. `locale_sync_paused()` turns it
   off while loading.

5. Per-language snippet permissions: Wagtail's snippet permissions are per model,
   and wagtail-localize's translation API checks only those, so an "Arabic
   translator" could edit the Kurdish organisations. `refuse_snippet_in_other_language`
   (edit view) and `TranslationLanguageMiddleware` (translation editor API, PO upload,
   machine translation) refuse it, using the rule in home/permissions.py.
"""

import contextlib
import json

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models.signals import post_save, pre_save
from django.dispatch import receiver
from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import (
    LocaleSynchronization,
    Translation,
    sync_trees_on_locale_sync_save,
)
from wagtail_localize.synctree import PageIndex, synchronize_tree

from home.permissions import user_can_edit_locale


# 1. Right-to-left translation editor ------------------------------------------------
@hooks.register("insert_editor_js")
def translation_editor_direction_js():
    return format_html(
        '<script src="{}" data-rtl-languages="{}"></script>',
        static("js/translation-editor-direction.js"),
        json.dumps(sorted(settings.LANGUAGES_BIDI)),
    )


# 2. Locale trees for pages made in code ----------------------------------------------
def synchronise_locale_trees():
    """Give every page its counterparts in the languages synchronised from its own."""
    page_index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=page_index)


# 3. A converted alias goes offline until its translation is published ---------------
@receiver(pre_save)
def take_new_translation_offline(sender, instance, update_fields=None, **kwargs):
    # wagtail-localize converts with save(update_fields=["alias_of_id"]), as does
    # Wagtail's own "convert alias", which is left alone (same-language aliases).
    if not isinstance(instance, Page) or not update_fields or set(update_fields) != {"alias_of_id"}:
        return
    if instance.alias_of_id is not None or not instance.live:
        return
    was_alias_of_locale = (
        Page.objects.filter(pk=instance.pk).values_list("alias_of__locale_id", flat=True).first()
    )
    if was_alias_of_locale in (None, instance.locale_id):
        return
    instance.live = False
    instance.has_unpublished_changes = True
    Page.objects.filter(pk=instance.pk).update(live=False, has_unpublished_changes=True)


# 4. Loading fixtures --------------------------------------------------------------------
@contextlib.contextmanager
def locale_sync_paused():
    post_save.disconnect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)
    try:
        yield
    finally:
        post_save.connect(sync_trees_on_locale_sync_save, sender=LocaleSynchronization)


# 5. Per-language snippet permissions -------------------------------------------------
@hooks.register("before_edit_snippet", order=-100)  # before wagtail-localize's own hook
def refuse_snippet_in_other_language(request, instance):
    if isinstance(instance, TranslatableMixin) and not user_can_edit_locale(
        request.user, instance.locale_id
    ):
        raise PermissionDenied


class TranslationLanguageMiddleware:
    """Refuses wagtail-localize's per-translation views and API calls (string edits,
    PO upload and download, machine translation) for a snippet in a language the
    user may not edit. Pages need no help: wagtail-localize checks page permissions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not match or "wagtail_localize" not in match.namespaces:
            return None
        translation_id = view_kwargs.get("translation_id")
        if translation_id is None or not request.user.is_authenticated:
            return None
        translation = Translation.objects.select_related("source").filter(pk=translation_id).first()
        if translation is None or issubclass(
            translation.source.specific_content_type.model_class(), Page
        ):
            return None
        if not user_can_edit_locale(request.user, translation.target_locale_id):
            raise PermissionDenied
        return None
