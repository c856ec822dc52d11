from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from icssi_cms.background_tasks import PERMISSION, FailedTasksView


@hooks.register("register_admin_urls")
def failed_tasks_urls():
    return [path("failed-tasks/", FailedTasksView.as_view(), name="failed_tasks")]


class FailedTasksMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(PERMISSION)


@hooks.register("register_reports_menu_item")
def failed_tasks_menu_item():
    return FailedTasksMenuItem(
        _("Failed background tasks"), reverse("failed_tasks"), icon_name="warning", order=60
    )
