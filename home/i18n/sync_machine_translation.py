"""Work-around: "Sync translated pages" with "Use machine translation" refuses the
whole sync (a 404, nothing synchronised) when the service cannot translate one of the
languages, e.g. a LibreTranslate server without Sorani. wagtail-localize's
`apply_machine_translation` raises Http404 for such a pair, and the sync view calls
it for every language. (No upstream issue yet.) Here the sync machine-translates the
languages the service has and leaves the others to their translators.

Can go when: `tests/test_wagtail_localize_gaps.py::test_sync_with_machine_translation_needs_every_language`
fails, i.e. the sync skips those languages by itself.
"""

from wagtail_localize.models import Translation
from wagtail_localize.views import update_translations
from wagtail_localize.views.edit_translation import apply_machine_translation


def apply_where_supported(translation_id, user, machine_translator):
    translation = Translation.objects.select_related("source__locale", "target_locale").get(
        pk=translation_id
    )
    if not machine_translator.can_translate(translation.source.locale, translation.target_locale):
        return False
    return apply_machine_translation(translation_id, user, machine_translator)


update_translations.apply_machine_translation = apply_where_supported
