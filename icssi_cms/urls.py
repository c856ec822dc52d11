from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.decorators.csrf import csrf_exempt

from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from icssi_cms import views as site_views
from search import views as search_views

urlpatterns = [
    path("sitemap.xml", site_views.sitemap, name="sitemap"),
    path("sitemap-<int:number>.xml", site_views.sitemap_section, name="sitemap_section"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("health/", site_views.health, name="health"),
    path("health/live/", site_views.liveness, name="liveness"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if getattr(settings, "SERVE_MEDIA_LOCALLY", False):  # `make run` only (settings/dev.py)
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.strip('/')}/(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

# Every public address carries its language: /en/, /ar/, /ckb/. "/" is redirected
# by LocaleMiddleware to the visitor's best language from Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("privacy/", site_views.privacy, name="privacy"),
    path("accessibility/", site_views.accessibility, name="accessibility"),
    path("manifest.webmanifest", site_views.web_manifest, name="web_manifest"),
    path("offline/", site_views.offline, name="offline"),
    # Wagtail's own addresses, but pages are served without Django's CSRF token check:
    # a POST to a page is checked by origin instead (home/cross_site.py), so that pages
    # with a visitor's form can be cached.
    path("", include(wagtail_urls.urlpatterns[:-1])),
    re_path(wagtail_urls.serve_pattern, csrf_exempt(wagtail_views.serve), name="wagtail_serve"),
    prefix_default_language=True,
)
