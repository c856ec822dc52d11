"""Review by a second translator of the same language, and translations released with
their English (home/i18n/translation_review.py, home/models/review.py), through the
admin's own addresses."""

import time
from datetime import timedelta

import pytest

from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Locale, Page, Workflow, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from home.i18n.locale_trees import synchronise_locale_trees
from home.i18n.translation_status import IN_REVIEW, page_translation_states
from home.models import HomePage, SecondTranslatorApprovalTask
from tests.factories import StandardPageFactory, StatementFactory, make_user


@pytest.fixture
def review_on(seed_site):
    """The review workflows as `manage.py setup_groups` leaves a real site (the test
    session switches them off for the tests that are not about review)."""
    Workflow.objects.filter(workflow_pages__page__depth=2).update(active=True)
    SecondTranslatorApprovalTask.objects.update(active=True)


@pytest.fixture
def second_arabic_translator(db):
    return make_user("arabic2", "Arabic translators")


def locale(code):
    return Locale.objects.get(language_code=code)


def new_statement(editor, live=True):
    statement = StatementFactory(title="Water is not a weapon", slug="water-is-not-a-weapon")
    if not live:
        statement.unpublish()
    synchronise_locale_trees()
    TranslationCreator(editor, [locale("ar"), locale("ckb")]).create_translations(statement)
    return Page.objects.get(pk=statement.pk).specific


def translate_everything(english, code):
    """Every piece translated, as a translator typing in the translation editor does."""
    source = TranslationSource.objects.get_for_instance(english)
    translation = Translation.objects.get(source=source, target_locale=locale(code))
    po = translation.export_po()
    for entry in po:
        entry.msgstr = f"{entry.msgid} ({code})"
    translation.import_po(po)
    return english.get_translation(locale(code))


def press_publish(client, user, page):
    """The translation editor's "Publish in …" button."""
    client.force_login(user)
    return client.post(f"/admin/pages/{page.pk}/edit/", {"action": "publish"}, follow=True)


def approve(client, user, page):
    client.force_login(user)
    state = Page.objects.get(pk=page.pk).current_workflow_state
    task_state = state.current_task_state
    return client.post(
        f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/", {"comment": ""}
    )


def approved_before_its_english(client, editor, translator, reviewer):
    """A statement under embargo: its English not published yet, its Arabic translated,
    sent for review and approved."""
    english = new_statement(editor, live=False)
    arabic = translate_everything(english, "ar")
    press_publish(client, translator, arabic)
    approve(client, reviewer, arabic)
    return english, arabic


def fresh(page):
    return Page.objects.get(pk=page.pk)


def test_setup_groups_gives_each_translated_language_its_review_and_retires_wagtails_default(
    review_on,
):
    arabic_home = Page.objects.get(depth=2, locale__language_code="ar")
    kurdish_home = Page.objects.get(depth=2, locale__language_code="ckb")
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    arabic, kurdish = arabic_home.get_workflow(), kurdish_home.get_workflow()
    assert arabic.name == "مراجعة الترجمة العربية · Arabic review"
    assert kurdish.name == "پێداچوونەوەی وەرگێڕانی کوردی · Kurdish review"
    (task,) = arabic.tasks.specific()
    assert list(task.groups.values_list("name", flat=True)) == ["Arabic translators"]
    # Wagtail's "Moderators approval" (a group nobody is in) no longer covers the site.
    assert english_home.get_workflow() is None
    assert not Workflow.objects.get(name="Moderators approval").active


def test_setup_groups_keeps_a_review_an_admin_switched_off(review_on):
    Workflow.objects.filter(name__endswith="Arabic review").update(active=False)
    call_command("setup_groups", verbosity=0)
    assert Page.objects.get(depth=2, locale__language_code="ar").get_workflow() is None
    assert Page.objects.get(depth=2, locale__language_code="ckb").get_workflow() is not None


def test_a_translators_publish_goes_to_review_and_a_second_translator_publishes_it(
    review_on, editor, arabic_translator, second_arabic_translator, client
):
    english = new_statement(editor)
    arabic = translate_everything(english, "ar")
    client.force_login(arabic_translator)
    editor_page = client.get(f"/admin/pages/{arabic.pk}/edit/").content.decode()
    assert "sends it to them for review" in editor_page
    response = press_publish(client, arabic_translator, arabic)
    assert "Sent for review" in response.content.decode() or "أُرسلت للمراجعة" in (
        response.content.decode()
    )
    arabic = fresh(arabic)
    assert arabic.alias_of_id is not None  # readers still get the English under the notice
    assert arabic.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    # The translator cannot approve their own work; a Kurdish translator cannot either.
    assert approve(client, arabic_translator, arabic).status_code in (302, 403)
    assert fresh(arabic).current_workflow_state is not None
    kurdish_translator = make_user("kurdish", "Kurdish translators")
    approve(client, kurdish_translator, arabic)
    assert fresh(arabic).current_workflow_state is not None
    assert fresh(arabic).alias_of_id is not None

    # The second Arabic translator sees it waiting for them, and approves it.
    client.force_login(second_arabic_translator)
    assert "Water is not a weapon (ar)" in client.get("/admin/").content.decode()
    assert approve(client, second_arabic_translator, arabic).status_code == 302
    arabic = fresh(arabic).specific
    assert arabic.live and arabic.alias_of_id is None
    assert arabic.title == "Water is not a weapon (ar)"
    assert arabic.current_workflow_state is None


def test_an_incomplete_translation_is_refused_not_sent_for_review(
    review_on, editor, arabic_translator, client
):
    english = new_statement(editor)
    arabic = english.get_translation(locale("ar"))
    response = press_publish(client, arabic_translator, arabic)
    assert "Not published" in response.content.decode() or "لم تُنشر" in (response.content.decode())
    assert fresh(arabic).current_workflow_state is None
    assert fresh(arabic).alias_of_id is not None


def test_the_translator_does_not_see_their_own_work_as_waiting_for_review(
    review_on, editor, arabic_translator, client
):
    arabic = translate_everything(new_statement(editor), "ar")
    press_publish(client, arabic_translator, arabic)
    dashboard = client.get("/admin/").content.decode()
    assert f"/admin/pages/workflow/action/{arabic.pk}/approve/" not in dashboard


def test_the_page_editor_offers_no_publish_and_bulk_publish_is_refused_while_review_is_on(
    review_on, editor, arabic_translator, client
):
    # A page written in Arabic (no translation: the page editor, not the translation editor)
    about = StandardPageFactory(
        parent=HomePage.objects.get(locale__language_code="ar"), slug="arabic-only"
    )
    client.force_login(arabic_translator)
    edit_page = client.get(f"/admin/pages/{about.pk}/edit/").content.decode()
    assert 'name="action-publish"' not in edit_page
    assert 'name="action-submit"' in edit_page
    before = fresh(about).last_published_at
    client.get(f"/admin/bulk/wagtailcore/page/publish/?id={about.pk}&next=/admin/pages/")
    client.post(
        f"/admin/bulk/wagtailcore/page/publish/?id={about.pk}&next=/admin/pages/",
        {"include_descendants": ""},
    )
    assert fresh(about).last_published_at == before


def test_an_editor_still_publishes_a_translation_directly(review_on, editor, client):
    arabic = translate_everything(new_statement(editor), "ar")
    press_publish(client, editor, arabic)
    arabic = fresh(arabic)
    assert arabic.live and arabic.alias_of_id is None
    assert arabic.current_workflow_state is None


def test_with_review_switched_off_a_translator_publishes_directly(
    review_on, editor, arabic_translator, client
):
    Workflow.objects.filter(name__endswith="Arabic review").update(active=False)
    arabic = translate_everything(new_statement(editor), "ar")
    press_publish(client, arabic_translator, arabic)
    arabic = fresh(arabic)
    assert arabic.live and arabic.alias_of_id is None


def test_approved_translations_of_an_unpublished_english_go_live_with_it(
    review_on, editor, arabic_translator, second_arabic_translator, client
):
    english, arabic = approved_before_its_english(
        client, editor, arabic_translator, second_arabic_translator
    )
    arabic = fresh(arabic)
    assert not arabic.live  # approved, waiting for the English: the embargo holds

    english.save_revision(user=editor).publish(user=editor)
    arabic = fresh(arabic).specific
    assert arabic.live and arabic.title == "Water is not a weapon (ar)"
    assert abs(arabic.last_published_at - fresh(english).last_published_at) < timedelta(seconds=1)


def test_a_scheduled_english_releases_its_approved_translations_at_its_time(
    review_on, editor, arabic_translator, second_arabic_translator, client
):
    english, arabic = approved_before_its_english(
        client, editor, arabic_translator, second_arabic_translator
    )

    english = fresh(english).specific
    english.go_live_at = timezone.now() + timedelta(seconds=2)
    english.save_revision(user=editor).publish(user=editor)  # scheduled
    call_command("publish_scheduled")
    assert not fresh(english).live and not fresh(arabic).live

    time.sleep(2.5)  # its time comes
    call_command("publish_scheduled")
    assert fresh(english).live
    arabic = fresh(arabic).specific
    assert arabic.live and arabic.title == "Water is not a weapon (ar)"


def test_changes_requested_come_back_to_the_translator_and_go_again_to_review(
    review_on, editor, arabic_translator, second_arabic_translator, client
):
    arabic = translate_everything(new_statement(editor), "ar")
    press_publish(client, arabic_translator, arabic)
    client.force_login(second_arabic_translator)
    task_state = fresh(arabic).current_workflow_state.current_task_state
    client.post(
        f"/admin/pages/workflow/action/{arabic.pk}/reject/{task_state.pk}/",
        {"comment": "الفقرة الثانية ناقصة"},
    )
    state = fresh(arabic).current_workflow_state
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES
    press_publish(client, arabic_translator, arabic)
    assert fresh(arabic).current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert approve(client, second_arabic_translator, arabic).status_code == 302
    assert fresh(arabic).live


def test_the_translation_overview_says_a_page_is_in_review(
    review_on, editor, arabic_translator, client
):
    english = new_statement(editor)
    arabic = translate_everything(english, "ar")
    press_publish(client, arabic_translator, arabic)
    states = page_translation_states()
    (arabic_state,) = [s for s in states[locale("ar")] if s.original.pk == english.pk]
    (kurdish_state,) = [s for s in states[locale("ckb")] if s.original.pk == english.pk]
    assert arabic_state.status == IN_REVIEW
    assert kurdish_state.status != IN_REVIEW
    client.force_login(editor)
    overview = client.get("/admin/translation-overview/").content.decode()
    assert "Sent for review by a second translator" in overview


def test_the_reviewers_and_then_the_translator_are_emailed_in_their_language(
    review_on,
    editor,
    arabic_translator,
    second_arabic_translator,
    client,
    django_capture_on_commit_callbacks,
):
    from django.core import mail

    from wagtail.users.models import UserProfile

    for user in (arabic_translator, second_arabic_translator):
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": "ar"})
    arabic = translate_everything(new_statement(editor), "ar")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        press_publish(client, arabic_translator, arabic)
    (sent,) = mail.outbox  # to the reviewer, not to the translator who sent it
    assert sent.to == ["arabic2@example.org"]
    assert "للموافقة" in sent.subject and "Water is not a weapon (ar)" in sent.subject
    assert f"/admin/pages/workflow/preview/{arabic.pk}/" in sent.body

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        approve(client, second_arabic_translator, arabic)
    (approved,) = mail.outbox
    assert approved.to == ["arabic@example.org"]
    assert approved.subject.startswith("تمت الموافقة على الصفحة")
