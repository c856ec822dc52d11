"""Statements (news) and the index that lists them."""

import html

from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.models import (
    PAGE_TRANSLATABLE_FIELDS,
    OrganisationLink,
    SitePage,
    TranslatableSnippet,
    localized_organisations,
)


class Topic(TranslatableSnippet):
    """A subject statements are filed under, e.g. 'Human rights'."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(
        _("slug"),
        max_length=100,
        help_text=_(
            "Used in addresses, e.g. /en/news/?topic=human-rights. The same in every language."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), PublishingPanel()]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug", overridable=False)]

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self):
        return self.name


register_snippet(Topic)


class NewsIndexPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("statements index")

    def statements(self):
        return NewsPage.objects.child_of(self).live().order_by("-date", "-pk").specific()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.statements(), settings.NEWS_PAGE_SIZE)
        try:
            statements = paginator.page(request.GET.get("page", 1))
        except PageNotAnInteger:
            statements = paginator.page(1)
        except EmptyPage:
            statements = paginator.page(paginator.num_pages)
        context["statements"] = statements
        return context


class NewsPageIssuer(OrganisationLink):
    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="issuers")


class NewsPageTopic(Orderable):
    page = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="+")

    panels = [FieldPanel("topic")]


class NewsPage(SitePage):
    """A statement the organisation issued."""

    DATE_PRECISION_CHOICES = [
        ("day", _("Exact day")),
        ("month", _("Month and year only")),
    ]

    date = models.DateField(
        _("date issued"),
        help_text=_("The day the statement was issued, not the day it was put on the website."),
    )
    date_precision = models.CharField(
        _("how exact is the date"),
        max_length=5,
        choices=DATE_PRECISION_CHOICES,
        default="day",
        help_text=_("Choose 'month and year only' when the exact day is not known."),
    )
    signatories_note = models.CharField(
        _("issued by (free text)"),
        max_length=255,
        blank=True,
        help_text=_(
            "Optional. For issuers that are not organisations in the list below, "
            "e.g. '90 civil society organisations'."
        ),
    )
    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and when the page is shared."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("text"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldPanel("date"), FieldPanel("date_precision")],
            heading=_("Date"),
        ),
        MultiFieldPanel(
            [
                InlinePanel("issuers", label=_("Issuing organisation or signatory")),
                FieldPanel("signatories_note"),
            ],
            heading=_("Issued by"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("topic_links", label=_("Topic")),
    ]

    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("date"),
        SynchronizedField("date_precision"),
        TranslatableField("signatories_note"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("issuers"),
        SynchronizedField("topic_links"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("statement")
        verbose_name_plural = _("statements")

    def listing_text(self):
        """The summary, or else the start of the first paragraph, for lists."""
        if self.summary:
            return self.summary
        for block in self.body:
            if block.block_type == "paragraph":
                return Truncator(html.unescape(strip_tags(block.value.source))).words(40)
        return ""

    def issuing_organisations(self):
        return localized_organisations(self.issuers.select_related("organisation"))

    def topics(self):
        return [link.topic.localized for link in self.topic_links.select_related("topic")]
