"""make backup / make restore round-trip a whole site: pages in three languages,
translations, form submissions and uploaded images."""

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.serving import manage

ROOT = Path(__file__).resolve().parents[1]

CREATE = """
from campaigns.models import CampaignPage, ConferencePage
from campaigns.submissions import CampaignEndorsement, ConferenceRegistration
campaign = CampaignPage.objects.get(locale__language_code="en")
CampaignEndorsement.objects.create(campaign=campaign, organisation_name="Tammuz", country="Iraq",
    contact_person="Layla", email="l@tammuz.example", language="ar", duplicate_key="tammuz|l@tammuz.example",
    approved=True, consent_to_be_listed=True)
ConferenceRegistration.objects.create(conference=ConferencePage.objects.get(locale__language_code="en"),
    name="Hana", country="Iraq", email="hana@example.org", languages="ar,en", language="ckb")
from tests.factories import ImageFactory
ImageFactory(title="Protest in Basra", file__filename="basra.png")
"""

REPORT = """
import json
from wagtail.images.models import Image
from wagtail.models import Page
from campaigns.submissions import CampaignEndorsement, ConferenceRegistration
from home.models import Organisation
image = Image.objects.get()
with image.open_file() as f:
    size = len(f.read())
print(json.dumps({
    "pages": sorted((p.locale.language_code, p.url_path, p.title, p.live) for p in Page.objects.filter(depth__gt=1)),
    "organisations": sorted(o.name for o in Organisation.objects.all()),
    "endorsements": list(CampaignEndorsement.objects.values_list("organisation_name", "approved")),
    "registrations": list(ConferenceRegistration.objects.values_list("name", "languages")),
    "image": [image.title, image.width, image.height, size > 0],
}))
"""


def site_env(tmp_path, name):
    return {
        **{k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL")},
        "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.dev",
        "SQLITE_PATH": str(tmp_path / f"{name}.sqlite3"),
        "MEDIA_ROOT": str(tmp_path / f"media-{name}"),
    }


def test_backup_and_restore_round_trip_a_whole_site(tmp_path):
    original = site_env(tmp_path, "original")
    manage(original, "migrate", "--noinput")
    manage(original, "load_seed_content")
    manage(original, "shell", stdin=CREATE)
    before = json.loads(manage(original, "shell", stdin=REPORT).stdout.strip().splitlines()[-1])

    archive = tmp_path / "site.tar.gz"
    manage(original, "backup", "--output", str(archive))

    restored = site_env(tmp_path, "restored")
    manage(restored, "restore", str(archive), "--yes")
    after = json.loads(manage(restored, "shell", stdin=REPORT).stdout.strip().splitlines()[-1])

    assert after == before
    languages = {language for language, *_ in after["pages"]}
    assert languages == {"en", "ar", "ckb"}
    arabic_campaign = [
        page
        for page in after["pages"]
        if page[0] == "ar" and page[1].endswith("/end-cross-border-bombings/")
    ]
    assert arabic_campaign[0][2:] == ["أوقفوا القصف العابر للحدود في كردستان العراق", True]
    assert after["endorsements"] == [["Tammuz", True]]
    assert after["image"] == ["Protest in Basra", 64, 32, True]


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not a tar file")
    env = site_env(tmp_path, "empty")
    result = subprocess.run(
        [sys.executable, "manage.py", "restore", str(bogus), "--yes"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "is not a backup made by `manage.py backup`" in result.stderr
    assert "Traceback" not in result.stderr
