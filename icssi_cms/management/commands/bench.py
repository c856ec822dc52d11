"""`make bench`: figures for the pages readers load most.

On a copy of the seed site with the production settings (SQLite, DEBUG off):
SQL queries, HTML size and CPU time per request for each page of ARCHIVE_PAGES as the
archive grows to 10, 1,000 and 10,000 statements (the curve); a Lighthouse run
(performance, accessibility, best practices, SEO) in headless Chromium; throughput
with wrk through gunicorn; with --compare-bakerydemo PATH, only the static file's
rate and the workers' memory beside the Wagtail bakerydemo's in the same run.
Prints figures; never fails on them: targets are in docs/performance.md. Each
figure is its own method, called from handle().
"""

import gzip
import hashlib
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand

from icssi_cms.load_testing import (
    free_port,
    gunicorn,
    parse_wrk,
    server,
    wrk,
    wrk_command,
)

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
CURVE_ROUNDS = 3  # passes over the archive sizes; each page's least CPU time is kept
LIGHTHOUSE_VERSION = "12"
# Issue 11 compares the site with the Wagtail bakerydemo on the same machine: home, a
# page, an index and one more on each. Not search: with the seed site indexed, ours took
# 0.8-2 s per search under this load (2026-12-03), so the load would be mostly searches.
MEMORY_PAGES = [
    "/en/",
    "/en/news/iraqi-civil-initiative-launched/",
    "/en/news/",
    "/ar/campaigns/end-cross-border-bombings/",
]
BAKERYDEMO_PAGES = ["/", "/blog/bread-circuses/", "/blog/", "/breads/"]
# Even, so that each site goes first in as many rounds.
STATIC_ROUNDS = 4
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
        parser.add_argument(
            "--compare-bakerydemo",
            metavar="PATH",
            help="only the static file and worker memory beside the bakerydemo checked out "
            "at PATH (its .venv, bench-env.sh and bakerydemodb)",
        )
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
        if options["compare_bakerydemo"]:
            bakerydemo = Path(options["compare_bakerydemo"]).resolve()
            missing = self.bakerydemo_missing(bakerydemo)
            if missing:
                self.stdout.write(f"Side by side with bakerydemo: skipped ({missing}).")
                return
            env = self.prepare_copy(work, port)
            self.use_redis_if_running(env)
            self.compare_bakerydemo(env, port, bakerydemo, work, self.production_python(root))
            shutil.rmtree(work, ignore_errors=True)
            return
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
        size, then the curve from the first size to the last. The archive is grown
        and a copy of its database kept at each size; then the copies are measured
        in turn, CURVE_ROUNDS times, and each page's least CPU time kept: on a shared
        machine one pass per size measures the machine's load as much as the archive."""
        copies = {}
        for size in sizes:
            self.stdout.write(f"\nGrowing the archive to {size} statements...")
            self.manage(env, "generate_statements", str(size), "--for-benchmark")
            copies[size] = Path(env["SQLITE_PATH"]).with_suffix(f".{size}.sqlite3")
            source, copy = sqlite3.connect(env["SQLITE_PATH"]), sqlite3.connect(copies[size])
            source.backup(copy)
            source.close()
            copy.close()
        runs = {size: [] for size in sizes}
        for _round in range(CURVE_ROUNDS):
            for size in sizes:
                self.empty_cache(env)  # cached ids and counts belong to one copy
                output = self.manage(
                    {**env, "SQLITE_PATH": str(copies[size])},
                    "bench",
                    "--measure-queries",
                    quiet=False,
                )
                # the figures are the last line: production settings log JSON lines before it
                runs[size].append(json.loads(output.strip().splitlines()[-1]))
        figures = {}
        for size in sizes:
            figures[size] = runs[size][0]
            for name, figure in figures[size].items():
                figure["cpu_ms"] = min(run[name]["cpu_ms"] for run in runs[size])
            self.stdout.write(f"\n{size} statements (least CPU of {CURVE_ROUNDS} rounds):")
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
            # The benchmark's own Redis database (BENCH_REDIS_DB, 14 unless set).
            number = os.environ.get("BENCH_REDIS_DB", "14")
            env["REDIS_URL"] = f"redis://127.0.0.1:6379/{number}"
            self.empty_cache(env)
        self.stdout.write(f"\nCache: {'Redis' if 'REDIS_URL' in env else 'the database'}")

    @staticmethod
    def empty_cache(env):
        """No earlier run's (or phase's) pages count: workers that find every page
        cached never render one, and use less memory than workers that do."""
        if "REDIS_URL" in env:
            number = env["REDIS_URL"].rsplit("/", 1)[1]
            subprocess.run(
                ["redis-cli", "-h", "127.0.0.1", "-n", number, "flushdb"],
                check=True,
                capture_output=True,
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

    @staticmethod
    def bakerydemo_missing(path):
        """Why the bakerydemo at `path` cannot be measured, or None."""
        for needed in (".venv/bin/gunicorn", "bench-env.sh", "bakerydemodb"):
            if not (path / needed).exists():
                return f"no {path / needed}"
        if not shutil.which("wrk"):
            return "no wrk: apt-get install wrk"
        return None

    def production_python(self, root):
        """The interpreter of a virtualenv with the site's production dependencies alone
        (`pip install .`, no test extras), made in .bench/ on first use and again when
        pyproject.toml changes. The development virtualenv also holds the test tools,
        and libraries the site runs import some of them when present (Jinja2 by
        django.test, PyYAML and Pygments by Django REST framework): 8 MiB in each
        worker (2026-12-03) that a production server does not have. When it cannot be
        made (PyPI out of reach), the interpreter running the bench, and it says so."""
        venv = root / ".bench" / "production-venv"
        python = venv / "bin" / "python"
        stamp = venv / "pyproject.sha256"
        wanted = hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest()
        if not (stamp.exists() and stamp.read_text() == wanted):
            self.stdout.write(f"Installing the production dependencies into {venv}...")
            shutil.rmtree(venv, ignore_errors=True)
            try:
                subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
                install = [str(python), "-m", "pip", "install", "--quiet", str(root)]
                subprocess.run(install, check=True, capture_output=True, text=True)
            except subprocess.CalledProcessError as error:
                reason = (error.stderr or "").strip().splitlines()[-1:] or [str(error)]
                self.stdout.write(
                    f"  not made ({reason[0]}): ours runs from {sys.prefix}, test tools and all."
                )
                return Path(sys.executable)
            stamp.write_text(wanted)
        self.stdout.write(f"Ours runs from the production install in {venv}.")
        return python

    def compare_bakerydemo(self, env, port, bakerydemo, work, python):
        """Both sites served at once, each by gunicorn with 2 sync workers and its
        production settings: the static file's rate in alternating wrk runs, then the
        workers' memory after one and two minutes of load on both, once with our
        application preloaded in the master (bakerydemo as it ships, without), once
        the other way round. On a shared machine only figures of one run compare."""
        database = work / "bakerydemodb"
        shutil.copy(bakerydemo / "bakerydemodb", database)  # its checkout stays untouched
        demo_env = self.bakerydemo_env(bakerydemo, database)
        demo_port = free_port()
        self.stdout.write(f"\nSide by side with bakerydemo ({bakerydemo}), 2 sync workers each")
        for phase, ours_preload in enumerate((True, False)):
            ours_env = {**env, "GUNICORN_PRELOAD": str(ours_preload).lower()}
            self.empty_cache(env)  # each phase starts as after a publish
            with (
                gunicorn(ours_env, port, workers=2, ready_path="/en/", python=python) as ours,
                self.bakerydemo_gunicorn(bakerydemo, demo_env, demo_port, not ours_preload) as demo,
            ):
                if phase == 0:
                    self.static_side_by_side(port, demo_port)
                self.memory_side_by_side(
                    {
                        f"ours{' preloaded' if ours_preload else ''}": (ours, port, MEMORY_PAGES),
                        f"bakerydemo{'' if ours_preload else ' preloaded'}": (
                            demo,
                            demo_port,
                            BAKERYDEMO_PAGES,
                        ),
                    },
                    work,
                )

    @staticmethod
    def bakerydemo_env(path, database):
        """bakerydemo's production settings from its bench-env.sh, on a copy of its
        database; nothing of ours (settings module, virtualenv) leaks in."""
        exported = subprocess.run(
            ["bash", "-c", "set -a; source ./bench-env.sh; env -0"],
            cwd=path,
            env={"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": str(Path.home())},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        env = dict(item.split("=", 1) for item in exported.split("\0") if "=" in item)
        env["DATABASE_NAME"] = str(database)
        return env

    @staticmethod
    def bakerydemo_gunicorn(path, env, port, preload):
        command = [str(path / ".venv" / "bin" / "gunicorn"), "--workers", "2"]
        command += ["--worker-class", "sync", "--bind", f"127.0.0.1:{port}"]
        # Its own control socket would take the path every other gunicorn uses.
        command += ["--no-control-socket"] + (["--preload"] if preload else [])
        return server(command + ["bakerydemo.wsgi"], env, path, f"http://127.0.0.1:{port}/")

    def static_side_by_side(self, port, demo_port):
        """The main CSS file of each site, wrk -t2 -c8, the two sites alternately (and
        which goes first alternating too), so that the machine's load weighs on both."""
        urls = {
            "ours": self.stylesheet(port, "/en/", r"/static/css/site[^\"]+\.css"),
            "bakerydemo": self.stylesheet(demo_port, "/", r"/static/css/main[^\"]+\.css"),
        }
        for url in urls.values():
            for _ in range(3):  # warm WhiteNoise's file cache and the workers
                urllib.request.urlopen(url).read()  # noqa: S310
        rounds = []
        for number in range(STATIC_ROUNDS):
            order = list(urls) if number % 2 == 0 else list(reversed(urls))
            rounds.append({site: parse_wrk(wrk(urls[site], self.seconds, 8)) for site in order})
        sizes = {site: len(urllib.request.urlopen(url).read()) for site, url in urls.items()}  # noqa: S310
        self.stdout.write(
            f"\nStatic CSS through gunicorn, wrk -t2 -c8, {self.seconds} s per run, alternately "
            f"(ours {sizes['ours']:,} bytes, bakerydemo {sizes['bakerydemo']:,} bytes, uncompressed):"
        )
        self.stdout.write(
            f"  {'round':<6} {'ours req/s':>11} {'p99 ms':>7} {'bakerydemo req/s':>17} "
            f"{'p99 ms':>7} {'ours/bakerydemo':>16} {'errors':>7}"
        )
        for number, result in enumerate(rounds, 1):
            ours, demo = result["ours"], result["bakerydemo"]
            self.stdout.write(
                f"  {number:<6} {ours['rate']:>11.0f} {ours['p99']:>7.1f} {demo['rate']:>17.0f} "
                f"{demo['p99']:>7.1f} {ours['rate'] / demo['rate']:>16.2f} "
                f"{ours['errors'] + demo['errors']:>7}"
            )
        ours_rate = sum(result["ours"]["rate"] for result in rounds) / len(rounds)
        demo_rate = sum(result["bakerydemo"]["rate"] for result in rounds) / len(rounds)
        self.stdout.write(
            f"  {'mean':<6} {ours_rate:>11.0f} {max(r['ours']['p99'] for r in rounds):>7.1f} "
            f"{demo_rate:>17.0f} {max(r['bakerydemo']['p99'] for r in rounds):>7.1f} "
            f"{ours_rate / demo_rate:>16.2f}   (p99: the worst round)"
        )

    @staticmethod
    def stylesheet(port, page, pattern):
        base = f"http://127.0.0.1:{port}"
        html = urllib.request.urlopen(base + page).read().decode()  # noqa: S310
        return base + re.search(pattern, html).group(0)

    def memory_side_by_side(self, sites, work):
        """Two minutes of wrk -t2 -c4 on a mix of pages at each site at once (8
        connections in all); each gunicorn process's RSS, PSS and private memory at
        60 s, and how much each grew by 120 s. PSS counts pages shared with other
        processes (the master's, copy-on-write after a preload) in shares: the sum over
        a server's processes is its memory."""
        for name, (_process, port, pages) in sites.items():
            for page in pages:
                status = self.status(port, page)
                if status != 200:
                    self.stdout.write(f"  {name} {page}: HTTP {status}")
        # The master serves nothing: anything it holds open the workers share.
        for name, (process, _port, _pages) in sites.items():
            files, redis = held_connections(process.pid)
            self.stdout.write(
                f"\n  {name}: master pid {process.pid} holds {files} database files, "
                f"{redis} Redis connections"
            )
        readings, loads = [], []
        for _minute in (1, 2):
            runs = {}
            for name, (_process, port, pages) in sites.items():
                script = work / f"pages-{port}.lua"
                script.write_text(rotating_script(pages))
                runs[name] = subprocess.Popen(
                    wrk_command(f"http://127.0.0.1:{port}", 60, 4, script),
                    stdout=subprocess.PIPE,
                    text=True,
                )
            loads.append({name: parse_wrk(run.communicate()[0]) for name, run in runs.items()})
            readings.append(
                {name: server_memory(process.pid) for name, (process, *_rest) in sites.items()}
            )
        self.stdout.write(
            f"\n  Memory (MiB) after 60 s and 120 s of load, {', '.join(sites)}:\n"
            f"  {'site':<22} {'process':<14} {'RSS':>13} {'PSS':>13} {'private':>13}"
        )
        for name in sites:
            first, second = readings[0][name], readings[1][name]
            for pid in first:
                label = "master" if pid == sites[name][0].pid else f"worker {pid}"
                if pid not in second:
                    self.stdout.write(f"  {name:<22} {label:<14} replaced during the second minute")
                    continue
                figures = " ".join(
                    f"{before:>6.1f}{after - before:>+7.1f}"
                    for before, after in zip(first[pid], second[pid], strict=True)
                )
                self.stdout.write(f"  {name:<22} {label:<14} {figures}")
            pss1 = sum(pss for _rss, pss, _private in first.values())
            pss2 = sum(pss for _rss, pss, _private in second.values())
            self.stdout.write(
                f"  {name:<22} {'all processes':<14} {'':>13} {pss1:>6.1f}{pss2 - pss1:>+7.1f}"
            )
            rates = " then ".join(
                f"{load[name]['rate']:.0f} req/s (p99 {load[name]['p99']:.0f} ms, "
                f"{load[name]['errors']} errors)"
                for load in loads
            )
            self.stdout.write(f"  {name:<22} load: {rates}")

    @staticmethod
    def status(port, page):
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{port}{page}").status  # noqa: S310
        except urllib.error.HTTPError as error:
            return error.code

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
        output = self.manage(env, "bench", "--measure-search-quality", quiet=False)
        # the figures, without the JSON line the production settings log per request
        self.stdout.write(
            "\n".join(line for line in output.splitlines() if not line.startswith("{"))
        )

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


def rotating_script(pages):
    """A wrk script asking for `pages` in turn."""
    paths = ", ".join(json.dumps(page) for page in pages)
    return (
        f"paths = {{{paths}}}\n"
        "count = 0\n"
        "request = function()\n"
        "  count = count + 1\n"
        '  return wrk.format("GET", paths[count % #paths + 1])\n'
        "end\n"
    )


def children(pid):
    """The processes whose parent is `pid` (a gunicorn master's workers)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue  # ended meanwhile
            # the command name, in parentheses, may hold spaces: fields follow the last ")"
            if int(stat.rpartition(")")[2].split()[1]) == pid:
                found.append(int(entry.name))
    return sorted(found)


def server_memory(master):
    """{pid: (RSS, PSS, private) in MiB} for a gunicorn master and its workers;
    private memory (shared with no other process) is what one more worker costs."""
    memory = {}
    for pid in [master, *children(master)]:
        status = Path(f"/proc/{pid}/status").read_text()
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()

        def kilobytes(field, text=rollup):
            return int(re.search(rf"^{field}:\s+(\d+) kB", text, re.M).group(1))

        private = kilobytes("Private_Clean") + kilobytes("Private_Dirty")
        memory[pid] = (kilobytes("VmRSS", status) / 1024, kilobytes("Pss") / 1024, private / 1024)
    return memory


def held_connections(pid):
    """How many database files (SQLite) and Redis connections (port 6379) `pid` has open."""
    files, sockets = 0, set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.endswith((".sqlite3", "bakerydemodb")):
            files += 1
        elif target.startswith("socket:["):
            sockets.add(target[len("socket:[") : -1])
    redis = 0
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            # remote address:port in hex; 18EB is 6379
            if fields[9] in sockets and fields[2].endswith(":18EB"):
                redis += 1
    return files, redis


def argparse_hidden():
    import argparse

    return argparse.SUPPRESS
