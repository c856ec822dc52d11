import os
import shutil

import pytest

# Playwright's sync API runs an event loop; Django's live_server tests must be
# allowed to touch the database from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium. Without it they are skipped locally,
    but CI sets REQUIRE_BROWSER=1 so that a missing browser fails the run."""
    if CHROMIUM or os.environ.get("REQUIRE_BROWSER"):
        return
    skip = pytest.mark.skip(reason="chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)


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


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seed content once into the test database: every test starts from
    the site as `make run` builds it (five documents, three locale trees, the seed
    translations) and its changes are rolled back after it."""
    from home.seed import SeedLoader

    with django_db_blocker.unblock():
        SeedLoader().run()


@pytest.fixture
def seed_site(db):
    """The seeded site (see django_db_setup); named for what a test relies on."""
