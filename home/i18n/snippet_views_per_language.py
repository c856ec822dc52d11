"""Work-around: snippet views that check the object's language, not only the model.

Wagtail 8 asks a snippet's permission policy about the object itself only in its
delete and copy views. Edit, unpublish, unschedule, revert, history, compare and
preview ask about the model ("may this user unpublish navigation menus?"), so an
Arabic translator with "publish navigation menu" could unpublish the *English* main
menu. Wagtail issue #13314 ("Use instance-aware methods of the permission policy in
generic views"). The policy itself is Wagtail's own mechanism
(home/i18n/permissions.py `LanguagePermissionPolicy`); this viewset makes every view
that acts on one snippet, and the listing's links, ask it about the object.

Can go when: `tests/test_wagtail_localize_gaps.py::test_snippet_views_ask_the_model_not_the_object`
fails, i.e. Wagtail's own views consult the policy for the object.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied

from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.i18n.permissions import LanguagePermissionPolicy, user_can_edit_locale

# The SnippetViewSet views that act on one snippet (the URL carries its pk).
ONE_SNIPPET_VIEWS = [
    "copy_view_class",
    "edit_view_class",
    "delete_view_class",
    "usage_view_class",
    "history_view_class",
    "inspect_view_class",
    "revisions_view_class",
    "revisions_compare_view_class",
    "revisions_unschedule_view_class",
    "unpublish_view_class",
    "preview_on_edit_view_class",
    "lock_view_class",
    "unlock_view_class",
    "workflow_action_view_class",
    "collect_workflow_action_data_view_class",
    "confirm_workflow_cancellation_view_class",
    "workflow_preview_view_class",
    "workflow_history_view_class",
    "workflow_history_detail_view_class",
]


class RefuseOtherLanguages:
    """Refuses the request when the snippet is in a language the user may not edit."""

    def dispatch(self, request, *args, **kwargs):
        snippet = getattr(self, "object", None)
        if snippet is None and kwargs.get("pk") is not None:
            snippet = self.model._default_manager.filter(pk=unquote(str(kwargs["pk"]))).first()
        if snippet is not None and not user_can_edit_locale(request.user, snippet.locale_id):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class LinksPerLanguage:
    """The listing links to edit, copy, inspect or delete a snippet only where the
    user may use them."""

    def allowed(self, instance):
        return user_can_edit_locale(self.request.user, instance.locale_id)

    def get_edit_url(self, instance):
        return super().get_edit_url(instance) if self.allowed(instance) else None

    def get_copy_url(self, instance):
        return super().get_copy_url(instance) if self.allowed(instance) else None

    def get_inspect_url(self, instance):
        return super().get_inspect_url(instance) if self.allowed(instance) else None

    def get_delete_url(self, instance):
        return super().get_delete_url(instance) if self.allowed(instance) else None


class UnpublishForEditors:
    """Taking a snippet away from readers is for those who may create it (editors),
    as for pages (home/i18n/permissions.py `SitePagePermissionTester`); Wagtail would
    let anyone who may publish it."""

    def dispatch(self, request, *args, **kwargs):
        if not self.permission_policy.user_has_permission(request.user, "add"):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class TranslatableSnippetViewSet(SnippetViewSet):
    index_view_class = type("IndexView", (LinksPerLanguage, SnippetViewSet.index_view_class), {})


for _name in ONE_SNIPPET_VIEWS:
    _view = getattr(SnippetViewSet, _name)
    setattr(
        TranslatableSnippetViewSet,
        _name,
        type(_view.__name__, (RefuseOtherLanguages, _view), {}),
    )
TranslatableSnippetViewSet.unpublish_view_class = type(
    "UnpublishView", (UnpublishForEditors, TranslatableSnippetViewSet.unpublish_view_class), {}
)


def register_translatable_snippet(model, viewset=TranslatableSnippetViewSet):
    """Register a translatable snippet with its per-language policy and views
    (`viewset`: TranslatableSnippetViewSet or a subclass of it)."""
    register_permission_policy(model, LanguagePermissionPolicy(model), exact_class=True)
    register_snippet(model, viewset=viewset)
    return model
