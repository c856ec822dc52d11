"""Offline reading: the service worker is served from the site itself at the root (so
that it may look after every language), the offline page exists in each language,
and every public page registers the worker with a script of the site's own."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_the_service_worker_is_served_at_the_root_from_the_site_itself(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    script = b"".join(response.streaming_content).decode()
    # No code from elsewhere, no address elsewhere.
    assert "importScripts" not in script and "http" not in script


@pytest.mark.parametrize(
    "lang, heading",
    [("en", "You are offline"), ("ar", "أنت غير متصل بالإنترنت"), ("ckb", "تۆ ئۆفلاینیت")],
)
def test_the_offline_page_is_in_the_readers_language(seed_site, client, lang, heading):
    html = client.get(f"/{lang}/offline/").content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert f'href="/{lang}/"' in html


def test_public_pages_register_the_worker_with_the_sites_own_script(seed_site, client):
    html = client.get("/ckb/").content.decode()
    assert re.search(r'<script src="/static/js/offline(\.\w+)?\.js" defer></script>', html)
