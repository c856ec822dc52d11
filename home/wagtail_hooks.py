from django.core.exceptions import PermissionDenied
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.models import Locale

from home.cache import declare_query_parameters
from home.cross_site import refuse, sent_from_this_site
from home.guides import GUIDES, guide_urls

# Registers the hooks of the wagtail-localize work-arounds (RTL editor, labels
# upstream writes in English or freezes in one language, machine translation in a
# sync, earlier translations offered when the English changed, the editor's dates
# in the user's language).
from home.i18n import (  # noqa: F401
    english_admin_labels,
    frozen_report_menu_label,
    rtl_translation_editor,
    sync_machine_translation,
    translation_comment_dates,
    translation_memory,
)
from home.i18n.overview import TranslationOverviewView, TranslationSummaryPanel
from home.i18n.translation_views_per_language import translate_buttons, translation_urls

# Before wagtail-localize's own, so that ours answer at its addresses.
hooks.register("register_admin_urls", translation_urls, order=-1)
hooks.register("register_snippet_listing_buttons", translate_buttons)
hooks.register("register_admin_urls", guide_urls)


def guide_menu_item(guide, order):
    # Before Wagtail's own items (its "Editor Guide" is wagtail.org's, in English).
    return lambda: MenuItem(
        GUIDES[guide],
        reverse("guide", args=[guide]),
        icon_name="help",
        order=order,
        name=f"icssi-{guide}-guide",
    )


hooks.register("register_help_menu_item", guide_menu_item("editors", 900))
hooks.register("register_help_menu_item", guide_menu_item("translators", 910))


@hooks.register("before_convert_alias_page")
def convert_alias_is_for_editors(request, page):
    """Turning an alias into a page of its own takes it out of translation (it
    would stay live with the English text): an editor's decision."""
    if not page.permissions_for_user(request.user).can_convert_alias():
        raise PermissionDenied


@hooks.register("before_serve_page")
def cacheable_pages_and_their_forms(page, request, args, kwargs):
    """Every page says which query parameters it uses (for the page cache), and a
    POST to a page (a visitor's form) is accepted only from the site's own pages:
    the forms carry no CSRF token so that the pages can be cached (home/cross_site.py)."""
    declare_query_parameters(request, getattr(page, "cache_query_parameters", ()))
    if request.method == "POST" and not sent_from_this_site(request):
        return refuse(request)
    return None


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


@hooks.register("construct_page_chooser_queryset")
def chooser_search_in_the_page_language(pages, request):
    """The page chooser's search finds pages of one language: the language of the
    page being edited, which Wagtail's chooser sends as `locale` (its browse view
    already opens in that language, with a switch to the others). Without `locale`
    (a chooser outside a page), it finds every language as before."""
    match = request.resolver_match
    code = request.GET.get("locale")
    if code and match and match.url_name == "wagtailadmin_choose_page_search":
        # By the locale itself: the search backend filters on indexed fields only.
        locale = Locale.objects.filter(language_code=code).first()
        return pages.filter(locale=locale) if locale else pages.none()
    return pages
