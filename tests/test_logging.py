"""Logs an operator can use: a JSON line per request (path, status, user id; no
names or emails), errors with tracebacks, and error reporting to a Sentry-protocol
service only when SENTRY_DSN names one (a local server receives it here)."""

import gzip
import json
import subprocess
import sys
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.serving import ROOT, production_env

ERROR = (
    "import django; django.setup(); import logging\n"
    "try:\n    1 / 0\n"
    "except ZeroDivisionError:\n"
    "    logging.getLogger('django.request').exception('Internal Server Error: /en/')\n"
)


def run_in_production(tmp_path, code, **env):
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=production_env(tmp_path, **env),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.django_db
def test_each_request_is_logged_with_its_status_and_user_id(seed_site, client, editor, caplog):
    client.force_login(editor)
    with caplog.at_level("INFO", logger="icssi.requests"):
        client.get("/en/news/?q=layla@example.org")
    (record,) = [r for r in caplog.records if r.name == "icssi.requests"]
    assert (record.path, record.status, record.user_id) == ("/en/news/", 200, editor.pk)
    assert "layla" not in record.getMessage() and "editor" not in record.getMessage()


def test_errors_are_logged_as_json_with_their_traceback(tmp_path):
    result = run_in_production(tmp_path, ERROR)
    (line,) = [line for line in result.stdout.splitlines() if "Internal Server Error" in line]
    entry = json.loads(line)
    assert entry["level"] == "ERROR" and entry["logger"] == "django.request"
    assert "ZeroDivisionError" in entry["exc_info"] and "Traceback" in entry["exc_info"]


class FakeSentry(BaseHTTPRequestHandler):
    received: list[bytes] = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "br":  # sentry-sdk compresses with brotli when it is installed
            import brotli

            body = brotli.decompress(body)
        FakeSentry.received.append((self.path, body))
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


def test_errors_go_to_the_service_named_by_sentry_dsn(tmp_path):
    server = HTTPServer(("127.0.0.1", 0), FakeSentry)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    dsn = f"http://publickey@127.0.0.1:{server.server_port}/1"
    # A real 500: Sentry's Django integration reports the exception itself (it
    # ignores the django.request log line that repeats it).
    code = (
        "import django; django.setup()\n"
        "from icssi_cms import views\n"
        "def broken(request): return 1 / 0\n"
        "views.robots_txt = broken\n"
        "from django.test import Client\n"
        "status = Client(raise_request_exception=False).get(\n"
        "    '/robots.txt', HTTP_HOST='icssi.example', secure=True).status_code\n"
        "assert status == 500, status\n"
        "import sentry_sdk; sentry_sdk.flush(timeout=10)\n"
    )
    try:
        result = run_in_production(tmp_path, code, SENTRY_DSN=dsn)
    finally:
        server.shutdown()
    assert result.returncode == 0, result.stderr[-2000:]
    paths = [path for path, _ in FakeSentry.received]
    assert "/api/1/envelope/" in paths
    body = b"".join(body for _, body in FakeSentry.received).decode()
    assert "ZeroDivisionError" in body


def test_error_reporting_is_off_without_sentry_dsn(tmp_path):
    result = run_in_production(
        tmp_path,
        "import django; django.setup(); import sentry_sdk; "
        "print(sentry_sdk.get_client().is_active())",
    )
    assert result.stdout.strip().splitlines()[-1] == "False"
