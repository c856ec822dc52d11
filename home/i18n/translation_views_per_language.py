"""Work-around: wagtail-localize's own views, per language.

wagtail-localize 1.14 lets whoever holds its one global "submit translation"
permission start and sync translations into *every* language, and lets no one else
start any: a translator is shown "Translate this page" and refused. Its string API,
PO upload and download, machine translation, preview and "stop translation" check
snippet permissions per model, not per language (pages are fine: page permissions
are per tree). There is no upstream issue for either yet; wagtail-localize's
per-object checks go through `user_can_edit_instance()`, which ignores Wagtail's
permission policies.

Here, the rule of home/i18n/permissions.py decides: whoever may edit a language
may start, continue and sync translations into it, and only into it.

- `SubmitPageTranslationView`, `SubmitSnippetTranslationView`, `UpdateTranslationsView`
  take the place of wagtail-localize's at the same addresses (`translation_urls`,
  registered before wagtail-localize's own, so they answer first).
- `TranslationLanguageMiddleware` refuses the per-translation views for a
  language the user may not edit, and "convert to alias" to anyone who may not
  restructure the tree.

Can go when: the gap tests in tests/test_wagtail_localize_gaps.py
(`test_submit_translation_is_one_permission_for_every_language`,
`test_translation_api_checks_snippets_per_model`) fail, i.e. wagtail-localize checks
the target language itself.
"""

import contextlib
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect
from django.urls import include, path, reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from wagtail.admin.widgets.button import Button
from wagtail.models import Page, TranslatableMixin
from wagtail.permissions import policy_registry
from wagtail_localize.components import TranslationComponentManager
from wagtail_localize.models import Translation
from wagtail_localize.views import submit_translations, update_translations

from home.i18n.permissions import editable_locales, user_can_edit_locale


def can_publish(user, instance):
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_publish()
    return policy_registry.get(instance).user_has_permission_for_instance(user, "publish", instance)


def may_restructure(user, instance):
    """Whether `user` may take `instance` out of translation ("stop translation",
    "convert to alias"): an editor's decision (those who may create it)."""
    if isinstance(instance, Page):
        return instance.permissions_for_user(user).can_restructure()
    return policy_registry.get(instance).user_has_permission(user, "add")


class TranslateIntoOwnLanguages:
    """Only the languages the user may edit are offered, and only those accepted."""

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.get_form().fields["locales"].queryset.exists():
            return self.nothing_to_translate()
        self.components = TranslationComponentManager.from_request(
            request, source_object_instance=self.object
        )
        # Skip wagtail-localize's check of its global permission: the form decides.
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_form(self):
        form = super().get_form()
        locales = form.fields["locales"]
        locales.queryset = locales.queryset.filter(pk__in=editable_locales(self.request.user))
        if len(locales.queryset) < 2:
            form.fields["select_all"].widget = forms.HiddenInput()
        return form

    def nothing_to_translate(self):
        """Already translated into every language the user may edit: open the
        translation, or refuse when there is nothing of theirs."""
        for locale in editable_locales(self.request.user):
            translated = self.object.get_translation_or_none(locale)
            if translated is not None and translated.pk != self.object.pk:
                messages.info(
                    self.request,
                    _("“%(title)s” is already being translated into %(language)s.")
                    % {"title": self.object, "language": locale.get_display_name()},
                )
                return redirect(self.edit_url(translated))
        raise PermissionDenied

    def edit_url(self, translated):
        return self.get_default_success_url(translated)


class SubmitPageTranslationView(
    TranslateIntoOwnLanguages, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    TranslateIntoOwnLanguages, submit_translations.SubmitSnippetTranslationView
):
    pass


class UpdateTranslationsView(update_translations.UpdateTranslationsView):
    """Sync with the original: the source text is brought up to date (it is shared),
    and only the user's own languages' translations are touched or published."""

    def own_translations(self):
        return self.object.translations.filter(
            enabled=True, target_locale__in=editable_locales(self.request.user)
        ).select_related("source", "target_locale")

    def dispatch(self, request, *args, **kwargs):
        self.object = self.get_object()
        if not self.own_translations().exists():
            raise PermissionDenied
        self.components = TranslationComponentManager.from_request(
            request, source_object_instance=self.object
        )
        return TemplateView.dispatch(self, request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        own = {translation.target_locale for translation in self.own_translations()}
        context["translations"] = [t for t in context["translations"] if t["locale"] in own]
        return context

    @transaction.atomic
    def form_valid(self, form):
        self.object.update_from_db()
        translations = list(self.own_translations())
        if form.cleaned_data.get("use_machine_translation"):
            translator = update_translations.get_machine_translator()
            for translation in translations:
                update_translations.apply_machine_translation(
                    translation.id, self.request.user, translator
                )
        for translation in translations:
            target = translation.get_target_instance()
            with contextlib.suppress(ValidationError):
                if form.cleaned_data["publish_translations"] and can_publish(
                    self.request.user, target
                ):
                    translation.save_target(user=self.request.user, publish=True)
                else:
                    translation.source.update_target_view_restrictions(translation.target_locale)
        self.components.save(self.object, sources_and_translations={self.object: translations})
        messages.success(self.request, self.get_success_message())
        return redirect(self.get_success_url() or self.default_url_for(translations))

    def default_url_for(self, translations):
        """Back to the translation when there is one (a translator may not open the
        English page's parent), else where wagtail-localize goes."""
        if len(translations) == 1:
            return self.get_edit_url(translations[0].get_target_instance())
        return self.get_default_success_url()


def translate_buttons(snippet, user, next_url=None):
    """wagtail-localize's "Translate" button is shown to holders of its global
    permission (editors); a translator gets one for each of their languages the
    snippet is not translated into yet (a `register_snippet_listing_buttons` hook)."""
    if not isinstance(snippet, TranslatableMixin) or user.has_perm(
        "wagtail_localize.submit_translation"
    ):
        return
    existing = set(snippet.get_translations(inclusive=True).values_list("locale_id", flat=True))
    meta = snippet._meta
    url = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, quote(snippet.pk)],
    )
    for locale in editable_locales(user):
        if locale.pk not in existing:
            yield Button(
                _("Translate into %(language)s") % {"language": locale.get_display_name()},
                f"{url}?{urlencode({'select_locale': locale.language_code})}",
                icon_name="wagtail-localize-language",
                priority=100,
            )


def translation_urls():
    """Our views at wagtail-localize's addresses (resolved first)."""
    urls = [
        path(
            "submit/page/<int:page_id>/",
            SubmitPageTranslationView.as_view(),
            name="submit_page_translation",
        ),
        path(
            "submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
            name="submit_snippet_translation",
        ),
        path(
            "update/<int:translation_source_id>/",
            UpdateTranslationsView.as_view(),
            name="update_translations",
        ),
    ]
    return [path("localize/", include((urls, "icssi_localize"), namespace="icssi_localize"))]


class TranslationLanguageMiddleware:
    """Refuses wagtail-localize's per-translation views and API calls (string
    edits, overrides, PO upload and download, machine translation, preview, stop)
    for a language the user may not edit, and "stop translation" and "convert to
    alias" to anyone who may not create the content (an editor's decision: it takes
    the content out of translation)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if not match or "wagtail_localize" not in match.namespaces:
            return None
        if not request.user.is_authenticated:
            return None
        if match.url_name == "convert_to_alias":
            page = Page.objects.filter(pk=view_kwargs["page_id"]).first()
            if page is not None and not may_restructure(request.user, page):
                raise PermissionDenied
            return None
        translation_id = view_kwargs.get("translation_id")
        if translation_id is None:
            return None
        translation = Translation.objects.filter(pk=translation_id).first()
        if translation is None:
            return None
        if not user_can_edit_locale(request.user, translation.target_locale_id):
            raise PermissionDenied
        if match.url_name == "stop_translation" and not may_restructure(
            request.user, translation.get_target_instance()
        ):
            raise PermissionDenied
        return None
