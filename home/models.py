"""The front page, general pages, and the organisations that partner, support or sign."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock


class Organisation(TranslatableMixin, ClusterableModel):
    """A partner, supporter or signatory. Its name and description are translated;
    its logo and website are the same in every language."""

    name = models.CharField(_("name"), max_length=255)
    short_name = models.CharField(
        _("short name"),
        max_length=50,
        blank=True,
        help_text=_("Abbreviation, if the organisation is known by one, e.g. ICSSI."),
    )
    description = models.TextField(_("description"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    website = models.URLField(_("website"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("description"),
        FieldPanel("logo"),
        FieldPanel("website"),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("description"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self):
        if self.short_name and self.short_name not in self.name:
            return f"{self.name} ({self.short_name})"
        return self.name


register_snippet(Organisation)


class OrganisationLink(Orderable):
    """A page's link to an organisation (partner, supporter, signatory).

    The link is shared by every translation of the page; the organisation is shown
    in the reader's language by `localized_organisations()`.
    """

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        abstract = True


def localized_organisations(links):
    """The organisations of `links`, in link order, each in the active language when
    translated. One query, whatever the number of organisations."""
    originals = [link.organisation for link in links]
    if not originals:
        return []
    locale = Locale.get_active()
    translated = {
        org.translation_key: org
        for org in Organisation.objects.filter(
            translation_key__in=[o.translation_key for o in originals], locale=locale
        ).select_related("logo")
    }
    return [translated.get(o.translation_key, o) for o in originals]


# What every page type translates of Wagtail's own fields. Slugs are shared by all
# languages (/en/news/x/, /ar/news/x/): a translator cannot change them, so an
# Arabic or Kurdish slug can never be emptied by Wagtail's ASCII slugify.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("slug", overridable=False),
]


class HomePage(Page):
    mission = models.TextField(
        _("mission"),
        help_text=_("One or two sentences saying what ICSSI is for. Shown at the top of the page."),
    )
    featured_campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("featured campaign"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The campaign shown on the front page."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        verbose_name=_("more about ICSSI"),
        help_text=_("Optional text shown below the latest statements."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("mission"),
        FieldPanel("featured_campaign"),
        FieldPanel("body"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("mission"),
        SynchronizedField("featured_campaign"),
        TranslatableField("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.StandardPage",
        "news.NewsIndexPage",
        "campaigns.CampaignIndexPage",
        "campaigns.ConferenceIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        from campaigns.models import ConferencePage
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_statements"] = (
            NewsPage.objects.live().filter(locale=self.locale).order_by("-date", "-pk")[:3]
        )
        context["conference"] = ConferencePage.featured_for(self.locale)
        if self.featured_campaign:
            context["featured_campaign"] = self.featured_campaign.localized
        return context


class StandardPage(Page):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short opening."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")
