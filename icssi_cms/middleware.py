"""Security headers the site adds on top of Django's SecurityMiddleware, and a
friendly answer while the database is unreachable."""

import logging

from csp.middleware import CSPMiddleware

from django.conf import settings
from django.core.files.uploadhandler import FileUploadHandler
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.middleware.gzip import GZipMiddleware
from django.template.loader import render_to_string
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

ADMIN_PREFIXES = ("/admin/", "/django-admin/")


class SiteCSPMiddleware(CSPMiddleware):
    """django-csp, with the admin's own policy: Wagtail's admin still needs inline
    scripts and styles, public pages need neither."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(ADMIN_PREFIXES)
        ):
            parts.config = settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        return parts


class PermissionsPolicyMiddleware:
    """No page of the site needs the camera, microphone, location or the like."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class DatabaseUnavailableMiddleware:
    """While the database is unreachable (a restart, a failover), readers get a short
    "back in a moment" page in the three languages with 503 and Retry-After, not a
    server error. Django reconnects by itself once the database answers
    (CONN_HEALTH_CHECKS), so nothing else is needed to recover."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.warning("Database unavailable: %s", exception)
        response = HttpResponse(
            render_to_string("503.html"), status=503, content_type="text/html; charset=utf-8"
        )
        response["Retry-After"] = "30"
        patch_cache_control(response, no_store=True)
        return response


class PublicPageGZipMiddleware(GZipMiddleware):
    """HTML compressed by the app when nothing in front of it does (a proxy that
    compresses gets it compressed already and passes it on). Only public pages: they
    carry no secret now that the visitors' forms have no CSRF token
    (home/cross_site.py), so BREACH-style guessing finds nothing; the admin, whose
    pages carry tokens next to what editors type, is left uncompressed."""

    def process_response(self, request, response):
        if request.path_info.startswith(ADMIN_PREFIXES):
            return response
        return super().process_response(request, response)


def refusal(template, status):
    """A short trilingual page (like 503.html): it must render whatever went wrong."""
    response = HttpResponse(
        render_to_string(template), status=status, content_type="text/html; charset=utf-8"
    )
    patch_cache_control(response, no_store=True)
    return response


def has_nul(query):
    return any("\x00" in key or "\x00" in "".join(values) for key, values in query.lists())


class DroppedFiles(FileUploadHandler):
    """Reads past every file part and keeps nothing (an empty list of upload
    handlers would make Django fall back to its default ones)."""

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


class VisitorInputLimitsMiddleware:
    """Refuse, before anything reads or stores it: a body over the limit for its
    address (VISITOR_MAX_BODY_SIZE outside the admin, ADMIN_MAX_BODY_SIZE inside:
    413), a file sent to a public address, where no form takes one (read past, kept
    neither in memory nor on disk), and NUL characters in the address or a form,
    which PostgreSQL cannot store (400). The views drop NUL from the query string
    they read (search, the statements' filters), so a query still gets its page."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        in_admin = request.path_info.startswith(ADMIN_PREFIXES)
        limit = settings.ADMIN_MAX_BODY_SIZE if in_admin else settings.VISITOR_MAX_BODY_SIZE
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return refusal("400.html", 400)
        if length > limit:
            return refusal("413.html", 413)
        if not in_admin:
            # No public form takes a file: any file part is read past and dropped.
            request.upload_handlers = [DroppedFiles(request)]
        if "\x00" in request.path:
            return refusal("400.html", 400)
        if (
            request.method == "POST"
            and request.content_type == ("application/x-www-form-urlencoded")
            and has_nul(request.POST)
        ):
            return refusal("400.html", 400)
        return self.get_response(request)
