"""Tags for the reader's language: the language switcher, and `lang`/`dir` for text
that is not in the reader's language (an untranslated page shows its original)."""

import re

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info

from wagtail.models import Page

from home import dates
from home.i18n.locales import locale_by_id

register = template.Library()


def _direction(code):
    return "rtl" if get_language_info(code)["bidi"] else "ltr"


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
    # Each language by its own name as settings.LANGUAGES writes it (العربية, not
    # Django's العربيّة with a shadda: language review, L-ar-18).
    for code, name in settings.LANGUAGES:
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
                "name": name,
                "url": url,
                "is_current": code == current,
                "untranslated": version is not None and version.alias_of_id is not None,
            }
        )
    return links


@register.simple_tag(takes_context=True)
def view_language_versions(context):
    """For a page of the site's own (privacy, accessibility), not a Wagtail page: its
    address in each language, absolute, for the canonical and hreflang links."""
    request = context["request"]
    return [
        {"code": code, "url": request.build_absolute_uri(translate_url(request.path, code))}
        for code, _name in settings.LANGUAGES
    ]


@register.filter
def written_date(value, style="day"):
    """A date as the reader's language writes it: {{ date|written_date }},
    {{ date|written_date:"month" }}, {{ date|written_date:"weekday" }}."""
    return dates.written_date(value, style)


@register.simple_tag
def content_language_attributes(page):
    """lang and dir for the text of a page that is not translated yet (it shows
    its original's text), so browsers, screen readers and search engines know."""
    source = getattr(page, "untranslated_source", None)
    if source is None:
        return ""
    code = locale_by_id(source.locale_id).language_code
    return format_html(' lang="{}" dir="{}"', code, _direction(code))


@register.simple_tag(takes_context=True)
def reader_language_attributes(context, page=None):
    """lang and dir of the reader's language, for interface words (labels, dates)
    inside the text of a page that is not translated yet (the current page, or the
    page a card in a list shows)."""
    page = page or context.get("page")
    if getattr(page, "untranslated_source", None) is None:
        return ""
    code = get_language()
    return format_html(' lang="{}" dir="{}"', code, _direction(code))


# Open Graph locales, as Facebook knows them (its list of supported locales):
# Arabic is ar_AR, Sorani cb_IQ; an unknown code makes it ignore the tag.
OG_LOCALES = {"en": "en_GB", "ar": "ar_AR", "ckb": "cb_IQ"}


@register.simple_tag
def og_locale(code):
    return OG_LOCALES.get(code, code)


@register.simple_tag
def og_locale_alternates(page):
    """The Open Graph locales of the page's other published translations."""
    current = get_language()
    codes = [
        locale_by_id(version.locale_id).language_code
        for version in getattr(page, "published_translations", [])
    ]
    return [OG_LOCALES.get(code, code) for code in codes if code != current]


# A run of Latin words (CPT-IK, Karibu Foundation, www.icssi.org), not a piece of an
# HTML entity (&amp;) nor of a word in another script.
_LATIN_RUN = re.compile(
    r"(?<![&#\w])[A-Za-z][A-Za-z0-9]*(?:[-.'’/@][A-Za-z0-9]+)*"
    r"(?:[ ,][ ]?[A-Za-z][A-Za-z0-9]*(?:[-.'’/@][A-Za-z0-9]+)*)*(?![\w])"
)
_TAG = re.compile(r"(<[^>]*>)")
_ARABIC_SCRIPT = re.compile(r"[\u0600-\u06ff]")


def _isolated(match):
    run = match.group()
    # One word with a hyphen or dot (CPT-IK) is kept on one line: a phone would
    # otherwise break it after the hyphen, in the wrong order ("(CPT-" / "IK)").
    kind = "latin latin--word" if " " not in run and re.search(r"[-./]", run) else "latin"
    return f'<span class="{kind}" dir="ltr">{run}</span>'


@register.filter(needs_autoescape=True)
def isolate_latin(value, autoescape=True):
    """Text or HTML in Arabic script with each Latin fragment set apart as a
    left-to-right unit (language review, M3): `{{ value|richtext|isolate_latin }}`.
    Text without Arabic-script letters (an untranslated page) is left as it is."""
    html = str(conditional_escape(value) if autoescape else value)
    if not _ARABIC_SCRIPT.search(html):
        return mark_safe(html)
    pieces = _TAG.split(html)
    # Text between tags only; the tags (attributes, addresses) stay as they are.
    pieces[::2] = [_LATIN_RUN.sub(_isolated, text) for text in pieces[::2]]
    return mark_safe("".join(pieces))
