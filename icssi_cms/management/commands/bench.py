"""`make bench`: figures for the pages readers load most.

For the home page, a statement, the statements index and a search, on a copy of the
seed site served by gunicorn with the production settings (SQLite, DEBUG off):
SQL queries per page (at the seed size and with the archive grown), HTML size, and
a Lighthouse run (performance, accessibility, best practices, SEO) in headless
Chromium. Prints figures; never fails on them: targets are in docs/performance.md.
"""

import contextlib
import gzip
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

PAGES = {
    "home": "/en/",
    "statement": "/en/news/iraqi-civil-initiative-launched/",
    "news index": "/en/news/",
    "search": "/en/search/?q=Iraq",
}
LIGHTHOUSE_VERSION = "12"
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


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
        env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.production",
            "SECRET_KEY": "benchmark-only-" + "x" * 40,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "SQLITE_PATH": str(work / "bench.sqlite3"),
            "BENCH_PORT": str(port),
        }
        manage = [sys.executable, str(root / "manage.py")]

        def run(*args):
            subprocess.run(manage + list(args), env=env, check=True, stdout=subprocess.DEVNULL)

        self.stdout.write(f"Machine: {os.cpu_count()} cores; Python {sys.version.split()[0]}")
        self.stdout.write("Preparing a copy of the seed site (SQLite, production settings)...")
        run("migrate", "--noinput")
        run("load_seed_content")
        run("compile_translations")
        run("collectstatic", "--noinput")

        self.stdout.write("\nSQL queries and HTML size, seed site:")
        subprocess.run(
            manage + ["bench", "--measure-queries"],
            env={**env, "PAGE_CACHE_SECONDS": "0"},
            check=True,
        )

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

        with self.gunicorn(env, port, root):
            if no_lighthouse:
                self.stdout.write("\nLighthouse: skipped (--no-lighthouse).")
            else:
                self.lighthouse(port, root)
            if not no_wrk:
                self.throughput(port, "page cache on")
        if not no_wrk:
            with self.gunicorn({**env, "PAGE_CACHE_SECONDS": "0"}, port, root):
                self.throughput(port, "page cache off")

        self.stdout.write(f"\nSQL queries with the archive grown to {statements} statements:")
        run("generate_statements", str(statements), "--for-benchmark")
        subprocess.run(
            manage + ["bench", "--measure-queries"],
            env={**env, "PAGE_CACHE_SECONDS": "0"},
            check=True,
        )
        shutil.rmtree(work, ignore_errors=True)

    @contextlib.contextmanager
    def gunicorn(self, env, port, root):
        """gunicorn with 2 sync workers, as the bakerydemo figures were measured."""
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                str(root / "icssi_cms" / "gunicorn.conf.py"),
                "icssi_cms.wsgi",
            ],
            env={
                **env,
                "GUNICORN_BIND": f"127.0.0.1:{port}",
                "GUNICORN_WORKERS": "2",
                "GUNICORN_ACCESS_LOG": "",
            },
            cwd=root,
            stderr=subprocess.DEVNULL,
        )
        try:
            self.wait_for(f"http://127.0.0.1:{port}/en/")
            yield server
        finally:
            server.terminate()
            server.wait(timeout=30)

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
        wrk = shutil.which("wrk")
        if not wrk:
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
            output = subprocess.run(
                [wrk, "-t2", "-c8", f"-d{self.seconds}s", "--latency", base + url],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
            results[name] = parse_wrk(output)
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

    def wait_for(self, url, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(url, timeout=2)  # noqa: S310 - our own server on loopback
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer at {url}")

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


def parse_wrk(output):
    """Requests per second, p50 and p99 latency (ms) and errors from wrk's report."""

    def milliseconds(text):
        value, unit = re.match(r"([\d.]+)(us|ms|s)", text).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    latency = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", output, re.M))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    return {
        "rate": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(latency["50"]),
        "p99": milliseconds(latency["99"]),
        "errors": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1) if socket_errors else "",
    }


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
