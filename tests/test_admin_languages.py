"""The admin's own languages: the Sorani catalogues for Wagtail and wagtail-localize in
icssi_cms/locale_upstream/ are complete and well formed, found through LOCALE_PATHS after
the site's own catalogue, compiled by `compile_translations` and left alone by
`makemessages`. The translator's walk in Chromium is tests/browser/test_admin_language.py."""

import gettext
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from django.utils import translation

import wagtail
import wagtail_localize
from wagtail.users.models import UserProfile

from tests.factories import make_user

ROOT = Path(__file__).resolve().parents[1]
UPSTREAM = ROOT / "icssi_cms" / "locale_upstream"
CATALOGUES = sorted(UPSTREAM.glob("*/*/LC_MESSAGES/*.po"))
WAGTAIL = Path(wagtail.__file__).parent
WAGTAIL_LOCALIZE = Path(wagtail_localize.__file__).parent
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]|\{\w*\}|<[^>]+>")
NEEDS_GETTEXT = pytest.mark.skipif(
    not shutil.which("msgfmt") and not os.environ.get("REQUIRE_SYSTEM_TOOLS"),
    reason="GNU gettext is not installed (apt-get install gettext)",
)


def english(*paths):
    """The msgids of upstream's English catalogues."""
    return {entry.msgid for path in paths for entry in polib.pofile(str(path))}


def test_the_catalogues_are_where_upstream_keeps_them():
    names = {str(path.relative_to(UPSTREAM)) for path in CATALOGUES}
    assert {
        "wagtail/ckb/LC_MESSAGES/django.po",
        "wagtail/ckb/LC_MESSAGES/djangojs.po",
        "wagtail_localize/ckb/LC_MESSAGES/django.po",
        "wagtail_localize/ckb/LC_MESSAGES/djangojs.po",
    } <= names


@NEEDS_GETTEXT
@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(UPSTREAM)))
def test_catalogue_passes_msgfmt_check(path):
    result = subprocess.run(
        ["msgfmt", "-c", "--statistics", "-o", os.devnull, str(path)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert "untranslated" not in result.stderr and "fuzzy" not in result.stderr, result.stderr


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda path: str(path.relative_to(UPSTREAM)))
def test_catalogue_is_complete_and_keeps_placeholders(path):
    po = polib.pofile(str(path))
    code = path.parts[-3]
    assert po.metadata["Language"] == code
    assert not po.untranslated_entries(), [entry.msgid for entry in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [entry.msgid for entry in po.fuzzy_entries()]
    for entry in po:
        if not entry.msgid_plural:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == sorted(
                PLACEHOLDER.findall(entry.msgid)
            ), entry.msgid
            continue
        forms = [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
        assert sorted(PLACEHOLDER.findall(forms[-1])) == sorted(
            PLACEHOLDER.findall(entry.msgid_plural)
        ), entry.msgid
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= set(PLACEHOLDER.findall(entry.msgid_plural)), (
                entry.msgid,
                form,
            )


@pytest.mark.parametrize(
    "path",
    [path for path in CATALOGUES if path.parts[-3] == "ckb"],
    ids=lambda path: path.parts[-4],
)
def test_sorani_is_written_with_kurdish_letters_and_arabic_punctuation(path):
    po = polib.pofile(str(path))
    assert po.metadata["Plural-Forms"] == "nplurals=2; plural=(n != 1);"
    for entry in po:
        for text in [entry.msgstr, *entry.msgstr_plural.values()]:
            # Arabic yeh, kaf, teh marbuta and alef maksura; tatweel.
            assert not set(text) & set("\u064a\u0643\u0629\u0649\u0640"), (entry.msgid, text)
            words = re.sub(r"https?://\S+|%\(\w+\)[sd]|\{\w*\}|<[^>]+>", "", text)
            assert not re.search(r"[,?;]", words), (entry.msgid, text)


def test_wagtail_localize_catalogues_translate_its_whole_interface():
    for domain in ("django", "djangojs"):
        upstream = english(*WAGTAIL_LOCALIZE.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"))
        ours = english(UPSTREAM / "wagtail_localize" / "ckb" / "LC_MESSAGES" / f"{domain}.po")
        assert upstream - ours == set(), f"{domain}: not translated yet"
        assert ours - upstream == set(), f"{domain}: no longer in wagtail-localize"


def test_wagtail_catalogues_follow_wagtails_msgids():
    """After a Wagtail upgrade: an msgid Wagtail dropped or reworded fails here (see
    docs/translation.md for the update). All of the admin's JavaScript is translated."""
    for domain in ("django", "djangojs"):
        upstream = english(*WAGTAIL.glob(f"**/locale/en/LC_MESSAGES/{domain}.po"))
        ours = english(UPSTREAM / "wagtail" / "ckb" / "LC_MESSAGES" / f"{domain}.po")
        assert ours - upstream == set(), f"{domain}: no longer in Wagtail"
    assert english(WAGTAIL / "admin/locale/en/LC_MESSAGES/djangojs.po") == ours
    assert len(english(UPSTREAM / "wagtail" / "ckb" / "LC_MESSAGES" / "django.po")) > 600


def test_the_sites_catalogue_comes_first_then_upstreams():
    assert [Path(path) for path in settings.LOCALE_PATHS] == [
        ROOT / "icssi_cms" / "locale",
        UPSTREAM / "wagtail",
        UPSTREAM / "wagtail_localize",
    ]


def test_compile_translations_builds_the_upstream_catalogues(tmp_path):
    shutil.copytree(UPSTREAM, tmp_path / "up", ignore=shutil.ignore_patterns("*.mo"))
    paths = [tmp_path / "up" / "wagtail", tmp_path / "up" / "wagtail_localize"]
    with override_settings(LOCALE_PATHS=paths):
        call_command("compile_translations", verbosity=0)
    for po_path in (tmp_path / "up").glob("*/*/LC_MESSAGES/*.po"):
        entry = next(entry for entry in polib.pofile(str(po_path)) if not entry.msgid_plural)
        with open(po_path.with_suffix(".mo"), "rb") as mo:
            assert gettext.GNUTranslations(mo).gettext(entry.msgid) == entry.msgstr


@pytest.mark.parametrize("code", ["ckb"])
def test_wagtail_and_wagtail_localize_speak_sorani(code):
    for path in (UPSTREAM / "wagtail" / code / "LC_MESSAGES" / "django.po",
                 UPSTREAM / "wagtail_localize" / code / "LC_MESSAGES" / "django.po"):  # fmt: skip
        po = polib.pofile(str(path))
        site = polib.pofile(str(ROOT / "icssi_cms" / "locale" / code / "LC_MESSAGES" / "django.po"))
        site_msgids = {entry.msgid for entry in site}
        with translation.override(code):
            for entry in po:
                if entry.msgid_plural or entry.msgid in site_msgids:
                    continue  # the site's own catalogue has the last word
                assert translation.gettext(entry.msgid) == entry.msgstr, entry.msgid


def test_the_admins_javascript_catalogues_are_in_sorani(client, db):
    translator = make_user("kurdish", "Kurdish translators")
    UserProfile.objects.update_or_create(user=translator, defaults={"preferred_language": "ckb"})
    client.force_login(translator)
    for url, path in [
        (reverse("wagtailadmin_javascript_catalog"), "wagtail"),
        (reverse("wagtail_localize:javascript_catalog"), "wagtail_localize"),
    ]:
        content = client.get(url).content.decode()
        catalogue = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", content, re.S)[1])
        po = polib.pofile(str(UPSTREAM / path / "ckb" / "LC_MESSAGES" / "djangojs.po"))
        for entry in po:
            expected = entry.msgstr or [entry.msgstr_plural[0], entry.msgstr_plural[1]]
            assert catalogue.get(entry.msgid) == expected, (url, entry.msgid)


def test_makemessages_leaves_the_upstream_catalogues_alone(makemessages_on_a_copy):
    copy, result = makemessages_on_a_copy
    assert result.returncode == 0, result.stderr
    assert "locale_upstream" not in result.stdout + result.stderr
    for path in CATALOGUES:
        copied = copy / path.relative_to(ROOT)
        assert copied.read_bytes() == path.read_bytes(), path
