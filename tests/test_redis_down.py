"""Redis stops under the production settings: the site degrades instead of failing.
Pages are served, /health/ says "degraded" with 200, signed-in editors stay signed
in, a new sign-in works, and the log says it once instead of a traceback a request.
Uses a Redis server of its own (tests/serving.py), never the machine's."""

import json
import os
import shutil

import pytest

from tests.serving import Gunicorn, PrivateRedis, Visitor, copy_site, manage, production_env

pytestmark = pytest.mark.skipif(
    not shutil.which("redis-server") and not os.environ.get("REQUIRE_SYSTEM_TOOLS"),
    reason="needs redis-server",
)
PASSWORD = "a-long-test-password-1"


def sign_in(visitor, username):
    return visitor.post_form("/admin/login/", {"username": username, "password": PASSWORD})


def test_redis_down_degrades_the_site(production_site, tmp_path):
    directory = copy_site(production_site, tmp_path / "site")
    with PrivateRedis() as redis:
        env = production_env(
            directory, REDIS_URL=redis.url, SECURE_SSL_REDIRECT="false", PAGE_CACHE_SECONDS="600"
        )
        manage(
            env,
            "shell",
            stdin="from tests.factories import make_user\n"
            "make_user('editor', 'Editors'); make_user('colleague', 'Editors')",
        )
        with Gunicorn(env, workers=2) as app:
            editor = Visitor(app.port, https=False)
            assert sign_in(editor, "editor").status == 302
            assert editor.get("/admin/").status == 200
            redis.stop()

            assert editor.get("/admin/").status == 200  # still signed in (before: signed out)
            assert sign_in(Visitor(app.port, https=False), "colleague").status == 302  # before: 500
            reader = Visitor(app.port, https=False)
            for _ in range(20):
                for address in ("/ar/", "/ckb/", "/en/news/"):
                    assert reader.get(address).status == 200
            health = reader.get("/health/")
            assert health.status == 200  # before: 503, and the balancer pulled the site
            assert json.loads(health.text)["status"] == "degraded"
            log = app.output()
    assert "Traceback" not in log
    said = [line for line in log.splitlines() if "Redis is unavailable" in line]
    assert 1 <= len(said) <= 2, said  # once per worker
    request_lines = [json.loads(line) for line in log.splitlines() if '"path": "/ar/"' in line]
    assert request_lines and request_lines[0]["status"] == 200
    assert set(request_lines[0]) >= {"time", "level", "path", "status", "user_id", "duration_ms"}
