"""Security headers the site adds on top of Django's SecurityMiddleware."""

from csp.middleware import CSPMiddleware

from django.conf import settings

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
