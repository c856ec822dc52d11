"""Tags for what search engines and shared links read."""

from django import template

from home import sharing
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


@register.inclusion_tag("includes/share_links.html", takes_context=True)
def share_links(context, page, heading):
    """The share links of `page` (a statement, a campaign, a conference) under
    `heading`, for the page as the reader reads it: its own address and title."""
    url = page.get_full_url(context["request"])
    return {
        "page": page,
        "heading": heading,
        "url": url,
        "links": sharing.share_links(page.title, url),
    }
