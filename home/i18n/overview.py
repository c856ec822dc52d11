from collections import Counter

from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from home.i18n.permissions import user_can_edit_locale
from home.i18n.translation_status import (
    MISSING,
    OUT_OF_DATE,
    STATUS_LABELS,
    page_translation_states,
)


class TranslationOverviewView(WagtailAdminTemplateMixin, TemplateView):
    """For each language: which pages are translated and live, out of date, missing."""

    page_title = _("Translation overview")
    header_icon = "wagtail-localize-language"
    template_name = "home/admin/translation_overview.html"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        states = page_translation_states()
        context["can_edit_originals"] = user_can_edit_locale(
            user, Locale.objects.get(language_code=settings.LANGUAGE_CODE)
        )
        context["languages"] = [
            {
                "locale": locale,
                "states": locale_states,
                "counts": [
                    (label, Counter(s.status for s in locale_states)[status], status)
                    for status, label in STATUS_LABELS.items()
                ],
            }
            for locale, locale_states in states.items()
            if user_can_edit_locale(user, locale)
        ]
        return context


class TranslationSummaryPanel(Component):
    """A dashboard panel: how many pages need a translator, per language."""

    name = "translation_summary"
    order = 110
    template_name = "home/admin/translation_summary_panel.html"

    def get_context_data(self, parent_context):
        rows, waiting = [], []
        for locale, states in page_translation_states().items():
            if not user_can_edit_locale(parent_context["request"].user, locale):
                continue
            waiting += [state for state in states if state.status == OUT_OF_DATE]
            counts = Counter(state.status for state in states)
            rows.append(
                {
                    "locale": locale,
                    "missing": counts[MISSING],
                    "out_of_date": counts[OUT_OF_DATE],
                    "total": len(states),
                }
            )
        return {
            "rows": rows,
            # only the shown ones count their passages (a query each)
            "waiting": [waiting_item(state) for state in waiting[:WAITING_SHOWN]],
            "more_waiting": max(0, len(waiting) - WAITING_SHOWN),
            "overview_url": reverse("translation_overview"),
        }


WAITING_SHOWN = 10


def waiting_item(state):
    """An out-of-date translation on the dashboard, linked to its translation editor.
    Publishing the English refreshes what translators translate from
    (home/i18n/shared_fields.py), so what waits is the passages not yet translated."""
    untranslated = 0
    if state.translation is not None:
        total, done = state.translation.get_progress()
        untranslated = total - done
    return {
        "title": state.original.title,
        "locale": state.locale,
        "untranslated": untranslated,
        "url": reverse("wagtailadmin_pages:edit", args=[state.page.pk]),
    }
