"""Each page type: where an editor may create it, through the admin's own forms,
and that it renders in English, Arabic and Kurdish."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTests
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from campaigns.models import CampaignIndexPage, CampaignPage, ConferenceIndexPage, ConferencePage
from home.models import HomePage, StandardPage
from news.models import NewsIndexPage, NewsPage
from tests.helpers import html_root_attributes, page_in

LANGUAGES = {"en": "ltr", "ar": "rtl", "ckb": "rtl"}


def body(text):
    return streamfield([("paragraph", rich_text(f"<p>{text}</p>"))])


class PageTypeTestCase(WagtailPageTests):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get(locale__language_code="en")

    def create_through_admin(self, parent, model, data):
        data = nested_form_data({"comments": inline_formset([]), **data})
        self.assertCanCreate(parent, model, data)
        return model.objects.get(slug=data["slug"], locale__language_code="en")

    def assert_renders_in_every_language(self, english_page, expected_text):
        for code, direction in LANGUAGES.items():
            page = page_in(code, english_page)
            response = self.client.get(page.url)
            self.assertEqual(response.status_code, 200, f"{code}: {page.url}")
            self.assertTrue(page.url.startswith(f"/{code}/"), page.url)
            html = response.content.decode()
            self.assertEqual(html_root_attributes(html), {"lang": code, "dir": direction})
            self.assertIn(expected_text, html)


class HomePageTests(PageTypeTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(NewsIndexPage, HomePage)

    def test_home_page_holds_the_sections(self):
        self.assertAllowedSubpageTypes(
            HomePage, {StandardPage, NewsIndexPage, CampaignIndexPage, ConferenceIndexPage}
        )

    def test_home_page_renders_in_every_language(self):
        self.assert_renders_in_every_language(self.home, "(ICSSI)")


class StandardPageTests(PageTypeTestCase):
    def test_standard_page_under_home_or_another_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertCanNotCreateAt(NewsIndexPage, StandardPage)
        self.assertCanNotCreateAt(CampaignPage, StandardPage)

    def test_editor_creates_an_about_page(self):
        page = self.create_through_admin(
            self.home,
            StandardPage,
            {
                "title": "About ICSSI",
                "slug": "about",
                "intro": "Who we are.",
                "body": body("Founded in 2009."),
            },
        )
        self.assert_renders_in_every_language(page, "Founded in 2009.")


class NewsPageTests(PageTypeTestCase):
    def test_statements_live_only_in_the_statements_index(self):
        self.assertAllowedParentPageTypes(NewsPage, {NewsIndexPage})
        self.assertAllowedParentPageTypes(NewsIndexPage, {HomePage})
        self.assertCanNotCreateAt(HomePage, NewsPage)
        self.assertCanNotCreateAt(CampaignIndexPage, NewsPage)
        self.assertAllowedSubpageTypes(NewsPage, set())

    def test_only_one_statements_index_per_home_page(self):
        self.assertFalse(NewsIndexPage.can_create_at(self.home))

    def test_editor_publishes_a_statement(self):
        index = NewsIndexPage.objects.get(locale__language_code="en")
        page = self.create_through_admin(
            index,
            NewsPage,
            {
                "title": "Stop the water war",
                "slug": "stop-the-water-war",
                "date": "2024-03-22",
                "date_precision": "day",
                "signatories_note": "",
                "summary": "",
                "body": body("Water is not a weapon."),
                "issuers": inline_formset([]),
                "topic_links": inline_formset([]),
            },
        )
        self.assertEqual(str(page.date), "2024-03-22")
        self.assert_renders_in_every_language(page, "Water is not a weapon.")
        self.assert_renders_in_every_language(index, "Stop the water war")


class CampaignPageTests(PageTypeTestCase):
    def test_campaigns_live_only_in_the_campaigns_index(self):
        self.assertAllowedParentPageTypes(CampaignPage, {CampaignIndexPage})
        self.assertAllowedParentPageTypes(CampaignIndexPage, {HomePage})
        self.assertCanNotCreateAt(NewsIndexPage, CampaignPage)
        self.assertCanNotCreateAt(ConferenceIndexPage, CampaignPage)

    def test_editor_publishes_a_campaign(self):
        index = CampaignIndexPage.objects.get(locale__language_code="en")
        page = self.create_through_admin(
            index,
            CampaignPage,
            {
                "title": "Save the Tigris",
                "slug": "save-the-tigris",
                "summary": "",
                "status": "active",
                "goals": streamfield([("goal", "Clean water for all")]),
                "call_to_action": "Sign up your organisation.",
                "contact_email": "tigris@example.org",
                "social_links": streamfield([]),
                "body": body("The river is dying."),
                "partners": inline_formset([]),
            },
        )
        self.assertEqual(page.contact_email, "tigris@example.org")
        self.assert_renders_in_every_language(page, "Clean water for all")


class ConferencePageTests(PageTypeTestCase):
    def test_conferences_live_only_in_the_conferences_index(self):
        self.assertAllowedParentPageTypes(ConferencePage, {ConferenceIndexPage})
        self.assertAllowedParentPageTypes(ConferenceIndexPage, {HomePage})
        self.assertCanNotCreateAt(CampaignIndexPage, ConferencePage)
        self.assertCanNotCreateAt(NewsIndexPage, ConferencePage)

    def conference_data(self, **overrides):
        data = {
            "title": "Annual conference 2027",
            "slug": "annual-conference-2027",
            "summary": "",
            "start_date": "2027-01-20",
            "end_date": "",
            "city": "Basra",
            "venue": "",
            "time_zone": "Asia/Baghdad",
            "registration_deadline": "2027-01-10",
            "programme_note": "",
            "body": body("Come to Basra."),
            "supporters": inline_formset([]),
        }
        data.update(overrides)
        return data

    def test_editor_publishes_a_conference(self):
        index = ConferenceIndexPage.objects.get(locale__language_code="en")
        page = self.create_through_admin(index, ConferencePage, self.conference_data())
        self.assertEqual(page.city, "Basra")
        self.assert_renders_in_every_language(page, "Come to Basra.")

    def test_conference_form_refuses_an_unknown_time_zone_and_backwards_dates(self):
        index = ConferenceIndexPage.objects.get(locale__language_code="en")
        data = nested_form_data(
            {
                "comments": inline_formset([]),
                "action-publish": "action-publish",
                **self.conference_data(time_zone="Baghdad time", end_date="2027-01-19"),
            }
        )
        response = self.client.post(f"/admin/pages/add/campaigns/conferencepage/{index.pk}/", data)
        self.assertEqual(response.status_code, 200)
        errors = response.context["form"].errors
        self.assertIn("Unknown time zone", str(errors["time_zone"]))
        self.assertIn("cannot be before the first day", str(errors["end_date"]))
        self.assertFalse(ConferencePage.objects.filter(slug="annual-conference-2027").exists())
