"""Translation memory from the site's own history: earlier translations offered again.

wagtail-localize keys a translation by its English text (`String`), the place it is
used (`TranslationContext`: the object and the path of the field or block) and the
language (`StringTranslation`). When the English of a paragraph changes, even by a
comma, its `String` is a new one: the segment has no translation, and the translator
retypes the paragraph from nothing, although the translation of the previous English
is still in the database. wagtail-localize has no translation memory (its own
`String` reuse works only for the exact same English in the same place).

Here, when a translation's editor is opened (after a sync, or after the English was
published with changes, which brings the source up to date: shared_fields.py), each
piece of the source with no translation into that language is offered:

1. the most recent earlier translation in that language *of the same place* (same
   object, same field or block), the translation of English no longer used there;
   where several pieces of one block changed, the one whose English was closest;
2. failing that, the translation of *exactly the same English* anywhere else on the
   site, the most recent first.

The offer is a draft to check, as a machine translation is: a `StringTranslation`
with `translation_type=MACHINE` and `tool_name=TOOL_NAME`, which the editor shows as
"Translated with this site's earlier translations on {date}", in the user's own
language (translation_comment_dates.py translates the stored English name).
Saving the piece in the editor makes it the translator's own (manual). A translation
already there is never replaced, and opening the editor again offers nothing new.
An offer nobody has saved is a translation of English the page no longer says, so
Publish is refused while one is left (`refuse_publish_with_unchecked_offers`).

Can go when: wagtail-localize offers earlier translations itself (it has no issue
for it yet); `tests/test_translation_memory.py` says what this must keep doing.
"""

import difflib

from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_noop, ngettext

from wagtail import hooks
from wagtail_localize.models import StringSegment, StringTranslation

from home.i18n.draft_translations import (
    is_translation_publish,
    refused_publish,
    translation_in_progress,
)

# Stored in English (the `tool_name` column), translated when shown.
TOOL_NAME = gettext_noop("this site's earlier translations")


def closeness(a, b):
    return difflib.SequenceMatcher(None, a, b).ratio()


def earlier_in_same_place(segment, locale, still_used, taken):
    """The earlier translation of `segment`'s place into `locale`, or None."""
    candidates = (
        StringTranslation.objects.filter(
            context_id=segment.context_id, locale=locale, has_error=False
        )
        .exclude(translation_of_id__in=still_used)
        .exclude(pk__in=taken)
        .select_related("translation_of")
    )
    return max(
        candidates,
        key=lambda t: (closeness(t.translation_of.data, segment.string.data), t.updated_at),
        default=None,
    )


def same_english_elsewhere(segment, locale):
    return (
        StringTranslation.objects.filter(
            translation_of_id=segment.string_id, locale=locale, has_error=False
        )
        .exclude(context_id=segment.context_id)
        .order_by("-updated_at", "-pk")
        .first()
    )


def offer_earlier_translations(source, locale):
    """Offers earlier translations for the pieces of `source` that have none into
    `locale`; returns how many were offered."""
    segments = StringSegment.objects.filter(source=source).select_related("string")
    untranslated = list(
        segments.annotate_translation(locale, include_errors=True)
        .filter(translation__isnull=True)
        .order_by("order")
    )
    if not untranslated:
        return 0
    used = {}  # context -> strings the source uses there now
    for context_id, string_id in segments.values_list("context_id", "string_id"):
        used.setdefault(context_id, set()).add(string_id)
    taken = set()
    offered = 0
    for segment in untranslated:
        earlier = earlier_in_same_place(
            segment, locale, used[segment.context_id], taken
        ) or same_english_elsewhere(segment, locale)
        if earlier is None:
            continue
        taken.add(earlier.pk)
        try:
            with transaction.atomic():
                StringTranslation.objects.create(
                    translation_of_id=segment.string_id,
                    locale=locale,
                    context_id=segment.context_id,
                    data=earlier.data,
                    translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
                    tool_name=TOOL_NAME,
                    last_translated_by=earlier.last_translated_by,
                )
        except IntegrityError:
            continue  # translated meanwhile (another tab): theirs stays
        offered += 1
    return offered


def offer_when_editor_opens(request, instance):
    if request.method != "GET" or not hasattr(instance, "translation_key"):
        return None
    translation = translation_in_progress(instance)
    if translation is not None:
        offer_earlier_translations(translation.source, translation.target_locale)
    return None


def unchecked_offers(source, locale):
    """How many pieces of `source` still show an offer that nobody has saved."""
    in_source = StringSegment.objects.filter(
        source=source, string_id=OuterRef("translation_of_id"), context_id=OuterRef("context_id")
    )
    return StringTranslation.objects.filter(
        Exists(in_source), locale=locale, tool_name=TOOL_NAME
    ).count()


def refuse_publish_with_unchecked_offers(request, instance):
    if not is_translation_publish(request) or not hasattr(instance, "translation_key"):
        return None
    translation = translation_in_progress(instance)
    if translation is None:
        return None
    count = unchecked_offers(translation.source, translation.target_locale)
    if not count:
        return None
    return refused_publish(
        request,
        ngettext(
            "Not published: %(count)d piece still shows an earlier translation, made for "
            "English the page no longer says. Check it, correct it if needed, save it, "
            "and publish again.",
            "Not published: %(count)d pieces still show an earlier translation, made "
            "for English the page no longer says. Check each, correct it if needed, "
            "save it, and publish again.",
            count,
        )
        % {"count": count},
    )


# Before draft_translations' (-1) and wagtail-localize's hooks, which render the editor;
# the refusal also before translation_review's (-2), so no unchecked offer goes to a
# reviewer either.
hooks.register("before_edit_page", refuse_publish_with_unchecked_offers, order=-3)
hooks.register("before_edit_snippet", refuse_publish_with_unchecked_offers, order=-3)
hooks.register("before_edit_page", offer_when_editor_opens, order=-2)
hooks.register("before_edit_snippet", offer_when_editor_opens, order=-2)
