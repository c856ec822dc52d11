"""Conference registration: open until the deadline in the conference's time zone,
refused by the server after it; confirmation, export, calendar file."""

import datetime

import pytest
from icalendar import Calendar

from django.core import mail

from campaigns.models import ConferencePage
from campaigns.submissions import ConferenceRegistration
from tests.helpers import page_in, sync_translations, visible_text

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Hana Ali",
    "organisation": "Basra Women's Network",
    "country": "Iraq",
    "email": "hana@example.org",
    "languages": ["ar", "en"],
    "needs": "Interpretation into Arabic",
    "fax_number": "",
}


def conference():
    return ConferencePage.objects.get(locale__language_code="en")


@pytest.fixture
def open_conference(seed_site):
    page = conference()
    page.start_date = datetime.date.today() + datetime.timedelta(days=60)
    page.registration_deadline = datetime.date.today() + datetime.timedelta(days=30)
    page.save_revision().publish()
    sync_translations(page)  # the Arabic and Kurdish translations take the new dates
    return page


def test_closed_registration_shows_no_form_and_the_server_refuses_it(seed_site, client):
    url = conference().url
    html = client.get(url).content.decode()
    assert "Registration for this conference has ended. Thank you." in visible_text(html)
    assert 'name="email"' not in html
    response = client.post(url, VALID)
    assert response.status_code == 410
    assert "Registration for this conference has ended" in visible_text(response.content.decode())
    assert ConferenceRegistration.objects.count() == 0


def test_registration_is_stored_and_confirmed_in_the_registrants_language(
    open_conference, client, django_capture_on_commit_callbacks
):
    arabic = page_in("ar", open_conference)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(arabic.url, VALID)
    assert response.status_code == 302
    assert response["Location"] == f"{arabic.url}?registered=1#registration"
    registration = ConferenceRegistration.objects.get()
    assert registration.conference == open_conference
    assert (registration.languages, registration.language) == ("ar,en", "ar")
    (email,) = mail.outbox
    assert email.to == ["hana@example.org"]
    assert email.subject.startswith("تسجيلك:")
    assert "عزيزي/عزيزتي Hana Ali،" in email.body


def test_the_same_email_registering_twice_is_recognised(open_conference, client):
    client.post(open_conference.url, VALID)
    again = client.post(
        open_conference.url, {**VALID, "email": "HANA@example.org", "name": "H. Ali"}
    )
    assert again["Location"].endswith("?registered=already#registration")
    assert ConferenceRegistration.objects.count() == 1


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("languages", [], "Please choose at least one language you speak."),
        ("email", "hana@", "Please give a valid email address"),
        ("name", "", "Please give your name."),
        ("languages", ["xx"], "Select a valid choice."),
    ],
)
def test_bad_input_is_explained_and_kept(open_conference, client, field, value, message):
    response = client.post(open_conference.url, {**VALID, field: value})
    assert response.status_code == 400
    text = visible_text(response.content.decode())
    assert message in text
    assert "Basra Women" in response.content.decode()
    assert ConferenceRegistration.objects.count() == 0


def test_deadline_is_the_end_of_the_day_in_the_conferences_time_zone(seed_site):
    page = conference()  # last day to register: 10 January 2017, Asia/Baghdad (UTC+3)
    before = datetime.datetime(2017, 1, 10, 20, 59, 59, tzinfo=datetime.UTC)
    after = datetime.datetime(2017, 1, 10, 21, 0, 0, tzinfo=datetime.UTC)
    assert page.registration_is_open(now=before)
    assert not page.registration_is_open(now=after)


def test_editors_export_registrations_as_csv(open_conference, client, editor):
    client.post(open_conference.url, VALID)
    client.force_login(editor)
    response = client.get("/admin/campaigns/registrations/?export=csv")
    assert response.status_code == 200
    rows = b"".join(response.streaming_content).decode().splitlines()
    assert rows[0].startswith("Name,Organisation,Country,Email")
    assert "Hana Ali" in rows[1] and "Arabic, English" in rows[1]


def test_translators_cannot_read_registrations(open_conference, client, arabic_translator):
    client.force_login(arabic_translator)
    response = client.get("/admin/campaigns/registrations/")
    assert response.status_code == 302


def test_calendar_file_has_the_right_time_zone(seed_site, client):
    page = conference()
    page.start_time = datetime.time(9, 0)
    page.end_time = datetime.time(17, 30)
    page.save_revision().publish()
    response = client.get(f"{page.url}calendar/")
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    event = calendar.walk("VEVENT")[0]
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2017, 1, 18, 9, 0, tzinfo=start.tzinfo)
    assert start.utcoffset() == datetime.timedelta(hours=3)
    assert str(event["dtstart"].params["TZID"]) == "Asia/Baghdad"
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Asia/Baghdad"
    assert "Sulaymaniyah" in str(event["location"])


def test_whole_day_calendar_entry_without_times(seed_site, client):
    calendar = Calendar.from_ical(client.get(f"{conference().url}calendar/").content)
    event = calendar.walk("VEVENT")[0]
    assert event.decoded("dtstart") == datetime.date(2017, 1, 18)
    assert event.decoded("dtend") == datetime.date(2017, 1, 19)


def test_page_lists_the_languages_it_is_available_in(seed_site, client):
    assert len(client.get(conference().url).context["available_in"]) == 3
    page_in("ckb", conference()).unpublish()
    available = [code for code, _name in client.get(conference().url).context["available_in"]]
    assert available == ["en", "ar"]
