"""Local development: `make run`. Never used in production."""

from .base import *  # noqa: F403

DEBUG = True
# A development-only key; production.py refuses to start without its own.
SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
