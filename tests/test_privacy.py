"""People's data: a notice beside each form and a privacy page in the three
languages, the retention job, erasing one person's submissions on request, no
internet addresses stored."""

import datetime

import pytest

from django.core.management import call_command
from django.utils import timezone

from campaigns.models import CampaignPage, ConferencePage
from campaigns.submissions import CampaignEndorsement, ConferenceRegistration
from tests.helpers import visible_text

pytestmark = pytest.mark.django_db

PRIVACY = {"en": "Privacy", "ar": "الخصوصية", "ckb": "تایبەتمەندی"}


@pytest.mark.parametrize("code", ["en", "ar", "ckb"])
def test_the_privacy_page_is_linked_from_every_footer(seed_site, client, code):
    home = client.get(f"/{code}/").content.decode()
    assert f'href="/{code}/privacy/"' in home
    page = client.get(f"/{code}/privacy/")
    assert page.status_code == 200
    assert f"<h1>{PRIVACY[code]}</h1>" in page.content.decode()


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("en", "Only ICSSI campaign staff see it"),
        ("ar", "لا يطّلع عليها إلا فريق الحملة"),
        ("ckb", "تەنها ستافی کەمپەینەکە"),
    ],
)
def test_a_notice_stands_beside_the_join_form(seed_site, client, code, words):
    text = visible_text(
        client.get(f"/{code}/campaigns/end-cross-border-bombings/").content.decode()
    )
    assert words in text
    assert "180" in text or "١٨٠" in text


def endorsement(campaign, email, approved=False, days_ago=0):
    item = CampaignEndorsement.objects.create(
        campaign=campaign,
        organisation_name=email,
        country="Iraq",
        contact_person="X",
        email=email,
        language="en",
        duplicate_key=email,
        approved=approved,
    )
    CampaignEndorsement.objects.filter(pk=item.pk).update(
        submitted_at=timezone.now() - datetime.timedelta(days=days_ago)
    )


def test_the_retention_job_deletes_what_is_no_longer_needed(seed_site, settings):
    settings.REGISTRATION_RETENTION_DAYS = 30
    settings.UNAPPROVED_ENDORSEMENT_RETENTION_DAYS = 180
    campaign = CampaignPage.objects.get(locale__language_code="en")
    endorsement(campaign, "old-unapproved@example.org", days_ago=200)
    endorsement(campaign, "old-approved@example.org", approved=True, days_ago=400)
    endorsement(campaign, "recent@example.org", days_ago=10)
    conference = ConferencePage.objects.get(locale__language_code="en")
    conference.start_date, conference.end_date = timezone.localdate(), None
    conference.save()
    ConferenceRegistration.objects.create(
        conference=conference, name="Hana", country="Iraq", email="h@example.org", languages="ar"
    )
    conference.start_date = timezone.localdate() - datetime.timedelta(days=29)
    conference.save()
    call_command("apply_retention", verbosity=0)
    assert ConferenceRegistration.objects.exists()  # 29 days after: kept
    conference.start_date = timezone.localdate() - datetime.timedelta(days=31)
    conference.save()
    call_command("apply_retention", verbosity=0)
    assert not ConferenceRegistration.objects.exists()
    assert sorted(CampaignEndorsement.objects.values_list("email", flat=True)) == [
        "old-approved@example.org",
        "recent@example.org",
    ]


def test_an_editor_erases_one_persons_submissions(seed_site, client, editor, arabic_translator):
    campaign = CampaignPage.objects.get(locale__language_code="en")
    endorsement(campaign, "layla@tammuz.example")
    endorsement(campaign, "someone@else.example")
    ConferenceRegistration.objects.create(
        conference=ConferencePage.objects.get(locale__language_code="en"),
        name="Layla",
        country="Iraq",
        email="Layla@Tammuz.example",
        languages="ar",
    )
    client.force_login(arabic_translator)
    refused = client.post(
        "/admin/campaigns/erase-person/", {"email": "layla@tammuz.example", "confirm": "yes"}
    )
    # Wagtail answers a refusal with the dashboard and its "no permission" message.
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")
    assert CampaignEndorsement.objects.count() == 2
    client.force_login(editor)
    found = client.post("/admin/campaigns/erase-person/", {"email": "layla@tammuz.example"})
    assert "Found 1 conference registrations and 1 campaign endorsements" in visible_text(
        found.content.decode()
    )
    assert CampaignEndorsement.objects.count() == 2  # nothing deleted before confirming
    client.post(
        "/admin/campaigns/erase-person/", {"email": "layla@tammuz.example", "confirm": "yes"}
    )
    assert list(CampaignEndorsement.objects.values_list("email", flat=True)) == [
        "someone@else.example"
    ]
    assert not ConferenceRegistration.objects.exists()


def test_no_internet_address_is_stored_with_a_submission(seed_site, client):
    client.post(
        "/en/campaigns/end-cross-border-bombings/",
        {
            "organisation_name": "Tammuz",
            "country": "Iraq",
            "contact_person": "Layla",
            "email": "layla@tammuz.example",
        },
        REMOTE_ADDR="203.0.113.77",
    )
    (row,) = CampaignEndorsement.objects.values()
    assert "203.0.113.77" not in repr(row)
    for model in (CampaignEndorsement, ConferenceRegistration):
        assert not [f for f in model._meta.get_fields() if "ip" in f.name.split("_")]
