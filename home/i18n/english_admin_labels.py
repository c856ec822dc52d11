"""Work-around: admin labels that Wagtail 8.0 and wagtail-localize 1.14 write in
English whatever the admin's language, because they never go through gettext.

- Wagtail's sign-in form has no label for its password field, so Django derives
  "Password" from the field's name (wagtail/admin/forms/auth.py, LoginForm).
- Wagtail's dashboard search has a hidden `<input type="submit" value="Search">`
  (wagtailadmin/home.html) and every header an `<nav aria-label="Actions">`
  (wagtailadmin/shared/headers/_actions.html), both read out by screen readers.
- wagtail-localize's editor builds its heading as `${source} to ${target} translation`
  (static_src/editor/components/TranslationEditor/index.tsx) and labels its action
  menu "More actions" (static_src/common/components/ActionMenu/index.tsx).
- wagtail-localize's Translation model has no verbose name, so its report counts
  "32 translations" in English (Wagtail's paginator adds the model's plural name).
- A page published by nobody (the seed import) shows "None" as its last publisher in
  the "Aging pages" report (wagtailadmin/shared/user_avatar.html prints `{{ user }}`);
  icssi_cms/templates/wagtailadmin/shared/user_avatar.html shows nothing instead.

A script on every admin page replaces exactly these English texts with translations
(their own msgids, from Wagtail's, Django's and wagtail-localize's catalogues, which
icssi_cms/locale_upstream/ completes for Sorani). No upstream issues filed yet; the
fixes to offer are one gettext call each (and a `|default:""` for the avatar).

Can go when: its assertion in `tests/test_wagtail_localize_gaps.py::
test_admin_labels_are_written_in_english` fails, i.e. upstream translates the label
itself. Each rule only touches text that is exactly the English label, so a
rule whose gap is closed upstream does nothing.
"""

import json

from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext

from wagtail import hooks

# Wagtail's, Django's and wagtail-localize's own msgids, translated in their
# catalogues: called through another name so that `makemessages` does not copy them
# into this site's catalogue.
upstream_gettext = gettext


def label_rules():
    """What to replace: an element (CSS selector), the English text of one of its
    own text nodes or attributes, or a pattern whose groups fill the translation."""
    return [
        {"selector": "label[for='id_password']", "english": "Password",
         "translation": upstream_gettext("Password")},
        {"selector": "input[type='submit']", "attribute": "value", "english": "Search",
         "translation": upstream_gettext("Search")},
        {"selector": "#w-slim-header-buttons", "attribute": "aria-label", "english": "Actions",
         "translation": upstream_gettext("Actions")},
        {"selector": ".w-sr-only", "english": "More actions",
         "translation": upstream_gettext("More actions")},
        {"selector": ".js-translation-editor h3", "pattern": "^(.+) to (.+) translation$",
         # Translators: heading of wagtail-localize's editor, e.g. "English to Kurdish
         # translation"; source and target are the languages' names.
         "translation": gettext("%(source)s to %(target)s translation")
         .replace("%(source)s", "$1").replace("%(target)s", "$2")},
        {"selector": ".pagination__end", "pattern": "^(\\d+) translations?$",
         "translation": upstream_gettext("Translations") + ": $1"},
    ]  # fmt: skip


@hooks.register("insert_global_admin_js")
def english_admin_labels_js():
    return format_html(
        '<script src="{}" data-rules="{}" defer></script>',
        static("js/english-admin-labels.js"),
        json.dumps(label_rules(), ensure_ascii=False),
    )
