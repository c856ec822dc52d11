"""Nothing an editor does is lost: the admin's requests arrive at the same moment
(autosave writing while Publish is pressed, a second click while the first is still
saving) and every one of them either does its work or answers why not.

The requests are the ones Chromium sends (autosave is the edit form posted with
`Accept: application/json`), to a live server with one database connection per
request, on SQLite (a file, configured as base.py configures it) and on PostgreSQL.
`CONCURRENT_EDITING_ROUNDS=100` runs the long version (docs/reliability.md)."""

import os
import threading

import pytest
import requests

from django.test import Client

from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from news.models import NewsPage, Topic
from tests.factories import StatementFactory, make_user

pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

ROUNDS = int(os.environ.get("CONCURRENT_EDITING_ROUNDS", "10"))


def admin_session(live_server, user):
    """A requests session logged into the admin as `user`, with its CSRF token."""
    client = Client()
    client.force_login(user)
    session = requests.Session()
    session.cookies.set("sessionid", client.cookies["sessionid"].value)
    session.get(f"{live_server.url}/admin/pages/", timeout=30)
    session.csrf = session.cookies["csrftoken"]
    return session


def statement_form(session, statement, title, **extra):
    """The statement's edit form as the browser posts it, with a new title and text."""
    data = nested_form_data(
        {
            "title": title,
            "slug": statement.slug,
            "date": "2024-03-22",
            "date_precision": "day",
            "body": streamfield([("paragraph", rich_text(f"<p>{title}.</p>"))]),
            "issuers": inline_formset([]),
            "topic_links": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    return {**data, "csrfmiddlewaretoken": session.csrf, **extra}


def at_once(*calls):
    """Run the calls in threads released together; their results, in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        results[index] = call()

    threads = [threading.Thread(target=run, args=item) for item in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def test_publish_while_autosaving_loses_nothing(
    seeded_live_db, django_db_serialized_rollback, live_server
):
    statement = StatementFactory(title="Water is not a weapon")
    session = admin_session(live_server, make_user("editor", "Editors"))
    edit_url = f"{live_server.url}/admin/pages/{statement.pk}/edit/"

    for round_number in range(ROUNDS):
        statement.refresh_from_db()
        loaded = statement.latest_revision
        # What the editor typed before the last autosave, and then before Publish.
        typed, published = f"Draft {round_number}", f"Published {round_number}"
        autosave = statement_form(
            session,
            statement,
            typed,
            loaded_revision_id=loaded.pk,
            loaded_revision_created_at=loaded.created_at.isoformat(),
        )
        publish = statement_form(session, statement, published, **{"action-publish": "1"})
        autosaved, publish_response = at_once(
            lambda data=autosave: session.post(
                edit_url, data=data, headers={"Accept": "application/json"}, timeout=60
            ),
            lambda data=publish: session.post(edit_url, data=data, timeout=60),
        )

        # Publish did its work: the page is live with what the editor typed last.
        assert publish_response.status_code == 200, publish_response.text[:500]
        assert "/admin/pages/" in publish_response.url  # redirected, not an error page
        statement = NewsPage.objects.get(pk=statement.pk)
        assert statement.live and statement.title == published
        assert statement.live_revision.as_object().title == published
        # Autosave either saved a draft or said why not, in the admin's own terms.
        assert autosaved.status_code in (200, 400), autosaved.text[:500]
        answer = autosaved.json()
        if answer["success"]:
            assert statement.revisions.filter(pk=answer["revision_id"]).exists()
        else:
            assert answer["error_code"] == "invalid_revision"
        reader = requests.get(f"{live_server.url}{statement.url}", timeout=30)
        assert reader.status_code == 200 and published in reader.text


def topic_form(session, name, slug):
    return {"name": name, "slug": slug, "csrfmiddlewaretoken": session.csrf}


def test_one_topic_per_slug_when_two_saves_arrive_at_once(
    seeded_live_db, django_db_serialized_rollback, live_server
):
    session = admin_session(live_server, make_user("editor", "Editors"))
    add_url = f"{live_server.url}/admin/snippets/news/topic/add/"

    for round_number in range(ROUNDS):
        slug = f"water-rights-{round_number}"
        # The autosave that creates the topic and the editor's own click on Save.
        autosaved, saved = at_once(
            lambda slug=slug: session.post(
                add_url,
                data=topic_form(session, "Water rights", slug),
                headers={"Accept": "application/json"},
                timeout=60,
            ),
            lambda slug=slug: session.post(
                add_url, data=topic_form(session, "Water rights", slug), timeout=60
            ),
        )
        assert Topic.objects.filter(slug=slug, locale__language_code="en").count() == 1
        assert autosaved.status_code in (200, 400), autosaved.text[:500]
        assert saved.status_code == 200, saved.text[:500]
        if "/edit/" not in saved.url:  # the other request created it: the form says so
            assert "already" in saved.text
