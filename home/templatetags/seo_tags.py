"""Tags for what search engines and shared links read."""

from django import template

from home.seo import json_ld_script, share_image_url

register = template.Library()


@register.simple_tag(takes_context=True)
def structured_data(context, page):
    """The page's JSON-LD script, when its type has one."""
    describe = getattr(page, "structured_data", None)  # SitePage types say their own
    data = describe(context["request"]) if callable(describe) else None
    return json_ld_script(data) if data else ""


@register.simple_tag(takes_context=True)
def share_image(context):
    return share_image_url(context["request"])
