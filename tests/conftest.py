import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.factories import make_user

# Playwright's sync API runs an event loop; Django's live_server tests must be
# allowed to touch the database from that thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def pytest_collection_modifyitems(config, items):
    """Tests in tests/browser/ drive Debian's chromium. Without it they are skipped
    locally, but CI sets REQUIRE_SYSTEM_TOOLS=1 so that a missing browser fails the run."""
    skip = pytest.mark.skip(reason="chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.path.parent.parts:
            item.add_marker(pytest.mark.browser)
        if "browser" in item.keywords and not (CHROMIUM or os.environ.get("REQUIRE_SYSTEM_TOOLS")):
            item.add_marker(skip)


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
        # Review by a second translator is on in a real site; the tests that are not
        # about it publish translations directly (tests/test_translation_review.py
        # switches it on).
        from wagtail.models import Workflow

        Workflow.objects.filter(workflow_pages__page__depth=2).update(active=False)
        # Browser tests run in real transactions and the database is emptied after
        # each: `browser_db` restores this snapshot of the seeded site.
        from django.db import connections

        for connection in connections.all():
            SEEDED_SNAPSHOTS[connection.alias] = connection.creation.serialize_db_to_string()


SEEDED_SNAPSHOTS: dict[str, str] = {}


def seeded_snapshot_in_use(django_db_blocker):
    """For tests with a live server, with `django_db_serialized_rollback`: Django
    restores `_test_serialized_contents` before each test and empties the database
    after it; this hands it the seeded snapshot on the connection in use (the one
    stored at set-up is not the one in use once other tests have run), and pauses
    wagtail-localize's tree synchronisation while snapshots load
    (home/i18n/fixture_loading.py). A generator for fixtures that must be set up
    before pytest-django's own per-test set-up, which loads the snapshot."""
    from django.db import connections

    from home.i18n.fixture_loading import locale_sync_paused

    with django_db_blocker.unblock():
        for connection in connections.all():
            connection._test_serialized_contents = SEEDED_SNAPSHOTS[connection.alias]
    with locale_sync_paused():
        yield


@pytest.fixture(scope="module")
def seeded_live_db(django_db_setup, django_db_blocker):
    """The seeded site for a module of live-server tests (see seeded_snapshot_in_use)."""
    yield from seeded_snapshot_in_use(django_db_blocker)


@pytest.fixture
def client():
    """Django's test client sending `Origin` as a browser does with a form sent from
    one of the site's pages: a POST to a page without it is refused
    (home/cross_site.py; tests/test_page_cache.py sends forged ones)."""
    from django.test import Client

    return Client(headers={"Origin": "http://testserver"})


@pytest.fixture
def seed_site(db):
    """The seeded site (see django_db_setup); named for what a test relies on."""


@pytest.fixture
def untranslated_statement(seed_site):
    """An English statement whose Arabic and Kurdish counterparts still show its
    English text (every statement of the first content is translated)."""
    from home.i18n.locale_trees import synchronise_locale_trees
    from tests.factories import StatementFactory

    statement = StatementFactory(
        title="Water is not a weapon", slug="water-is-not-a-weapon", date="2025-03-22"
    )
    synchronise_locale_trees()
    return statement


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


@pytest.fixture(scope="session")
def production_site(tmp_path_factory):
    """A seeded SQLite site built once per run with the production settings
    (tests/serving.py); tests copy it with copy_site() before changing it."""
    from tests.serving import build_site, production_env

    directory = tmp_path_factory.mktemp("production-site")
    build_site(directory, production_env(directory))
    return directory


@pytest.fixture(scope="session")
def makemessages_on_a_copy(tmp_path_factory):
    """`makemessages` run once on a copy of the code, as a developer would after a
    change: (the copy's folder, the finished process). The catalogues in the copy
    are what the next commit would hold."""
    if not shutil.which("xgettext") and not os.environ.get("REQUIRE_SYSTEM_TOOLS"):
        pytest.skip("GNU gettext is not installed (apt-get install gettext)")
    root = Path(__file__).resolve().parents[1]
    copy = tmp_path_factory.mktemp("site")
    ignore = shutil.ignore_patterns(".venv", "*.pyc", "__pycache__", "*.mo", "node_modules")
    for name in ["manage.py", "home", "news", "campaigns", "search", "icssi_cms", "static"]:
        source = root / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=ignore)
        else:
            shutil.copy(source, copy / name)
    result = subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "ar", "-l", "ckb", "--no-obsolete"],
        cwd=copy,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "icssi_cms.settings.test"},
        capture_output=True,
        text=True,
    )
    return copy, result


@pytest.fixture
def libretranslate(settings):
    """A local LibreTranslate server configured as MACHINE_TRANSLATION=libretranslate does."""
    from http.server import HTTPServer

    from tests.helpers import FakeLibreTranslate

    server = HTTPServer(("127.0.0.1", 0), FakeLibreTranslate)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    FakeLibreTranslate.requests = []
    FakeLibreTranslate.targets = ["ar", "en"]
    FakeLibreTranslate.broken = False
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "home.i18n.machine_translation.LibreTranslatorForICSSI",
        "OPTIONS": {
            "LIBRETRANSLATE_URL": f"http://127.0.0.1:{server.server_port}",
            "API_KEY": "test-key",
        },
    }
    yield FakeLibreTranslate
    server.shutdown()
