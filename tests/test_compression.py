"""HTML compressed by the app for readers (when no proxy in front does it), never
for the admin, whose pages carry CSRF tokens beside what editors type (BREACH)."""

import gzip

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("address", ["/en/", "/ar/campaigns/end-cross-border-bombings/"])
def test_public_pages_are_compressed(seed_site, client, address):
    response = client.get(address, HTTP_ACCEPT_ENCODING="gzip, br")
    assert response["Content-Encoding"] == "gzip"
    html = gzip.decompress(response.content)
    assert b"</html>" in html and len(response.content) < len(html) / 2


def test_admin_pages_are_not_compressed(client):
    response = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert response.status_code == 200 and "Content-Encoding" not in response
