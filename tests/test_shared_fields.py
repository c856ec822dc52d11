"""Structure that follows the English: what every language shares (the featured page,
dates, organisations, emails) reaches the Arabic and Kurdish pages when the English is
published, without anyone pressing "Sync"; translated text waits for its translator."""

import datetime
import json
import re

import pytest

from wagtail_localize.models import SegmentOverride, Translation, TranslationContext

from campaigns.models import CampaignPage, ConferencePage
from home.models import HomePage, Organisation
from news.models import NewsPage, NewsPageIssuer
from tests.helpers import page_in

pytestmark = pytest.mark.django_db

TRANSLATED = ("ar", "ckb")


def english(model, **filters):
    return model.objects.get(locale__language_code="en", **filters)


def test_a_new_featured_page_reaches_every_home_page(client):
    home = english(HomePage)
    conference = english(ConferencePage)
    assert home.featured_page_id != conference.pk
    home.featured_page = conference
    home.save_revision().publish()
    for code in TRANSLATED:
        html = client.get(f"/{code}/").content.decode()
        featured = re.search(r'aria-labelledby="featured-heading">(.*?)</section>', html, re.S)
        assert page_in(code, conference).title in featured[1]
        assert page_in(code, home).featured_page_id == conference.pk


def test_a_conference_moved_to_another_day_moves_in_every_language(client):
    conference = english(ConferencePage)
    translated_titles = {code: page_in(code, conference).title for code in TRANSLATED}
    conference.start_date = datetime.date(2017, 2, 2)
    conference.summary = "The annual conference, now on 2 February 2017."
    conference.save_revision().publish()
    for code in TRANSLATED:
        translated = page_in(code, conference)
        assert translated.alias_of_id is None and translated.live
        assert translated.start_date == datetime.date(2017, 2, 2)
        assert translated.title == translated_titles[code]  # the translators' text stays
        assert client.get(translated.url).context["page"].start_date.day == 2
        # The changed summary waits for the translator, as after a sync.
        translation = Translation.objects.get(
            source__object_id=conference.translation_key, target_locale=translated.locale
        )
        total, done = translation.get_progress()
        assert done < total


def test_an_organisation_added_to_a_statement_is_listed_in_every_language(client):
    statement = english(NewsPage, slug="iraqi-civil-initiative-launched")
    assert page_in("ar", statement).alias_of_id is None  # translated in the first content
    partner = english(Organisation, short_name="KSF")
    statement.issuers.add(NewsPageIssuer(organisation=partner))
    statement.save_revision().publish()
    arabic = page_in("ar", statement)
    assert partner.pk in arabic.issuers.values_list("organisation", flat=True)
    arabic_name = partner.get_translation(arabic.locale).name
    assert arabic_name in client.get(arabic.url).content.decode()


def test_a_value_a_translator_chose_for_their_language_is_kept():
    campaign = english(CampaignPage)
    campaign.contact_email = "campaign@icssi.example"
    campaign.save_revision().publish()
    assert {page_in(code, campaign).contact_email for code in TRANSLATED} == {
        "campaign@icssi.example"
    }
    # The Arabic translator gives the Arabic page its own address.
    SegmentOverride.objects.create(
        locale=page_in("ar", campaign).locale,
        context=TranslationContext.objects.get(
            object_id=campaign.translation_key, path="contact_email"
        ),
        data_json=json.dumps("arabic@icssi.example"),
    )
    campaign.contact_email = "bombings@icssi.example"
    campaign.save_revision().publish()
    assert page_in("ar", campaign).contact_email == "arabic@icssi.example"
    assert page_in("ckb", campaign).contact_email == "bombings@icssi.example"
