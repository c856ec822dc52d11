"""Work-around: what every language shares reaches a translation only after a sync.

wagtail-localize copies the fields all languages share (`SynchronizedField`: dates,
links to other pages, organisations, documents, emails, the status of a campaign)
into a translation only when that translation is published again after someone pressed
"Sync translated pages". A conference moved to another day stays on the old day in
Arabic and Kurdish until then. (Its issue #823 asks for syncing drafts; nothing
upstream syncs by itself.)

Here publishing the original does what the sync button does (the translators get the
changed text to translate; nothing already translated is lost) and writes the shared
fields into each published translation at once, keeping any value a translator chose
for their language. Text is not touched: a changed paragraph waits for its translator.

Can go when: `tests/test_wagtail_localize_gaps.py::test_shared_fields_wait_for_a_sync`
fails, i.e. wagtail-localize updates published translations by itself.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.dispatch import receiver

from wagtail.models import DraftStateMixin, Page, TranslatableMixin
from wagtail.signals import published
from wagtail_localize.fields import SynchronizedField, get_translatable_fields
from wagtail_localize.models import TranslationSource

from home.cache import purge_all


def published_translation(source, locale):
    """The translation readers of `locale` are served, if it has its own text."""
    try:
        target = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        return None
    if getattr(target, "alias_of_id", None) is not None:
        return None  # Wagtail keeps aliases up to date itself
    if isinstance(target, DraftStateMixin) and not target.live:
        return None
    return target


def copy_shared_fields(shared, target):
    """The `SynchronizedField`s of `shared` onto `target`. (wagtail-localize's own
    copy_synchronised_fields also copies StreamFields whole, translated text and all.)"""
    for translatable_field in get_translatable_fields(type(target)):
        if not (
            isinstance(translatable_field, SynchronizedField)
            and translatable_field.is_synchronized(shared)
        ):
            continue
        field = translatable_field.get_field(type(target))
        if isinstance(field, models.ManyToOneRel):  # issuers, partners, supporters
            shared.copy_child_relation(field.name, target)
        else:
            setattr(target, field.attname, getattr(shared, field.attname))


@receiver(published)
def share_fields_with_translations(sender, instance, **kwargs):
    if not isinstance(instance, TranslatableMixin):
        return
    source = TranslationSource.objects.get_for_instance_or_none(instance)
    if source is None or source.locale_id != instance.locale_id:
        return  # never translated, or this is itself a translation
    source.update_from_db()
    changed = False
    for translation in source.translations.select_related("target_locale"):
        locale = translation.target_locale
        target = published_translation(source, locale)
        if target is None:
            continue
        # The shared fields as the translation will have them: the original's,
        # with the translator's own choices for this language applied.
        shared = source.get_ephemeral_translated_instance(locale, fallback=True)
        copy_shared_fields(shared, target)
        if isinstance(target, Page):
            target.save(clean=False)
        else:
            target.save()
        changed = True
    if changed:
        purge_all()  # pages and fragments cached since this publish began
