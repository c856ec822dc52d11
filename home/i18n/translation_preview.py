"""Work-around: a live preview inside wagtail-localize's translation editor.

wagtail-localize 1.14's translation editor has no preview of its own: its "Preview"
button opens the page in a new browser tab, which does not follow the typing (the
translator reloads it by hand after each save), and the editor's side panels hold
only the status. Wagtail's own page editor has a "Preview" side panel, but its
controller posts the page editor's form, which the translation editor does not have.

Here the translation editor gets a "Preview" side panel of its own (the template
icssi_cms/templates/wagtail_localize/admin/edit_translation.html adds it with the tag
`translation_side_panels`): wagtail-localize's preview of the translation
(`wagtail_localize:preview_translation`, the page as it will be published, with the
text saved so far; see draft_translations.py for why it is not shown as an alias) in
a frame, reloaded by static/js/translation-preview.js each time the editor saves or
removes a piece of text. The preview answers with `X-Frame-Options: SAMEORIGIN`
(wagtail-localize's `xframe_options_sameorigin_override`) and our CSP has
`frame-ancestors 'self'`, so the admin may frame it; the per-language rule of
translation_views_per_language.py still refuses it to other languages' translators.

Can go when: wagtail-localize's editor has a preview panel of its own (its props
then carry more than `previewModes` links, or its template a preview side panel).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.models import Page


class TranslationPreviewSidePanel(BaseSidePanel):
    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = _("Preview the translation")
        icon_name = "view"
        has_counter = False

    name = "translation-preview"
    title = _("Preview")
    template_name = "wagtail_localize/admin/translation_preview_panel.html"
    order = 400

    def __init__(self, object, request, *, translation):
        super().__init__(object, request)
        self.translation = translation

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["preview_url"] = reverse(
            "wagtail_localize:preview_translation", args=[self.translation.pk]
        )
        context["language_code"] = self.translation.target_locale.language_code
        return context


def with_preview_panel(side_panels, request, instance, translation):
    """The editor's side panels, and the preview for a page that has one."""
    if not isinstance(instance, Page) or not instance.preview_modes:
        return side_panels
    return [*side_panels, TranslationPreviewSidePanel(instance, request, translation=translation)]
