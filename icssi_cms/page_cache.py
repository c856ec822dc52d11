"""Whole pages for anonymous readers, from the cache (Redis in production), and
told to a CDN.

What is cached: GET and HEAD of public pages (under /en/, /ar/, /ckb/, and the
sitemap), for visitors who are not signed in and send no session cookie, when the
answer is a 200 that set no cookie, is not marked private, and whose view declared
the query parameters it uses (home.cache.declare_query_parameters; each page type's
`cache_query_parameters`). Pages with a visitor's form are cached too: their forms
carry no per-visitor token (home/cross_site.py says why that is safe).

The key: the host, the path and only the declared parameters, sorted. Tracking
parameters (?utm_source=, ?fbclid=, ?gclid=...) and any other parameter a page does
not use make no new entry: a shared link's thousand variants are one entry. Which
parameters a path uses is itself kept in the cache, learnt on its first request.

Purging: publishing and the like start a new cache generation (home/cache.py): every
page is fetched afresh on its next request, in every language. When a CDN is
configured (WAGTAILFRONTENDCACHE), the changed page's addresses and those that list it
are purged there too (see purge_frontend_cache), by a background task.

If the cache is down, pages are served uncached (django-redis ignores the errors).
"""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.dispatch import receiver
from django.utils.cache import patch_cache_control

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.cache import GENERATION_KEY, generation, page_cache

logger = logging.getLogger(__name__)

CACHED_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES) + ("/sitemap",)
NOT_CACHED_PREFIXES = tuple(f"/{code}/search/" for code, _name in settings.LANGUAGES)


def cache_key(request, parameters):
    """The entry for this address with only `parameters` of its query string."""
    kept = sorted((name, value) for name in parameters for value in request.GET.getlist(name))
    query = urlencode(kept)
    return f"page-cache:page:{request.get_host()}:{request.path}?{query}"


def parameters_key(request):
    return f"page-cache:parameters:{request.get_host()}:{request.path}"


class AnonymousPageCacheMiddleware:
    """Entries are stored as (generation, value) and fetched in the same round trip
    as the current generation: a hit costs one call to the cache, not two, and an
    entry of an earlier generation is simply a miss (and is overwritten)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        cache = page_cache()
        number, cached = self.cached_response(request, cache)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        parameters = getattr(request, "page_cache_parameters", None)
        if parameters is not None and self.may_store(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
                stale_while_revalidate=settings.PAGE_CACHE_STALE_WHILE_REVALIDATE_SECONDS,
                stale_if_error=settings.PAGE_CACHE_STALE_IF_ERROR_SECONDS,
            )
            timeout = settings.PAGE_CACHE_SECONDS
            cache.set_many(
                {
                    parameters_key(request): (number, parameters),
                    cache_key(request, parameters): (number, response),
                },
                timeout=timeout,
            )
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def cached_response(request, cache):
        """(the current generation, the cached answer or None)."""
        # Most requests have no query string: their entry's key is known at once.
        first = cache_key(request, ()) if not request.GET else parameters_key(request)
        found = cache.get_many([GENERATION_KEY, first])
        number = found.get(GENERATION_KEY) or generation()

        def current(entry):
            return entry[1] if entry is not None and entry[0] == number else None

        if not request.GET:
            return number, current(found.get(first))
        parameters = current(found.get(first))
        if parameters is None:
            return number, None
        return number, current(cache.get(cache_key(request, parameters)))

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(CACHED_PREFIXES)
            and not request.path.startswith(NOT_CACHED_PREFIXES)
            # Signing in sets the session cookie: without it the visitor is anonymous.
            # (This runs before the session and user middleware, so a hit skips them.)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
        )

    @staticmethod
    def may_store(request, response):
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            and "private" not in response.get("Cache-Control", "")
            and "no-cache" not in response.get("Cache-Control", "")
        )


@receiver([page_published, page_unpublished, post_page_move])
def purge_cdn_on_change(sender, instance=None, signal=None, **kwargs):
    if instance is not None:
        # wagtail.contrib.frontend_cache purges a published or unpublished page itself.
        purge_frontend_cache(instance, include_page=signal is post_page_move)


def purge_frontend_cache(page, include_page=True):
    """Purge the CDN (when one is configured): the page in every language and the
    pages above it that list it, each language's statements feed, and the sitemap."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch

    batch = PurgeBatch()
    for version in Page.objects.filter(translation_key=page.translation_key).live():
        if include_page or version.pk != page.pk:
            batch.add_page(version)
        for ancestor in version.get_ancestors().filter(depth__gt=1).live():
            batch.add_page(ancestor)
    root = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    for code, _name in settings.LANGUAGES:
        batch.add_url(f"{root}/{code}/news/feed/")
    batch.add_url(f"{root}/sitemap.xml")
    from icssi_cms.views import sitemap_sections

    for number in range(1, sitemap_sections() + 1):
        batch.add_url(f"{root}/sitemap-{number}.xml")
    try:
        batch.purge()
    except Exception:  # noqa: BLE001 - a CDN failure must not stop publishing
        logger.exception("Could not purge the CDN for %s", page)
