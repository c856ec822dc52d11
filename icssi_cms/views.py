from collections import defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.crypto import get_random_string
from django.utils.translation import get_language, get_language_bidi
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.models import Page

from home.cache import declare_query_parameters


def sitemap(request):
    """Every live page with its own text, in all three languages, each listing its
    other-language versions (hreflang alternates, x-default for English).

    Wagtail's own sitemap has no alternates; pages that only show another
    language's text (untranslated aliases) are left out, like their hreflang.
    """
    declare_query_parameters(request, ())
    pages = (
        Page.objects.live()
        .public()
        .filter(depth__gt=1, alias_of__isnull=True)
        .select_related("locale")
        .order_by("path")
    )
    versions = defaultdict(list)
    for page in pages:
        url = page.get_full_url(request)
        if url:
            versions[page.translation_key].append((page, url))

    entries = []
    for group in versions.values():
        alternates = [(page.locale.language_code, url) for page, url in group]
        alternates += [
            ("x-default", url) for code, url in list(alternates) if code == settings.LANGUAGE_CODE
        ]
        for page, url in group:
            entries.append(
                {
                    "url": url,
                    "lastmod": page.last_published_at,
                    "alternates": alternates if len(group) > 1 else [],
                }
            )
    return TemplateResponse(
        request, "sitemap.xml", {"entries": entries}, content_type="application/xml"
    )


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
    """200 when the database and the cache answer, 503 otherwise (for load balancers)."""
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
    healthy = all(value == "ok" for value in checks.values())
    return JsonResponse(checks, status=200 if healthy else 503)
