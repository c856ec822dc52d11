"""Work-around: a right-to-left translation editor.

wagtail-localize's editor gives its text boxes no `dir` or `lang` (wagtail-localize
issue #197, open since 2020), so Arabic and Sorani are typed left to right. This adds
a script that gives every text box the direction and language of the translation,
whatever language the admin itself is in.

Can go when: `tests/browser/test_translation.py::test_editor_text_boxes_have_no_direction_of_their_own`
fails, i.e. wagtail-localize marks its text boxes itself. The script checks each box
and leaves one that already has a `dir` alone, so it switches itself off then.
"""

import json

from django.conf import settings
from django.templatetags.static import static
from django.utils.html import format_html

from wagtail import hooks


@hooks.register("insert_editor_js")
def translation_editor_direction_js():
    return format_html(
        '<script src="{}" data-rtl-languages="{}"></script>',
        static("js/translation-editor-direction.js"),
        json.dumps(sorted(settings.LANGUAGES_BIDI)),
    )
