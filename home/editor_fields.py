"""How the admin's form fields behave for editors, through Wagtail's own registry of
form field overrides (`register_form_field_override`), so that every page, snippet and
setting form gets them (registered when home.models.base imports this module):

- Date, time and date-and-time fields keep what the editor typed. Wagtail's picker
  (jQuery xdsoft datetimepicker) replaces a value it cannot read with today's date
  when the field loses focus (its `validateOnBlur` option, on by default); here it is
  off, so a mistyped date reaches the server, which refuses it with a message saying
  how to write one (the schedule dialog's too: SchedulePublishingPanel).
- Plain text fields (one-line inputs and text areas) get `dir="auto"`: in the Arabic
  or Kurdish admin, English typed into them is shown left to right from its start
  instead of right to left with its beginning cut off, and Arabic in the English admin
  right to left. The StreamField blocks have the same (home/blocks.py).
"""

from django.db import models
from django.forms import TextInput
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.models import register_form_field_override
from wagtail.admin.panels import PublishingPanel
from wagtail.admin.widgets import (
    AdminAutoHeightTextInput,
    AdminDateInput,
    AdminDateTimeInput,
    AdminTimeInput,
)

# The direction of a plain text field follows its first strong letter.
TEXT_DIRECTION = {"dir": "auto"}


class KeepsTypedValue:
    """A Wagtail date or time picker that leaves a value it cannot read as typed."""

    def get_config(self):
        return {**super().get_config(), "validateOnBlur": False}


class DateInput(KeepsTypedValue, AdminDateInput):
    pass


class TimeInput(KeepsTypedValue, AdminTimeInput):
    pass


class DateTimeInput(KeepsTypedValue, AdminDateTimeInput):
    pass


register_form_field_override(
    models.DateField,
    override={
        "widget": DateInput,
        "error_messages": {"invalid": _("Enter a date as year-month-day, e.g. 2017-01-18.")},
    },
)
register_form_field_override(
    models.TimeField,
    override={
        "widget": TimeInput,
        "error_messages": {"invalid": _("Enter a time as hours:minutes, e.g. 09:30.")},
    },
)
register_form_field_override(
    models.DateTimeField,
    override={
        "widget": DateTimeInput,
        "error_messages": {
            "invalid": _(
                "Enter a date and time as year-month-day hours:minutes, e.g. 2017-01-18 09:30."
            )
        },
    },
)


class SchedulePublishingPanel(PublishingPanel):
    """Wagtail's "Set schedule" dialog (go-live and expiry dates), whose pickers keep
    what was typed like the others: Wagtail gives them widgets of their own, so the
    override above does not reach them. Used in SitePage.settings_panels."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        for child in self.children:
            child.widget = DateTimeInput(
                js_overlay_parent_selector=child.widget.js_overlay_parent_selector,
                attrs=child.widget.attrs,
            )


def _plain_text_input(db_field):
    # A field with choices is a drop-down: it keeps Django's widget.
    return {} if db_field.choices else {"widget": TextInput(attrs=TEXT_DIRECTION)}


# Exact classes: slugs, e-mail addresses and web addresses (subclasses of CharField)
# keep their own left-to-right widgets; rich text (a subclass of TextField) its editor.
register_form_field_override(models.CharField, override=_plain_text_input, exact_class=True)
register_form_field_override(
    models.TextField,
    override={"widget": AdminAutoHeightTextInput(attrs=TEXT_DIRECTION)},
    exact_class=True,
)
