"""Work-around: wagtail-localize's "Translations" report in the wrong language.

wagtail-localize 1.14 labels its *Reports → Translations* menu item with `gettext`
when the item is registered (wagtail_localize/wagtail_hooks.py,
register_wagtail_localize2_report_menu_item), not with `gettext_lazy`. Wagtail builds
the reports menu once per server process, so everyone then sees that label in the
language of whoever opened the admin first: an Arabic translator sees it in Kurdish,
or a Kurdish one in English. This gives the item a lazy label, translated for each
request in that user's language.

Can go when: `tests/test_wagtail_localize_gaps.py::test_translations_report_label_is_not_lazy`
fails, i.e. wagtail-localize registers a lazy label. The hook leaves a lazy label alone,
so it does nothing then.
"""

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from wagtail import hooks


@hooks.register("construct_reports_menu")
def translate_the_translations_report_label(request, menu_items):
    url = reverse("wagtail_localize:translations_report")
    for item in menu_items:
        if item.url == url and not isinstance(item.label, Promise):
            item.label = gettext_lazy("Translations")
