"""Whole pages for anonymous readers, from the cache (Redis in production).

What is cached: GET and HEAD of public pages (under /en/, /ar/, /ckb/, and the
sitemap), for visitors who are not signed in and send no session cookie, when the
answer is a 200 that did not use a CSRF token (pages with forms are never cached),
set no cookie and is not marked private. The key is the full address, so each
language and each query string (filters, pages of results) is its own entry.

Purging: publishing and the like start a new cache generation (home/cache.py): every
page is fetched afresh on its next request, in every language. When a CDN is
configured (WAGTAILFRONTENDCACHE), the changed page's addresses and those that list it
are purged there too (see purge_frontend_cache).

If the cache is down, pages are served uncached (django-redis ignores the errors).
"""

import logging

from django.conf import settings
from django.dispatch import receiver
from django.utils.cache import patch_cache_control

from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.cache import generation, page_cache

logger = logging.getLogger(__name__)

CACHED_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES) + ("/sitemap.xml",)
NOT_CACHED_PREFIXES = tuple(f"/{code}/search/" for code, _name in settings.LANGUAGES)


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.may_use_cache(request):
            return self.get_response(request)
        key = f"page-cache:{generation()}:{request.get_host()}:{request.get_full_path()}"
        cached = page_cache().get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return cached
        response = self.get_response(request)
        if self.may_store(request, response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.PAGE_CACHE_BROWSER_SECONDS,
                s_maxage=settings.PAGE_CACHE_CDN_SECONDS,
            )
            page_cache().set(key, response, timeout=settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def may_use_cache(request):
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and request.path.startswith(CACHED_PREFIXES)
            and not request.path.startswith(NOT_CACHED_PREFIXES)
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not request.user.is_authenticated
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
    try:
        batch.purge()
    except Exception:  # noqa: BLE001 - a CDN failure must not stop publishing
        logger.exception("Could not purge the CDN for %s", page)
