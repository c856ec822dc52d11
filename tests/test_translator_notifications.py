"""The English of a translated page is published with changes: its Arabic and Kurdish
translators are told, each in their language, by email and on their dashboard
(home/i18n/translator_notifications.py, home/i18n/overview.py)."""

import pytest

from django.core import mail

from wagtail.models import Locale

from news.models import NewsPage

NEW_SENTENCE = "The signatories call for an independent inquiry into the attacks."


@pytest.fixture
def statement(seed_site):
    return NewsPage.objects.get(
        locale__language_code="en", slug="we-stand-together-with-iraqi-civil-society-activists"
    )


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_translators_are_told_in_their_language_when_the_english_changes(
    statement, arabic_translator, kurdish_translator, editor, django_capture_on_commit_callbacks
):
    statement.summary = f"{statement.summary} {NEW_SENTENCE}"
    publish(statement, django_capture_on_commit_callbacks)

    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"arabic@example.org", "kurdish@example.org"}  # not the editor
    arabic, kurdish = by_recipient["arabic@example.org"], by_recipient["kurdish@example.org"]
    assert arabic.subject.startswith("تغيّر النص الإنكليزي لـ«We Stand Together")
    assert kurdish.subject.startswith("دەقی ئینگلیزیی «We Stand Together")
    for message, language in ((arabic, "ar"), (kurdish, "ckb")):
        translated = statement.get_translation(Locale.objects.get(language_code=language))
        assert NEW_SENTENCE in message.body  # what changed, quoted
        # straight to the translation editor
        assert f"/admin/pages/{translated.pk}/edit/" in message.body
    assert "المقاطع الجديدة أو المعدّلة: 1" in arabic.body
    assert "ترجمتها إلى العربية" in arabic.body
    assert "بڕگە نوێ یان گۆڕاوەکان: 1" in kurdish.body


def test_a_translator_who_chose_english_for_the_admin_reads_it_in_english(
    statement, arabic_translator, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    UserProfile.objects.update_or_create(
        user=arabic_translator, defaults={"preferred_language": "en"}
    )
    statement.title = "We Stand Together With Iraqi Civil Society Activists, Again!"
    publish(statement, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject == (
        "The English of “We Stand Together With Iraqi Civil Society Activists, Again!” has changed"
    )
    assert "its Arabic translation does not have yet" in message.body


def test_publishing_the_english_without_a_text_change_tells_no_one(
    statement, arabic_translator, kurdish_translator, django_capture_on_commit_callbacks
):
    publish(statement, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_publishing_a_translation_tells_no_one(
    statement, arabic_translator, django_capture_on_commit_callbacks
):
    arabic = statement.get_translation(Locale.objects.get(language_code="ar"))
    arabic.summary = f"{arabic.summary} جملة جديدة."
    publish(arabic, django_capture_on_commit_callbacks)
    assert mail.outbox == []


def test_the_dashboard_lists_what_waits_for_the_translator(
    client, statement, arabic_translator, kurdish_translator, django_capture_on_commit_callbacks
):
    statement.summary = f"{statement.summary} {NEW_SENTENCE}"
    publish(statement, django_capture_on_commit_callbacks)
    from wagtail.users.models import UserProfile

    for user, language in ((arabic_translator, "ar"), (kurdish_translator, "ckb")):
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})

    client.force_login(arabic_translator)
    html = client.get("/admin/").content.decode()
    waiting = html.split("بانتظارك")[1].split("</ul>")[0]  # "Waiting for you", in Arabic
    arabic = statement.get_translation(Locale.objects.get(language_code="ar"))
    editor_url = f"/admin/pages/{arabic.pk}/edit/"
    assert f'href="{editor_url}"' in waiting
    assert "مقاطع للترجمة: 1" in waiting
    assert "کوردی" not in waiting  # only their language
    # the link works for them: the translation editor, not a refusal
    assert client.get(editor_url).status_code == 200

    client.force_login(kurdish_translator)
    waiting = client.get("/admin/").content.decode().split("چاوەڕێی تۆیە")[1].split("</ul>")[0]
    kurdish = statement.get_translation(Locale.objects.get(language_code="ckb"))
    assert f'href="/admin/pages/{kurdish.pk}/edit/"' in waiting
