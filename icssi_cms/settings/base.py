"""Settings shared by every environment. Secure by default: DEBUG is off here."""

import os
from pathlib import Path

from django.conf.locale import LANG_INFO

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
ALLOWED_HOSTS: list[str] = []

INSTALLED_APPS = [
    "icssi_cms",
    "home",
    "news",
    "campaigns",
    "search",
    # wagtail_localize.locales replaces wagtail.locales (same app label).
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.frontend_cache",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "csp",
    "axes",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "icssi_cms.logging.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files answered here, before the work only pages need (policies, sessions,
    # languages, users); WhiteNoise serves them compressed already.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "icssi_cms.middleware.PublicPageGZipMiddleware",
    # Before anything reads the body: oversized bodies and files refused (413).
    "icssi_cms.middleware.VisitorInputLimitsMiddleware",
    "icssi_cms.middleware.SiteCSPMiddleware",
    "icssi_cms.middleware.PermissionsPolicyMiddleware",
    "icssi_cms.middleware.DatabaseUnavailableMiddleware",
    # A cached page is answered before sessions, languages, CSRF and users: an
    # anonymous reader's hit needs none of them (the stored answer already carries
    # their headers).
    "icssi_cms.page_cache.AnonymousPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Chooses the language from the URL prefix, and for "/" from Accept-Language.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "home.i18n.translation_views_per_language.TranslationLanguageMiddleware",
    "home.i18n.machine_translation.MachineTranslationErrors",
    # Last, as django-axes asks: throttles repeated failed logins.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "icssi_cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "icssi_cms.wsgi.application"

# The embedded default; production sets DATABASE_URL (see production.py).
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        # Several requests write at once (autosave while an editor publishes): each
        # transaction takes the write lock when it begins, so none fails half-way
        # with "database is locked"; the others wait for it (up to `timeout`
        # seconds). The write-ahead log lets readers go on while one writes.
        "OPTIONS": {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Security ------------------------------------------------------------------
# Content Security Policy (django-csp 4): public pages load nothing but this site's
# own files, and the video sites editors may embed.
EMBED_ORIGINS = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-src": ["'self'", *EMBED_ORIGINS],
        "frame-ancestors": ["'self'"],
        "form-action": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
# Wagtail's admin (see icssi_cms/middleware.py) still uses inline scripts and styles.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
    }
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), "
    "accelerometer=(), gyroscope=(), magnetometer=(), interest-cohort=()"
)
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# The visitor's address behind our own proxies (home/client_address.py): how many
# proxies stand in front of the app, or their networks. Nothing trusted by default.
TRUSTED_PROXY_HOPS = int(os.environ.get("TRUSTED_PROXY_HOPS", "0"))
TRUSTED_PROXY_NETWORKS = [
    n.strip() for n in os.environ.get("TRUSTED_PROXY_NETWORKS", "").split(",") if n.strip()
]

# Repeated failed logins (django-axes): 5 failures for one account from one address
# lock that account from that address for an hour; other accounts and other
# addresses still sign in.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_CLIENT_IP_CALLABLE = "home.client_address.client_address"
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "admin_locked_out.html"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# Plain codes on purpose: Locale.is_bidi matches LANGUAGES_BIDI exactly, so a
# regional code such as "ar-iq" would render left to right. Django knows "ckb"
# (Central Kurdish, Sorani) as a right-to-left language with its own formats.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("ar", "العربية"),
    ("ckb", "کوردی"),
]
# Browsers name Sorani in several ways: Firefox and Android "ckb", Chrome "ku"
# ("Kurdish"), Windows "ku-Arab-IQ". Django falls back from a code it does not serve
# through LANG_INFO; Kurmanji in Latin letters (ku-Latn, kmr) gets no fallback, so
# it is not sent to a site in Arabic script.
for _code in ("ku", "ku-arab", "ku-arab-iq"):
    LANG_INFO.setdefault(_code, {"fallback": ["ckb"]})
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
# The site's own catalogues first, so they win; then Sorani (and Arabic gap-filling)
# catalogues for Wagtail's and wagtail-localize's admin, kept in the layout of their
# upstream packages until those ship them (docs/translation.md).
LOCALE_PATHS = [
    PROJECT_DIR / "locale",
    PROJECT_DIR / "locale_upstream" / "wagtail",
    PROJECT_DIR / "locale_upstream" / "wagtail_localize",
]
# How dates are written in each language; month names come from LOCALE_PATHS.
FORMAT_MODULE_PATH = ["icssi_cms.formats"]

USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# Slugs are Latin letters only and shared by all languages: see
# PAGE_TRANSLATABLE_FIELDS in home/models/base.py.
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# A new translation of a live page must not go live with English text in it:
# translators publish their own work.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# An approved translation whose English is not live yet waits and goes live with it
# (home/i18n/translation_review.py).
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.i18n.workflow_finish.publish_approved"

# Machine translation: off unless MACHINE_TRANSLATION names a service. Its output
# fills the translation editor as a draft; a translator reviews and publishes it.
# See docs/translation.md.
MACHINE_TRANSLATION = os.environ.get("MACHINE_TRANSLATION", "").strip().lower()
if MACHINE_TRANSLATION == "libretranslate":
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        # Offers only the languages the server has (Sorani when it has a model for it).
        "CLASS": "home.i18n.machine_translation.LibreTranslatorForICSSI",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"].rstrip("/"),
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
            "TIMEOUT": int(os.environ.get("MACHINE_TRANSLATION_TIMEOUT", "30")),
        },
    }
elif MACHINE_TRANSLATION == "deepl":
    # DeepL has Arabic but no Kurdish: Sorani strings stay for the translator.
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "home.i18n.machine_translation.DeepLTranslatorForICSSI",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_AUTH_KEY"]},
    }
elif MACHINE_TRANSLATION == "google":
    # Needs `pip install google-cloud-translate`; Google has both Arabic and Sorani.
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.google.GoogleCloudTranslator",
        "OPTIONS": {
            "CREDENTIALS_PATH": os.environ["GOOGLE_APPLICATION_CREDENTIALS"],
            "PROJECT_ID": os.environ["GOOGLE_CLOUD_PROJECT"],
        },
    }
elif MACHINE_TRANSLATION:
    raise ValueError(
        f"MACHINE_TRANSLATION={MACHINE_TRANSLATION!r}: use libretranslate, deepl or google."
    )

# The admin's own language: Wagtail has Arabic; it has no Sorani, so a Kurdish
# translator sees Wagtail's words in English and ours (help texts, labels) in Sorani.
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES

# --- Static and media files ---------------------------------------------------
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "collected_static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

# Files browsers and phones ask for at the site's root (/favicon.ico,
# /apple-touch-icon.png), served by WhiteNoise.
WHITENOISE_ROOT = PROJECT_DIR / "site_root"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed, compressed names so browsers and CDNs can cache them for ever.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Bodies larger than these are refused with 413 before they are read
# (icssi_cms/middleware.py; nginx refuses them first: deploy/nginx.conf). Visitors'
# forms are a few kilobytes and take no files; editors upload images and documents.
VISITOR_MAX_BODY_SIZE = 64 * 1024
ADMIN_MAX_BODY_SIZE = 25 * 1024 * 1024
CSRF_FAILURE_VIEW = "icssi_cms.views.csrf_failure"

# --- Wagtail --------------------------------------------------------------------
WAGTAIL_SITE_NAME = "ICSSI"
# No avatars from Gravatar: the admin works offline and loads nothing from a third
# party (the CSP would block it anyway). A person without an uploaded avatar gets
# Wagtail's default one, served by the site.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The index holds words already stemmed by home/stemming/: PostgreSQL must match them
# as they are ("simple"), not stem them again in English (its default).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database", "SEARCH_CONFIG": "simple"}
}
# Wagtail warns when a page type lacks one of Page's own search fields: ours replace
# the raw title by its stemmed words (KeysOfTitle, home/models/base.py) on purpose;
# tests/test_search_quality.py checks that every page type keeps all the others.
SILENCED_SYSTEM_CHECKS = ["wagtailsearch.W001"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# No SVG: an SVG can carry scripts. Pixel limit: refuses decompression bombs with a
# message instead of exhausting memory.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Whole pages for anonymous readers (icssi_cms/page_cache.py): seconds kept in the
# server's cache, told to browsers, and told to a CDN. 0 turns the cache off.
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
PAGE_CACHE_BROWSER_SECONDS = 60
PAGE_CACHE_CDN_SECONDS = 300
# A CDN may go on serving a page this long after it expired while it fetches a new
# one, and this long while the site answers with errors or not at all.
PAGE_CACHE_STALE_WHILE_REVALIDATE_SECONDS = 60
PAGE_CACHE_STALE_IF_ERROR_SECONDS = 24 * 60 * 60


def redis_cache(url, key_prefix):
    """A Redis cache that ignores a lost connection (the site then serves uncached)
    and gives up quickly, rather than hanging every request."""
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
        "KEY_PREFIX": key_prefix,
    }


CACHE_TABLE = "icssi_cache"


def shared_database_cache():
    """The cache in the database (icssi_cms/migrations/0001_cache_table.py makes the
    table): slower than Redis, but shared by every process that uses the database."""
    return {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": CACHE_TABLE}


# Background tasks (home/tasks.py): a queue in the database, run by
# `manage.py task_worker` (`make run` starts one). Wagtail queues its search index
# updates, reference index, CDN purges and image focal points there too.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
# A mail server that accepts the connection and then hangs holds a task, never a request.
EMAIL_TIMEOUT = 30

# Pages (each in up to three languages) per sitemap file (icssi_cms/views.py).
SITEMAP_GROUPS_PER_FILE = 1000

# People's data (docs/deploy.md, "People's data"): `manage.py apply_retention`
# deletes conference registrations this many days after the conference, and
# requests to join a campaign not approved after this many days.
REGISTRATION_RETENTION_DAYS = int(os.environ.get("REGISTRATION_RETENTION_DAYS", "30"))
UNAPPROVED_ENDORSEMENT_RETENTION_DAYS = int(
    os.environ.get("UNAPPROVED_ENDORSEMENT_RETENTION_DAYS", "180")
)
# Where people ask for their details to be deleted (the privacy page says it).
PRIVACY_CONTACT_EMAIL = os.environ.get("PRIVACY_CONTACT_EMAIL", "")
# Where readers report what they cannot use (the accessibility statement says it).
ACCESSIBILITY_CONTACT_EMAIL = os.environ.get("ACCESSIBILITY_CONTACT_EMAIL", "")

# Statements per page on the news index and page sizes elsewhere: one place.
NEWS_PAGE_SIZE = 10


# --- Logging (icssi_cms/logging.py) --------------------------------------------
# Everything to stdout: one JSON object a line with LOG_FORMAT=json (production's
# default), plain lines otherwise. Errors carry their tracebacks.
LOG_FORMAT = os.environ.get("LOG_FORMAT", "text")
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "filters": {"once_per_outage": {"()": "icssi_cms.logging.OncePerOutage"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "json" if LOG_FORMAT == "json" else "text",
        }
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    "loggers": {
        "django_redis.cache": {"filters": ["once_per_outage"]},
        # Request lines come from icssi.requests; Django's own would repeat the 4xx.
        "django.request": {"level": "ERROR"},
        "django.server": {"level": "WARNING"},
        "axes.apps": {"level": "WARNING"},
    },
}
