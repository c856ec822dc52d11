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
from icssi_cms.private_servers import PrivatePostgres, PrivateRedis

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
            help="load only: the database to build the site in (faults use their own server)",
            default=os.environ.get(
                "RELIABILITY_DATABASE_URL",
                "postgres://icssi:icssi-ci@127.0.0.1:5432/icssi_reliability",
            ),
        )
        parser.add_argument(
            "--redis-url",
            help="load only: the Redis database to use (it is emptied)",
            default=os.environ.get("RELIABILITY_REDIS_URL", "redis://127.0.0.1:6379/13"),
        )

    def handle(self, scenario, seconds, database_url, redis_url, **options):
        for tool in ("wrk", "redis-cli", "redis-server", "pg_dump"):
            if not shutil.which(tool):
                raise CommandError(f"{tool} is needed (see .ci/run for the set-up).")
        self.root = Path(settings.BASE_DIR)
        self.port = free_port()
        self.failures = []
        started = time.monotonic()
        if scenario == "load":
            self.env = self.prepare(database_url, redis_url)
            self.load(seconds)
        else:
            # Faults restart PostgreSQL and stop Redis: servers of this run's own.
            with PrivatePostgres() as self.postgres, PrivateRedis() as self.redis:
                self.env = self.prepare(self.postgres.url("icssi_faults"), self.redis.url)
                self.faults()
        self.stdout.write(f"\nTook {time.monotonic() - started:.0f} s.")
        if self.failures:
            raise CommandError("Missed: " + "; ".join(self.failures))
        self.stdout.write(self.style.SUCCESS("All targets met."))

    # --- set-up -----------------------------------------------------------------------
    def prepare(self, database_url, redis_url):
        import psycopg

        parts = urllib.parse.urlparse(database_url)
        name = parts.path.lstrip("/")
        admin_url = parts._replace(path="/postgres").geturl()
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')
        subprocess.run(["redis-cli", "-u", redis_url, "flushdb"], check=True, capture_output=True)
        env = {
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.production",
            "SECRET_KEY": "reliability-only-" + "r" * 48,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SECURE_SSL_REDIRECT": "false",
            "DATABASE_URL": database_url,
            "REDIS_URL": redis_url,
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
        with gunicorn(self.env, self.port, workers=4):
            committed = self.submit_join_form("Committed before the outage")
            self.expect(committed == 302, "a form sent with the mail server down is accepted")
            self.expect(self.stored("Committed before the outage") == "1", "and stored")

            self.stdout.write("\nPostgreSQL restarted 8 s into 30 s of load (16 connections)")
            self.during_load(30, 8, self.postgres.restart, "wrk")
            self.expect(self.status("/health/") == 200, "the site recovers by itself")
            self.expect(self.status("/en/news/") == 200, "pages are served again")
            self.expect(
                self.stored("Committed before the outage") == "1", "nothing committed is lost"
            )

            self.stdout.write("\nRedis stopped 8 s into 30 s of load, started again at 20 s")
            self.during_load(
                30, 8, self.redis.stop, "wrk", then=(20, self.redis.start), during=self.sign_in
            )
            self.backup_while_submissions_arrive()
            self.restore_killed_half_way()

    def stored(self, name):
        return self.shell(
            self.env,
            "from campaigns.submissions import CampaignEndorsement as E\n"
            f"print(E.objects.filter(organisation_name={name!r}).count())",
        ).strip()

    def sign_in(self):
        """While Redis is down: an editor signs in and opens the admin."""
        self.shell(
            self.env,
            "from django.contrib.auth.models import User\n"
            "User.objects.filter(username='faults').exists() or "
            "User.objects.create_superuser('faults', 'f@example.org', 'a-long-fault-password')",
        )
        signed_in, admin = editor_signs_in(self.url, "faults", "a-long-fault-password")
        self.stdout.write(f"  editor sign-in with Redis down: {signed_in}, admin: {admin}")
        self.expect(signed_in == 302 and admin == 200, "an editor signs in while Redis is down")

    def backup_while_submissions_arrive(self):
        self.stdout.write("\nA backup taken while 40 forms arrive")
        statuses = []

        def submit():
            for n in range(40):
                statuses.append(self.submit_join_form(f"During backup {n}"))

        sender = threading.Thread(target=submit)
        sender.start()
        time.sleep(1)
        archive = Path(tempfile.mkdtemp()) / "during.tar.gz"
        self.manage(self.env, "backup", "--output", str(archive))
        sender.join()
        accepted = statuses.count(302)
        live = int(self.count_like("During backup"))
        copy = {**self.env, "DATABASE_URL": self.postgres.url("icssi_faults_copy")}
        self.create_database("icssi_faults_copy")
        self.manage(copy, "restore", str(archive), "--yes")
        in_backup = int(self.count_like("During backup", copy))
        self.stdout.write(
            f"  forms accepted: {accepted} of {len(statuses)}; stored: {live}; "
            f"in the backup: {in_backup} (the rest arrived after its snapshot)"
        )
        self.expect(accepted == live == 40, "every accepted form stored (0 rows lost)")
        self.expect(0 <= in_backup <= live, "the backup restores: a consistent snapshot")
        self.archive = archive

    def restore_killed_half_way(self):
        self.stdout.write("\nA restore killed half-way (while it replaces the tables)")
        before = self.count_like("")
        restore = subprocess.Popen(
            [sys.executable, str(self.root / "manage.py"), "restore", str(self.archive), "--yes"],
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        killed = False
        deadline = time.monotonic() + 120
        while restore.poll() is None and time.monotonic() < deadline:
            replacing = subprocess.run(
                ["pgrep", "-s", str(restore.pid), "-f", "single-transaction"],
                capture_output=True,
            )
            if replacing.returncode == 0:
                time.sleep(0.2)
                os.killpg(restore.pid, 9)
                killed = True
                break
            time.sleep(0.05)
        restore.wait()
        after = self.count_like("")
        self.stdout.write(
            f"  killed during pg_restore: {killed}; submissions before {before}, after {after}"
        )
        self.expect(killed, "the restore was killed while replacing the tables")
        self.expect(before == after, "a restore killed half-way leaves the site as it was")
        self.expect(self.status("/en/") == 200, "and the site is served")

    def count_like(self, prefix, env=None):
        return self.shell(
            env or self.env,
            "from campaigns.submissions import CampaignEndorsement as E\n"
            f"print(E.objects.filter(organisation_name__startswith={prefix!r}).count())",
        ).strip()

    def create_database(self, name):
        import psycopg

        with psycopg.connect(self.postgres.url("postgres"), autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')

    def during_load(self, seconds, at, fault, label, then=None, during=None):
        result = {}

        def run():
            result["wrk"] = self.wrk(seconds, 16)

        load = threading.Thread(target=run)
        load.start()
        time.sleep(at)
        fault()
        if during:
            during()
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
        if fault == self.redis.stop:
            self.expect(set(statuses) == {200}, "every request served while Redis was down")

    def status(self, path):
        try:
            return urllib.request.urlopen(self.url(path), timeout=10).status  # noqa: S310
        except urllib.error.HTTPError as error:
            return error.code

    def submit_join_form(self, name):
        """POST the join form as a browser on a page of the site would (Referer), each
        organisation from an address and with an email of its own, so that the form
        limits per address and per email never refuse it."""
        self.joins = getattr(self, "joins", 0) + 1
        visitor = Visitor(self.port, address=f"127.0.2.{self.joins % 250 + 1}", https=False)
        form = {
            "organisation_name": name,
            "country": "Iraq",
            "contact_person": "Reliability test",
            "email": f"reliability{self.joins}@example.org",
            "fax_number": "",
        }
        path = "/en/campaigns/end-cross-border-bombings/"
        headers = {"Host": f"127.0.0.1:{self.port}", "Referer": self.url(path)}
        return visitor.post_form(path, form, headers=headers).status


def editor_signs_in(url, username, password):
    """Sign in to the admin over plain HTTP as a browser would (cookies passed by hand:
    production marks them Secure); the sign-in's status and then the admin's."""
    jar = {}

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args, **kwargs):
            return None

    opener = urllib.request.build_opener(NoRedirect())

    def visit(address, data=None):
        headers = {"Referer": address, "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}
        try:
            response = opener.open(urllib.request.Request(address, data, headers), timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            jar[name] = rest.split(";")[0]
        return response

    login = url("/admin/login/")
    page = visit(login).read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": username, "password": password}
    ).encode()
    signed_in = visit(login, data).status
    return signed_in, visit(url("/admin/")).status
