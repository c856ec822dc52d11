"""No visitor input gives a server error: arbitrary query strings, headers and
form bodies at every kind of public address in the three languages (on SQLite,
and on PostgreSQL in CI's second run), and the translated refusals."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.test import Client

from wagtail.models import Page

from campaigns.submissions import CampaignEndorsement

pytestmark = pytest.mark.django_db

SITE_ADDRESSES = ["/", "/sitemap.xml", "/robots.txt", "/health/", "/documents/1/x.pdf"]
LANGUAGE_ADDRESSES = ["/{}/search/", "/{}/news/feed/", "/{}/no-such-page/"]


def public_addresses():
    """One live page of each type in each language, and the site's own views."""
    seen, addresses = set(), list(SITE_ADDRESSES)
    for page in Page.objects.live().public().filter(depth__gt=1).specific().order_by("path"):
        kind = (type(page).__name__, page.locale.language_code)
        if kind not in seen and page.url:
            seen.add(kind)
            addresses.append(page.url)
    for code in ("en", "ar", "ckb"):
        addresses += [address.format(code) for address in LANGUAGE_ADDRESSES]
    return addresses


text = st.text(max_size=40)
# What a header can carry on the wire: bytes, read as Latin-1 (no line breaks).
header_text = st.text(st.characters(max_codepoint=255, blacklist_categories=("Cc",)), max_size=40)
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": header_text,
        "HTTP_REFERER": header_text,
        "HTTP_USER_AGENT": header_text,
        "HTTP_COOKIE": header_text,
        "HTTP_X_FORWARDED_FOR": header_text,
        "HTTP_IF_MODIFIED_SINCE": header_text,
        "HTTP_IF_NONE_MATCH": header_text,
        "HTTP_ACCEPT": header_text,
    },
)
fields = st.dictionaries(
    st.sampled_from(["year", "topic", "page", "q", "joined", "registered", "format"]) | text,
    st.lists(text, min_size=1, max_size=3),
    max_size=4,
)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data(), query=fields, extra=headers, body=fields, post=st.booleans())
def test_no_visitor_input_gives_a_server_error(seed_site, data, query, extra, body, post):
    address = data.draw(st.sampled_from(public_addresses()), label="address")
    client = Client(raise_request_exception=False)
    headers = extra
    if post:
        response = client.post(f"{address}?", body, **headers)
    else:
        response = client.get(address, query, **headers)
    assert response.status_code < 500, (address, query, body, headers)


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
@pytest.mark.parametrize("query", ["year=%C2%B2", "topic=human-rights%00", "page=%00", "q=a%00b"])
def test_the_queries_that_gave_500s(seed_site, client, code, query):
    address = f"/{code}/search/" if query.startswith("q=") else f"/{code}/news/"
    response = client.get(f"{address}?{query}")
    assert response.status_code in (200, 400, 404)


def test_nul_characters_in_a_form_are_refused_in_the_readers_languages(seed_site, client):
    response = client.post(
        "/ar/campaigns/end-cross-border-bombings/",
        "organisation_name=Tammuz%00&country=Iraq",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert CampaignEndorsement.objects.count() == 0
    html = response.content.decode()
    assert "This request could not be understood" in html
    assert "تعذّر فهم هذا الطلب" in html and "ئەم داواکارییە تێنەگەیشترا" in html


def test_an_oversized_form_is_refused_before_it_is_read(seed_site, client):
    response = client.post(
        "/en/campaigns/end-cross-border-bombings/",
        "organisation_name=" + "x" * 100_000,
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 413
    assert "ئەوەی ناردووتە زۆر گەورەیە" in response.content.decode()
    assert CampaignEndorsement.objects.count() == 0


def test_a_file_sent_to_a_form_without_a_file_field_is_not_kept(seed_site, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    response = client.post(
        "/en/campaigns/end-cross-border-bombings/",
        {
            "organisation_name": "Tammuz",
            "country": "Iraq",
            "contact_person": "Layla",
            "email": "layla@tammuz.example",
            "attachment": SimpleUploadedFile("big.bin", b"\0" * 60_000),
        },
    )
    assert response.status_code == 302
    assert response.wsgi_request.FILES == {}


def test_a_form_without_its_csrf_token_gets_the_translated_403(seed_site):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/ckb/campaigns/end-cross-border-bombings/",
        "organisation_name=x",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 403
    html = response.content.decode()
    assert "The form could not be sent" in html and "فۆڕمەکە نەنێردرا" in html
