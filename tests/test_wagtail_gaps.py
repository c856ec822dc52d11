"""Each Wagtail gap that the site works around, shown with the work-around out of the
way (wagtail-localize's are in test_wagtail_localize_gaps.py). When one of these fails
after an upgrade, Wagtail has closed the gap: remove the work-around it names (and
this test)."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

LOADED_AFTER_SETUP = """
import sys
import django
{disable}
django.setup()
from django.urls import get_resolver
get_resolver().url_patterns
print(" ".join(name for name in ("ninja", "wagtail.api.v3.routers.pages") if name in sys.modules))
"""


def loaded_after_setup(disable=""):
    result = subprocess.run(
        [sys.executable, "-c", LOADED_AFTER_SETUP.format(disable=disable)],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.test"},
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.split()


def test_wagtail_loads_its_v3_api_when_the_app_is_not_installed():
    """icssi_cms/wagtail_api_v3.py: without it, the Wagtail apps' ready() load the
    v3 API and django-ninja, though wagtail.api.v3 is not in INSTALLED_APPS."""
    disable = (
        "import icssi_cms.wagtail_api_v3 as work_around\n"
        "work_around.leave_out_unless_installed = lambda: None"
    )
    assert loaded_after_setup(disable) == ["ninja", "wagtail.api.v3.routers.pages"]


def test_the_site_runs_without_loading_the_v3_api():
    assert loaded_after_setup() == []
