"""Security headers the site adds on top of Django's SecurityMiddleware, and a
friendly answer while the database is unreachable."""

import logging

from csp.middleware import CSPMiddleware

from django.conf import settings
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
