"""The site behind the nginx configuration we ship (deploy/nginx.conf), with the
production settings: visitors' own addresses for the form limits and sign-in
lockouts, uploaded images served from disk, oversized bodies refused."""

import json
import os
import shutil

import pytest

from tests.serving import Gunicorn, Nginx, Visitor, copy_site, manage, production_env

pytestmark = pytest.mark.skipif(
    not shutil.which("nginx") and not os.environ.get("REQUIRE_SYSTEM_TOOLS"),
    reason="needs nginx (apt-get install nginx)",
)

CAMPAIGN = "/en/campaigns/end-cross-border-bombings/"
SETUP = """
import json
from tests.factories import ImageFactory, make_user
make_user("editor", "Editors"); make_user("colleague", "Editors")
image = ImageFactory(title="Protest in Basra", file__filename="basra.png")
print(json.dumps({"rendition": image.get_rendition("width-40").url, "original": image.file.url}))
"""


@pytest.fixture(scope="module")
def site(production_site, tmp_path_factory):
    directory = copy_site(production_site, tmp_path_factory.mktemp("proxied"))
    env = production_env(directory, TRUSTED_PROXY_HOPS="1")
    urls = json.loads(manage(env, "shell", stdin=SETUP).stdout.strip().splitlines()[-1])
    with Gunicorn(env) as app, Nginx(directory / "nginx", [app.port], env["MEDIA_ROOT"]) as proxy:
        yield {"app": app, "proxy": proxy, "urls": urls}


def join(visitor, number):
    return visitor.post_form(
        CAMPAIGN,
        {
            "organisation_name": f"Organisation {number}",
            "country": "Iraq",
            "contact_person": "Layla Hassan",
            "email": f"contact{number}@example.org",
            "fax_number": "",
        },
    )


def test_the_shipped_configuration_passes_nginx_t(site):
    result = site["proxy"].check()
    assert result.returncode == 0, result.stderr
    assert "syntax is ok" in result.stderr


def test_plain_http_is_sent_to_https(site):
    response = Visitor(site["proxy"].http_port, https=False).get("/en/")
    assert response.status == 301
    assert response.headers["Location"] == "https://icssi.example/en/"


def test_each_visitor_behind_the_proxy_has_their_own_form_limit(site):
    """Before: every visitor had nginx's address, and the sixth organisation got 429."""
    statuses = [join(Visitor(site["proxy"].https_port, f"127.0.1.{n}"), n).status for n in range(7)]
    assert statuses == [302] * 7


def test_a_forged_forwarded_for_does_not_escape_the_limit(site):
    visitor = Visitor(site["proxy"].https_port, "127.0.2.1")
    statuses = [
        visitor.post_form(
            CAMPAIGN,
            {
                "organisation_name": f"Forger {n}",
                "country": "Iraq",
                "contact_person": "X",
                "email": f"forger{n}@example.org",
            },
            headers={"X-Forwarded-For": f"198.51.100.{n}"},
        ).status
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]


def sign_in(visitor, username, password):
    return visitor.post_form("/admin/login/", {"username": username, "password": password})


def test_wrong_passwords_lock_one_account_from_one_address(site):
    """Before: five wrong passwords by anyone locked every editor out."""
    port = site["proxy"].https_port
    attacker = Visitor(port, "127.0.3.1")
    for _ in range(5):
        sign_in(attacker, "editor", "wrong")
    assert sign_in(attacker, "editor", "a-long-test-password-1").status == 429
    assert sign_in(Visitor(port, "127.0.3.1"), "colleague", "a-long-test-password-1").status == 302
    assert sign_in(Visitor(port, "127.0.3.2"), "editor", "a-long-test-password-1").status == 302


def test_uploaded_images_are_served_from_disk(site):
    """Before: nothing served /media/ under the production settings."""
    visitor = Visitor(site["proxy"].https_port)
    for url in (site["urls"]["rendition"], site["urls"]["original"]):
        response = visitor.get(url)
        assert response.status == 200, url
        assert response.headers["Content-Type"].startswith("image/")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
    # Documents go through Wagtail's view, which checks their privacy.
    assert visitor.get("/media/documents/report.pdf").status == 404


def test_an_oversized_body_is_refused_before_the_app(site):
    visitor = Visitor(site["proxy"].https_port, "127.0.4.1")
    response = visitor.request(
        "POST",
        CAMPAIGN,
        body=b"organisation_name=" + b"x" * (2 * 1024 * 1024),
        headers={"Content-Type": "application/x-www-form-urlencoded"},
    )
    assert response.status == 413
    assert "Organisation" not in site["app"].output()
