"""Tags that show statements on other pages (the home page, every page's feed link)."""

from django import template
from django.utils.translation import get_language

from home.i18n.locales import active_locale
from home.templatetags.navigation_tags import cached_fragment
from news.models import NewsIndexPage, NewsPage, newest

register = template.Library()


@register.simple_tag(takes_context=True)
def statements_index(context):
    """{"title", "url", "feed_url"} of the statements index in the reader's language."""
    request = context["request"]

    def build():
        index = NewsIndexPage.objects.live().filter(locale=active_locale()).first()
        if index is None:
            return {}
        url = index.get_url(request)
        return {"title": index.title, "url": url, "feed_url": url + index.reverse_subpage("feed")}

    return cached_fragment(request, ("feed", get_language()), build) or None


@register.simple_tag
def latest_statements(count=3):
    """The newest statements in the reader's language tree (untranslated ones show
    the original under a notice)."""
    locale = active_locale()
    statements = (
        NewsPage.objects.live()
        .filter(locale=locale)
        .select_related("alias_of__locale")
        .order_by("-date", "-pk")
    )
    return newest(statements, ("latest", locale.pk), count)
