"""A translator is shown only links they may use (issue 13 §1): every admin address
linked from what they can reach answers them, none bounces them with "Sorry, you do
not have permission"."""

import re
from collections import deque
from urllib.parse import urljoin, urlsplit

import pytest

from wagtail.models import Locale

from home.i18n.locale_trees import synchronise_locale_trees
from home.models import Organisation
from tests.factories import StatementFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r'href="(/admin/[^"#]*)"')
# Not followed: signing out, downloads of every kind, and the same listing sorted or
# filtered another way (the addresses differ by their query only).
SKIP = re.compile(r"logout|/pofile/download/|export|\?")


def admin_links(html, base):
    for href in LINK.findall(html):
        url = urljoin(base, href.replace("&amp;", "&"))
        if not SKIP.search(url):
            yield urlsplit(url).path


def refused(response):
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in ("/admin/", "/admin/login/")
    )


@pytest.mark.parametrize("translator_fixture", ["arabic_translator", "kurdish_translator"])
def test_every_link_a_translator_is_shown_answers_them(request, client, translator_fixture):
    StatementFactory(title="Water is not a weapon")
    synchronise_locale_trees()
    client.force_login(request.getfixturevalue(translator_fixture))
    seen, queue, bounced = set(), deque([("/admin/", None)]), []
    while queue and len(seen) < 120:
        url, found_on = queue.popleft()
        if url in seen:
            continue
        seen.add(url)
        response = client.get(url)
        if refused(response):
            bounced.append(f"{url} (linked from {found_on})")
            continue
        assert response.status_code < 500, url
        if response.status_code == 200 and "text/html" in response["Content-Type"]:
            queue.extend((link, url) for link in admin_links(response.content.decode(), url))
    assert len(seen) > 30  # it really walked the admin
    assert not bounced


def test_translator_sees_translate_into_their_language_on_english_snippets(
    client, arabic_translator
):
    english = Organisation.objects.create(
        locale=Locale.objects.get(language_code="en"), name="Tammuz Organization"
    )
    client.force_login(arabic_translator)
    html = client.get("/admin/snippets/home/organisation/?locale=en").content.decode()
    assert (
        f"/admin/localize/submit/snippet/home/organisation/{english.pk}/?select_locale=ar" in html
    )
    assert "select_locale=ckb" not in html
    assert f"/admin/snippets/home/organisation/edit/{english.pk}/" not in html


def test_untranslated_page_offers_a_translator_their_language(client, arabic_translator):
    statement = StatementFactory(title="Water is not a weapon")
    synchronise_locale_trees()
    arabic = statement.get_translation(Locale.objects.get(language_code="ar"))
    client.force_login(arabic_translator)
    html = client.get(f"/admin/pages/{arabic.pk}/edit/").content.decode()
    assert f"/admin/localize/submit/page/{statement.pk}/?select_locale=ar" in html
    assert f"/admin/pages/{statement.pk}/edit/" not in html  # the English editor
