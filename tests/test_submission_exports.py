"""Staff export endorsements and registrations as CSV: what visitors typed arrives
as text, never as a spreadsheet formula."""

import csv
import io

import pytest

from campaigns.models import CampaignPage, ConferencePage
from campaigns.submissions import CampaignEndorsement, ConferenceRegistration

pytestmark = pytest.mark.django_db

HOSTILE = [
    '=HYPERLINK("http://evil.example","Click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
    "\t=1+1",
    "\r=1+1",
]


def export(client, url):
    response = client.get(url, {"export": "csv"})
    assert response.status_code == 200
    body = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(body)))


def test_endorsement_and_registration_exports_carry_no_formulas(seed_site, client, admin_user):
    campaign = CampaignPage.objects.get(locale__language_code="en")
    conference = ConferencePage.objects.get(locale__language_code="en")
    for n, text in enumerate(HOSTILE):
        CampaignEndorsement.objects.create(
            campaign=campaign,
            organisation_name=text,
            country=text,
            contact_person=text,
            email=f"x{n}@example.org",
            message=text,
            language="en",
            duplicate_key=f"{n}",
        )
        ConferenceRegistration.objects.create(
            conference=conference,
            name=text,
            organisation=text,
            country="Iraq",
            email=f"x{n}@example.org",
            languages="ar",
            needs=text,
            language="en",
        )
    client.force_login(admin_user)
    for url in ("/admin/campaigns/endorsements/", "/admin/campaigns/registrations/"):
        rows = export(client, url)[1:]
        cells = [cell for row in rows for cell in row]
        assert len(rows) == len(HOSTILE)
        assert not [cell for cell in cells if cell[:1] in ("=", "+", "-", "@", "\t", "\r")]
        # The text itself is all there, after the apostrophe that marks it as text.
        assert {f"'{text}" for text in HOSTILE} <= set(cells)
