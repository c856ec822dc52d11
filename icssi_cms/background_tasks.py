"""The admin's view of background tasks that failed (Reports → Failed background
tasks): which, when, which attempt, and the error. Tasks are in home/tasks.py."""

from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from home.tasks import ATTEMPTS, RETRIED_TASKS

PERMISSION = "django_tasks_database.view_dbtaskresult"
SHOWN = 100

# What each task does, in words staff know; others are shown by their code name.
TASK_NAMES = {
    "campaigns.notifications.notify_campaign": _("Email to the campaign: an organisation joined"),
    "campaigns.notifications.confirm_registration": _("Registration confirmation email"),
    "home.images.make_renditions": _("Image sizes for a new upload"),
    "wagtail.contrib.frontend_cache.tasks.purge_urls_from_cache_task": _("CDN purge"),
    "wagtail.search.tasks.insert_or_update_object_task": _("Search index update"),
    "modelsearch.tasks.insert_or_update_object_task": _("Search index update"),
    "wagtail.tasks.update_reference_index_task": _("Reference index update"),
}


def describe(result):
    kwargs = (result.args_kwargs or {}).get("kwargs", {})
    attempt = kwargs.get("attempt", 1)
    error_lines = result.traceback.strip().splitlines()
    return {
        "name": TASK_NAMES.get(result.task_path, result.task_path),
        "finished_at": result.finished_at,
        "attempt": attempt,
        # A task with retries that failed before its last attempt is queued again.
        "final": result.task_path not in RETRIED_TASKS or attempt >= ATTEMPTS,
        "error": error_lines[-1] if error_lines else result.exception_class_path,
    }


class FailedTasksView(WagtailAdminTemplateMixin, TemplateView):
    page_title = _("Failed background tasks")
    header_icon = "warning"
    template_name = "admin/failed_tasks.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        failed = DBTaskResult.objects.filter(status=TaskResultStatus.FAILED)
        context["failures"] = [describe(r) for r in failed.order_by("-finished_at")[:SHOWN]]
        context["failed_count"] = failed.count()
        context["waiting_count"] = DBTaskResult.objects.ready().count()
        context["attempts"] = ATTEMPTS
        return context
