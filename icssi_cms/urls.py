from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from icssi_cms import views as site_views
from search import views as search_views

urlpatterns = [
    path("sitemap.xml", site_views.sitemap, name="sitemap"),
    path("robots.txt", site_views.robots_txt, name="robots_txt"),
    path("health/", site_views.health, name="health"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public address carries its language: /en/, /ar/, /ckb/. "/" is redirected
# by LocaleMiddleware to the visitor's best language from Accept-Language.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("manifest.webmanifest", site_views.web_manifest, name="web_manifest"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
