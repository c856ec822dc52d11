"""Work-around: per-language snippet permissions.

Wagtail's snippet permissions are per model, and wagtail-localize's translation views
and API check only those, so an "Arabic translator" could edit the Kurdish
organisations. `refuse_snippet_in_other_language` (Wagtail's edit view) and
`TranslationLanguageMiddleware` (wagtail-localize's string edits, PO upload and
download, machine translation) refuse it, using the rule in home/i18n/permissions.py.
(No upstream issue yet; Wagtail has per-object permission policies to build on.)

Can go when: `tests/test_wagtail_localize_gaps.py::test_snippet_permissions_are_per_model`
fails, i.e. Wagtail or wagtail-localize refuse a snippet in another language by
themselves.
"""

from django.core.exceptions import PermissionDenied

from wagtail import hooks
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.models import Translation

from home.i18n.permissions import user_can_edit_locale


@hooks.register("before_edit_snippet", order=-100)  # before wagtail-localize's own hook
def refuse_snippet_in_other_language(request, instance):
    if isinstance(instance, TranslatableMixin) and not user_can_edit_locale(
        request.user, instance.locale_id
    ):
        raise PermissionDenied


class TranslationLanguageMiddleware:
    """Refuses wagtail-localize's per-translation views and API calls (string edits,
    PO upload and download, machine translation) for a snippet in a language the
    user may not edit. Pages need no help: wagtail-localize checks page permissions."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not match or "wagtail_localize" not in match.namespaces:
            return None
        translation_id = view_kwargs.get("translation_id")
        if translation_id is None or not request.user.is_authenticated:
            return None
        translation = Translation.objects.select_related("source").filter(pk=translation_id).first()
        if translation is None or issubclass(
            translation.source.specific_content_type.model_class(), Page
        ):
            return None
        if not user_can_edit_locale(request.user, translation.target_locale_id):
            raise PermissionDenied
        return None
