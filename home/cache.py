"""What many pages show and only an editor's publishing changes: menus, topic names,
the home page link, whole pages for anonymous readers (icssi_cms/page_cache.py).

All of it is kept in the cache (Redis in production) under a *generation* number.
Publishing, unpublishing, moving or deleting a page, or publishing a snippet or the
navigation setting, starts a new generation: everything cached before is stale at
once, in every language. A site of this size publishes a few times a week, so
forgetting everything is cheaper than knowing which pages show what.
"""

import time

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import QueryDict

from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, published, unpublished

GENERATION_KEY = "page-cache:generation"


def page_cache():
    return caches[settings.PAGE_CACHE_ALIAS]


def generation():
    # A lost generation key (evicted, or Redis emptied) starts from the clock, never
    # from a number an earlier generation had: old entries can never come back.
    return page_cache().get_or_set(GENERATION_KEY, time.time_ns, timeout=None) or 0


def purge_all(**kwargs):
    """Start a new generation: every cached page and fragment is stale from now on."""
    cache = page_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def cached_until_publish(parts, build, timeout=3600):
    """`build()`'s result, kept until the next publish."""
    key = ":".join(str(part) for part in ("until-publish", generation(), *parts))
    cache = page_cache()
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=timeout)
    return value


def declare_query_parameters(request, names):
    """Say which query parameters the answer to `request` depends on (a page type's
    `cache_query_parameters`), and drop every other one from the request before the
    page is rendered: the page cache keys entries by these alone, so ?utm_source=,
    ?fbclid= and the like make no new entry, and links the page builds from its own
    address (pagination, the language switcher) never carry them."""
    request.page_cache_parameters = tuple(names)
    kept = QueryDict(mutable=True)
    for name in sorted(names):
        if name in request.GET:
            kept.setlist(name, request.GET.getlist(name))
    if kept != request.GET:
        request.GET = kept
        request.META["QUERY_STRING"] = kept.urlencode()


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
@receiver(published)  # snippets: menus, organisations and topics appear on many pages
@receiver(unpublished)
@receiver(post_save, sender="home.SiteNavigation")
def content_changed(**kwargs):
    purge_all()


@receiver(post_delete)
def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page):
        purge_all()


VIEW_RESTRICTIONS_KEY = "site:has-view-restrictions"


def site_has_view_restrictions():
    """Whether any page is private; kept until a restriction is added or removed."""
    cache = page_cache()
    answer = cache.get(VIEW_RESTRICTIONS_KEY)
    if answer is None:
        answer = PageViewRestriction.objects.exists()
        cache.set(VIEW_RESTRICTIONS_KEY, answer, timeout=None)
    return answer


@receiver([post_save, post_delete], sender=PageViewRestriction)
def view_restrictions_changed(**kwargs):
    page_cache().delete(VIEW_RESTRICTIONS_KEY)
    # A page made private must not go on being served, or listed, from the cache.
    purge_all()
