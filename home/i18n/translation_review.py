"""Review by a second translator, and translations released with their English.

Wagtail's workflows do the reviewing: `manage.py setup_groups` gives the Arabic and
the Kurdish tree each a workflow whose one step is a `SecondTranslatorApprovalTask`
for that language's translators (home/models/review.py). The approval publishes the
translation. A team with one translator for a language switches that workflow off
in Settings → Workflows; its translators then publish directly again.

Two things Wagtail does not do by itself, done here:

- A translator holds Wagtail's "publish" permission on their tree (for snippets, and
  for pages when review is off), and Wagtail lets whoever may publish skip a
  workflow. While review is on, a translator's Publish of a page (the translation
  editor's "Publish in …", the page editor's, bulk publish) sends it for review
  instead; editors still publish directly.
- Release together (joint statements under embargo): a translation approved while
  its English is not live yet waits, and goes live in the same moment as the English,
  whether the English is published now or at its scheduled time (`publish_scheduled`).
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from wagtail import hooks
from wagtail.models import Locale, Page, WorkflowState
from wagtail.signals import page_published
from wagtail.workflows import publish_workflow_state

from home.i18n.draft_translations import translation_in_progress, untranslated_count
from home.i18n.permissions import user_can_edit_locale
from home.models.review import SecondTranslatorApprovalTask


def review_workflow(page):
    """The active review workflow that `page` goes through, if any."""
    workflow = page.get_workflow()
    if workflow is None:
        return None
    task_ids = workflow.workflow_tasks.values_list("task_id", flat=True)
    if SecondTranslatorApprovalTask.objects.filter(pk__in=task_ids, active=True).exists():
        return workflow
    return None


def must_send_for_review(user, page):
    """Whether `user`'s Publish of `page` goes to review: a translator's (someone
    who may not edit the English), on a tree whose review is on."""
    if user_can_edit_locale(user, Locale.get_default()):
        return False
    return review_workflow(page) is not None


def send_for_review(page, user):
    """Start the review of the page's latest version, or hand the reviewer that
    version if it is in review already (or came back with changes requested)."""
    state = page.current_workflow_state
    if state is None:
        review_workflow(page).start(page, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    else:
        task_state = state.current_task_state
        task_state.revision = page.get_latest_revision()
        task_state.save(update_fields=["revision"])


def english_original(obj):
    """The page in the source language that `obj` translates, or None for an original."""
    default = Locale.get_default()
    if not isinstance(obj, Page) or obj.locale_id == default.pk:
        return None
    return Page.objects.filter(translation_key=obj.translation_key, locale=default).first()


def waits_for_english(obj):
    original = english_original(obj)
    return original is not None and not original.live


def publish_approved(workflow_state, user=None):
    """WAGTAIL_FINISH_WORKFLOW_ACTION: publish what the reviewer approved, except a
    translation whose English is not live yet, which goes live with it."""
    if waits_for_english(workflow_state.content_object):
        return
    publish_workflow_state(workflow_state, user=user)


def approved_and_waiting(page):
    """The approved revision of `page` that waits for its English, if there is one."""
    if page.live and not page.has_unpublished_changes:
        return None
    state = (
        WorkflowState.objects.for_instance(page)
        .filter(status=WorkflowState.STATUS_APPROVED)
        .select_related("current_task_state")
        .order_by("-created_at")
        .first()
    )
    if state is None or state.current_task_state.revision_id != page.latest_revision_id:
        return None
    return page.latest_revision


@hooks.register("before_edit_page", order=-2)  # before the translation editor's hooks
def publish_goes_to_review(request, page):
    if not must_send_for_review(request.user, page):
        return None
    if request.method == "GET" and translation_in_progress(page) is not None:
        # The translation editor's button says "Publish in …" whatever happens next.
        messages.info(
            request,
            _(
                "In this language a second translator approves each page: “Publish” "
                "sends it to them for review."
            ),
        )
        return None
    if request.method != "POST":
        return None
    if "action-publish" in request.POST:
        # The page editor offers no Publish (below); a hand-made request is sent
        # for review the way the editor's own "Submit" would.
        data = request.POST.copy()
        del data["action-publish"]
        data["action-submit"] = "1"
        request.POST = data
        return None
    if request.POST.get("action") != "publish":
        return None
    translation = translation_in_progress(page)
    if translation is None or untranslated_count(translation.source, translation.target_locale):
        # draft_translations' before_edit_page hook, next in order, refuses an
        # incomplete translation with its message.
        return None
    translation.save_target(user=request.user, publish=False)
    page.refresh_from_db()
    send_for_review(page, request.user)
    if waits_for_english(page):
        message = _(
            "Sent for review. Once a second translator of this language approves it, it "
            "goes live together with the original, which is not published yet."
        )
    else:
        message = _(
            "Sent for review. It goes live once a second translator of this language "
            "approves it; until then readers see the version published before."
        )
    messages.success(request, message)
    return redirect(request.path)


@hooks.register("construct_page_action_menu")
def no_publish_button_while_review_is_on(menu_items, request, context):
    page = context.get("page")
    if page is not None and page.pk and must_send_for_review(request.user, page):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("before_bulk_action")
def bulk_publish_goes_through_review(request, action_type, objects, action):
    if action_type != "publish":
        return None
    in_review = [
        obj for obj in objects if isinstance(obj, Page) and must_send_for_review(request.user, obj)
    ]
    if not in_review:
        return None
    messages.error(
        request,
        _(
            "Not published: in this language a second translator approves each page "
            "before it goes live. Open the page and send it for review."
        ),
    )
    return redirect(action.next_url)


def release_waiting_translations(sender, instance, **kwargs):
    """The English goes live (now, or at its scheduled time): its approved
    translations go live in the same moment."""
    if instance.locale_id != Locale.get_default().pk or not instance.live:
        return  # (Wagtail sends page_published for a first publish it only schedules)
    translations = Page.objects.filter(translation_key=instance.translation_key).exclude(
        locale_id=instance.locale_id
    )
    for translation in translations:
        revision = approved_and_waiting(translation)
        if revision is not None:
            revision.publish(user=revision.user)


page_published.connect(release_waiting_translations, dispatch_uid="release_waiting_translations")
