"""Work-around: the translation editor's "Translated … on {date}" in the user's language.

wagtail-localize writes the date of each piece's comment with `strftime("%-d %B %Y")`
(`StringTranslation.get_comment`), which gives English month names whatever the
admin's language: an Arabic translator reads "ترجمة يدوية في 3 December 2026". It also
shows a tool's name as stored, so a name stored in English (the site's earlier
translations, translation_memory.py) stays English. Here the date is written with the
user's own DATE_FORMAT and month names (icssi_cms/formats/: 3 كانون الأول 2026,
3ی کانوونی یەکەمی 2026), and the tool's name goes through the catalogues.

Can go when: `tests/test_wagtail_localize_gaps.py::test_translation_comments_date_in_english`
fails, i.e. wagtail-localize formats the date itself (no upstream issue yet).
"""

from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext

from wagtail_localize.models import StringTranslation

# wagtail-localize's own messages, translated by its catalogues: under a name that
# makemessages does not extract, so that ours do not repeat them.
upstream_message = gettext


def get_comment(self):
    date = date_format(localtime(self.updated_at), "DATE_FORMAT")
    if self.tool_name:
        return upstream_message("Translated with {tool_name} on {date}").format(
            tool_name=gettext(self.tool_name), date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return upstream_message("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return upstream_message("Machine translated on {date}").format(date=date)
    return None


wagtail_localize_get_comment = StringTranslation.get_comment
StringTranslation.get_comment = get_comment
