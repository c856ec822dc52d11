from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse

from wagtail.models import Page

from home.i18n.locales import active_locale
from search.text import highlighted_excerpt, search_terms

RESULTS_PER_PAGE = 10
# Longer queries are cut here (and the visitor told): nobody types more.
MAX_QUERY_LENGTH = 200


def search(request):
    """Live pages of the reader's language whose words match the query, with the
    matches highlighted. The query is folded like the index (search/normalise.py),
    and only its words reach the search engine, so no input can break it."""
    raw_query = request.GET.get("q", "")
    query = raw_query.strip()[:MAX_QUERY_LENGTH]
    terms = search_terms(query)
    context = {
        "query": query,
        "query_was_cut": len(raw_query.strip()) > MAX_QUERY_LENGTH,
        "no_words": bool(query) and not terms,
        "results": None,
    }
    if terms:
        pages = (
            Page.objects.live()
            .filter(locale=active_locale())
            .specific()
            .search(" ".join(terms), operator="and")
        )
        paginator = Paginator(pages, RESULTS_PER_PAGE)
        try:
            results = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            results = paginator.page(1)
        except EmptyPage:
            results = paginator.page(paginator.num_pages)
        for page in results:
            page.search_excerpt = highlighted_excerpt(getattr(page, "plain_text", str)(), terms)
        context["results"] = results
    return TemplateResponse(request, "search/search.html", context)
