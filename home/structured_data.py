"""schema.org JSON-LD for search engines: Organization (home page), NewsArticle
(statements), Event (conferences)."""

import datetime
import zoneinfo

from django.templatetags.static import static
from django.utils.translation import gettext as _


def _organisation(request):
    return {
        "@type": "Organization",
        "name": _("Iraqi Civil Society Solidarity Initiative"),
        "alternateName": "ICSSI",
        "url": request.build_absolute_uri("/"),
        "logo": request.build_absolute_uri(static("img/icssi-share.png")),
    }


def structured_data(page, request):
    from campaigns.models import ConferencePage
    from home.models import HomePage
    from news.models import NewsPage

    url = page.get_full_url(request)
    language = page.content_language
    if isinstance(page, HomePage):
        return {
            "@context": "https://schema.org",
            **_organisation(request),
            "description": page.mission,
            "url": url,
        }
    if isinstance(page, NewsPage):
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "datePublished": page.date.isoformat(),
            "inLanguage": language,
            "url": url,
            "mainEntityOfPage": url,
            "description": page.meta_description(),
            "image": [request.build_absolute_uri(static("img/icssi-share.png"))],
            "publisher": _organisation(request),
        }
        if page.last_published_at:
            data["dateModified"] = page.last_published_at.isoformat()
        authors = [{"@type": "Organization", "name": str(o)} for o in page.issuing_organisations]
        if authors:
            data["author"] = authors
        return data
    if isinstance(page, ConferencePage):
        zone = zoneinfo.ZoneInfo(page.time_zone)
        last_day = page.end_date or page.start_date

        def moment(day, time):
            if time is None:
                return day.isoformat()
            return datetime.datetime.combine(day, time, zone).isoformat()

        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": page.title,
            "startDate": moment(page.start_date, page.start_time),
            "endDate": moment(last_day, page.end_time),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": page.venue or page.city,
                "address": page.city,
            },
            "description": page.meta_description(),
            "image": [request.build_absolute_uri(static("img/icssi-share.png"))],
            "inLanguage": language,
            "url": url,
            "organizer": _organisation(request),
        }
    return None
