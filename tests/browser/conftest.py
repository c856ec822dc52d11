"""Browser tests: real Chromium (Debian's) driven by Playwright against a live server."""

import pytest

from tests.conftest import CHROMIUM, seeded_snapshot_in_use


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
    """The seeded site for live-server tests (see tests.conftest.seeded_snapshot_in_use);
    package-scoped, so that it is in place before pytest-django's per-test set-up."""
    yield from seeded_snapshot_in_use(django_db_blocker)


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    """No service worker: the offline-reading one fetches the latest statements in the
    background, and would still be fetching while a test's database is emptied.
    tests/browser/test_offline.py opens a context that lets it run."""
    return {**browser_context_args, "service_workers": "block"}
