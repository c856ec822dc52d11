"""The visitors' forms with the keyboard only, in each language, on a phone and on a
desktop: sent wrong, then corrected through the error summary, then sent right.

What is checked on the way: focus goes to the error summary after a failed
submission; each of its links moves focus to its field (the languages group's link
to its first box); the languages group is a named group, one choice a line on a
phone; labels carry no trailing colon."""

import datetime

import pytest
from playwright.sync_api import expect

from django.utils import translation

from campaigns.forms import ConferenceRegistrationForm, JoinCampaignForm
from campaigns.models import ConferencePage
from campaigns.submissions import CampaignEndorsement, ConferenceRegistration
from tests.helpers import sync_translations

pytestmark = pytest.mark.browser

WIDTHS = {"phone": 390, "desktop": 1280}
CASES = [(lang, width) for lang in ("en", "ar", "ckb") for width in WIDTHS]


def in_language(lang, text):
    with translation.override(lang):
        return str(text)


def focused_id(page):
    return page.evaluate("document.activeElement.id")


def tab_to(page, element_id, limit=80):
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if focused_id(page) == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def follow_summary_link(page, field_id):
    """From the focused error summary, Tab to the link for the field and press Enter."""
    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    for _ in range(summary.locator("a").count()):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('href')") == f"#{field_id}":
            page.keyboard.press("Enter")
            assert focused_id(page) == field_id
            return
    raise AssertionError(f"the error summary has no link to #{field_id}")


def assert_labels_have_no_colon(form):
    labels = [text.strip() for text in form.locator("label, legend").all_inner_texts()]
    assert labels and not [label for label in labels if label.endswith((":", "："))], labels


@pytest.mark.parametrize("lang,width", CASES)
def test_join_the_campaign_wrong_then_right_with_the_keyboard(
    browser_db, django_db_serialized_rollback, live_server, page, lang, width
):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(f"{live_server.url}/{lang}/campaigns/end-cross-border-bombings/")
    assert_labels_have_no_colon(page.locator("#join form"))
    messages = JoinCampaignForm.Meta.error_messages

    # Wrong: no country, an email address without its domain.
    tab_to(page, "id_organisation_name")
    page.keyboard.type("Kurdistan Human Rights Watch")
    tab_to(page, "id_contact_person")
    page.keyboard.type("Dilan Ahmed")
    page.keyboard.press("Tab")
    page.keyboard.type("dilan@")
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text(in_language(lang, messages["country"]["required"]))
    expect(summary).to_contain_text(in_language(lang, messages["email"]["invalid"]))
    follow_summary_link(page, "id_email")
    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("dilan@khrw.example")
    page.keyboard.press("Enter")

    expect(summary).to_be_focused()
    expect(summary.locator("li")).to_have_count(1)
    follow_summary_link(page, "id_country")
    page.keyboard.type("Iraq")
    tab_to(page, "id_consent_to_be_listed")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the button

    expect(page.locator("#join [role=status]")).to_be_visible()
    endorsement = CampaignEndorsement.objects.get()
    assert (endorsement.country, endorsement.email, endorsement.consent_to_be_listed) == (
        "Iraq",
        "dilan@khrw.example",
        True,
    )
    assert endorsement.language == lang


@pytest.fixture
def open_registration():
    conference = ConferencePage.objects.get(locale__language_code="en")
    conference.registration_deadline = datetime.date.today() + datetime.timedelta(days=10)
    conference.start_date = datetime.date.today() + datetime.timedelta(days=20)
    conference.save_revision().publish()
    sync_translations(conference)  # the Arabic and Kurdish pages take the new dates
    return conference


@pytest.mark.parametrize("lang,width", CASES)
def test_register_wrong_then_right_with_the_keyboard(
    browser_db, django_db_serialized_rollback, live_server, page, open_registration, lang, width
):
    page.set_viewport_size({"width": WIDTHS[width], "height": 900})
    page.goto(f"{live_server.url}/{lang}/conferences/annual-conference-2017-sulaymaniyah/")
    form = page.locator("#registration form")
    assert_labels_have_no_colon(form)
    legend = in_language(lang, ConferenceRegistrationForm.base_fields["languages"].label)
    group = form.get_by_role("group", name=legend)
    boxes = group.get_by_role("checkbox")
    expect(boxes).to_have_count(len(ConferenceRegistrationForm.base_fields["languages"].choices))
    if width == "phone":  # one choice a line, all starting in the same place
        positions = [box.bounding_box() for box in boxes.all()]
        assert len({round(box["x"]) for box in positions}) == 1, positions
        assert [box["y"] for box in positions] == sorted({box["y"] for box in positions})

    # Wrong: no country, no language.
    tab_to(page, "id_name")
    page.keyboard.type("Hana Ali")
    tab_to(page, "id_email")
    page.keyboard.type("hana@example.org")
    page.keyboard.press("Enter")

    summary = page.locator(".error-summary")
    expect(summary).to_be_focused()
    messages = ConferenceRegistrationForm.Meta.error_messages
    expect(summary).to_contain_text(in_language(lang, messages["country"]["required"]))
    languages_error = ConferenceRegistrationForm.base_fields["languages"].error_messages
    expect(summary).to_contain_text(in_language(lang, languages_error["required"]))
    follow_summary_link(page, "id_country")
    page.keyboard.type("Iraq")
    page.keyboard.press("Enter")

    expect(summary).to_be_focused()
    expect(summary.locator("li")).to_have_count(1)
    follow_summary_link(page, "id_languages_0")  # the group's first box
    page.keyboard.press("Space")
    tab_to(page, "id_needs")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the button

    expect(page.locator("#registration [role=status]")).to_be_visible()
    registration = ConferenceRegistration.objects.get()
    first_language = ConferenceRegistrationForm.base_fields["languages"].choices[0][0]
    assert (registration.country, registration.languages) == ("Iraq", first_language)
    assert registration.language == lang
