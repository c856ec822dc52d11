"""In real Chromium with the network cut (Playwright's context.set_offline): the
service worker (icssi_cms/site_root/sw.js) serves the pages a reader opened and the
latest statements of their language, the offline page in their language otherwise,
keeps pages up to date, and keeps nothing of the admin or of searches."""

import pytest
from playwright.sync_api import expect

from news.models import NewsPage

pytestmark = pytest.mark.browser

KEPT = "() => caches.keys().then(names => Promise.all(names.map(name => caches.open(name).then(c => c.keys())))).then(lists => lists.flat().map(r => new URL(r.url).pathname))"


def kept_pages(page):
    return set(page.evaluate(KEPT))


def wait_until_kept(page, *paths):
    page.wait_for_function(
        f"paths => ({KEPT})().then(kept => paths.every(p => kept.includes(p)))",
        arg=list(paths),
        timeout=30000,
    )


def test_a_reader_keeps_reading_arabic_statements_with_the_network_cut(
    browser_db, django_db_serialized_rollback, live_server, browser
):
    context = browser.new_context(viewport={"width": 360, "height": 740}, service_workers="allow")
    page = context.new_page()
    arabic = NewsPage.objects.live().filter(locale__language_code="ar").order_by("-date")
    latest, opened = arabic[0], arabic.last()
    page.goto(f"{live_server.url}{opened.url}")
    wait_until_kept(page, opened.url, latest.url, "/ar/offline/")
    page.goto(f"{live_server.url}/ar/search/?q=%D8%A8%D9%8A%D8%A7%D9%86")
    page.goto(f"{live_server.url}/admin/login/")
    page.goto(f"{live_server.url}{opened.url}")
    kept = kept_pages(page)
    assert not [path for path in kept if path.startswith(("/admin/", "/ar/search/"))], kept

    # The page changes while the reader is online: the kept copy follows.
    opened.title = "عنوان جديد للبيان"
    opened.save_revision().publish()
    page.reload()
    expect(page.locator("h1")).to_have_text("عنوان جديد للبيان")

    context.set_offline(True)
    page.goto(f"{live_server.url}{opened.url}")
    expect(page.locator("h1")).to_have_text("عنوان جديد للبيان")
    page.goto(f"{live_server.url}{latest.url}")
    expect(page.locator("h1")).to_have_text(latest.title)
    # Styled as online: the stylesheet was kept too.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.site-header')).backgroundColor")
        != "rgba(0, 0, 0, 0)"
    )

    page.goto(f"{live_server.url}/ar/campaigns/end-cross-border-bombings/")
    expect(page.locator("h1")).to_have_text("أنت غير متصل بالإنترنت")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    page.goto(f"{live_server.url}/ckb/conferences/")
    expect(page.locator("h1")).to_have_text("تۆ ئۆفلاینیت")
    context.close()
