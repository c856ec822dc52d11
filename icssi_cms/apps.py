import logging

from django.apps import AppConfig
from django.conf import settings

logger = logging.getLogger(__name__)


class IcssiCmsConfig(AppConfig):
    """The site as a whole: settings, addresses, site-wide views and middleware, the
    seed content and the operator commands (icssi_cms/management/commands/)."""

    name = "icssi_cms"
    verbose_name = "ICSSI site"

    def ready(self):
        # Before the Wagtail apps' ready(), which would load an API this site never mounts.
        from icssi_cms import wagtail_api_v3

        wagtail_api_v3.leave_out_unless_installed()

        # Purge the CDN on publish in every process, management commands too.
        from icssi_cms import page_cache  # noqa: F401

        if getattr(settings, "CACHE_FALLBACK_WARNING", ""):
            logger.warning(settings.CACHE_FALLBACK_WARNING)
