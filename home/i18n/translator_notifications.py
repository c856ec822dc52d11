"""When the English of a translated page is published with changes, its translators
are told, each in their own language: an email (a background task, retried while the
mail server fails) and the dashboard's "Waiting for you" list (home/i18n/overview.py).

wagtail-localize itself tells no one: a translation silently falls out of date until
someone opens the overview.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.dispatch import receiver
from django.urls import reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext as _

from wagtail.models import Page
from wagtail.signals import page_published
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, Translation, TranslationSource
from wagtail_localize.segments.extract import extract_segments
from wagtail_localize.segments.types import StringSegmentValue

from home.i18n.permissions import translator_groups
from home.tasks import with_retries

QUOTED_PASSAGES = 3  # changed passages quoted in the email, the rest counted
QUOTE_LENGTH = 160


def changed_passages(page, source):
    """The texts of `page` as it is now that the translation `source` does not have
    yet (new or edited passages), in the page's order."""
    known = set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))
    changed = []
    for segment in extract_segments(page):
        if isinstance(segment, StringSegmentValue):
            text = segment.string.data
            if text not in known and text not in changed:
                changed.append(text)
    return changed


def translators_of(language_code):
    """Active translators of one language who have an email address."""
    return (
        get_user_model()
        .objects.filter(groups__in=translator_groups(language_code), is_active=True)
        .exclude(email="")
        .distinct()
    )


def reading_language(user, language_code):
    """The translator's admin language, or the language they translate into."""
    chosen = UserProfile.get_for_user(user).preferred_language
    return chosen or language_code


def plain_text(html):
    text = " ".join(strip_tags(html).split())
    return text if len(text) <= QUOTE_LENGTH else text[: QUOTE_LENGTH - 1] + "…"


def translation_editor(page, locale):
    """The address of the page's translation into `locale` in the admin (its edit
    view is wagtail-localize's translation editor)."""
    target = page.get_translation(locale)
    return settings.WAGTAILADMIN_BASE_URL + reverse("wagtailadmin_pages:edit", args=[target.pk])


def email_for(user, language_code, page, passages, editor_url):
    with translation.override(reading_language(user, language_code)):
        # the language's name in the reader's language (Django's own catalogues)
        language = translation.get_language_info(language_code)["name_translated"]
        subject = _("The English of “%(title)s” has changed") % {"title": page.title}
        lines = [
            _("Dear %(name)s,") % {"name": user.get_full_name() or user.get_username()},
            "",
            _(
                "The English page “%(title)s” was published with changes that its "
                "%(language)s translation does not have yet."
            )
            % {"title": page.title, "language": language},
            _("Passages new or changed: %(count)s") % {"count": len(passages)},
            "",
            *(f"– {plain_text(text)}" for text in passages[:QUOTED_PASSAGES]),
            "",
            _("Translate what changed: %(url)s") % {"url": editor_url},
            "",
            _("Iraqi Civil Society Solidarity Initiative"),
        ]
    return subject, "\n".join(lines)


@with_retries
def tell_translators(page_id, passages):
    """Email the translators of each language page `page_id` (English) is translated
    into that its `passages` are new or changed."""
    page = Page.objects.get(pk=page_id).specific
    source = TranslationSource.objects.get(object_id=page.translation_key, locale=page.locale)
    sent = 0
    translations = Translation.objects.filter(source=source, enabled=True).select_related(
        "target_locale"
    )
    for target in translations:
        language_code = target.target_locale.language_code
        editor_url = translation_editor(page, target.target_locale)
        for user in translators_of(language_code):
            subject, message = email_for(user, language_code, page, passages, editor_url)
            send_mail(subject, message, None, [user.email])
            sent += 1
    return f"sent to {sent}"


@receiver(page_published)
def english_published(sender, instance, **kwargs):
    """Compare the English just published with what its translations were made from,
    and queue the emails once the publish is committed. Wagtail sends page_published
    before `published`, on which home/i18n/shared_fields.py refreshes the
    translations' source: so here the source still holds the previous text."""
    if instance.locale.language_code != settings.LANGUAGE_CODE:
        return
    source = TranslationSource.objects.filter(
        object_id=instance.translation_key, locale=instance.locale
    ).first()
    if source is None or not Translation.objects.filter(source=source, enabled=True).exists():
        return
    passages = changed_passages(instance, source)
    if passages:
        page_id = instance.pk
        transaction.on_commit(lambda: tell_translators.enqueue(page_id, passages), robust=True)
