"""Locales, looked up once per process.

A page view needs the reader's Locale many times (menus, organisations, feeds), and
Wagtail's Locale.get_active() queries the database each time. Locales change only
when a language is added, so they are kept here and forgotten when one is saved or
deleted (in this process; other server processes pick up a new language on restart).
"""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils.translation import get_language

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

_by_code: dict[str, Locale] = {}
_by_id: dict[int, Locale] = {}


def _load():
    for locale in Locale.objects.all():
        _by_code[locale.language_code] = locale
        _by_id[locale.pk] = locale


def active_locale():
    """The Locale of the language being served (as Locale.get_active())."""
    code = get_supported_content_language_variant(get_language())
    if code not in _by_code:
        _load()
    return _by_code[code]


def locale_by_id(locale_id):
    if locale_id not in _by_id:
        _load()
    return _by_id[locale_id]


@receiver([post_save, post_delete], sender=Locale)
def forget_locales(**kwargs):
    _by_code.clear()
    _by_id.clear()
