"""Organisations join a campaign: stored first, staff notified, spam kept out."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core import mail
from django.test import Client

from campaigns.models import CampaignPage
from campaigns.submissions import CampaignEndorsement
from tests.helpers import visible_text

pytestmark = pytest.mark.django_db

URL = "/{}/campaigns/end-cross-border-bombings/"
VALID = {
    "organisation_name": "Tammuz Organization for Social Development",
    "country": "Iraq",
    "contact_person": "Layla Hassan",
    "email": "layla@tammuz.example",
    "website": "https://tammuz.example",
    "message": "We support the appeal.",
    "consent_to_be_listed": "on",
    "fax_number": "",
}


@pytest.fixture
def campaign_with_contact(seed_site):
    campaign = CampaignPage.objects.get(locale__language_code="en")
    campaign.contact_email = "campaign@icssi.example"
    campaign.save_revision().publish()
    return campaign


def post(client, data, code="en", **extra):
    return client.post(URL.format(code), data, **extra)


def test_join_is_stored_staff_told_and_the_visitor_thanked(
    campaign_with_contact, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, VALID, code="ar")
    assert response.status_code == 302
    assert response["Location"] == URL.format("ar") + "?joined=1#join"
    endorsement = CampaignEndorsement.objects.get()
    assert endorsement.campaign == campaign_with_contact  # the English original
    assert endorsement.language == "ar"
    assert not endorsement.approved
    (email,) = mail.outbox
    assert email.to == ["campaign@icssi.example"]
    assert "Tammuz Organization for Social Development" in email.subject
    thanks = visible_text(client.get(response["Location"]).content.decode())
    assert "شكراً لكم! تلقّينا طلب منظمتكم للانضمام" in thanks


def test_no_email_is_sent_without_a_contact_address(
    seed_site, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, VALID)
    assert CampaignEndorsement.objects.count() == 1
    assert mail.outbox == []


def test_a_mail_failure_loses_nothing(
    campaign_with_contact, client, settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.helpers.BrokenEmailBackend"
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, VALID)
    assert response.status_code == 302
    assert CampaignEndorsement.objects.count() == 1


def test_only_approved_and_consenting_organisations_are_listed_and_counted(seed_site, client):
    post(client, VALID)
    post(
        client,
        {
            **VALID,
            "organisation_name": "Al-Amal",
            "email": "a@amal.example",
            "consent_to_be_listed": "",
        },
    )
    html = client.get(URL.format("en")).content.decode()
    assert "organisations have joined" not in html and "Tammuz" not in html
    CampaignEndorsement.objects.update(approved=True)
    text = visible_text(client.get(URL.format("ckb")).content.decode())
    assert "2 ڕێکخراو چوونەتە پاڵ کەمپەینەکە" in text
    assert "Tammuz Organization for Social Development" in text
    assert "Al-Amal" not in text


def test_the_same_organisation_joining_twice_is_recognised(seed_site, client):
    post(client, VALID)
    again = post(
        client,
        {
            **VALID,
            "organisation_name": "  TAMMUZ organization for social   development",
            "email": "LAYLA@tammuz.example",
        },
    )
    assert again["Location"].endswith("?joined=already#join")
    assert CampaignEndorsement.objects.count() == 1


def test_the_honeypot_drops_bots_silently(seed_site, client):
    response = post(client, {**VALID, "fax_number": "+1 555 0100"})
    assert response.status_code == 302
    assert CampaignEndorsement.objects.count() == 0


def test_one_address_is_limited_to_a_few_forms_an_hour(seed_site, client):
    from django.core.cache import cache

    cache.clear()
    statuses = [
        post(client, {**VALID, "email": f"n{i}@example.org"}, REMOTE_ADDR="203.0.113.9").status_code
        for i in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert (
        post(
            client,
            {**VALID, "organisation_name": "Another one", "email": "other@example.org"},
            REMOTE_ADDR="203.0.113.10",
        ).status_code
        == 302
    )
    cache.clear()


@pytest.mark.parametrize(
    ("code", "field", "value", "message"),
    [
        ("en", "email", "not-an-email", "Please give a valid email address"),
        ("ar", "email", "", "يرجى كتابة عنوان بريد إلكتروني."),
        ("ckb", "organisation_name", "", "تکایە ناوی ڕێکخراوەکەتان بنووسن."),
        ("en", "website", "not a url", "Please give a full web address"),
        ("en", "message", "x" * 2001, "Please keep the message under 2,000 characters."),
    ],
)
def test_each_field_is_checked_with_a_clear_message_in_the_visitors_language(
    seed_site, client, code, field, value, message
):
    response = post(client, {**VALID, field: value}, code=code)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in visible_text(html)
    assert 'class="error-summary"' in html
    # What the visitor typed is kept.
    assert VALID["contact_person"] in html
    assert CampaignEndorsement.objects.count() == 0


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    data=st.fixed_dictionaries(
        {
            name: st.text(max_size=300)
            for name in CampaignEndorsement.VISITOR_FIELDS
            if name != "consent_to_be_listed"  # a checkbox
        }
    )
)
def test_any_input_is_refused_politely_or_stored_safely(seed_site, data):
    from django.core.cache import cache

    cache.clear()
    before = CampaignEndorsement.objects.count()
    response = Client(headers={"Origin": "http://testserver"}).post(URL.format("en"), data)
    assert response.status_code in (302, 400)
    stored = CampaignEndorsement.objects.count() - before
    assert stored == (
        1 if response.status_code == 302 and "joined=1" in response["Location"] else 0
    )


def test_markup_typed_into_the_form_is_shown_as_text(seed_site, client):
    attack = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    response = post(client, {**VALID, "email": "bad", "organisation_name": attack})
    html = response.content.decode()
    assert attack not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
