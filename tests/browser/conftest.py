"""Browser tests: real Chromium (Debian's) driven by Playwright against a live server."""

import pytest

from home.i18n.fixture_loading import locale_sync_paused
from tests.conftest import CHROMIUM, SEEDED_SNAPSHOTS


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM or "/usr/bin/chromium",
        # Root in CI, and a machine with no network beyond the package registries.
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="package")
def browser_db(django_db_setup, django_db_blocker):
    """For tests with a live server, with `django_db_serialized_rollback`: Django
    restores `_test_serialized_contents` before each test and empties the database
    after it; this hands it the seeded snapshot on the connection in use (the one
    stored at set-up is not the one in use once other tests have run), and pauses
    wagtail-localize's tree synchronisation while snapshots load
    (home/i18n/fixture_loading.py). Package-scoped, so that it is in place before
    pytest-django's own per-test set-up, which loads the snapshot."""
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            connection._test_serialized_contents = SEEDED_SNAPSHOTS[connection.alias]
    with locale_sync_paused():
        yield
