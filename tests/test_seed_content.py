"""The seed import: the five original documents, faithfully, once."""

import datetime
import re

import pytest

from django.core.exceptions import ValidationError
from django.core.management import call_command

from wagtail.models import Locale, Page, PageLogEntry, Revision

from campaigns.models import CampaignPage, ConferencePage
from home.models import HomePage, Organisation
from icssi_cms.seed import SEED_DOCUMENTS, SeedLoader, mission_line, read_paragraphs
from news.models import NewsPage
from tests.helpers import fold_spaces, visible_text

pytestmark = pytest.mark.django_db

MISSION = (
    "The Iraqi Civil Society Solidarity Initiative (ICSSI) is dedicated to bringing together "
    "Iraqi and international civil societies through concrete actions to build together "
    "another Iraq, with peace and Human Rights for all."
)


def english(model, slug):
    return model.objects.get(slug=slug, locale__language_code="en")


def test_project_keeps_verbatim_copies_of_the_shared_seed_documents():
    from pathlib import Path

    shared = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not shared.exists():
        pytest.skip("../shared/seeds is not beside this checkout")
    for document in SEED_DOCUMENTS:
        assert document.path.read_bytes() == (shared / document.file).read_bytes()
    assert len(SEED_DOCUMENTS) == len(list(shared.glob("*.txt")))


def test_every_paragraph_of_every_document_is_placed_or_accounted_for():
    """Nothing of a document is silently dropped: each paragraph is body text,
    the title, or named as filling a structured field."""
    for document in SEED_DOCUMENTS:
        heading, *rest = document.paragraphs()
        for consumed in document.consumed:
            assert consumed in rest, f"{document.file}: {consumed!r} is not in the document"
        assert len(document.body_paragraphs()) == len(rest) - len(document.consumed) + int(
            document.heading_in_body
        )


def test_mission_line_is_on_the_home_page_once_and_not_on_other_pages(seed_site, client):
    assert mission_line() == MISSION
    home = HomePage.objects.get(locale__language_code="en")
    assert home.mission == MISSION
    html = client.get("/en/").content.decode()
    assert visible_text(html).count(MISSION) == 1
    for document in SEED_DOCUMENTS:
        page = Page.objects.get(slug=document.slug, locale__language_code="en")
        assert MISSION not in visible_text(client.get(page.url).content.decode())


def test_each_seed_page_has_its_type_title_and_full_text(seed_site, client):
    models = {"statement": NewsPage, "campaign": CampaignPage, "conference": ConferencePage}
    for document in SEED_DOCUMENTS:
        page = english(models[document.page_type], document.slug)
        assert page.live
        assert page.title == document.title
        text = visible_text(client.get(page.url).content.decode())
        for paragraph in document.body_paragraphs():
            if paragraph in document.captions_without_images:
                continue
            for piece in paragraph if isinstance(paragraph, list) else [paragraph]:
                assert fold_spaces(piece) in text, f"{document.file}: missing {piece[:60]!r}"


def test_a_caption_whose_photo_we_do_not_have_waits_for_its_image(seed_site, client):
    """The original statement had a photo, lost; its caption is kept where the photo
    was, as an image block without an image: readers see nothing of it, search
    does not find it, and the editor is asked to choose the image or delete it."""
    caption = "Quazi Baybi in Oslo Demonstrating with Iraq"
    together = english(NewsPage, "we-stand-together-with-iraqi-civil-society-activists")
    images = [block for block in together.body if block.block_type == "image"]
    assert [(block.value["image"], block.value["caption"]) for block in images] == [(None, caption)]
    assert caption not in client.get(together.url).content.decode()
    assert caption not in together.plain_text()
    with pytest.raises(ValidationError) as error:
        images[0].block.clean(images[0].value)
    assert "A caption needs its image" in str(error.value.block_errors["image"])


def test_statement_dates_are_the_dates_of_issue(seed_site):
    launched = english(NewsPage, "iraqi-civil-initiative-launched")
    assert launched.date == datetime.date(2014, 7, 11)
    forum = english(NewsPage, "military-solution-is-not-the-only-option")
    assert forum.date == datetime.date(2014, 1, 16)
    together = english(NewsPage, "we-stand-together-with-iraqi-civil-society-activists")
    assert (together.date.year, together.date.month, together.date_precision) == (2015, 6, "month")


def test_month_only_date_is_shown_without_a_day(seed_site, client):
    together = english(NewsPage, "we-stand-together-with-iraqi-civil-society-activists")
    text = visible_text(client.get(together.url).content.decode())
    assert "June 2015" in text
    assert "1 June 2015" not in text


def test_issuing_body_of_the_social_forum_statement(seed_site, client):
    forum = english(NewsPage, "military-solution-is-not-the-only-option")
    assert [o.name for o in forum.issuing_organisations] == [
        "National Committee of the Iraqi Social Forum"
    ]
    assert "National Committee of the Iraqi Social Forum" in visible_text(
        client.get(forum.url).content.decode()
    )


def test_bullet_list_of_the_civil_initiative_is_a_real_list(seed_site, client):
    launched = english(NewsPage, "iraqi-civil-initiative-launched")
    lists = [block for block in launched.body if block.block_type == "list"]
    assert len(lists) == 1
    assert len(lists[0].value["items"]) == 6
    html = client.get(launched.url).content.decode()
    assert html.count("<li>") >= 6
    assert "<li><p>Organizing meetings with the political forces" in html
    assert "•" not in visible_text(html)


def test_campaign_partners_and_empty_contact_details(seed_site, client):
    campaign = english(CampaignPage, "end-cross-border-bombings")
    assert [o.short_name for o in campaign.partner_organisations()] == ["CPT-IK", "ICSSI", "KSF"]
    assert campaign.contact_email == ""
    assert len(campaign.social_links) == 0
    html = client.get(campaign.url).content.decode()
    text = visible_text(html)
    # Empty fields show nothing, rather than a label with nothing after it.
    assert "Campaign email:" not in text
    assert "Facebook page" not in text
    assert 'href=""' not in html
    # No mail link to an address (the share block's "mailto:?" has none).
    assert not re.search(r'href="mailto:[^?]', html)
    # The appeal's heading opens the text, word for word.
    assert "Appeal Upon the Launch of an International Campaign" in text


def test_conference_date_place_deadline_and_supporters(seed_site, client):
    conference = english(ConferencePage, "annual-conference-2017-sulaymaniyah")
    assert conference.start_date == datetime.date(2017, 1, 18)
    assert conference.city.startswith("Sulaymaniyah")
    assert conference.registration_deadline == datetime.date(2017, 1, 10)
    assert conference.time_zone == "Asia/Baghdad"
    assert [o.name for o in conference.supporting_organisations()] == [
        "Fondation Assistance Internationale",
        "Karibu Foundation",
        "CCFD-Terre Solidaire",
    ]
    text = visible_text(client.get(conference.url).content.decode())
    assert "Registration for this conference has ended" in text
    assert "click here" not in text


def test_home_page_features_the_campaign_and_lists_statements_and_conference(seed_site, client):
    text = visible_text(client.get("/en/").content.decode())
    assert "End Cross-Border Bombings in Iraqi Kurdistan" in text
    assert "We Stand Together With Iraqi Civil Society Activists!" in text
    assert "Solidarity with Iraqi Civil Society in its Nonviolent Struggle" in text


def test_seed_organisations_are_not_duplicated(seed_site):
    assert Organisation.objects.filter(locale__language_code="en").count() == 7


def test_second_run_changes_nothing(seed_site):
    counts = (Page.objects.count(), Revision.objects.count(), Organisation.objects.count())
    logs = PageLogEntry.objects.count()
    assert SeedLoader().run() == []
    assert (Page.objects.count(), Revision.objects.count(), Organisation.objects.count()) == counts
    assert PageLogEntry.objects.count() == logs


def test_loader_never_overwrites_an_editors_change(seed_site, django_user_model):
    editor = django_user_model.objects.create_user("editor")
    statement = english(NewsPage, "iraqi-civil-initiative-launched")
    statement.title = "Edited by communications staff"
    statement.save_revision(user=editor).publish()
    home = HomePage.objects.get(locale__language_code="en")
    home.featured_page = None
    home.save_revision(user=editor).publish()

    call_command("load_seed_content")

    statement.refresh_from_db()
    home.refresh_from_db()
    assert statement.title == "Edited by communications staff"
    assert home.featured_page is None


def test_loader_puts_back_a_deleted_page(seed_site):
    english(NewsPage, "iraqi-civil-initiative-launched").delete()
    created = SeedLoader().run()
    assert any("Iraqi Civil Initiative" in line for line in created)
    assert english(NewsPage, "iraqi-civil-initiative-launched").live


def test_paragraph_reader_keeps_bullets_and_drops_blank_paragraphs(tmp_path):
    path = tmp_path / "doc.txt"
    path.write_text("Name\n\nFirst.\n\n\u00a0\n\n  • one\n  • two\n", encoding="utf-8")
    assert read_paragraphs(path) == ["Name", "First.", ["one", "two"]]


def seeded_objects():
    pages = list(Page.objects.filter(locale__language_code="en", depth__gt=1).specific())
    return pages + list(Organisation.objects.filter(locale__language_code="en"))


@pytest.mark.parametrize("code", ["ar", "ckb"])
def test_every_seed_page_and_organisation_is_published_whole_in_arabic_and_kurdish(seed_site, code):
    from wagtail_localize.models import Translation

    incomplete = []
    for original in seeded_objects():
        translated = original.get_translation(Locale.objects.get(language_code=code))
        translation = Translation.objects.get(
            source__object_id=original.translation_key, target_locale__language_code=code
        )
        total, done = translation.get_progress()
        if done < total or getattr(translated, "alias_of_id", None) or not translated.live:
            incomplete.append(f"{original} ({done} of {total})")
    assert not incomplete


def test_catalogue_fixes_reach_the_loaders_own_translations_but_not_a_translators(
    seed_site, django_user_model
):
    """A site created before a fix to the seed catalogues gets it with the next
    `make run`; a text a translator changed stays as they left it."""
    from wagtail_localize.models import StringTranslation

    arabic = Locale.objects.get(language_code="ar")
    campaign = CampaignPage.objects.get(locale=arabic)
    conference = ConferencePage.objects.get(locale=arabic)
    # As if an earlier catalogue had other words for both titles.
    for page in (campaign, conference):
        StringTranslation.objects.filter(locale=arabic, data=page.title).update(data="نص قديم")
    translator = django_user_model.objects.create_user("arabic-translator")
    StringTranslation.objects.filter(locale=arabic, data="نص قديم").filter(
        translation_of__segments__source__object_id=conference.translation_key
    ).update(last_translated_by=translator, tool_name="")

    created = SeedLoader().run()

    assert any("End Cross-Border" in line for line in created)
    assert StringTranslation.objects.filter(locale=arabic, data=campaign.title).exists()
    # The conference's Arabic strings were touched by a person: left as they are.
    assert StringTranslation.objects.filter(
        locale=arabic, data="نص قديم", last_translated_by=translator
    ).exists()
    assert not any("Solidarity with Iraqi" in line and "العربية" in line for line in created)
