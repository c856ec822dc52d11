"""The one place that writes a date for readers: every page, card, feed, form
message, e-mail and the admin's listings write dates through the formats of the
reader's language (icssi_cms/formats/), never with a format of their own."""

from django.core.exceptions import ImproperlyConfigured
from django.utils import formats
from django.utils.translation import get_language

# What is shown -> the name of the format, defined for every language.
STYLES = {
    "day": "DATE_FORMAT",
    "month": "YEAR_MONTH_FORMAT",  # a statement dated to the month: June 2015
    "weekday": "WEEKDAY_DATE_FORMAT",
}


def format_for(style, language=None):
    """The format string of `style` in `language` (the active one by default)."""
    name = STYLES[style]
    # Django's get_format knows only its own names; WEEKDAY_DATE_FORMAT is ours.
    for module in formats.get_format_modules(language or get_language()):
        if hasattr(module, name):
            return getattr(module, name)
    raise ImproperlyConfigured(f"No {name} for {language or get_language()}.")


def written_date(value, style="day"):
    """`value` as readers of the active language write it, e.g. 18ی کانوونی دووەمی 2017."""
    if not value:
        return ""
    return formats.date_format(value, format_for(style))
