"""What search engines read besides the page: schema.org JSON-LD. Each page type says
its own (`SitePage.structured_data`); ICSSI itself, as an Organization, is here."""

import json

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

SHARE_IMAGE = "img/icssi-share.png"


def share_image_url(request):
    return request.build_absolute_uri(static(SHARE_IMAGE))


def organisation_data(request):
    """ICSSI as a schema.org Organization (the publisher of statements, the organiser
    of conferences)."""
    return {
        "@type": "Organization",
        "name": _("Iraqi Civil Society Solidarity Initiative"),
        "alternateName": "ICSSI",
        "url": request.build_absolute_uri("/"),
        "logo": share_image_url(request),
    }


def json_ld_script(data):
    """`data` as a JSON-LD script element, escaped like Django's json_script."""
    text = json.dumps(data, ensure_ascii=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
