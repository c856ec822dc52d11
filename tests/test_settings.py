"""Settings: secure by default, production configured from the environment."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[1]


def run_python(code, **env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DATABASE_URL")}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=environment, capture_output=True, text=True
    )


def test_base_settings_have_debug_off():
    from icssi_cms.settings import base

    assert base.DEBUG is False


def test_production_refuses_to_start_without_a_secret_key():
    result = run_python(
        "import django; django.setup()", DJANGO_SETTINGS_MODULE="icssi_cms.settings.production"
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_reads_hosts_and_database_from_the_environment():
    result = run_python(
        "from django.conf import settings as s; db = s.DATABASES['default']; "
        "print(s.ALLOWED_HOSTS, db['ENGINE'], db['NAME'], s.DEBUG)",
        DJANGO_SETTINGS_MODULE="icssi_cms.settings.production",
        SECRET_KEY="x" * 50,
        ALLOWED_HOSTS="icssi.org, www.icssi.org",
        DATABASE_URL="postgres://icssi:pw@db.internal:5432/icssi",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split("\n")[0] == (
        "['icssi.org', 'www.icssi.org'] django.db.backends.postgresql icssi False"
    )


@pytest.mark.django_db
def test_local_admin_is_created_once_with_a_random_password(capsys, django_user_model):
    call_command("ensure_local_admin")
    first = capsys.readouterr().out
    assert "username: admin" in first
    password = first.split("password: ")[1].split()[0]
    assert len(password) >= 12
    assert django_user_model.objects.get(username="admin").check_password(password)

    call_command("ensure_local_admin")
    second = capsys.readouterr().out
    assert password not in second
    assert django_user_model.objects.filter(is_superuser=True).count() == 1


@pytest.mark.django_db
def test_two_local_installs_get_different_passwords(capsys, django_user_model):
    call_command("ensure_local_admin")
    first = capsys.readouterr().out.split("password: ")[1].split()[0]
    django_user_model.objects.all().delete()
    call_command("ensure_local_admin")
    second = capsys.readouterr().out.split("password: ")[1].split()[0]
    assert first != second


def test_production_without_redis_shares_the_cache_through_the_database_and_says_so():
    """A cache in each worker's memory would keep serving pages a publish in another
    worker emptied: production falls back to the database cache instead."""
    environment = {k: v for k, v in os.environ.items() if k != "REDIS_URL"}
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings as s; "
            "print(s.CACHES['default']['BACKEND'], s.CACHES['default']['LOCATION'])",
        ],
        cwd=ROOT,
        env={
            **environment,
            "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.production",
            "SECRET_KEY": "x" * 50,
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    # The log (JSON, on stdout) comes first; the settings printed are the last line.
    printed = result.stdout.strip().splitlines()[-1]
    assert printed.split() == ["django.core.cache.backends.db.DatabaseCache", "icssi_cache"]
    assert "REDIS_URL is not set" in result.stdout + result.stderr


@pytest.mark.django_db
def test_migrations_make_the_database_cache_table():
    from django.core.cache.backends.db import DatabaseCache

    from icssi_cms.settings.base import CACHE_TABLE

    shared = DatabaseCache(CACHE_TABLE, {})
    shared.set("written-by-one-worker", "seen by every other")
    assert DatabaseCache(CACHE_TABLE, {}).get("written-by-one-worker") == "seen by every other"
