"""The home page and general pages. What the home page shows of the other sections
(latest statements, the featured campaign, the next conference) is composed by its
template, through those sections' template tags: this app knows none of them."""

from django.db import models
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models.base import PAGE_TRANSLATABLE_FIELDS, SitePage
from home.seo import organisation_data


class HomePage(SitePage):
    mission = models.TextField(
        _("mission"),
        help_text=_("One or two sentences saying what ICSSI is for. Shown at the top of the page."),
    )
    featured_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("featured page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Shown at the top of the front page in every language, usually the current "
            "campaign. Choose the English page."
        ),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more about ICSSI"),
        help_text=_("Optional text shown below the latest statements."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("mission"),
        FieldPanel("featured_page"),
        FieldPanel("body"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("mission"),
        SynchronizedField("featured_page", overridable=False),
        TranslatableField("body"),
    ]
    text_fields = ("mission", "body")
    description_fields = ("search_description", "mission")

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "campaigns.CampaignIndexPage",
        "campaigns.ConferenceIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """Find the page for the rest of the address in one query, by its stored
        url_path, instead of Wagtail's two queries per level. Whatever is left of the
        address (e.g. feed/ or calendar/) is routed by the deepest page found."""
        if not path_components:
            return super().route(request, path_components)
        prefixes = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(1, len(path_components) + 1)
        ]
        deepest = (
            Page.objects.filter(url_path__in=prefixes, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            raise Http404
        matched = deepest.depth - self.depth
        return deepest.specific.route(request, path_components[matched:])

    def structured_data(self, request):
        return {
            "@context": "https://schema.org",
            **organisation_data(request),
            "description": self.mission,
            "url": self.get_full_url(request),
        }


class StandardPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short opening."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]
    text_fields = ("intro", "body")
    description_fields = ("search_description", "intro", "body")

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
