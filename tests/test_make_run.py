"""`make run` looks like the real site: it is run here as a newcomer runs it (its own
database, static and media folders, a free port), and read over HTTP: the 404 page
is the site's own, in the reader's language, and every absolute address points where
`make run` serves."""

import os
import re
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from django.utils import translation
from django.utils.translation import gettext

ROOT = Path(__file__).resolve().parents[1]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url):
    try:
        with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 (local)
            return response.status, response.read().decode(errors="replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


@pytest.fixture(scope="module")
def make_run(tmp_path_factory):
    """The base address of a `make run` in progress, stopped afterwards."""
    folder = tmp_path_factory.mktemp("make-run")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE", "DEBUG")}
    env.update(
        PORT=str(port),
        SQLITE_PATH=str(folder / "db.sqlite3"),
        STATIC_ROOT=str(folder / "static"),
        MEDIA_ROOT=str(folder / "media"),
    )
    log = open(folder / "make-run.log", "w")  # noqa: SIM115 (closed below)
    server = subprocess.Popen(
        ["make", "run"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # so that runserver's reloader child stops with it
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            if server.poll() is not None:
                pytest.fail((folder / "make-run.log").read_text()[-3000:])
            try:
                urllib.request.urlopen(f"{base}/health/", timeout=2)  # noqa: S310
                break
            except OSError:
                time.sleep(0.5)
        else:
            pytest.fail("make run did not answer in 5 minutes")
        yield base
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()


def test_a_missing_page_is_the_sites_own_404_in_the_readers_language(make_run):
    status, html = get(f"{make_run}/ar/no-such-page/")
    assert status == 404
    assert '<html lang="ar" dir="rtl">' in html
    with translation.override("ar"):
        assert gettext("Page not found") in html
    assert "Django" not in html  # not the debug page


def test_absolute_addresses_point_where_make_run_serves(make_run):
    _, html = get(f"{make_run}/ckb/")
    assert f'<link rel="canonical" href="{make_run}/ckb/">' in html
    alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', html)
    assert alternates and all(url.startswith(f"{make_run}/") for url in alternates)
    share_image = re.search(r'<meta property="og:image" content="([^"]+)"', html).group(1)
    assert share_image.startswith(f"{make_run}/static/")
    assert get(share_image)[0] == 200

    _, index = get(f"{make_run}/sitemap.xml")
    sections = re.findall(r"<loc>([^<]+)</loc>", index)
    assert sections and all(url.startswith(f"{make_run}/") for url in sections)
    locations = [
        url for section in sections for url in re.findall(r"<loc>([^<]+)</loc>", get(section)[1])
    ]
    assert len(locations) > 10 and all(url.startswith(f"{make_run}/") for url in locations)

    _, feed = get(f"{make_run}/en/news/feed/")
    links = re.findall(r"<link>([^<]+)</link>", feed)
    assert len(links) > 2 and all(url.startswith(f"{make_run}/en/") for url in links)
    assert get(links[1])[0] == 200
