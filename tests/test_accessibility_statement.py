"""The accessibility statement: linked from every footer, in the three languages, with
its review date as the reader's language writes it and whom to tell."""

import pytest

from tests.helpers import visible_text

pytestmark = pytest.mark.django_db

STATEMENT = {
    "en": ("Accessibility", "WCAG", "2 December 2026"),
    "ar": ("إمكانية الوصول", "WCAG", "2 كانون الأول 2026"),
    "ckb": ("دەستڕاگەیشتن", "WCAG", "2ی کانوونی یەکەمی 2026"),
}


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
def test_the_statement_is_linked_from_every_footer_in_its_language(seed_site, client, code):
    heading, standard, reviewed = STATEMENT[code]
    home = client.get(f"/{code}/").content.decode()
    assert f'href="/{code}/accessibility/">{heading}</a>' in home
    response = client.get(f"/{code}/accessibility/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'lang="{code}"' in html
    assert f"<h1>{heading}</h1>" in html
    text = visible_text(html)
    assert standard in text and reviewed in text


def test_it_names_the_contact_address_when_one_is_set(seed_site, client, settings):
    settings.ACCESSIBILITY_CONTACT_EMAIL = "access@icssi.example"
    html = client.get("/ar/accessibility/").content.decode()
    assert 'href="mailto:access@icssi.example"' in html


def test_without_one_it_points_to_the_page_where_the_problem_was(seed_site, client):
    text = visible_text(client.get("/ckb/accessibility/").content.decode())
    assert "mailto:" not in text
    assert "ناونیشانی ئیمەیڵی ئەو پەڕەی کەمپەین یان کۆنفرانسەی" in text
