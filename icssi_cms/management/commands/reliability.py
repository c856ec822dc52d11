"""`make load-test` and `make fault-test`: the production set-up under load and faults.

Needs PostgreSQL and Redis on 127.0.0.1 as `.ci/run` starts them, and wrk. Builds a
copy of the seed site in its own PostgreSQL database, serves it with gunicorn (4 sync
workers, production settings, cache and sessions in Redis database 13) and sends
traffic only to 127.0.0.1, bounded in time. Prints what happened; exits non-zero
when a target is missed. Results are recorded in docs/reliability.md.

  load    Two gunicorn servers (2 workers each) behind nginx with deploy/nginx.conf,
          sharing PostgreSQL and Redis. 60 s at 32 connections over the main pages in
          three languages, half of them the campaign page, while organisations join
          from addresses of their own and an editor publishes every second: no 5xx, no
          socket errors, every submission stored, the last publish on both servers at
          once. Then the campaign page's rate as a ratio to a static file's.
  faults  PostgreSQL restarted during load: only 200s and friendly 503s, recovery
          without help, nothing committed lost. Redis stopped during load: pages
          still served, no 5xx. Mail server down: a join-the-campaign form is stored.
"""

import contextlib
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from icssi_cms.load_testing import HOST, Nginx, Visitor, free_port, gunicorn, parse_wrk, wrk

PATHS = [
    "/en/",
    "/ar/",
    "/ckb/",
    "/en/news/",
    "/ar/news/",
    "/en/news/iraqi-civil-initiative-launched/",
    "/ckb/news/military-solution-is-not-the-only-option/",
    "/en/campaigns/end-cross-border-bombings/",
    "/ar/conferences/annual-conference-2017-sulaymaniyah/",
    "/en/search/?q=Iraq",
    "/ar/search/?q=%D9%83%D8%B1%D8%AF%D8%B3%D8%AA%D8%A7%D9%86",
    "/en/news/feed/",
    "/sitemap.xml",
]
CAMPAIGN = "/en/campaigns/end-cross-border-bombings/"
# What a campaign going viral sends: half the requests for the campaign page.
MIX = (
    PATHS
    + [f"/{language}/campaigns/end-cross-border-bombings/" for language in ("en", "ar", "ckb")] * 4
)

# Cycles through PATHS and counts every status code, across wrk's threads.
WRK_SCRIPT = """
local paths = {%s}
local counter = 0
local threads = {}
statuses = {}
function setup(thread) table.insert(threads, thread) end
function request()
  counter = counter + 1
  return wrk.format("GET", paths[(counter %% #paths) + 1])
end
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end
function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      total[status] = (total[status] or 0) + count
    end
  end
  for status, count in pairs(total) do io.write(string.format("status %%d %%d\\n", status, count)) end
end
"""

PUBLISHER = """
import time
from news.models import NewsPage
page = NewsPage.objects.get(slug="iraqi-civil-initiative-launched", locale__language_code="en")
deadline = time.monotonic() + {seconds}
count = 0
while time.monotonic() < deadline:
    count += 1
    page.title = f"The Iraqi Civil Initiative is Launched (update {{count}})"
    page.save_revision().publish()
    time.sleep(1)
print(f"published {{count}} times")
"""


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        parser.add_argument("scenario", choices=["load", "faults"])
        parser.add_argument("--seconds", type=int, default=60, help="length of the load run")
        parser.add_argument(
            "--database-url",
            default=os.environ.get(
                "RELIABILITY_DATABASE_URL",
                "postgres://icssi:icssi-ci@127.0.0.1:5432/icssi_reliability",
            ),
        )

    def handle(self, scenario, seconds, database_url, **options):
        for tool in ("wrk", "redis-cli", "pg_lsclusters"):
            if not shutil.which(tool):
                raise CommandError(f"{tool} is needed (see .ci/run for the set-up).")
        self.root = Path(settings.BASE_DIR)
        self.port = free_port()
        self.failures = []
        self.env = self.prepare(database_url)
        started = time.monotonic()
        if scenario == "load":
            self.load(seconds)
        else:
            self.faults()
        self.stdout.write(f"\nTook {time.monotonic() - started:.0f} s.")
        if self.failures:
            raise CommandError("Missed: " + "; ".join(self.failures))
        self.stdout.write(self.style.SUCCESS("All targets met."))

    # --- set-up -----------------------------------------------------------------------
    def prepare(self, database_url):
        import psycopg

        parts = urllib.parse.urlparse(database_url)
        name = parts.path.lstrip("/")
        admin_url = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        # Its own Redis database (RELIABILITY_REDIS_DB, 13 unless set), emptied first.
        redis_db = os.environ.get("RELIABILITY_REDIS_DB", "13")
        subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-n", redis_db, "flushdb"],
            check=True,
            capture_output=True,
        )
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.production",
            "SECRET_KEY": "reliability-only-" + "r" * 48,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": f"redis://127.0.0.1:6379/{redis_db}",
            "STATIC_ROOT": tempfile.mkdtemp(prefix="icssi-static-"),
            "MEDIA_ROOT": tempfile.mkdtemp(prefix="icssi-media-"),
            # A mail server that is down: submissions must be kept all the same.
            "EMAIL_HOST": "127.0.0.1",
            "EMAIL_PORT": str(free_port()),
        }
        self.stdout.write("Preparing the site (PostgreSQL, Redis, production settings)...")
        for args in (
            ["migrate", "--noinput"],
            ["load_seed_content"],
            ["setup_groups"],
            ["compile_translations"],
            ["collectstatic", "--noinput"],
        ):
            self.manage(env, *args)
        # The campaign gets a contact address, so joining it sends an email.
        self.shell(
            env,
            "from campaigns.models import CampaignPage\n"
            "c = CampaignPage.objects.get(locale__language_code='en')\n"
            "c.contact_email = 'campaign@icssi.example'\n"
            "c.save_revision().publish()\n",
        )
        return env

    def manage(self, env, *args):
        subprocess.run(
            [sys.executable, str(self.root / "manage.py"), *args],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
        )

    def shell(self, env, code):
        """Run `code` in `manage.py shell`; its last line of output."""
        output = subprocess.run(
            [sys.executable, str(self.root / "manage.py"), "shell", "--no-imports", "-c", code],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        lines = output.strip().splitlines()
        return lines[-1] if lines else ""

    def url(self, path):
        return f"http://127.0.0.1:{self.port}{path}"

    def wrk(self, seconds, connections, base=None, paths=PATHS):
        script = Path(tempfile.mkdtemp()) / "paths.lua"
        script.write_text(WRK_SCRIPT % ", ".join(f'"{p}"' for p in paths))
        output = wrk((base or self.url("")) + "/", seconds, connections, script=script)
        statuses = {
            int(code): int(count)
            for code, count in re.findall(r"^status (\d+) (\d+)$", output, re.M)
        }
        return statuses, parse_wrk(output)

    def report(self, label, statuses, figures):
        counts = ", ".join(f"{code}: {count}" for code, count in sorted(statuses.items()))
        self.stdout.write(
            f"  {label}: {sum(statuses.values())} requests ({figures['rate']:.0f}/s, "
            f"p50 {figures['p50']} ms, p99 {figures['p99']} ms); {counts}; "
            f"socket errors: {figures['socket_errors']}"
        )

    def expect(self, condition, message):
        self.stdout.write(f"  {'ok ' if condition else 'MISSED'} {message}")
        if not condition:
            self.failures.append(message)

    # --- scenarios --------------------------------------------------------------------
    def load(self, seconds):
        """Two gunicorn servers behind nginx (deploy/nginx.conf), sharing PostgreSQL
        and Redis: the mix of pages from wrk, organisations joining from addresses of
        their own, an editor publishing every second; then the campaign page and a
        static file alone, through the same nginx, for their ratio."""
        env = {**self.env, "TRUSTED_PROXY_HOPS": "1", "ALLOWED_HOSTS": f"{HOST},127.0.0.1"}
        env["CSRF_TRUSTED_ORIGINS"] = f"https://{HOST}"
        ports = [free_port(), free_port()]
        with (
            gunicorn(env, ports[0], workers=2),
            gunicorn(env, ports[1], workers=2),
            Nginx(tempfile.mkdtemp(prefix="icssi-nginx-"), ports, env["MEDIA_ROOT"]) as proxy,
        ):
            self.proxy_port = proxy.https_port
            self.stdout.write(
                f"\nLoad: {seconds} s through nginx to two servers, 32 connections, "
                "organisations joining, an editor publishing every second"
            )
            publisher = self.start_publisher(env, seconds)
            joined = {}
            joining = threading.Thread(target=self.organisations_join, args=(seconds, joined))
            joining.start()
            statuses, figures = self.wrk(seconds, 32, base=self.proxied(""), paths=MIX)
            joining.join()
            output = publisher.communicate(timeout=60)[0]
            self.report("wrk (mix)", statuses, figures)
            self.check_load(statuses, figures, output, ports, joined)
            self.campaign_against_static()

    def start_publisher(self, env, seconds):
        return subprocess.Popen(
            [sys.executable, str(self.root / "manage.py"), "shell", "-c"]
            + [PUBLISHER.format(seconds=seconds)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )

    def proxied(self, path):
        return f"https://127.0.0.1:{self.proxy_port}{path}"

    def organisations_join(self, seconds, joined):
        """One organisation a second joins the campaign, each from its own address
        (127.0.1.x: nginx sees them apart, and so must the form limits)."""
        deadline = time.monotonic() + seconds
        number = 0
        while time.monotonic() < deadline:
            number += 1
            visitor = Visitor(self.proxy_port, address=f"127.0.1.{number % 250 + 1}")
            response = visitor.post_form(
                CAMPAIGN,
                {
                    "organisation_name": f"Joined under load {number}",
                    "country": "Iraq",
                    "contact_person": "Layla Hassan",
                    "email": f"load{number}@example.org",
                    "fax_number": "",
                },
            )
            joined[response.status] = joined.get(response.status, 0) + 1
            time.sleep(1)

    def check_load(self, statuses, figures, output, ports, joined):
        published = (re.findall(r"published \d+ times", output) or ["did not finish"])[-1]
        self.stdout.write(f"  editor: {published}; organisations: {joined}")
        self.expect(not any(code >= 500 for code in statuses), "no 5xx responses")
        self.expect(figures["socket_errors"] == "none", "no socket errors")
        accepted = joined.get(302, 0)
        stored = self.shell(
            self.env,
            "from campaigns.submissions import CampaignEndorsement as E\n"
            "print(E.objects.filter(organisation_name__startswith='Joined under load').count())",
        )
        self.expect(
            accepted > 0 and set(joined) == {302} and stored == str(accepted),
            f"every organisation that joined is stored ({stored} of {accepted} accepted)",
        )
        last = re.search(r"published (\d+) times", published)
        for port in ports:
            page = urllib.request.urlopen(  # noqa: S310 - our own server on loopback
                f"http://127.0.0.1:{port}/en/news/iraqi-civil-initiative-launched/"
            )
            self.expect(
                bool(last) and f"(update {last.group(1)})" in page.read().decode(),
                f"the server on port {port} shows the editor's last publish at once",
            )

    def campaign_against_static(self):
        """The campaign page (a cache hit) and a static file, 10 s each, through nginx."""
        page = Visitor(self.proxy_port).get(CAMPAIGN).text
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
        rates = {}
        for label, path in (("campaign page", CAMPAIGN), ("static file", stylesheet)):
            statuses, figures = self.wrk(10, 32, base=self.proxied(""), paths=[path])
            self.report(label, statuses, figures)
            rates[label] = figures["rate"]
        ratio = rates["campaign page"] / rates["static file"]
        self.stdout.write(f"  campaign page / static file: {ratio:.2f}")
        self.expect(ratio >= 0.5, "the campaign page at >= 0.5x a static file's rate")

    def faults(self):
        with gunicorn(self.env, self.port, workers=4), self.redis_restarted_after():
            committed = self.submit_join_form("Committed before the outage")
            self.expect(committed == 302, "a form sent with the mail server down is accepted")
            stored = self.shell(
                self.env,
                "from campaigns.submissions import CampaignEndorsement as E\n"
                "print(E.objects.filter(organisation_name='Committed before the outage').count())",
            ).strip()
            self.expect(stored == "1", "and stored, though no email could be sent")

            self.stdout.write("\nPostgreSQL restarted 8 s into 30 s of load (16 connections)")
            self.during_load(30, 8, self.restart_postgresql, "wrk")
            health = self.status("/health/")
            self.expect(health == 200, "the site recovers by itself (/health/ answers 200)")
            self.expect(self.status("/en/news/") == 200, "pages are served again")
            stored = self.shell(
                self.env,
                "from campaigns.submissions import CampaignEndorsement as E\n"
                "print(E.objects.filter(organisation_name='Committed before the outage').count())",
            ).strip()
            self.expect(stored == "1", "nothing committed before the restart is lost")

            self.stdout.write("\nRedis stopped 8 s into 30 s of load, started again at 20 s")
            self.during_load(30, 8, self.stop_redis, "wrk", then=(20, self.start_redis))

    @contextlib.contextmanager
    def redis_restarted_after(self):
        try:
            yield
        finally:
            self.start_redis()

    def during_load(self, seconds, at, fault, label, then=None):
        result = {}

        def run():
            result["wrk"] = self.wrk(seconds, 16)

        load = threading.Thread(target=run)
        load.start()
        time.sleep(at)
        fault()
        if then:
            time.sleep(then[0] - at)
            then[1]()
        load.join()
        statuses, figures = result["wrk"]
        self.report(label, statuses, figures)
        self.expect(
            all(code in (200, 503) for code in statuses),
            "only 200 and friendly 503 answers, no 500",
        )
        if fault == self.stop_redis:
            self.expect(set(statuses) == {200}, "every request served while Redis was down")

    def status(self, path):
        try:
            return urllib.request.urlopen(self.url(path), timeout=10).status  # noqa: S310
        except urllib.error.HTTPError as error:
            return error.code

    def submit_join_form(self, name):
        """POST the join form as a browser would. Production cookies are Secure and
        this talks plain HTTP to 127.0.0.1, so the CSRF cookie is sent back by hand."""
        address = self.url("/en/campaigns/end-cross-border-bombings/")
        with urllib.request.urlopen(address) as response:  # noqa: S310
            page = response.read().decode()
            cookie = re.search(r"csrftoken=([^;]+)", response.headers.get("Set-Cookie", "")).group(
                1
            )
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        data = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": token,
                "organisation_name": name,
                "country": "Iraq",
                "contact_person": "Reliability test",
                "email": "reliability@example.org",
            }
        ).encode()
        request = urllib.request.Request(
            address, data=data, headers={"Referer": address, "Cookie": f"csrftoken={cookie}"}
        )

        class NoRedirect(urllib.request.HTTPRedirectHandler):
            def redirect_request(self, *args, **kwargs):
                return None

        try:
            return urllib.request.build_opener(NoRedirect()).open(request).status
        except urllib.error.HTTPError as error:
            return error.code

    @staticmethod
    def restart_postgresql():
        version = subprocess.run(
            ["pg_lsclusters", "-h"], capture_output=True, text=True
        ).stdout.split()[0]
        subprocess.run(["pg_ctlcluster", version, "main", "restart"], check=True)

    @staticmethod
    def stop_redis():
        subprocess.run(["redis-cli", "-h", "127.0.0.1", "shutdown", "nosave"], capture_output=True)

    @staticmethod
    def start_redis():
        ping = subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "ping"], capture_output=True, text=True
        )
        if ping.stdout.strip() != "PONG":
            subprocess.run(
                [
                    "redis-server",
                    "--daemonize",
                    "yes",
                    "--bind",
                    "127.0.0.1",
                    "--port",
                    "6379",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                ],
                check=True,
                capture_output=True,
            )
            time.sleep(1)
