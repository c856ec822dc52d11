import json

from django import template
from django.conf import settings
from django.db.models import Q
from django.urls import translate_url
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page, Site

from home.locales import active_locale, locale_by_id

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """One link per language, for the language switcher.

    A page links to its version in each language: the translation when there is
    one, or else the counterpart that shows the original text with a notice (the
    trees are synchronised, so it exists). Never a 404: with no counterpart at
    all, the link goes to that language's home page.
    """
    request = context["request"]
    page = context.get("page")
    current = get_language()
    versions = {}
    if isinstance(page, Page):
        live_versions = getattr(page, "live_versions", None)
        if live_versions is None:  # a page type that is not a SitePage
            live_versions = page.get_translations(inclusive=True).live()
        versions = {
            locale_by_id(version.locale_id).language_code: version for version in live_versions
        }
    links = []
    for code, _name in settings.LANGUAGES:
        version = versions.get(code)
        if version is not None:
            url = version.get_url(request)
        elif isinstance(page, Page):
            url = f"/{code}/"
        else:
            url = translate_url(request.get_full_path(), code)
        links.append(
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": url,
                "is_current": code == current,
                "untranslated": version is not None and version.alias_of_id is not None,
            }
        )
    return links


@register.simple_tag
def content_language_attributes(page):
    """lang and dir for the text of a page that is not translated yet (it shows
    its original's text), so browsers, screen readers and search engines know."""
    source = getattr(page, "untranslated_source", None)
    if source is None:
        return ""
    code = locale_by_id(source.locale_id).language_code
    direction = "rtl" if get_language_info(code)["bidi"] else "ltr"
    return format_html(' lang="{}" dir="{}"', code, direction)


@register.simple_tag(takes_context=True)
def home_page(context):
    """{"url": ...} of the site's home page in the reader's language."""
    request = context["request"]

    def build():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        home = Page.objects.filter(
            translation_key=Page.objects.filter(pk=site.root_page_id).values("translation_key")[:1],
            locale=active_locale(),
        ).first()
        return {"url": (home or site.root_page).get_url(request)}

    return cached_fragment(request, ("home", get_language()), build) or None


def cached_fragment(request, parts, build):
    """`build()` for this site, kept until the next publish (see page_cache)."""
    from icssi_cms.page_cache import cached_until_publish

    site = Site.find_for_request(request)
    return cached_until_publish(("fragment", site and site.pk, *parts), build)


def _menu_links(request, menu):
    """(text, url, path) for each link of `menu`, in the reader's language.

    Links to pages point at the page's counterpart in the reader's language tree;
    all counterparts are fetched in one query. A page not published in that
    language is left out rather than linked to a 404.
    """
    locale = active_locale()
    chosen = [item.value["page"] for item in menu.items if item.value["page"]]
    counterparts = {
        page.translation_key: page
        for page in Page.objects.live().filter(
            translation_key__in=[p.translation_key for p in chosen], locale=locale
        )
    }
    links = []
    for item in menu.items:
        page = item.value["page"]
        if page is not None:
            page = counterparts.get(page.translation_key)
            if page is not None:
                links.append((item.value["label"] or page.title, page.get_url(request), page.path))
        else:
            links.append((item.value["label"], item.value["url"], None))
    return links


@register.simple_tag(takes_context=True)
def navigation_links(context, which):
    """The links of the site's main or footer menu ("main" or "footer")."""
    request = context["request"]

    def build():
        from home.models import NavigationMenu, SiteNavigation

        navigation = SiteNavigation.for_request(request)
        menu_id = navigation.main_menu_id if which == "main" else navigation.footer_menu_id
        if menu_id is None:
            return []
        # The menu in the reader's language when published, else the one chosen.
        menus = NavigationMenu.objects.filter(
            translation_key=NavigationMenu.objects.filter(pk=menu_id).values("translation_key")[:1],
            live=True,
        ).filter(Q(locale=active_locale()) | Q(pk=menu_id))
        menu = max(menus, key=lambda m: m.pk != menu_id, default=None)
        return _menu_links(request, menu) if menu else []

    return cached_fragment(request, ("menu", which, get_language()), build)


@register.filter
def is_within(page, section_path):
    """True when `page` is the page at `section_path` or below it in the page tree."""
    return isinstance(page, Page) and bool(section_path) and page.path.startswith(section_path)


@register.simple_tag(takes_context=True)
def reader_language_attributes(context, page=None):
    """lang and dir of the reader's language, for interface words (labels, dates)
    inside the text of a page that is not translated yet (the current page, or the
    page a card in a list shows)."""
    page = page or context.get("page")
    if getattr(page, "untranslated_source", None) is None:
        return ""
    code = get_language()
    return format_html(
        ' lang="{}" dir="{}"', code, "rtl" if get_language_info(code)["bidi"] else "ltr"
    )


@register.simple_tag(takes_context=True)
def statements_index(context):
    """{"title", "url", "feed_url"} of the statements index in the reader's language."""
    request = context["request"]

    def build():
        from news.models import NewsIndexPage

        index = NewsIndexPage.objects.live().filter(locale=active_locale()).first()
        if index is None:
            return {}
        url = index.get_url(request)
        return {"title": index.title, "url": url, "feed_url": url + index.reverse_subpage("feed")}

    return cached_fragment(request, ("feed", get_language()), build) or None


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's JSON-LD, escaped like Django's json_script."""
    from home.structured_data import structured_data as build

    data = build(page, context["request"]) if isinstance(page, Page) else None
    if not data:
        return ""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


# Open Graph locales: language_TERRITORY.
OG_LOCALES = {"en": "en_GB", "ar": "ar_IQ", "ckb": "ckb_IQ"}


@register.simple_tag
def og_locale(code):
    return OG_LOCALES.get(code, code)


@register.filter
def absolute_url(path, request):
    return request.build_absolute_uri(path)
