"""Visitors' forms without CSRF tokens: a POST to a page is accepted only from the
site's own pages, as the browser itself tells (Origin, else Referer).

Why no token: the forms sit on the pages a campaign shares (Facebook, WhatsApp).
A token is per visitor, so a page carrying one can be neither cached by the site
nor by a CDN, and the cookie that goes with it makes every CDN pass it through.
Without the token the page is the same for every anonymous reader and is cached.

What the token would protect here, and what does instead (docs/deploy.md, "Forms
and forgery"): the forms carry no sign-in and no session, so a forged POST cannot
act as anyone; the harm is another site making its visitors' browsers send forms in
their name and from their addresses. Every current browser sends `Origin` with a
cross-site POST (and `Sec-Fetch-Site`), so such a POST shows where it comes from
and is refused. A script outside a browser can forge any header, and could as
easily fetch a token first: against scripts the honeypot, the limits per address
and the duplicate check stand, and staff approve every organisation before it is
shown.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import get_callable

REASON = "The form was not sent from this site's own page (Origin or Referer)."


def site_origins(request):
    return {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}


def sent_from_this_site(request):
    """Whether the browser says the POST comes from one of this site's pages."""
    origins = site_origins(request)
    origin = request.headers.get("Origin")
    if origin is not None:  # "null" (sandboxed frames, data: pages) is refused too
        return origin in origins
    if request.headers.get("Sec-Fetch-Site") == "same-origin":
        return True
    referer = urlsplit(request.headers.get("Referer", ""))
    return bool(referer.netloc) and f"{referer.scheme}://{referer.netloc}" in origins


def refuse(request):
    """Django's CSRF failure page (settings.CSRF_FAILURE_VIEW), status 403."""
    return get_callable(settings.CSRF_FAILURE_VIEW)(request, reason=REASON)
