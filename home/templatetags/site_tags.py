from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language_info

from wagtail.models import Locale, Page, Site

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language to the same page in that language.

    A page's counterpart always exists (the trees are synchronised); when it is
    missing all the same, the link goes to that language's home page.
    """
    request = context["request"]
    page = context.get("page")
    current = Locale.get_active().language_code
    translations = {}
    if isinstance(page, Page):
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
    links = []
    for code, _name in settings.LANGUAGES:
        target = translations.get(code)
        if target is not None:
            url = target.get_url(request)
        elif isinstance(page, Page):
            url = f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        info = get_language_info(code)
        links.append(
            {
                "code": code,
                "name": info["name_local"],
                "url": url,
                "is_current": code == current,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def home_page(context):
    """The site's home page in the reader's language."""
    site = Site.find_for_request(context["request"])
    return site.root_page.localized if site else None


@register.simple_tag
def main_menu(home):
    """The pages shown in the header: the home page's children marked 'show in menus'."""
    if home is None:
        return []
    return home.get_children().live().in_menu()


@register.filter
def is_within(page, section):
    """True when `page` is `section` or below it in the page tree."""
    return isinstance(page, Page) and page.path.startswith(section.path)
