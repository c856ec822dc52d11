"""Every form a visitor can send, and the search box, tried with hostile input:
no server error, nothing executed, nothing stored that should not be."""

import datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.db import OperationalError
from django.test import Client

from campaigns.models import ConferencePage
from campaigns.submissions import CampaignEndorsement, ConferenceRegistration

pytestmark = pytest.mark.django_db

CAMPAIGN = "/en/campaigns/end-cross-border-bombings/"


@pytest.fixture
def open_conference(seed_site):
    page = ConferencePage.objects.get(locale__language_code="en")
    page.start_date = datetime.date.today() + datetime.timedelta(days=60)
    page.registration_deadline = datetime.date.today() + datetime.timedelta(days=30)
    page.save_revision().publish()
    return page


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {
            "name": st.text(max_size=300),
            "organisation": st.text(max_size=300),
            "country": st.text(max_size=150),
            "email": st.one_of(st.emails(), st.text(max_size=100)),
            "languages": st.lists(
                st.sampled_from(["ar", "ckb", "en", "xx", "", "<b>"]), max_size=4
            ),
            "needs": st.text(max_size=2500),
        }
    )
)
def test_registration_never_fails_on_any_input(open_conference, data):
    from django.core.cache import cache

    cache.clear()
    before = ConferenceRegistration.objects.count()
    response = Client(headers={"Origin": "http://testserver"}).post(open_conference.url, data)
    assert response.status_code in (302, 400)
    stored = ConferenceRegistration.objects.count() - before
    assert stored in (0, 1)
    if stored:
        registration = ConferenceRegistration.objects.latest("pk")
        assert set(registration.languages.split(",")) <= {"ar", "ckb", "kmr", "en", "fr", "other"}


@pytest.mark.parametrize(
    "value",
    [
        "<script>alert(1)</script>",
        "'; DROP TABLE campaigns_campaignendorsement; --",
        "\u202eevil\u202c",
        "a" * 100_000,
    ],
)
def test_known_attacks_on_the_join_form(seed_site, client, value):
    response = client.post(
        CAMPAIGN,
        {
            "organisation_name": value,
            "country": value,
            "contact_person": value,
            "email": "x@example.org",
        },
    )
    # 413: three fields of 100,000 characters are over the visitors' body limit.
    assert response.status_code in (302, 400, 413)
    assert "<script>alert(1)</script>" not in response.content.decode()
    assert CampaignEndorsement.objects.filter(organisation_name__startswith="a" * 300).count() == 0


def test_a_huge_body_is_refused_cleanly(seed_site, client):
    response = client.post(CAMPAIGN, {"message": "x" * 3_000_000})
    assert response.status_code == 413
    assert "What you sent is too large" in response.content.decode()
    assert "ما أرسلتموه كبير جداً" in response.content.decode()
    assert CampaignEndorsement.objects.count() == 0


def test_a_badly_encoded_body_is_refused_cleanly(seed_site, client):
    response = client.post(
        CAMPAIGN,
        b"organisation_name=%ff%fe%fd&email=%c3%28&country=\xff\xfe",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code in (400, 302)
    assert CampaignEndorsement.objects.count() == 0


def test_a_database_outage_gives_a_friendly_503(seed_site, client, monkeypatch):
    from news.models import NewsIndexPage

    def unavailable(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(NewsIndexPage, "statements", unavailable)
    response = client.get("/ar/news/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    html = response.content.decode()
    assert "Back in a moment" in html and 'lang="ar"' in html and 'lang="ckb"' in html
