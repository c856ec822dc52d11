"""Security: headers and CSP, production cookies and deployment checks, login
throttling, upload limits, and the health check."""

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image as PILImage

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from wagtail.images.models import Image

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parents[1]
PRODUCTION = {
    **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
    "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.production",
    "SECRET_KEY": "production-check-" + "k" * 50,
    "ALLOWED_HOSTS": "icssi.example",
}


def test_public_pages_carry_the_security_headers(seed_site, client):
    response = client.get("/ar/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert "object-src 'none'" in csp and "frame-ancestors 'self'" in csp
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_admin_gets_the_policy_it_needs(client, editor):
    client.force_login(editor)
    csp = client.get("/admin/")["Content-Security-Policy"]
    assert "script-src 'self' 'unsafe-inline'" in csp


def run_in_production(code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env={**PRODUCTION, **env},
        capture_output=True,
        text=True,
    )


def test_production_cookies_are_secure_and_http_only():
    result = run_in_production(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_HTTPONLY, s.SECURE_HSTS_SECONDS > 0, s.DEBUG)"
    )
    # The last line: the start-up log (e.g. the cache fallback's warning) is on stdout too.
    printed = result.stdout.splitlines()[-1].split()
    assert printed == ["True", "True", "True", "True", "True", "False"], result.stderr


def test_production_passes_djangos_deployment_checks():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=PRODUCTION,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_uses_redis_when_given_one():
    result = run_in_production(
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE)",
        REDIS_URL="redis://127.0.0.1:6379/1",
    )
    assert result.stdout.split() == [
        "django_redis.cache.RedisCache",
        "django.contrib.sessions.backends.cached_db",
    ], result.stderr


AXES = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]


@override_settings(AUTHENTICATION_BACKENDS=AXES)
def test_repeated_failed_logins_are_throttled(client, editor):
    for _ in range(4):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        assert response.status_code == 200  # the form again, with an error
    fifth = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    assert fifth.status_code == 429
    locked = client.post(
        "/admin/login/", {"username": "editor", "password": "a-long-test-password-1"}
    )
    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()


@override_settings(AUTHENTICATION_BACKENDS=AXES, TRUSTED_PROXY_HOPS=1)
def test_a_lockout_holds_one_account_from_one_address(client, editor):
    """Behind the proxy (REMOTE_ADDR is nginx's), five wrong passwords for one
    account lock that account from that visitor's address only: the editor still
    signs in from elsewhere, and other editors from the same address."""
    from tests.factories import make_user

    make_user("colleague", "Editors")
    attacker = {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.66"}
    for _ in range(5):
        client.post("/admin/login/", {"username": "editor", "password": "wrong"}, **attacker)
    assert (
        client.post(
            "/admin/login/",
            {"username": "editor", "password": "a-long-test-password-1"},
            **attacker,
        ).status_code
        == 429
    )
    colleague = Client().post(
        "/admin/login/",
        {"username": "colleague", "password": "a-long-test-password-1"},
        **attacker,
    )
    assert colleague.status_code == 302
    elsewhere = Client().post(
        "/admin/login/",
        {"username": "editor", "password": "a-long-test-password-1"},
        REMOTE_ADDR="127.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert elsewhere.status_code == 302


@override_settings(AUTHENTICATION_BACKENDS=AXES)
def test_a_correct_password_still_works_before_the_limit(client, editor):
    client.post("/admin/login/", {"username": "editor", "password": "wrong"})
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "a-long-test-password-1"}
    )
    assert response.status_code == 302


def upload(client, name, content, content_type):
    return client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def test_svg_uploads_are_refused_with_a_message(client, editor):
    client.force_login(editor)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload(client, "logo.svg", svg, "image/svg+xml")
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not Image.objects.exists()


@pytest.mark.filterwarnings("ignore::PIL.Image.DecompressionBombWarning")
def test_decompression_bombs_are_refused_with_a_message(client, editor):
    client.force_login(editor)
    bomb = png(10_000, 10_000)  # 100 megapixels in a few kilobytes
    assert len(bomb) < 100_000
    response = upload(client, "bomb.png", bomb, "image/png")
    assert response.status_code == 200
    assert "pixels" in response.content.decode()
    assert not Image.objects.exists()


def test_oversized_uploads_are_refused_with_a_message(client, editor, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    client.force_login(editor)
    response = upload(client, "big.png", png(800, 800) + b"\0" * 2000, "image/png")
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not Image.objects.exists()


def test_health_answers_when_database_and_cache_answer(db, client):
    response = client.get("/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert client.get("/health/live/").json() == {"status": "alive"}
    assert "no-cache" in response["Cache-Control"]
