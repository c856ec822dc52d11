from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

# Registers the hooks of the wagtail-localize work-arounds (RTL editor, permissions,
# labels upstream writes in English or freezes in one language).
from home.i18n import (  # noqa: F401
    english_admin_labels,
    frozen_report_menu_label,
    rtl_translation_editor,
    snippet_language_permissions,
)
from home.i18n.overview import TranslationOverviewView, TranslationSummaryPanel


@hooks.register("register_admin_urls")
def translation_overview_urls():
    return [
        path(
            "translation-overview/",
            TranslationOverviewView.as_view(),
            name="translation_overview",
        )
    ]


@hooks.register("register_reports_menu_item")
def translation_overview_menu_item():
    return MenuItem(
        _("Translation overview"),
        reverse("translation_overview"),
        icon_name="wagtail-localize-language",
        order=50,
    )


@hooks.register("construct_homepage_panels")
def add_translation_summary_panel(request, panels):
    panels.append(TranslationSummaryPanel())
