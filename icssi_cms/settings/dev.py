"""Local development: `make run`. Never used in production."""

import os

from .base import *  # noqa: F403

# Off, so that `make run` shows what readers see: the site's own 404 and 500 pages in
# the reader's language. `DEBUG=1 make run` shows Django's debug pages instead.
DEBUG = os.environ.get("DEBUG") == "1"
# Uploaded images and documents, which production serves from its storage.
SERVE_MEDIA_LOCALLY = True
WAGTAILADMIN_BASE_URL = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
# Errors printed where runserver prints, with DEBUG off too.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
# A development-only key; production.py refuses to start without its own.
SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
