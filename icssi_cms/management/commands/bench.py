"""`make bench`: figures for the pages readers load most.

For the home page, a statement, the statements index and a search, on a copy of the
seed site served by gunicorn with the production settings (SQLite, DEBUG off):
SQL queries per page (at the seed size and with the archive grown), HTML size, and
a Lighthouse run (performance, accessibility, best practices, SEO) in headless
Chromium. Prints figures; never fails on them: targets are in docs/performance.md.
"""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from icssi_cms.load_testing import free_port, gunicorn, parse_wrk, wrk

PAGES = {
    "home": "/en/",
    "statement": "/en/news/iraqi-civil-initiative-launched/",
    "news index": "/en/news/",
    "search": "/en/search/?q=Iraq",
}
LIGHTHOUSE_VERSION = "12"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync"


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--statements", type=int, default=1000, help="grow the archive to this size"
        )
        parser.add_argument("--no-lighthouse", action="store_true")
        parser.add_argument("--no-wrk", action="store_true")
        parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
        parser.add_argument("--measure-queries", action="store_true", help=argparse_hidden())

    def handle(self, statements, no_lighthouse, no_wrk, seconds, measure_queries, **options):
        self.seconds = seconds
        if measure_queries:
            return self.measure_queries()
        root = Path(settings.BASE_DIR)
        work = Path(tempfile.mkdtemp(prefix="icssi-bench-"))
        port = free_port()
        env = self.prepare_copy(work, port)

        self.stdout.write("\nSQL queries and HTML size, seed site:")
        self.manage(env, "bench", "--measure-queries", quiet=False)
        self.use_redis_if_running(env)

        # 2 sync workers, as the bakerydemo figures were measured.
        with gunicorn(env, port, workers=2, ready_path="/en/"):
            if no_lighthouse:
                self.stdout.write("\nLighthouse: skipped (--no-lighthouse).")
            else:
                self.lighthouse(port, root)
            if not no_wrk:
                self.throughput(port, "page cache on")
        if not no_wrk:
            with gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, port, workers=2, ready_path="/en/"):
                self.throughput(port, "page cache off")

        self.stdout.write(f"\nSQL queries with the archive grown to {statements} statements:")
        self.manage(env, "generate_statements", str(statements), "--for-benchmark")
        self.manage(env, "bench", "--measure-queries", quiet=False)
        shutil.rmtree(work, ignore_errors=True)

    def prepare_copy(self, work, port):
        """A copy of the seed site in `work` (SQLite, production settings); its environment."""
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.production",
            "SECRET_KEY": "benchmark-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SQLITE_PATH": str(work / "bench.sqlite3"),
            "BENCH_PORT": str(port),
        }
        self.stdout.write(f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
        self.stdout.write("Preparing a copy of the seed site (SQLite, production settings)...")
        for command in (
            ["migrate", "--noinput"],
            ["load_seed_content"],
            ["compile_translations"],
            ["collectstatic", "--noinput"],
        ):
            self.manage(env, *command)
        return env

    @staticmethod
    def manage(env, *args, quiet=True):
        """`manage.py ARGS` in the copy; queries are measured without the page cache."""
        if args[:1] == ("bench",):
            env = {**env, "PAGE_CACHE_SECONDS": "0"}
        subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL if quiet else None,
        )

    def use_redis_if_running(self, env):
        if self.redis_available():
            # Database 14 is the benchmark's own; emptied so no earlier run's pages count.
            subprocess.run(
                ["redis-cli", "-h", "127.0.0.1", "-n", "14", "flushdb"],
                check=True,
                capture_output=True,
            )
            env["REDIS_URL"] = "redis://127.0.0.1:6379/14"
        self.stdout.write(
            f"\nCache: {'Redis' if 'REDIS_URL' in env else 'local memory per worker'}"
        )

    @staticmethod
    def redis_available():
        if not shutil.which("redis-cli"):
            return False
        ping = subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True, text=True
        )
        return ping.stdout.strip() == "PONG"

    def throughput(self, port, label):
        """wrk against each page and a static file served by the same server in the
        same run: pages are reported as a share of the static file's rate, which
        holds on a shared machine where absolute figures drift."""
        if not shutil.which("wrk"):
            self.stdout.write(f"\nThroughput ({label}): skipped (apt-get install wrk).")
            return
        base = f"http://127.0.0.1:{port}"
        home = urllib.request.urlopen(base + "/en/").read().decode()  # noqa: S310
        stylesheet = re.search(r'href="(/static/css/site[^"]+\.css)"', home).group(1)
        targets = {"static CSS": stylesheet, **PAGES}
        results = {}
        for name, url in targets.items():
            for _ in range(3):  # warm caches and workers
                urllib.request.urlopen(base + url).read()  # noqa: S310
            results[name] = parse_wrk(wrk(base + url, self.seconds, connections=8))
        static_rate = results["static CSS"]["rate"]
        self.stdout.write(f"\nThroughput with wrk, {self.seconds} s each, 8 connections ({label}):")
        self.stdout.write(
            f"  {'page':<12} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'vs static':>10} {'errors':>7}"
        )
        for name, result in results.items():
            self.stdout.write(
                f"  {name:<12} {result['rate']:>8.0f} {result['p50']:>8.1f} {result['p99']:>8.1f} "
                f"{result['rate'] / static_rate:>10.3f} {result['errors']:>7}"
            )

    def measure_queries(self):
        """In the benchmark's environment: queries, HTML size, gzipped size."""
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from wagtail.models import Site

        Site.objects.filter(is_default_site=True).update(
            hostname="127.0.0.1", port=int(os.environ.get("BENCH_PORT", 80))
        )
        client = Client(HTTP_HOST="127.0.0.1", **{"wsgi.url_scheme": "http"})
        self.stdout.write(f"  {'page':<12} {'queries':>8} {'HTML bytes':>11} {'gzipped':>8}")
        for name, url in PAGES.items():
            client.get(url)  # warm per-process caches, as a running server has them
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            body = response.content
            self.stdout.write(
                f"  {name:<12} {len(queries):>8} {len(body):>11} {len(gzip.compress(body)):>8}"
                + ("" if response.status_code == 200 else f"  (HTTP {response.status_code})")
            )

    def lighthouse(self, port, root):
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        npm = shutil.which("npm")
        if not chromium or not npm:
            self.stdout.write("\nLighthouse: skipped (needs chromium and npm).")
            return
        tools = root / ".bench"
        binary = tools / "node_modules" / ".bin" / "lighthouse"
        if not binary.exists():
            self.stdout.write(f"\nInstalling Lighthouse {LIGHTHOUSE_VERSION} into .bench/ ...")
            subprocess.run(
                [
                    npm,
                    "install",
                    "--silent",
                    "--no-audit",
                    "--no-fund",
                    "--prefix",
                    str(tools),
                    f"lighthouse@{LIGHTHOUSE_VERSION}",
                ],
                check=True,
            )
        self.stdout.write("\nLighthouse (mobile, simulated slow 4G), scores out of 100:")
        self.stdout.write(f"  {'page':<12} {'perf':>5} {'a11y':>5} {'best':>5} {'SEO':>5}")
        for name, url in PAGES.items():
            report = tools / f"report-{name.replace(' ', '-')}.json"
            for _attempt in range(2):  # Lighthouse's trace recording fails now and then
                result = self.run_lighthouse(binary, port, url, report, chromium)
                if result.returncode == 0 and report.exists():
                    break
            if result.returncode != 0 or not report.exists():
                self.stdout.write(f"  {name:<12} failed: {result.stderr.strip()[-200:]}")
                continue
            categories = json.loads(report.read_text())["categories"]
            scores = [
                round((categories[key]["score"] or 0) * 100)
                for key in ("performance", "accessibility", "best-practices", "seo")
            ]
            self.stdout.write(f"  {name:<12} " + " ".join(f"{score:>5}" for score in scores))

    def run_lighthouse(self, binary, port, url, report, chromium):
        report.unlink(missing_ok=True)
        return subprocess.run(
            [
                str(binary),
                f"http://127.0.0.1:{port}{url}",
                "--quiet",
                f"--chrome-flags={CHROME_FLAGS}",
                "--output=json",
                f"--output-path={report}",
            ],
            env={**os.environ, "CHROME_PATH": chromium},
            capture_output=True,
            text=True,
        )


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
