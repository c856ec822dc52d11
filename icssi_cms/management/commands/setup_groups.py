from django.contrib.auth.models import Group, Permission
from django.core.management.base import BaseCommand, CommandError

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from home.i18n.permissions import GROUPS
from home.models import SecondTranslatorApprovalTask

SNIPPET_MODELS = [("home", "organisation"), ("news", "topic"), ("home", "navigationmenu")]
# Each translated language's review (home/i18n/translation_review.py): workflow and
# task names, shown to its translators and to the editors, in both their languages.
REVIEW_NAMES = {
    "ar": ("مراجعة الترجمة العربية · Arabic review", "موافقة مترجم ثانٍ · Second Arabic translator"),
    "ckb": (
        "پێداچوونەوەی وەرگێڕانی کوردی · Kurdish review",
        "پەسەندکردنی وەرگێڕێکی تر · Second Kurdish translator",
    ),
}
# Wagtail's own default workflow: every page, approved by the group "Moderators",
# which nobody here is in.
WAGTAIL_DEFAULT_WORKFLOW = "Moderators approval"
# Visitors' submissions: Editors read, approve, export and delete them.
SUBMISSION_MODELS = ["campaignendorsement", "conferenceregistration"]


def permission(app_label, codename):
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


class Command(BaseCommand):
    help = (
        "Create or update the groups: 'Editors' (edit and publish everything, start "
        "translations) and 'Arabic translators' / 'Kurdish translators' (edit and publish "
        "only their language's pages and snippets; a second translator of the language "
        "approves each page before it goes live). Run after load_seed_content."
    )

    def handle(self, verbosity=1, **options):
        for name, language in GROUPS.items():
            group, created = Group.objects.get_or_create(name=name)
            if language is None:
                self.setup_editors(group)
            else:
                self.setup_translators(group, language)
            if verbosity:
                self.stdout.write(f"{'Created' if created else 'Updated'} the group “{name}”")
        self.retire_wagtail_default_workflow()

    def grant_pages(self, group, page, codenames):
        for codename in codenames:
            GroupPagePermission.objects.get_or_create(
                group=group, page=page, permission=permission("wagtailcore", codename)
            )

    def grant_collection(self, group, codenames):
        root = Collection.get_first_root_node()
        for app_label, codename in codenames:
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission(app_label, codename)
            )

    def setup_editors(self, group):
        group.permissions.add(
            permission("wagtailadmin", "access_admin"),
            permission("wagtail_localize", "submit_translation"),
            permission("home", "change_sitenavigation"),
            *[
                permission(app, f"{action}_{model}")
                for app, model in SNIPPET_MODELS
                for action in ("add", "change", "delete", "publish")
            ],
            *[
                permission("campaigns", f"{action}_{model}")
                for model in SUBMISSION_MODELS
                for action in ("view", "change", "delete")
            ],
            # Reports → Failed background tasks (an email that could not be sent).
            permission("django_tasks_database", "view_dbtaskresult"),
        )
        self.grant_pages(
            group,
            Page.get_first_root_node(),
            [
                "add_page",
                "change_page",
                "publish_page",
                "bulk_delete_page",
                "lock_page",
                "unlock_page",
            ],
        )
        self.grant_collection(
            group,
            [
                ("wagtailimages", "add_image"),
                ("wagtailimages", "change_image"),
                ("wagtailimages", "choose_image"),
                ("wagtaildocs", "add_document"),
                ("wagtaildocs", "change_document"),
                ("wagtaildocs", "choose_document"),
            ],
        )

    def setup_translators(self, group, language):
        home = Page.objects.filter(depth=2, locale__language_code=language).first()
        if home is None:
            raise CommandError(
                f"There is no {language} home page yet: run load_seed_content first."
            )
        group.permissions.add(
            permission("wagtailadmin", "access_admin"),
            *[
                permission(app, f"{action}_{model}")
                for app, model in SNIPPET_MODELS
                for action in ("change", "publish")
            ],
        )
        self.grant_pages(group, home, ["change_page", "publish_page"])
        self.grant_collection(
            group, [("wagtailimages", "choose_image"), ("wagtaildocs", "choose_document")]
        )
        self.setup_review(group, language, home)

    def setup_review(self, group, language, home):
        """The language's review workflow on its tree. Made once: an admin who
        switches it off (a one-translator team) or assigns another keeps their choice."""
        workflow_name, task_name = REVIEW_NAMES[language]
        task, _ = SecondTranslatorApprovalTask.objects.get_or_create(name=task_name)
        task.groups.add(group)
        workflow, created = Workflow.objects.get_or_create(name=workflow_name)
        if created:
            WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
            WorkflowPage.objects.get_or_create(page=home, defaults={"workflow": workflow})

    def retire_wagtail_default_workflow(self):
        default = Workflow.objects.filter(
            name=WAGTAIL_DEFAULT_WORKFLOW, active=True, workflow_pages__page__depth=1
        ).first()
        if default is not None:
            default.deactivate()
