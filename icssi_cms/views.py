import datetime
import math
from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import Http404, HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.utils.crypto import get_random_string
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.models import Page, Site

from home.cache import cached_until_publish, declare_query_parameters


def sitemap_pages():
    """What the sitemap lists: every live, public page with its own text (pages that
    only show another language's text, untranslated aliases, are left out, like their
    hreflang)."""
    return Page.objects.live().public().filter(depth__gt=1, alias_of__isnull=True)


def sitemap_sections():
    """How many sitemap files there are: SITEMAP_GROUPS_PER_FILE pages (in all their
    languages, at most three URLs each) to a file."""
    # Kept until the next publish: counting reads every page (14 ms at 10,000).
    groups = cached_until_publish(
        ("sitemap-groups",), lambda: sitemap_pages().values("translation_key").distinct().count()
    )
    return max(1, math.ceil(groups / settings.SITEMAP_GROUPS_PER_FILE))


def sitemap(request):
    """The sitemap index: one file per slice of the site, so that no file grows
    with the archive (search engines take up to 50,000 URLs a file; ours stay small
    enough to build in a few milliseconds)."""
    declare_query_parameters(request, ())
    addresses = [
        request.build_absolute_uri(reverse("sitemap_section", args=[number]))
        for number in range(1, sitemap_sections() + 1)
    ]
    return TemplateResponse(
        request, "sitemap_index.xml", {"addresses": addresses}, content_type="application/xml"
    )


def sitemap_section(request, number):
    """One slice of the site's pages in all three languages, each listing its
    other-language versions (hreflang alternates, x-default for English). Built from
    the pages' stored addresses (url_path) in two queries, never from page objects.
    Wagtail's own sitemap has no alternates."""
    declare_query_parameters(request, ())
    size = settings.SITEMAP_GROUPS_PER_FILE
    keys = list(
        sitemap_pages()
        .order_by("translation_key")
        .values_list("translation_key", flat=True)
        .distinct()[(number - 1) * size : number * size]
    )
    if not keys and number > 1:
        raise Http404
    versions = defaultdict(list)
    for row in (
        sitemap_pages()
        .filter(translation_key__in=keys)
        .order_by("translation_key", "locale__language_code")
        .values("translation_key", "url_path", "locale__language_code", "last_published_at")
    ):
        url = page_address(request, row["locale__language_code"], row["url_path"])
        if url:
            versions[row["translation_key"]].append((row, url))
    entries = [entry for group in versions.values() for entry in sitemap_entries(group)]
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


def sitemap_entries(group):
    alternates = [(row["locale__language_code"], url) for row, url in group]
    alternates += [("x-default", url) for code, url in alternates if code == settings.LANGUAGE_CODE]
    for row, url in group:
        yield {
            "url": url,
            "lastmod": row["last_published_at"],
            "alternates": alternates if len(group) > 1 else [],
        }


def page_address(request, language_code, url_path):
    """A page's public address from its url_path, as Wagtail builds it: the site's
    root URL, the language prefix, the path below that language's home page. None
    for a page outside the site."""
    root_url, homes = site_homes(request)
    home = homes.get(language_code)
    if home is None or not url_path.startswith(home):
        return None
    with translation.override(language_code):
        return root_url + reverse("wagtail_serve", args=[url_path[len(home) :]])


def site_homes(request):
    """The site's root URL and {language code: url_path of its home page there}."""
    if not hasattr(request, "_site_homes"):
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        homes = site.root_page.get_translations(inclusive=True).values_list(
            "locale__language_code", "url_path"
        )
        request._site_homes = (site.root_url, dict(homes))
    return request._site_homes


def robots_txt(request):
    """Everything public may be crawled but the admin; the sitemap says where."""
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /*/search/",
        "",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


def web_manifest(request):
    """What a phone needs to put the site on its home screen, in the reader's
    language: the name, the language's home page, the icons."""
    language = get_language()
    manifest = {
        "name": _("Iraqi Civil Society Solidarity Initiative"),
        "short_name": _("ICSSI"),
        "lang": language,
        "dir": "rtl" if get_language_bidi() else "ltr",
        "start_url": f"/{language}/",
        "scope": "/",
        "display": "minimal-ui",
        "background_color": "#ffffff",
        "theme_color": "#073b45",
        "icons": [
            {"src": static(f"img/icon-{size}.png"), "sizes": f"{size}x{size}", "type": "image/png"}
            for size in (192, 512)
        ],
    }
    return JsonResponse(
        manifest,
        content_type="application/manifest+json",
        json_dumps_params={"ensure_ascii": False},
    )


@never_cache
def health(request):
    """Readiness, for load balancers: 200 while the site can serve pages, that is
    while the database answers. Redis down is "degraded" (pages are rendered
    uncached, sessions read from the database), still 200: pulling every server
    out would turn a slower site into no site. 503 only without the database."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means unhealthy
        checks["database"] = "unavailable"
    try:
        token = get_random_string(12)
        cache.set("health-check", token, timeout=10)
        checks["cache"] = "ok" if cache.get("health-check") == token else "unavailable"
    except Exception:  # noqa: BLE001
        checks["cache"] = "unavailable"
    if checks["database"] != "ok":
        status = "unavailable"
    else:
        status = "ok" if checks["cache"] == "ok" else "degraded"
    return JsonResponse(
        {"status": status, **checks}, status=503 if status == "unavailable" else 200
    )


@never_cache
def liveness(request):
    """Liveness: the process answers. Restart it only when this fails."""
    return JsonResponse({"status": "alive"})


def offline(request):
    """What the offline-reading service worker (site_root/sw.js) shows for a page it
    has not kept, when there is no connection."""
    return TemplateResponse(request, "offline.html")


def csrf_failure(request, reason=""):
    """A form sent without a valid CSRF token: say what to do, in the three languages."""
    response = HttpResponse(
        render_to_string("403_csrf.html"), status=403, content_type="text/html; charset=utf-8"
    )
    patch_cache_control(response, no_store=True)
    return response


def privacy(request):
    """What the site keeps about the people who use its forms, in the reader's language."""
    return TemplateResponse(
        request,
        "privacy.html",
        {
            "registration_days": settings.REGISTRATION_RETENTION_DAYS,
            "endorsement_days": settings.UNAPPROVED_ENDORSEMENT_RETENTION_DAYS,
            "contact": settings.PRIVACY_CONTACT_EMAIL,
            "language_versions_of_view": True,
        },
    )


# The day the accessibility statement was last checked against the site: change it
# when the statement is reviewed.
ACCESSIBILITY_REVIEWED = datetime.date(2026, 12, 2)


def accessibility(request):
    """What the site does for accessibility and whom to tell, in the reader's language."""
    return TemplateResponse(
        request,
        "accessibility.html",
        {
            "contact": settings.ACCESSIBILITY_CONTACT_EMAIL,
            "reviewed": ACCESSIBILITY_REVIEWED,
            "language_versions_of_view": True,
        },
    )
