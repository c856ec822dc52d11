"""The one rule for showing shared content to a reader.

Pages, organisations, topics and menus are chosen once, in the original language,
and shown "in the reader's language when it is published there, else as chosen".
For pages, "published there" includes the counterpart that shows the original's text
under a notice (trees are synchronised): it is the page's address in that language.
"""

from wagtail.models import Page

from home.i18n.locales import active_locale


def _live(queryset):
    if issubclass(queryset.model, Page):
        return queryset.live()
    if hasattr(queryset.model, "live"):  # snippets with drafts
        return queryset.filter(live=True)
    return queryset


def in_reader_language(objects, locale=None, keep_original=True, queryset=None):
    """`objects` (translatable pages or snippets of one model), each replaced by its
    live version in `locale` (the reader's language by default) where there is one;
    one query whatever their number (from `queryset`, e.g. with select_related, when
    given). Where there is none: the object as chosen, or None when `keep_original`
    is False (a link that should rather be left out)."""
    objects = list(objects)
    locale = locale or active_locale()
    if all(obj is None or obj.locale_id == locale.pk for obj in objects):
        return objects
    present = [obj for obj in objects if obj is not None]
    if queryset is None:
        model = Page if isinstance(present[0], Page) else type(present[0])
        queryset = model._default_manager.all()
    versions = {
        version.translation_key: version
        for version in _live(
            queryset.filter(
                translation_key__in={obj.translation_key for obj in present}, locale=locale
            )
        )
    }
    result = []
    for obj in objects:
        if obj is None or obj.locale_id == locale.pk:
            result.append(obj)
        else:
            result.append(versions.get(obj.translation_key, obj if keep_original else None))
    return result


def one_in_reader_language(obj, locale=None, keep_original=True):
    """`in_reader_language()` for one object (or None)."""
    return in_reader_language([obj], locale, keep_original)[0]
