"""Tags for the translation editor's template (see home/i18n/translation_preview.py)."""

from django import template

from home.i18n.translation_preview import with_preview_panel

register = template.Library()


@register.simple_tag(takes_context=True)
def translation_side_panels(context):
    """wagtail-localize's side panels for the editor, with the live preview."""
    return with_preview_panel(
        context.get("side_panels") or [],
        context["request"],
        context.get("instance"),
        context["translation"],
    )
