"""Side effects in background tasks, on the database queue as in production: a mail
server down or hanging never touches the visitor's request; failed mail is retried
and shown to staff; nothing queued is lost when a worker stops or is killed."""

import datetime

import pytest
from django_tasks.base import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from django.utils import timezone

from campaigns.models import CampaignPage
from campaigns.submissions import CampaignEndorsement
from home.tasks import ATTEMPTS, requeue_abandoned
from tests.smtp_server import MailServer

pytestmark = pytest.mark.django_db

JOIN = {
    "organisation_name": "Tammuz Organization",
    "country": "Iraq",
    "contact_person": "Layla Hassan",
    "email": "layla@tammuz.example",
}
NOTIFY = "campaigns.notifications.notify_campaign"


@pytest.fixture
def queue(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.fixture
def campaign(seed_site):
    campaign = CampaignPage.objects.get(locale__language_code="en")
    campaign.contact_email = "campaign@icssi.example"
    campaign.save_revision().publish()
    run_queue()  # Wagtail's own tasks for the publish (search index, references)
    return campaign


def use_mail_server(settings, port):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", port, 2


def run_queue(limit=None, task_path=None):
    """What `manage.py task_worker` does with each ready task (django-tasks-db's own
    Worker.run_task), without its polling loop; returns how many ran. With
    `task_path`, only those (Wagtail queues its own index updates beside ours)."""
    worker = Worker(
        queue_names=["*"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test-worker",
        excluded_queue_names=[],
    )
    ready = DBTaskResult.objects.ready()
    if task_path:
        ready = ready.filter(task_path=task_path)
    ran = 0
    while (limit is None or ran < limit) and (task := ready.first()):
        task.claim(worker.worker_id)
        worker.run_task(task)
        ran += 1
    return ran


def join(client, capture, name=JOIN["organisation_name"]):
    with capture(execute=True):
        response = client.post(
            "/en/campaigns/end-cross-border-bombings/",
            {**JOIN, "organisation_name": name, "email": f"{len(name)}@x.example"},
        )
    assert response.status_code == 302
    return response


def test_a_mail_server_that_hangs_or_is_down_never_reaches_the_visitor(
    queue, campaign, client, settings, django_capture_on_commit_callbacks
):
    with MailServer(hang=True) as stuck:
        use_mail_server(settings, stuck.port)
        join(client, django_capture_on_commit_callbacks)
    # Stored and answered; the email is only queued.
    assert CampaignEndorsement.objects.filter(organisation_name=JOIN["organisation_name"]).exists()
    (queued,) = DBTaskResult.objects.filter(task_path=NOTIFY)
    assert queued.status == TaskResultStatus.READY

    use_mail_server(settings, stuck.port)  # closed now: the server is down
    assert run_queue(task_path=NOTIFY) == 1
    queued.refresh_from_db()
    assert queued.status == TaskResultStatus.FAILED
    retry = DBTaskResult.objects.get(task_path=NOTIFY, status=TaskResultStatus.READY)
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=50)
    assert run_queue(task_path=NOTIFY) == 0  # not before its time

    with MailServer() as mail_server:
        use_mail_server(settings, mail_server.port)
        DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now())
        assert run_queue(task_path=NOTIFY) == 1
    retry.refresh_from_db()
    assert retry.status == TaskResultStatus.SUCCESSFUL
    (message,) = mail_server.messages
    assert "Tammuz Organization" in message and "campaign@icssi.example" in message


def test_staff_see_what_failed_in_the_admin(
    queue, campaign, client, settings, editor, django_capture_on_commit_callbacks
):
    use_mail_server(settings, 1)  # nothing listens there
    join(client, django_capture_on_commit_callbacks)
    run_queue(task_path=NOTIFY)
    client.force_login(editor)
    page = client.get("/admin/failed-tasks/")
    html = page.content.decode()
    assert page.status_code == 200
    assert "Email to the campaign: an organisation joined" in html
    assert "1: will be tried again" in html and "ConnectionRefusedError" in html
    # The last attempt's failure is final.
    DBTaskResult.objects.filter(task_path=NOTIFY, status=TaskResultStatus.READY).update(
        args_kwargs={
            "args": [campaign.pk, CampaignEndorsement.objects.get().pk],
            "kwargs": {"attempt": ATTEMPTS},
        },
        run_after=timezone.now(),
    )
    run_queue(task_path=NOTIFY)
    assert not DBTaskResult.objects.filter(task_path=NOTIFY, status="READY").exists()
    assert f"{ATTEMPTS}: failed for good" in client.get("/admin/failed-tasks/").content.decode()


def test_nothing_queued_is_lost_when_a_worker_stops_or_is_killed(
    queue, campaign, client, settings, django_capture_on_commit_callbacks
):
    for name in ("First Org", "Second Org", "Third Org"):
        join(client, django_capture_on_commit_callbacks, name=name)
    with MailServer() as mail_server:
        use_mail_server(settings, mail_server.port)
        assert run_queue(limit=1, task_path=NOTIFY) == 1  # then the worker stops
        # Another worker is killed (SIGKILL, a machine stopping) in the middle of one.
        killed = DBTaskResult.objects.ready().filter(task_path=NOTIFY).first()
        killed.claim("killed-worker")
        DBTaskResult.objects.filter(pk=killed.pk).update(
            started_at=timezone.now() - datetime.timedelta(minutes=11)
        )
        # A new worker starts: it puts the abandoned task back, then runs the queue.
        assert requeue_abandoned(older_than_seconds=600) == 1
        assert run_queue(task_path=NOTIFY) == 2
    statuses = DBTaskResult.objects.filter(task_path=NOTIFY).values_list("status", flat=True)
    assert sorted(statuses) == ["SUCCESSFUL"] * 3
    assert len(mail_server.messages) == 3
    for name in ("First Org", "Second Org", "Third Org"):
        assert sum(name in message for message in mail_server.messages) == 1


def test_a_new_image_gets_the_renditions_pages_use_in_the_background(
    queue, seed_site, django_capture_on_commit_callbacks
):
    from django.template import Context, Template

    from tests.factories import ImageFactory

    with django_capture_on_commit_callbacks(execute=True):
        image = ImageFactory(width=1600, height=900)
    assert image.renditions.count() == 0  # the upload did not wait for them
    assert run_queue() >= 1
    made = image.renditions.count()
    assert made == 10
    # What the templates ask for was all made: showing the image makes nothing new.
    Template(
        "{% load wagtailimages_tags %}"
        '{% picture image format-{avif,webp,jpeg} width-{480,800,1200} alt="" %}'
        '{% image image max-160x80 format-webp alt="" %}'
    ).render(Context({"image": image}))
    assert image.renditions.count() == made
