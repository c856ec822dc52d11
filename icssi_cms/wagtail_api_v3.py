"""Work-around: Wagtail 8 loads its v3 API in every process, installed or not.

`wagtail.api.v3` is an app a site adds to INSTALLED_APPS when it serves the API (the
admin's API-token screens check `apps.is_installed("wagtail.api.v3")`), but the
`ready()` of wagtail.images, wagtail.documents, wagtail.snippets,
wagtail.contrib.redirects and wagtail.locales import its routers and register them
unconditionally. That imports django-ninja and builds its pydantic schemas: 11.7 MiB in
every gunicorn worker (measured 2026-12-03, the application with its URLs loaded:
123.4 -> 111.7 MiB RSS), for an API this site never mounts.

So, while the app is not installed, this module puts stand-ins for the modules those
`ready()` methods import into `sys.modules` before they run (icssi_cms is the first
app, so its `ready()` runs first): an API whose `add_router` keeps nothing, and
content-type registrations that register nothing. Nothing else of Wagtail imports
them (wagtail 8.0.1; the admin's page explorer uses the v2 API, which stays).

No upstream issue was found on 2026-12-03 (searched "v3 API imported when not
installed"). tests/test_wagtail_gaps.py shows the gap with this module out of the way;
when it fails after an upgrade, Wagtail gates the import itself: delete this module,
its call in icssi_cms/apps.py and that test.
"""

import sys
import types

from django.apps import apps


class UnmountedAPI:
    """Takes the routers the apps register and keeps none: no URL mounts the API."""

    def add_router(self, prefix, router, **kwargs):
        pass


def register_nothing():
    pass


# The modules that the five apps' ready() import, and the names they take from each.
STAND_INS = {
    "wagtail.api.v3.api": {"api": UnmountedAPI()},
    "wagtail.contrib.redirects.api.v3": {"router": None},
    "wagtail.locales.api.v3": {"router": None},
    "wagtail.images.api.v3.registry": {"register_content_types": register_nothing},
    "wagtail.images.api.v3.router": {"router": None},
    "wagtail.documents.api.v3.registry": {"register_content_types": register_nothing},
    "wagtail.documents.api.v3.router": {"router": None},
    "wagtail.snippets.api.v3": {"register_content_types": register_nothing},
    "wagtail.snippets.api.v3.router": {"router": None},
}


def leave_out_unless_installed():
    """Put the stand-ins in place, unless the API app is installed or something has
    loaded the API already (then all of it is the real one)."""
    if apps.is_installed("wagtail.api.v3") or any(
        name in sys.modules for name in ("ninja", *STAND_INS)
    ):
        return
    for name, attributes in STAND_INS.items():
        module = types.ModuleType(name, "Stand-in: see icssi_cms/wagtail_api_v3.py.")
        module.__dict__.update(attributes)
        sys.modules[name] = module
