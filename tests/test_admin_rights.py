"""Every admin action, checked per language on the server (issue 10 §2)."""

import pytest

from wagtail.models import Site

from home.models import NavigationMenu, SiteNavigation

pytestmark = pytest.mark.django_db


def main_menu_html(response):
    html = response.content.decode()
    return html[html.index('class="main-nav"') : html.index("</nav>")]


def test_arabic_translator_cannot_unpublish_the_english_main_menu(client, arabic_translator):
    english_menu = SiteNavigation.for_site(Site.objects.get(is_default_site=True)).main_menu
    assert english_menu.locale.language_code == "en"
    assert english_menu.live
    client.force_login(arabic_translator)
    response = client.post(f"/admin/snippets/home/navigationmenu/unpublish/{english_menu.pk}/")
    assert response.status_code in (302, 403)
    assert NavigationMenu.objects.get(pk=english_menu.pk).live
    client.logout()
    assert 'href="/en/news/"' in main_menu_html(client.get("/en/"))
