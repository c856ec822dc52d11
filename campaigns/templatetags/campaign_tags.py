"""Tags that show conferences on other pages (the home page)."""

from django import template

from campaigns.models import ConferencePage
from home.i18n.locales import active_locale

register = template.Library()


@register.simple_tag
def featured_conference():
    """The next conference in the reader's language tree, or else the latest one."""
    return ConferencePage.featured_for(active_locale())
