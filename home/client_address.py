"""The visitor's own address, behind the proxies the site trusts.

Behind nginx (and perhaps a load balancer) REMOTE_ADDR is the last proxy's address,
and each proxy appends the address it saw to X-Forwarded-For. Only the entries our
own proxies appended can be believed: anything to their left was sent by the
visitor and may be forged. Settings (see docs/deploy.md):

- TRUSTED_PROXY_NETWORKS: the proxies' networks, e.g. ["127.0.0.1/32", "10.0.0.0/8"].
  The visitor is the first address, from the right, outside them.
- TRUSTED_PROXY_HOPS: otherwise, how many proxies stand in front of the app (1 for
  nginx on the same server, 2 for a load balancer and nginx). 0: REMOTE_ADDR.

Used by the form limits (campaigns/forms.py) and django-axes (AXES_CLIENT_IP_CALLABLE).
"""

import ipaddress

from django.conf import settings


def _address(text):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def _chain(request):
    """The addresses the request passed through, nearest last; None for garbage."""
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    entries = [_address(entry) for entry in forwarded.split(",")] if forwarded.strip() else []
    return [*entries, request.META.get("REMOTE_ADDR", "")]


def client_address(request):
    remote = request.META.get("REMOTE_ADDR", "")
    chain = _chain(request)
    networks = [ipaddress.ip_network(n, strict=False) for n in settings.TRUSTED_PROXY_NETWORKS]
    if networks:
        nearest = remote
        for entry in reversed(chain):
            if entry is None:
                return nearest  # garbage before our proxies: trust no further
            if not any(ipaddress.ip_address(entry) in network for network in networks):
                return entry
            nearest = entry
        return nearest
    hops = settings.TRUSTED_PROXY_HOPS
    if hops <= 0 or len(chain) <= 1:
        return remote
    # The entry the farthest of our proxies appended, or the leftmost one there is.
    candidates = chain[-(hops + 1) :]
    for entry in candidates:
        if entry is not None:
            return entry
    return remote
