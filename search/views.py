from django.core.paginator import EmptyPage, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Page

from home.cache import cached_until_publish
from home.i18n.locales import active_locale
from home.stemming import query_keys
from search.text import highlighted_excerpt

RESULTS_PER_PAGE = 10
# Longer queries are cut here (and the visitor told): nobody types more.
MAX_QUERY_LENGTH = 200
# The same search asked again within this time (by anyone) is answered from the
# cache, so a flood of one query costs one search; a publish starts afresh.
RESULTS_CACHE_SECONDS = 60


def search(request):
    """Live pages of the reader's language that have every word of the query, in
    any of its forms (home/stemming/), best first, with the matches highlighted.
    Only the words' keys reach the search engine, so no input can break it."""
    raw_query = request.GET.get("q", "")
    query = raw_query.strip()[:MAX_QUERY_LENGTH]
    language = get_language()
    keys = query_keys(query, language)
    context = {
        "query": query,
        "query_was_cut": len(raw_query.strip()) > MAX_QUERY_LENGTH,
        "no_words": bool(query) and not keys,
        "results": None,
    }
    if keys:
        page_number = request.GET.get("page", "1")
        results = results_page(keys, int(page_number) if page_number.isdigit() else 1)
        for page in results:
            page.search_excerpt = highlighted_excerpt(
                page.plain_text(), keys, page.content_language
            )
        context["results"] = results
    return TemplateResponse(request, "search/search.html", context)


def results_page(keys, number):
    """One page of results: the search engine ranks, counts and cuts the page;
    only that page's pages are loaded."""
    locale = active_locale()

    def find():
        matches = Page.objects.live().filter(locale=locale).search(" ".join(keys), operator="and")
        paginator = Paginator(matches, RESULTS_PER_PAGE)
        try:
            found = paginator.page(number)
        except EmptyPage:
            found = paginator.page(paginator.num_pages)
        return paginator.count, found.number, [page.pk for page in found]

    count, number, ids = cached_until_publish(
        ("search", locale.pk, *keys, number), find, timeout=RESULTS_CACHE_SECONDS
    )
    pages = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    paginator = Paginator(range(count), RESULTS_PER_PAGE)
    results = paginator.page(number) if count else paginator.page(1)
    results.object_list = [pages[pk] for pk in ids if pk in pages]
    return results
