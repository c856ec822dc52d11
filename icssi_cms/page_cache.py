"""Whole pages for anonymous readers, from the cache (Redis in production).

What is cached: GET and HEAD of public pages (under /en/, /ar/, /ckb/, and the
sitemap), for visitors who are not signed in and send no session cookie, when the
answer is a 200 that did not use a CSRF token (pages with forms are never cached),
set no cookie and is not marked private. The key is the full address, so each
language and each query string (filters, pages of results) is its own entry.

Purging: publishing, unpublishing, moving or deleting a page, or publishing a
snippet (menus, organisations, topics), moves the cache to a new generation: every
page is fetched afresh on its next request, in every language, index pages, home
pages, feeds and the sitemap included. A site of this size publishes a few times a
week, so purging everything is cheaper than knowing each page that lists another.
When a CDN is configured (WAGTAILFRONTENDCACHE), the changed page's addresses and
those that list it are purged there too (see purge_frontend_cache).

If the cache is down, pages are served uncached (django-redis ignores the errors).
"""

import logging

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.cache import patch_cache_control

from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

logger = logging.getLogger(__name__)

GENERATION_KEY = "page-cache:generation"
CACHED_PREFIXES = tuple(f"/{code}/" for code, _name in settings.LANGUAGES) + ("/sitemap.xml",)
NOT_CACHED_PREFIXES = tuple(f"/{code}/search/" for code, _name in settings.LANGUAGES)


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation():
    return page_cache().get_or_set(GENERATION_KEY, 1, timeout=None) or 0


def purge_all(**kwargs):
    """Start a new generation: every cached page is stale from now on."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def cached_until_publish(parts, build, timeout=3600):
    """`build()`'s result, kept in the cache until the next publish: for what many
    pages show (menus, topic names) and only an editor's publishing changes."""
    key = ":".join(str(part) for part in ("until-publish", generation(), *parts))
    cache = page_cache()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=timeout)
    return value


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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def page_changed(sender, instance=None, signal=None, **kwargs):
    purge_all()
    if instance is not None:
        # wagtail.contrib.frontend_cache purges a published or unpublished page itself.
        purge_frontend_cache(instance, include_page=signal is post_page_move)


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    from wagtail.models import Page

    if isinstance(instance, Page):
        purge_all()


@receiver(published)
@receiver(unpublished)
def snippet_changed(sender, instance=None, **kwargs):
    # Menus, organisations and topics appear on many pages.
    purge_all()


@receiver(post_save, sender="home.SiteNavigation")
def navigation_changed(sender, **kwargs):
    purge_all()


def purge_frontend_cache(page, include_page=True):
    """Purge the CDN (when one is configured): the page in every language and the
    pages above it that list it, each language's statements feed, and the sitemap."""
    if not getattr(settings, "WAGTAILFRONTENDCACHE", None):
        return
    from wagtail.contrib.frontend_cache.utils import PurgeBatch
    from wagtail.models import Page

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
