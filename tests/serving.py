"""The site as production runs it, for tests: gunicorn with the production settings,
and nginx in front with the configuration we ship (deploy/nginx.conf). Everything
listens on 127.0.0.1 on free ports and is stopped by the fixture that started it."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

from icssi_cms.load_testing import (  # noqa: F401 - the tests use them from here
    HOST,
    Nginx,
    Visitor,
    free_port,
    wait_for_port,
)

ROOT = Path(__file__).resolve().parents[1]


def manage(env, *args, stdin=None, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
    )
    if check:
        assert result.returncode == 0, result.stderr[-3000:]
    return result


def production_env(directory, **extra):
    """A production environment on an SQLite file and a media folder in `directory`."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DATABASE_URL", "REDIS_URL", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="icssi_cms.settings.production",
        SECRET_KEY="serving-tests-" + "s" * 50,
        ALLOWED_HOSTS=f"{HOST},127.0.0.1",
        CSRF_TRUSTED_ORIGINS=f"https://{HOST}",
        SQLITE_PATH=str(Path(directory) / "site.sqlite3"),
        MEDIA_ROOT=str(Path(directory) / "media"),
        STATIC_ROOT=str(ROOT / "collected_static"),
        PAGE_CACHE_SECONDS="0",
        EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend",
    )
    env.update(extra)
    return env


def build_site(directory, env):
    """Migrate, seed, groups and static files, as docs/deploy.md orders them."""
    Path(directory).mkdir(parents=True, exist_ok=True)
    manage(env, "migrate", "--noinput")
    manage(env, "load_seed_content")
    manage(env, "setup_groups", "--verbosity", "0")
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")


def copy_site(template, directory):
    """A fresh copy of a site built by build_site (see the production_site fixture)."""
    shutil.copytree(template, directory, dirs_exist_ok=True)
    return Path(directory)


class Gunicorn:
    def __init__(self, env, workers=2):
        self.port = free_port()
        self.env = {
            **env,
            "GUNICORN_BIND": f"127.0.0.1:{self.port}",
            "GUNICORN_WORKERS": str(workers),
            "GUNICORN_ACCESS_LOG": "",
        }
        self.log = Path(env["SQLITE_PATH"]).with_suffix(f".gunicorn-{self.port}.log")

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "-c",
                "icssi_cms/gunicorn.conf.py",
                "icssi_cms.wsgi",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log.open("wb"),
            stderr=subprocess.STDOUT,
        )
        wait_for_port(self.port, self.process)
        return self

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def output(self):
        return self.log.read_text(errors="replace")


class PrivateRedis:
    """A redis-server of the test's own on a free port, which it may stop."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"

    def __enter__(self):
        self.process = subprocess.Popen(
            [shutil.which("redis-server") or "/usr/bin/redis-server", "--port", str(self.port)]
            + ["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
        )
        wait_for_port(self.port, self.process)
        return self

    def stop(self):
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=20)

    def __exit__(self, *exc):
        self.stop()
