"""Every word of interface exists in Arabic and Sorani (icssi_cms/locale/*/django.po)."""

import gettext
import re
import shutil
from pathlib import Path

import polib
import pytest

from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "icssi_cms" / "locale"
LANGUAGES = ["ar", "ckb"]
PLACEHOLDER = re.compile(r"%\(\w+\)s|<[^>]+>")


def catalogue(code):
    return polib.pofile(str(LOCALE_DIR / code / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("code", LANGUAGES)
def test_catalogue_is_complete_and_not_fuzzy(code):
    po = catalogue(code)
    assert len(po) > 150
    assert not po.untranslated_entries(), [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries(), [e.msgid for e in po.fuzzy_entries()]
    assert po.metadata["Language"] == code


@pytest.mark.parametrize("code", LANGUAGES)
def test_translations_keep_placeholders_and_markup(code):
    for entry in catalogue(code):
        expected = sorted(PLACEHOLDER.findall(entry.msgid))
        if not entry.msgid_plural:
            assert sorted(PLACEHOLDER.findall(entry.msgstr)) == expected, entry.msgid
            continue
        forms = [entry.msgstr_plural[k] for k in sorted(entry.msgstr_plural)]
        # The general (last) form keeps every placeholder; Arabic's forms for 0, 1
        # and 2 may spell the number out instead, but add nothing.
        assert sorted(PLACEHOLDER.findall(forms[-1])) == expected, entry.msgid
        for form in forms:
            assert set(PLACEHOLDER.findall(form)) <= set(expected), (entry.msgid, form)


def test_no_interface_string_is_missing_from_the_catalogues(makemessages_on_a_copy):
    """Extract the strings afresh from a copy of the code: any new or changed string
    without a translation fails here, with its text."""
    copy, result = makemessages_on_a_copy
    assert result.returncode == 0, result.stderr
    for code in LANGUAGES:
        fresh = polib.pofile(
            str(copy / "icssi_cms" / "locale" / code / "LC_MESSAGES" / "django.po")
        )
        missing = [e.msgid for e in fresh.untranslated_entries() + fresh.fuzzy_entries()]
        assert not missing, f"{code}: not translated yet: {missing}"


def test_catalogues_compile_without_gnu_gettext(tmp_path):
    shutil.copytree(LOCALE_DIR, tmp_path / "locale", ignore=shutil.ignore_patterns("*.mo"))
    with override_settings(LOCALE_PATHS=[tmp_path / "locale"]):
        call_command("compile_translations", verbosity=0)
    for code, word in [("ar", "بحث"), ("ckb", "گەڕان")]:
        with open(tmp_path / "locale" / code / "LC_MESSAGES" / "django.mo", "rb") as mo:
            assert gettext.GNUTranslations(mo).gettext("Search") == word


def test_locale_paths_point_at_the_catalogues():
    assert Path(settings.LOCALE_PATHS[0]) == LOCALE_DIR
