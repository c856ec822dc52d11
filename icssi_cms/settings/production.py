"""Production: everything secret or host-specific comes from the environment.

See docs/deploy.md for each variable.
"""

import os

import dj_database_url

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

LOG_FORMAT = os.environ.get("LOG_FORMAT", "json")
LOGGING["handlers"]["stdout"]["formatter"] = "json" if LOG_FORMAT == "json" else "text"  # noqa: F405

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment for production.")

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(
            os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True
        )
    }

# Cache and sessions in Redis, shared by every app server. If Redis stops, pages
# are served uncached rather than failing (IGNORE_EXCEPTIONS, short timeouts).
if os.environ.get("REDIS_URL"):
    CACHES = {"default": redis_cache(os.environ["REDIS_URL"], "icssi")}  # noqa: F405
    # Said once, not a traceback a request (icssi_cms/logging.py, OncePerOutage).
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    DJANGO_REDIS_LOGGER = "django_redis.cache"
    # Sessions in the database, read through Redis: a Redis outage signs no one out
    # and sign-in still works.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Never a cache in each process's memory: with several workers or servers, a
    # publish would empty one worker's pages and the others would go on serving the
    # old ones, and each would count form limits apart. Without Redis, the database
    # (table icssi_cache, made by `migrate`) is the shared cache; said at start-up.
    CACHES = {"default": shared_database_cache()}  # noqa: F405
    CACHE_FALLBACK_WARNING = (
        "REDIS_URL is not set: the cache (pages, rate limits) is kept in the database, "
        "table icssi_cache, shared by every worker and server. Set REDIS_URL for speed."
    )

# Uploaded images and documents in S3-compatible object storage, so that app
# servers keep nothing on their disks (needs `pip install "django-storages[s3]"`).
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "default_acl": None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }
    # Documents go through Wagtail's view, which checks a collection's privacy, never
    # by a redirect to the bucket (only images are public there: docs/deploy.md).
    WAGTAILDOCS_SERVE_METHOD = "serve_view"

# A CDN in front of the site: purge changed pages there too (icssi_cms/page_cache.py).
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE = {
        "http": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
        }
    }
elif os.environ.get("CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE = {
        "cloudflare": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ["CLOUDFLARE_ZONEID"],
        }
    }

# When the site outgrows PostgreSQL's full-text search: OpenSearch or Elasticsearch
# through Wagtail's own backends, e.g. SEARCH_BACKEND=wagtail.search.backends.opensearch2
# and SEARCH_URL=https://search.internal:9200, then `manage.py update_index`.
# The pages are indexed by words already stemmed for their language (home/stemming/),
# as on PostgreSQL: the index's default analyser only splits at spaces and lower-cases,
# so OpenSearch matches the same words (its own arabic/sorani/english analysers would
# stem the stems again, differently from the other backends).
SEARCH_INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "analyzer": {
                "default": {"type": "custom", "tokenizer": "whitespace", "filter": ["lowercase"]}
            }
        }
    }
}
if os.environ.get("SEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": os.environ.get("SEARCH_BACKEND", "wagtail.search.backends.opensearch2"),
            "URLS": [os.environ["SEARCH_URL"]],
            "INDEX": os.environ.get("SEARCH_INDEX", "icssi"),
            "INDEX_SETTINGS": SEARCH_INDEX_SETTINGS,
        }
    }

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
CSRF_COOKIE_HTTPONLY = True

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "false").lower() == "true"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "")

# Error reporting to Sentry (or a service speaking its protocol, e.g. GlitchTip):
# off unless SENTRY_DSN is set. No personal data is sent (send_default_pii=False).
if os.environ.get("SENTRY_DSN"):
    import sentry_sdk

    sentry_sdk.init(
        dsn=os.environ["SENTRY_DSN"],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        send_default_pii=False,
        traces_sample_rate=0.0,
    )
