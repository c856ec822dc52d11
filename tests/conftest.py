import os
import shutil

import pytest

# Playwright's sync API runs an event loop; Django's live_server tests must be
# allowed to touch the database from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium. Without it they are skipped locally,
    but CI sets REQUIRE_SYSTEM_TOOLS=1 so that a missing browser fails the run."""
    if CHROMIUM or os.environ.get("REQUIRE_SYSTEM_TOOLS"):
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


def pytest_configure(config):
    """Snapshots of the seeded site are restored between browser tests; see
    locale_sync_paused() for why tree synchronisation stays off while they load.
    The tests never change a LocaleSynchronization."""
    import django

    django.setup()
    from home.i18n.fixture_loading import locale_sync_paused

    paused = locale_sync_paused()
    paused.__enter__()
    config.add_cleanup(lambda: paused.__exit__(None, None, None))


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seed content once into the test database: every test starts from
    the site as `make run` builds it (five documents, three locale trees, the seed
    translations) and its changes are rolled back after it."""
    from django.core.management import call_command

    from icssi_cms.seed import SeedLoader

    with django_db_blocker.unblock():
        SeedLoader().run()
        call_command("setup_groups", verbosity=0)
        # Browser tests run in real transactions and the database is emptied after
        # each: `browser_db` restores this snapshot of the seeded site.
        from django.db import connections

        for connection in connections.all():
            SEEDED_SNAPSHOTS[connection.alias] = connection.creation.serialize_db_to_string()


SEEDED_SNAPSHOTS: dict[str, str] = {}


@pytest.fixture
def browser_db(django_db_setup, django_db_blocker):
    """For tests with a live server: list it first, then `django_db_serialized_rollback`.
    Django restores `_test_serialized_contents` before the test and empties the
    database after it; this hands it the seeded snapshot on the connection in use
    (the one stored at set-up is not the one in use once other tests have run)."""
    from django.db import connections

    with django_db_blocker.unblock():
        for connection in connections.all():
            connection._test_serialized_contents = SEEDED_SNAPSHOTS[connection.alias]


@pytest.fixture
def seed_site(db):
    """The seeded site (see django_db_setup); named for what a test relies on."""


def make_user(username, *groups):
    """A user in the named groups (see `manage.py setup_groups`)."""
    from django.contrib.auth.models import Group, User

    user = User.objects.create_user(username, f"{username}@example.org", "a-long-test-password-1")
    user.groups.set(Group.objects.filter(name__in=groups))
    return user


@pytest.fixture
def editor(db):
    return make_user("editor", "Editors")


@pytest.fixture
def arabic_translator(db):
    return make_user("arabic", "Arabic translators")


@pytest.fixture
def kurdish_translator(db):
    return make_user("kurdish", "Kurdish translators")


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache (rate limits, cached pages)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()
