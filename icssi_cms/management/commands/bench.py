"""`make bench`: figures for the pages readers load most.

On a copy of the seed site with the production settings (SQLite, DEBUG off):
SQL queries, HTML size and CPU time per request for each page of ARCHIVE_PAGES as the
archive grows to 10, 1,000 and 10,000 statements (the curve); a Lighthouse run
(performance, accessibility, best practices, SEO) in headless Chromium; throughput
with wrk through gunicorn. Prints figures; never fails on them: targets are in
docs/performance.md. Each figure is its own method, called from handle().
"""

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
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
# The page a campaign shares, in each language: its cached rate is issue 11's target.
CAMPAIGN_PAGES = {
    f"campaign {code}": f"/{code}/campaigns/end-cross-border-bombings/"
    for code in ("en", "ar", "ckb")
}
# Measured at each archive size: nothing here may cost more as the archive grows.
# {topic} is the first topic's slug.
ARCHIVE_PAGES = {
    **PAGES,
    "campaign": "/ar/campaigns/end-cross-border-bombings/",
    "deep page": "/en/news/?page=50",
    "year filter": "/en/news/?year=2015",
    "topic filter": "/en/news/?topic={topic}",
    "feed": "/en/news/feed/",
    "sitemap index": "/sitemap.xml",
    "sitemap file": "/sitemap-1.xml",
}
ARCHIVE_SIZES = (10, 1000, 10000)
CPU_REQUESTS = 20  # requests timed per page and size
LIGHTHOUSE_VERSION = "12"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync"


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument(
            "--sizes",
            default=",".join(str(size) for size in ARCHIVE_SIZES),
            help="archive sizes of the curve, comma-separated",
        )
        parser.add_argument("--no-lighthouse", action="store_true")
        parser.add_argument("--no-wrk", action="store_true")
        parser.add_argument("--seconds", type=int, default=10, help="length of each wrk run")
        parser.add_argument("--measure-queries", action="store_true", help=argparse_hidden())
        parser.add_argument("--measure-search-quality", action="store_true", help=argparse_hidden())

    def handle(self, sizes, no_lighthouse, no_wrk, seconds, measure_queries, **options):
        self.seconds = seconds
        if measure_queries:
            return self.measure_pages()
        if options["measure_search_quality"]:
            return self.measure_search_quality()
        root = Path(settings.BASE_DIR)
        work = Path(tempfile.mkdtemp(prefix="icssi-bench-"))
        port = free_port()
        env = self.prepare_copy(work, port)
        self.search_quality(env)
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

        self.archive_curve(env, [int(size) for size in sizes.split(",")])
        shutil.rmtree(work, ignore_errors=True)

    def archive_curve(self, env, sizes):
        """Queries, HTML size and CPU per request of ARCHIVE_PAGES at each archive
        size, then the curve from the first size to the last."""
        figures = {}
        for size in sizes:
            self.stdout.write(f"\nGrowing the archive to {size} statements...")
            self.manage(env, "generate_statements", str(size), "--for-benchmark")
            output = self.manage(env, "bench", "--measure-queries", quiet=False)
            # the figures are the last line: production settings log JSON lines before it
            figures[size] = json.loads(output.strip().splitlines()[-1])
            self.print_figures(size, figures[size])
        first, last = sizes[0], sizes[-1]
        self.stdout.write(
            f"\nCPU ms per request (page cache off), {' -> '.join(map(str, sizes))} statements:"
        )
        for name in figures[first]:
            curve = " -> ".join(f"{figures[size][name]['cpu_ms']:.1f}" for size in sizes)
            ratio = figures[last][name]["cpu_ms"] / max(figures[first][name]["cpu_ms"], 0.01)
            queries = " -> ".join(str(figures[size][name]["queries"]) for size in sizes)
            self.stdout.write(f"  {name:<14} {curve:<26} x{ratio:<5.2f} queries {queries}")

    def print_figures(self, size, figures):
        self.stdout.write(
            f"  {'page':<14} {'queries':>8} {'CPU ms':>7} {'HTML bytes':>11} {'gzipped':>8}"
        )
        for name, figure in figures.items():
            status = "" if figure["status"] == 200 else f"  (HTTP {figure['status']})"
            self.stdout.write(
                f"  {name:<14} {figure['queries']:>8} {figure['cpu_ms']:>7.1f} "
                f"{figure['bytes']:>11} {figure['gzipped']:>8}{status}"
            )

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
            # Production settings only queue index updates for a task worker, and the
            # bench starts none: without this, search is measured on an empty index.
            ["update_index"],
            ["compile_translations"],
            ["collectstatic", "--noinput"],
        ):
            self.manage(env, *command)
        return env

    @staticmethod
    def manage(env, *args, quiet=True):
        """`manage.py ARGS` in the copy, its output; queries are measured without the
        page cache."""
        if args[:1] == ("bench",):
            env = {**env, "PAGE_CACHE_SECONDS": "0"}
        return subprocess.run(
            [sys.executable, str(Path(settings.BASE_DIR) / "manage.py"), *args],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL if quiet else subprocess.PIPE,
            text=True,
        ).stdout

    def use_redis_if_running(self, env):
        if self.redis_available():
            # The benchmark's own Redis database (BENCH_REDIS_DB, 14 unless set), emptied
            # so that no earlier run's pages count.
            number = os.environ.get("BENCH_REDIS_DB", "14")
            subprocess.run(
                ["redis-cli", "-h", "127.0.0.1", "-n", number, "flushdb"],
                check=True,
                capture_output=True,
            )
            env["REDIS_URL"] = f"redis://127.0.0.1:6379/{number}"
        self.stdout.write(f"\nCache: {'Redis' if 'REDIS_URL' in env else 'the database'}")

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
        targets = {"static CSS": stylesheet, **PAGES, **CAMPAIGN_PAGES}
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

    def measure_pages(self):
        """In the benchmark's environment: for each of ARCHIVE_PAGES, queries, HTML
        size and CPU time per request, warm (as on a running server), as JSON."""
        from django.db import connection
        from django.test import Client
        from django.test.utils import CaptureQueriesContext

        from wagtail.models import Site

        from news.models import Topic

        Site.objects.filter(is_default_site=True).update(
            hostname="127.0.0.1", port=int(os.environ.get("BENCH_PORT", 80))
        )
        topic = Topic.objects.filter(locale__language_code="en").first()
        client = Client(HTTP_HOST="127.0.0.1", **{"wsgi.url_scheme": "http"})
        figures = {}
        for name, url in ARCHIVE_PAGES.items():
            url = url.format(topic=topic.slug if topic else "")
            client.get(url)  # warm per-process caches, as a running server has them
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            # Counted now: each later request empties Django's query log
            # (request_started -> reset_queries), and the count with it.
            query_count = len(queries)
            started = time.process_time()
            for _ in range(CPU_REQUESTS):
                client.get(url)
            body = response.content
            figures[name] = {
                "queries": query_count,
                "cpu_ms": (time.process_time() - started) * 1000 / CPU_REQUESTS,
                "bytes": len(body),
                "gzipped": len(gzip.compress(body)),
                "status": response.status_code,
            }
        self.stdout.write(json.dumps(figures))

    def search_quality(self, env):
        self.stdout.write("\nSearch query set (search/query_set.py), seed site:")
        self.manage(env, "bench", "--measure-search-quality", quiet=False)

    def measure_search_quality(self):
        """In the benchmark's environment: recall and precision per language."""
        from django.test import Client

        from search.query_set import QUERIES, found_pages, recall_and_precision

        client = Client(HTTP_HOST="127.0.0.1")
        results = [(query, found_pages(client, query)) for query in QUERIES]
        self.stdout.write(f"  {'language':<9} {'queries':>8} {'recall':>7} {'precision':>10}")
        for language, (recall, precision, count) in recall_and_precision(results).items():
            self.stdout.write(f"  {language:<9} {count:>8} {recall:>7.2f} {precision:>10.2f}")

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
