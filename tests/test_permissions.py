"""Groups: Editors do everything; Arabic and Kurdish translators edit and publish only
their own language's pages and snippets. Each refusal is checked."""

import pytest

from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import TranslationCreator

from campaigns.models import CampaignPage
from home.models import Organisation
from tests.helpers import page_in

pytestmark = pytest.mark.django_db


def campaign(code):
    return CampaignPage.objects.get(locale__language_code=code)


def organisation(code):
    english = Organisation.objects.get(locale__language_code="en", short_name="KSF")
    return english.get_translation(Locale.objects.get(language_code=code))


def assert_refused(response):
    """Wagtail's admin answers a refusal with a redirect to the dashboard and a
    "no permission" message (or a plain 403 for API calls)."""
    if response.status_code == 403:
        return
    assert response.status_code == 302, response.status_code
    assert response["Location"] == "/admin/"
    messages = [str(m) for m in response.wsgi_request._messages]
    assert any("permission" in m for m in messages), messages


def can_open_editor(client, page):
    response = client.get(f"/admin/pages/{page.pk}/edit/")
    return response.status_code == 200


def test_editors_edit_and_publish_every_language(editor, client):
    client.force_login(editor)
    for code in ("en", "ar", "ckb"):
        page = campaign(code)
        permissions = page.permissions_for_user(editor)
        assert permissions.can_edit() and permissions.can_publish(), code
        assert can_open_editor(client, page), code
    assert editor.has_perm("wagtail_localize.submit_translation")


@pytest.mark.parametrize(
    ("translator_fixture", "own", "others"),
    [("arabic_translator", "ar", ("en", "ckb")), ("kurdish_translator", "ckb", ("en", "ar"))],
)
def test_translators_edit_and_publish_only_their_language(
    request, client, translator_fixture, own, others
):
    translator = request.getfixturevalue(translator_fixture)
    client.force_login(translator)

    own_page = campaign(own)
    assert own_page.permissions_for_user(translator).can_publish()
    assert can_open_editor(client, own_page)

    for code in others:
        page = campaign(code)
        permissions = page.permissions_for_user(translator)
        assert not permissions.can_edit(), code
        assert not permissions.can_publish(), code
        assert not can_open_editor(client, page), code
        # A direct publish attempt is refused and changes nothing.
        title = page.title
        assert_refused(
            client.post(
                f"/admin/pages/{page.pk}/edit/", {"title": "Hijacked", "action-publish": "1"}
            )
        )
        page.refresh_from_db()
        assert page.title == title


def test_translators_start_translations_into_their_language_only(
    arabic_translator, client, untranslated_statement
):
    client.force_login(arabic_translator)
    statement = untranslated_statement
    arabic_index = page_in("ar", statement.get_parent())
    assert not arabic_index.permissions_for_user(arabic_translator).can_add_subpage()
    response = client.get(f"/admin/localize/submit/page/{statement.pk}/")
    assert response.status_code == 200
    offered = response.context["form"].fields["locales"].queryset
    assert list(offered.values_list("language_code", flat=True)) == ["ar"]
    kurdish = Locale.objects.get(language_code="ckb")
    client.post(f"/admin/localize/submit/page/{statement.pk}/", {"locales": [kurdish.pk]})
    assert not Translation.objects.filter(
        source__object_id=statement.translation_key, target_locale=kurdish
    ).exists()


@pytest.mark.parametrize(
    ("translator_fixture", "own", "other"),
    [("arabic_translator", "ar", "ckb"), ("kurdish_translator", "ckb", "ar")],
)
def test_translators_edit_only_their_languages_snippets(
    request, client, translator_fixture, own, other
):
    translator = request.getfixturevalue(translator_fixture)
    client.force_login(translator)
    edit = "/admin/snippets/home/organisation/edit/{}/"

    assert client.get(edit.format(organisation(own).pk)).status_code == 200
    assert_refused(client.get(edit.format(organisation(other).pk)))
    assert_refused(client.get(edit.format(organisation("en").pk)))
    before = organisation(other).name
    assert_refused(client.post(edit.format(organisation(other).pk), {"name": "Hijacked"}))
    assert organisation(other).name == before


def test_translator_cannot_use_the_translation_api_on_another_languages_snippet(
    arabic_translator, kurdish_translator, editor, client
):
    english = Organisation.objects.create(
        locale=Locale.objects.get(language_code="en"), name="Tammuz Organization"
    )
    TranslationCreator(editor, [Locale.objects.get(language_code="ckb")]).create_translations(
        english
    )
    source = TranslationSource.objects.get_for_instance(english)
    kurdish = Translation.objects.get(source=source, target_locale__language_code="ckb")
    segment = source.stringsegment_set.get(string__data="Tammuz Organization")
    edit_string = f"/admin/localize/translate/{kurdish.pk}/strings/{segment.pk}/edit/"

    def put(value):
        return client.put(
            edit_string, f"value={value}", content_type="application/x-www-form-urlencoded"
        )

    client.force_login(arabic_translator)
    assert_refused(put("Hijacked"))
    assert_refused(client.get(f"/admin/localize/translate/{kurdish.pk}/pofile/download/"))
    assert not StringTranslation.objects.filter(data="Hijacked").exists()

    # The Kurdish translator may.
    client.force_login(kurdish_translator)
    assert put("ڕێکخراوی تەمووز").status_code == 201
    assert StringTranslation.objects.filter(
        data="ڕێکخراوی تەمووز", locale=kurdish.target_locale
    ).exists()


def test_groups_command_is_idempotent():
    from django.contrib.auth.models import Group
    from django.core.management import call_command

    from wagtail.models import GroupPagePermission

    before = GroupPagePermission.objects.count()
    call_command("setup_groups", verbosity=0)
    assert GroupPagePermission.objects.count() == before
    assert set(Group.objects.values_list("name", flat=True)) >= {
        "Editors",
        "Arabic translators",
        "Kurdish translators",
    }
