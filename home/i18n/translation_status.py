"""How far each page is translated, language by language (the staff overview).

wagtail-localize has no whole-site view of this (its issues #676 and #832).
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource

LIVE = "live"
DRAFT = "draft"
OUT_OF_DATE = "out_of_date"
IN_REVIEW = "in_review"
MISSING = "missing"

STATUS_LABELS = {
    LIVE: _("Translated and live"),
    DRAFT: _("Translated, not published"),
    IN_REVIEW: _("Sent for review by a second translator"),
    OUT_OF_DATE: _("Out of date with the original"),
    MISSING: _("Not translated"),
}


@dataclass
class TranslationState:
    original: Page
    locale: Locale
    status: str
    page: Page | None  # the page in that language (an alias when MISSING)
    translation: Translation | None
    source: TranslationSource | None

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def page_translation_states(source_language=None):
    """{locale: [TranslationState, ...]} for every live page of the source language,
    in tree order, for every other language."""
    source_locale = Locale.objects.get(language_code=source_language or settings.LANGUAGE_CODE)
    originals = list(
        Page.objects.filter(locale=source_locale, depth__gt=1).live().order_by("path").specific()
    )
    keys = [page.translation_key for page in originals]
    counterparts = {
        (page.translation_key, page.locale_id): page
        for page in Page.objects.filter(translation_key__in=keys).exclude(locale=source_locale)
    }
    sources = {
        source.object_id: source
        for source in TranslationSource.objects.filter(object_id__in=keys, locale=source_locale)
    }
    translations = {
        (translation.source_id, translation.target_locale_id): translation
        for translation in Translation.objects.filter(source__in=sources.values(), enabled=True)
    }
    in_review = set(
        WorkflowState.objects.active()
        .filter(
            object_id__in=[str(page.pk) for page in counterparts.values()],
            base_content_type__app_label="wagtailcore",
            base_content_type__model="page",
        )
        .values_list("object_id", flat=True)
    )
    result = {}
    for locale in Locale.objects.exclude(pk=source_locale.pk).order_by("language_code"):
        states = []
        for original in originals:
            page = counterparts.get((original.translation_key, locale.pk))
            source = sources.get(original.translation_key)
            translation = translations.get((source.pk, locale.pk)) if source else None
            states.append(
                TranslationState(
                    original=original,
                    locale=locale,
                    status=status_of(original, page, source, translation, in_review),
                    page=page,
                    translation=translation,
                    source=source,
                )
            )
        result[locale] = states
    return result


def status_of(original, page, source, translation, in_review=()):
    if page is not None and str(page.pk) in in_review:
        return IN_REVIEW
    if page is None or page.alias_of_id is not None:
        return MISSING
    changed_since_sync = (
        source is not None
        and original.last_published_at is not None
        and original.last_published_at > source.last_updated_at
    )
    if changed_since_sync:
        return OUT_OF_DATE
    if translation is not None:
        total, done = translation.get_progress()
        if done < total:
            return OUT_OF_DATE
    if not page.live:
        return DRAFT
    return LIVE
