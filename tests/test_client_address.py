"""The visitor's address behind trusted proxies (home/client_address.py), and the
form limits that count accepted submissions per address, email and organisation."""

import pytest

from django.test import RequestFactory, override_settings

from campaigns.submissions import CampaignEndorsement
from home.client_address import client_address

pytestmark = pytest.mark.django_db

URL = "/en/campaigns/end-cross-border-bombings/"


def join_form(number, **changes):
    return {
        "organisation_name": f"Organisation {number}",
        "country": "Iraq",
        "contact_person": "Layla Hassan",
        "email": f"contact{number}@example.org",
        "fax_number": "",
        **changes,
    }


def address_of(remote, forwarded=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(RequestFactory().get("/", **meta))


def test_without_trusted_proxies_a_forwarded_header_is_ignored():
    assert address_of("198.51.100.1", "203.0.113.5") == "198.51.100.1"


@override_settings(TRUSTED_PROXY_HOPS=1)
def test_one_trusted_hop_believes_only_what_nginx_appended():
    assert address_of("127.0.0.1", "203.0.113.5") == "203.0.113.5"
    # The visitor forged an entry; nginx appended the real address after it.
    assert address_of("127.0.0.1", "10.9.9.9, 203.0.113.5") == "203.0.113.5"
    assert address_of("127.0.0.1", "not-an-address") == "127.0.0.1"
    assert address_of("127.0.0.1") == "127.0.0.1"


@override_settings(TRUSTED_PROXY_HOPS=2)
def test_two_hops_for_a_load_balancer_and_nginx():
    assert address_of("127.0.0.1", "1.1.1.1, 203.0.113.5, 10.0.0.2") == "203.0.113.5"


@override_settings(TRUSTED_PROXY_NETWORKS=["127.0.0.0/8", "10.0.0.0/8"])
def test_trusted_networks_skip_every_proxy_of_ours():
    assert address_of("127.0.0.1", "1.1.1.1, 203.0.113.5, 10.0.0.2") == "203.0.113.5"
    assert address_of("127.0.0.1", "203.0.113.5, junk, 10.0.0.2") == "10.0.0.2"
    # Straight from the internet: the header is the visitor's own, ignored.
    assert address_of("198.51.100.1", "10.0.0.2") == "198.51.100.1"


@override_settings(TRUSTED_PROXY_HOPS=1)
def test_behind_the_proxy_each_organisation_has_its_own_limit(seed_site, client):
    """Before: every visitor had nginx's address and the sixth organisation got 429."""
    statuses = [
        client.post(
            URL, join_form(n), REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=f"203.0.113.{n}"
        ).status_code
        for n in range(8)
    ]
    assert statuses == [302] * 8
    assert CampaignEndorsement.objects.count() == 8


@override_settings(TRUSTED_PROXY_HOPS=1)
def test_a_forged_forwarded_header_does_not_escape_the_limit(seed_site, client):
    statuses = [
        client.post(
            URL,
            join_form(n),
            REMOTE_ADDR="127.0.0.1",
            HTTP_X_FORWARDED_FOR=f"10.0.0.{n}, 203.0.113.9",
        ).status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]


def test_invalid_attempts_do_not_count_towards_the_limit(seed_site, client):
    for _ in range(6):
        typo = client.post(URL, join_form(0, email="layla@"), REMOTE_ADDR="203.0.113.9")
        assert typo.status_code == 400
    accepted = client.post(URL, join_form(0), REMOTE_ADDR="203.0.113.9")
    assert accepted.status_code == 302
    assert CampaignEndorsement.objects.count() == 1


def test_one_email_is_limited_whatever_its_address(seed_site, client):
    statuses = [
        client.post(
            URL, join_form(n, email="same@example.org"), REMOTE_ADDR=f"203.0.113.{n}"
        ).status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
