"""Anonymous readers get cached pages; editors, forms and POSTs never do; publishing
empties the cache so the next reader sees the change."""

import http.server
import threading

import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext

from campaigns.models import CampaignPage
from home.i18n.locale_trees import synchronise_locale_trees
from news.models import NewsPage
from tests.factories import StandardPageFactory
from tests.helpers import page_in

pytestmark = pytest.mark.django_db

STATEMENT = "/{}/news/iraqi-civil-initiative-launched/"


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 600


def test_second_anonymous_visit_is_served_from_the_cache(seed_site, page_cache_on, client):
    first = client.get(STATEMENT.format("en"))
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(STATEMENT.format("en"))
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) <= 1  # the cache generation and the page, in one round trip
    assert second.content == first.content
    assert "public" in second["Cache-Control"] and "s-maxage=300" in second["Cache-Control"]


def test_a_hit_is_answered_before_sessions_languages_and_users(seed_site, page_cache_on, client):
    """A hit costs the cache lookup alone: the session, language, CSRF and user
    middleware never run for it (half the cost of a hit when they did), yet the
    answer still carries the headers they set on the first, rendered, answer."""
    first = client.get(STATEMENT.format("ar"))
    second = client.get(STATEMENT.format("ar"))
    assert second["X-Page-Cache"] == "hit"
    assert not hasattr(second.wsgi_request, "user")
    assert not hasattr(second.wsgi_request, "session")
    for header in ("Content-Language", "Vary", "X-Frame-Options"):
        assert second[header] == first[header]
    assert second["Content-Language"] == "ar"


def test_each_language_and_query_string_is_cached_apart(seed_site, page_cache_on, client):
    english = client.get("/en/news/").content
    arabic = client.get("/ar/news/").content
    assert english != arabic
    assert client.get("/ar/news/")["X-Page-Cache"] == "hit"
    assert client.get("/ar/news/?year=2014")["X-Page-Cache"] == "miss"


def test_editors_previews_forms_posts_search_and_admin_bypass_the_cache(
    seed_site, page_cache_on, client, editor
):
    client.get(STATEMENT.format("en"))
    campaign = CampaignPage.objects.get(locale__language_code="en")
    assert "X-Page-Cache" not in client.get("/en/search/?q=iraq")
    # POSTs are not cached.
    assert "X-Page-Cache" not in client.post(campaign.url, {})
    # Signed-in editors always get the page afresh.
    client.force_login(editor)
    assert "X-Page-Cache" not in client.get(STATEMENT.format("en"))
    admin = client.get("/admin/")
    assert "X-Page-Cache" not in admin
    assert "no-cache" in admin["Cache-Control"] or "private" in admin["Cache-Control"]


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
def test_pages_with_a_visitors_form_are_cached_for_the_cdn_too(
    seed_site, page_cache_on, client, code
):
    campaign = page_in(code, CampaignPage.objects.get(locale__language_code="en"))
    conference = f"/{code}/conferences/annual-conference-2017-sulaymaniyah/"
    for address in (campaign.url, conference):
        first = client.get(address)
        assert first["X-Page-Cache"] == "miss"
        assert b"<form" in first.content and b"csrfmiddlewaretoken" not in first.content
        second = client.get(address)
        assert second["X-Page-Cache"] == "hit"
        assert not second.cookies and "Set-Cookie" not in second
        directives = {part.strip() for part in second["Cache-Control"].split(",")}
        assert {"public", "s-maxage=300", "stale-while-revalidate=60"} <= directives
        assert "stale-if-error=86400" in directives


def test_tracking_and_unused_parameters_make_no_new_entry(seed_site, page_cache_on, client):
    from django.core.cache import cache

    campaign = CampaignPage.objects.get(locale__language_code="en").url
    assert client.get(campaign)["X-Page-Cache"] == "miss"
    for query in ("?fbclid=IwAR0x", "?utm_source=whatsapp&utm_medium=social", "?gclid=1&x=2"):
        assert client.get(campaign + query)["X-Page-Cache"] == "hit"
    # A parameter the page uses is its own entry; the tracking ones still do not count,
    # and the links the page builds (pagination, languages) never carry them.
    assert client.get("/en/news/?year=2014&utm_campaign=viral")["X-Page-Cache"] == "miss"
    second = client.get("/en/news/?utm_source=x&year=2014&mc_cid=abc")
    assert second["X-Page-Cache"] == "hit"
    assert b"utm_" not in second.content and b"mc_cid" not in second.content
    keys = cache.keys("*") if hasattr(cache, "keys") else list(cache._cache)  # Redis, local
    entries = [key for key in keys if "page-cache:page:" in key and "/news/?" in key]
    assert len(entries) == 1


def test_a_forged_cross_site_post_is_refused_and_stores_nothing(seed_site, client):
    from django.test import Client

    from campaigns.submissions import CampaignEndorsement

    campaign = CampaignPage.objects.get(locale__language_code="en").url
    form = {
        "organisation_name": "Forged Org",
        "country": "Iraq",
        "contact_person": "Someone",
        "email": "forged@example.org",
    }
    browser = Client(enforce_csrf_checks=True)
    for headers in (
        {"HTTP_ORIGIN": "https://attacker.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://attacker.example/page.html"},
        {},  # neither: not a browser on this site's page
    ):
        refused = browser.post(campaign, form, **headers)
        assert refused.status_code == 403, headers
    # What the visitor reads is true of this refusal (no cookie is involved), in the
    # three languages, and says what to do.
    page = refused.content.decode()
    assert "cookie" not in page.lower()
    assert "reload the page" in page and 'lang="ar"' in page and 'lang="ckb"' in page
    assert not CampaignEndorsement.objects.filter(organisation_name="Forged Org").exists()
    # The same form from the site's own page, without any token: stored.
    accepted = browser.post(campaign, form, HTTP_ORIGIN="http://testserver")
    assert accepted.status_code == 302
    assert CampaignEndorsement.objects.filter(organisation_name="Forged Org").count() == 1


def test_a_reader_sees_the_new_title_on_the_very_next_request_after_publish(
    untranslated_statement, page_cache_on, client
):
    address = "/{}/news/water-is-not-a-weapon/"
    for code in ("en", "ar", "ckb"):
        client.get(address.format(code))
    client.get("/en/news/")
    client.get("/ar/")
    client.get("/en/news/feed/")
    client.get("/sitemap.xml")
    assert client.get("/en/news/")["X-Page-Cache"] == "hit"

    statement = untranslated_statement
    statement.title = "The Civil Initiative is launched"
    statement.save_revision().publish()

    for code in ("en", "ar", "ckb"):  # Arabic and Kurdish are aliases: they show it too
        assert (
            "The Civil Initiative is launched" in client.get(address.format(code)).content.decode()
        )
    assert "The Civil Initiative is launched" in client.get("/en/news/").content.decode()
    assert "The Civil Initiative is launched" in client.get("/ar/").content.decode()
    assert "The Civil Initiative is launched" in client.get("/en/news/feed/").content.decode()


def test_unpublishing_and_deleting_empty_the_cache(seed_site, page_cache_on, client):
    statement = NewsPage.objects.get(
        slug="iraqi-civil-initiative-launched", locale__language_code="en"
    )
    client.get(statement.url)
    page_in("ar", statement)  # its alias
    statement.unpublish()
    assert client.get(statement.url).status_code == 404
    other = NewsPage.objects.get(
        slug="military-solution-is-not-the-only-option", locale__language_code="en"
    )
    client.get("/en/news/")
    other.delete()
    assert "military solution" not in client.get("/en/news/").content.decode()


def test_a_menu_published_changes_every_page(seed_site, page_cache_on, client):
    from home.models import NavigationMenu

    client.get("/en/")
    menu = NavigationMenu.objects.get(name="Main menu", locale__language_code="en")
    menu.items[0].value["label"] = "Our statements"
    menu.save_revision().publish()
    assert "Our statements" in client.get("/en/").content.decode()


def test_a_page_made_private_is_no_longer_served_from_the_cache(seed_site, page_cache_on, client):
    from wagtail.models import PageViewRestriction

    statement = NewsPage.objects.get(
        locale__language_code="en", slug="iraqi-civil-initiative-launched"
    )
    assert client.get(statement.url)["X-Page-Cache"] == "miss"
    assert client.get(statement.url)["X-Page-Cache"] == "hit"
    assert statement.url.encode() in client.get("/sitemap-1.xml").content
    PageViewRestriction.objects.create(
        page=statement, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    answer = client.get(statement.url)
    assert answer.get("X-Page-Cache") != "hit"
    assert b'type="password"' in answer.content
    assert statement.url.encode() not in client.get("/sitemap-1.xml").content


def test_pages_are_served_when_the_cache_is_down(seed_site, page_cache_on, client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.2,
                "SOCKET_TIMEOUT": 0.2,
            },
        }
    }
    from django.core.cache import cache

    cache.set("probe", 1)
    assert cache.get("probe") is None  # really down
    for _ in range(2):
        response = client.get(STATEMENT.format("ar"))
        assert response.status_code == 200
        assert response.get("X-Page-Cache") != "hit"
    # Degraded, not down: a load balancer keeps the server (before: 503).
    health = client.get("/health/")
    assert health.status_code == 200
    assert health.json() == {"status": "degraded", "database": "ok", "cache": "unavailable"}


def test_moving_a_page_empties_the_cache(seed_site, page_cache_on, client):
    about = StandardPageFactory(title="About")
    team = StandardPageFactory(title="Team")
    synchronise_locale_trees()
    assert client.get("/en/team/").status_code == 200
    assert client.get("/en/team/")["X-Page-Cache"] == "hit"
    team.move(about, pos="last-child")
    # Not the cached page: Wagtail's redirect from the old address to the new one.
    moved = client.get("/en/team/")
    assert (moved.status_code, moved["Location"]) == (301, "/en/about/team/")
    assert client.get("/en/about/team/").status_code == 200


class PurgeRecorder(http.server.BaseHTTPRequestHandler):
    """A CDN's purge endpoint: answers PURGE like Varnish and records what it got."""

    purged = []

    def do_PURGE(self):  # noqa: N802 - the HTTP method's name
        PurgeRecorder.purged.append(f"{self.headers['Host']}{self.path}")
        self.send_response(200)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_publishing_purges_the_cdn_for_the_page_its_lists_feeds_and_sitemap(seed_site, settings):
    server = http.server.HTTPServer(("127.0.0.1", 0), PurgeRecorder)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    PurgeRecorder.purged = []
    settings.WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    settings.WAGTAILADMIN_BASE_URL = "http://localhost"
    try:
        statement = NewsPage.objects.get(
            slug="iraqi-civil-initiative-launched", locale__language_code="en"
        )
        statement.title = "Purged"
        statement.save_revision().publish()
    finally:
        server.shutdown()
    purged = set(PurgeRecorder.purged)
    for code in ("en", "ar", "ckb"):
        assert f"localhost/{code}/news/iraqi-civil-initiative-launched/" in purged
        assert f"localhost/{code}/news/" in purged
        assert f"localhost/{code}/" in purged
        assert f"localhost/{code}/news/feed/" in purged
    assert "localhost/sitemap.xml" in purged
