"""Settings for the test suite. SQLite unless DATABASE_URL names another database."""

import os
import tempfile

import dj_database_url

from .base import *  # noqa: F403

SECRET_KEY = "tests-only-secret-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"])}
else:
    # A file, not Django's in-memory default: with it, the live-server tests see
    # separate connections writing at once, as the admin's requests do, under the
    # configuration of base.py (tests/test_concurrent_editing.py).
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"icssi-test-{os.getpid()}.sqlite3")
    }
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests do not run collectstatic.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Serve static files from the app folders, without collectstatic.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
# Django's test client logs in without a request, which django-axes refuses; the
# throttling tests (tests/test_security.py) put it back.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
# Tasks run at once, inside the test; tests/test_tasks.py uses the database queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# Pages are rendered afresh in tests; tests/test_page_cache.py turns the cache on.
PAGE_CACHE_SECONDS = 0
# CI runs the suite a second time on PostgreSQL with Redis as the cache.
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"], "icssi-tests")}  # noqa: F405
