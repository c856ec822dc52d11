"""Tags for finding one's way: the home page link, the main and footer menus, the
page the home page features."""

from django import template
from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Page, Site

from home.cache import cached_until_publish
from home.i18n.reader_language import in_reader_language, one_in_reader_language
from home.models import SiteNavigation

register = template.Library()


def cached_fragment(request, parts, build):
    """`build()` for this site, kept until the next publish (see home/cache.py)."""
    site = Site.find_for_request(request)
    return cached_until_publish(("fragment", site and site.pk, *parts), build)


@register.simple_tag(takes_context=True)
def home_page(context):
    """{"url": ...} of the site's home page in the reader's language."""
    request = context["request"]

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        return {"url": one_in_reader_language(site.root_page).get_url(request)}

    return cached_fragment(request, ("home", get_language()), build) or None


def menu_links(request, menu):
    """(text, url, path) for each link of `menu`, in the reader's language. A page
    not published in that language is left out rather than linked to a 404."""
    chosen = [item.value["page"] for item in menu.items if item.value["page"]]
    counterparts = dict(zip(chosen, in_reader_language(chosen, keep_original=False), strict=True))
    links = []
    for item in menu.items:
        page = item.value["page"]
        if page is None:
            links.append((item.value["label"], item.value["url"], None))
        elif counterparts[page] is not None and counterparts[page].live:
            page = counterparts[page]
            links.append((item.value["label"] or page.title, page.get_url(request), page.path))
    return links


@register.simple_tag(takes_context=True)
def navigation_links(context, which):
    """The links of the site's main or footer menu ("main" or "footer")."""
    request = context["request"]

    def build():
        navigation = SiteNavigation.for_request(request)
        menu = navigation.main_menu if which == "main" else navigation.footer_menu
        menu = one_in_reader_language(menu)
        return menu_links(request, menu) if menu else []

    return cached_fragment(request, ("menu", which, get_language()), build)


@register.filter
def is_within(page, section_path):
    """True when `page` is the page at `section_path` or below it in the page tree."""
    return isinstance(page, Page) and bool(section_path) and page.path.startswith(section_path)


@register.simple_tag
def featured_page(home):
    """The page `home` features, in the reader's language. Chosen on the home page of
    the site's main language, so a change there reaches every language at once."""
    original = home
    if home.locale.language_code != settings.LANGUAGE_CODE:
        original = (
            home.get_translations().filter(locale__language_code=settings.LANGUAGE_CODE).first()
            or home
        )
    chosen = original.specific.featured_page
    if chosen is None or not chosen.live:
        return None
    return one_in_reader_language(chosen).specific
