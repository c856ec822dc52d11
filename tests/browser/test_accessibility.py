"""axe-core (WCAG 2.1 A and AA rules) in real Chromium on every page type, in
English, Arabic and Kurdish. Any violation fails, with its rule and elements."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from home.i18n.locale_trees import synchronise_locale_trees
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.browser

PAGES = [
    "/{lang}/",
    "/{lang}/about/",
    "/{lang}/news/",
    "/{lang}/news/iraqi-civil-initiative-launched/",
    "/{lang}/news/?topic=civil-society&year=2014",
    "/{lang}/campaigns/",
    "/{lang}/campaigns/end-cross-border-bombings/",
    "/{lang}/conferences/",
    "/{lang}/conferences/annual-conference-2017-sulaymaniyah/",
    "/{lang}/search/?q=Iraq",
    "/{lang}/no-such-page/",
    "/{lang}/privacy/",
    "/{lang}/accessibility/",
]
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def add_standard_page():
    StandardPageFactory(title="About ICSSI", slug="about", intro="Who we are.")
    synchronise_locale_trees()


def describe(violations):
    return "\n".join(
        f"{v['id']} ({v['impact']}): {v['help']} -> "
        + "; ".join(node["target"][0] for node in v["nodes"][:5])
        for v in violations
    )


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_every_page_type_passes_axe(
    browser_db, django_db_serialized_rollback, live_server, page, lang
):
    add_standard_page()
    axe = Axe()
    failures = {}
    for path in PAGES:
        page.goto(live_server.url + path.format(lang=lang))
        result = axe.run(page, options=WCAG)
        violations = result.response["violations"]
        if violations:
            failures[path] = describe(violations)
    assert not failures, "\n\n".join(f"{path}\n{text}" for path, text in failures.items())


def test_the_join_form_with_errors_passes_axe(
    browser_db, django_db_serialized_rollback, live_server, page
):
    page.goto(f"{live_server.url}/ar/campaigns/end-cross-border-bombings/")
    page.locator("#join button[type=submit]").click()
    page.wait_for_selector(".error-summary")
    violations = Axe().run(page, options=WCAG).response["violations"]
    assert not violations, describe(violations)
