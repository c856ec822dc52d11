"""Statements (news) and the index that lists them."""

import html
import re
from collections import defaultdict

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count
from django.db.models.functions import ExtractYear
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PublishingPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock
from home.cache import cached_until_publish
from home.i18n.locales import active_locale
from home.i18n.reader_language import in_reader_language
from home.models import (
    PAGE_TRANSLATABLE_FIELDS,
    IndexPage,
    OrganisationLink,
    SitePage,
    TranslatableSnippet,
    organisations_of,
)
from home.seo import organisation_data, share_image_url
from home.text import cut_at_word
from news.feeds import StatementsFeed

SLUG_TAKEN = _("There is already a topic with this slug. Choose another one.")


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
        # Two saves arriving at once (autosave and a click) cannot make two topics
        # with one address: the database refuses the second.
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="one_topic_per_slug_per_locale")
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # The form leaves `locale` out, so Django does not check the constraint itself.
        super().clean()
        taken = Topic.objects.filter(locale_id=self.locale_id, slug=self.slug).exclude(pk=self.pk)
        if self.slug and taken.exists():
            raise ValidationError({"slug": SLUG_TAKEN})


class NewsIndexPage(RoutablePageMixin, IndexPage):
    default_description = _("Statements of the Iraqi Civil Society Solidarity Initiative")
    subpage_types = ["news.NewsPage"]
    cache_query_parameters = ("page", "topic", "year")

    class Meta:
        verbose_name = _("statements index")

    def statements(self):
        """The live statements of this index, newest first."""
        return (
            NewsPage.objects.child_of(self)
            .live()
            .select_related("alias_of__locale")
            .order_by("-date", "-pk")
        )

    def newest_written_here(self, count):
        """The newest statements with text of this index's language (no aliases
        showing the original), their topics included: the feed's items."""
        statements = self.statements().filter(alias_of__isnull=True)
        return NewsPage.with_topics(newest(statements, ("feed", self.pk), count))

    @path("")
    def archive(self, request):
        """The statements, filtered by ?topic= and ?year=, paginated with ?page=."""
        archive = StatementArchive(self.statements(), request.GET, index_id=self.pk)
        return self.respond(request, archive=archive, status=404 if archive.not_found else 200)

    @path("feed/")
    def feed(self, request):
        return StatementsFeed(self)(request)


def topic_names():
    """{slug: name} of every topic, in the reader's language where translated and
    published, else as first written; kept until the next publish."""
    locale = active_locale()

    def build():
        originals = {}
        for topic in Topic.objects.filter(live=True).order_by("pk"):
            originals.setdefault(topic.slug, topic)
        return {topic.slug: topic.name for topic in in_reader_language(originals.values())}

    return cached_until_publish(("topic-names", locale.language_code), build)


def newest(statements, key, count):
    """The first `count` of `statements` (ordered newest first), as pages. Which ones
    is kept until the next publish: finding them sorts the whole archive (10,000
    statements: 15-30 ms), fetching them by id does not."""
    ids = cached_until_publish(
        ("newest", *key, count), lambda: list(statements.values_list("pk", flat=True)[:count])
    )
    shown = statements.in_bulk(ids)
    return [shown[pk] for pk in ids if pk in shown]


def named_topics(slugs):
    names = topic_names()
    return [{"slug": slug, "name": names.get(slug, slug)} for slug in slugs]


class StatementArchive:
    """The statements index's filters, counts and current page, from the query string.

    Filters combine: each list of counts (years, topics) is counted within the other
    filter, so every link leads to a non-empty page. Unknown values and pages past
    the end give `not_found` and a message, not an error.

    What grows with the archive (the ordered list of matching statements, the counts
    by year and topic) is worked out once per filter and kept until the next publish
    (cached_until_publish): a request then costs the same at 10 or 10,000 statements,
    fetching only the ten statements it shows.
    """

    def __init__(self, statements, params, index_id):
        # NUL cannot reach PostgreSQL (it answered 500); no slug has one.
        self.topic_slug = params.get("topic", "").replace("\x00", "")
        self.year = params.get("year", "")
        self.not_found = None
        by_topic = statements
        if self.topic_slug:
            by_topic = statements.filter(topic_links__topic__slug=self.topic_slug).distinct()
            if not Topic.objects.filter(slug=self.topic_slug).exists():
                self.not_found = "topic"
        by_year = statements
        if self.year:
            # ASCII digits only: "²" is a digit to str.isdigit() but not to int().
            if re.fullmatch(r"[0-9]{4}", self.year) and 1900 <= int(self.year) <= 2100:
                by_year = statements.filter(date__year=int(self.year))
            else:
                self.not_found = "year"
                by_year = statements.none()
        filtered = by_topic.filter(pk__in=by_year.values("pk")) if self.year else by_topic
        if self.not_found:  # nothing to keep for values that lead nowhere
            self.ids, self.years, self.topics = [], [], []
        else:
            key = ("statements", index_id, self.topic_slug, self.year)
            self.ids = cached_until_publish(
                (*key, "ids"), lambda: list(filtered.values_list("pk", flat=True))
            )
            self.years = cached_until_publish((*key[:3], "years"), lambda: year_counts(by_topic))
            self.topics = self._topic_counts(
                cached_until_publish(
                    (key[0], key[1], key[3], "topics"), lambda: topic_counts(by_year)
                )
            )
        self.statements = statements
        self.page = self._page(params.get("page", "1"))

    @staticmethod
    def _topic_counts(counts):
        names = topic_names()
        return sorted(
            (
                {"slug": slug, "name": names.get(slug, slug), "count": n}
                for slug, n in counts.items()
            ),
            key=lambda topic: topic["name"],
        )

    def _page(self, number):
        paginator = Paginator(self.ids, settings.NEWS_PAGE_SIZE)
        try:
            page = paginator.page(number)
        except PageNotAnInteger:
            page = paginator.page(1)
        except EmptyPage:
            if not self.not_found and paginator.count:
                self.not_found = "page"
            page = paginator.page(1) if not paginator.count else paginator.page(paginator.num_pages)
        shown = self.statements.in_bulk(list(page.object_list))
        page.object_list = [shown[pk] for pk in page.object_list if pk in shown]
        return page

    @property
    def is_filtered(self):
        return bool(self.topic_slug or self.year)

    @property
    def title_parts(self):
        """What the list shows, for the page's title: the topic (in the reader's
        language), the year and, after the first, the page number."""
        parts = []
        if self.topic_slug and self.not_found != "topic":
            parts.append(topic_names().get(self.topic_slug, self.topic_slug))
        if self.year and self.not_found != "year":
            parts.append(self.year)
        if self.page.number > 1:
            parts.append(_("Page %(number)s") % {"number": self.page.number})
        return parts


def year_counts(statements):
    return list(
        statements.annotate(year=ExtractYear("date"))
        .values("year")
        .annotate(count=Count("pk", distinct=True))
        .order_by("-year")
    )


def topic_counts(statements):
    return dict(
        NewsPageTopic.objects.filter(page__in=statements.values("pk"))
        .values_list("topic__slug")
        .annotate(count=Count("page", distinct=True))
    )


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
            "Optional. For issuers that are not organisations in the list above, "
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

    search_fields = SitePage.search_fields + [index.FilterField("date")]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        SynchronizedField("date"),
        SynchronizedField("date_precision"),
        TranslatableField("signatories_note"),
        TranslatableField("summary"),
        TranslatableField("body"),
        SynchronizedField("issuers"),
        SynchronizedField("topic_links"),
    ]

    text_fields = ("summary", "signatories_note", "body")
    card_template = "components/cards/statement.html"
    kind_label = pgettext_lazy("page type", "Statement")
    description_fields = ("search_description", "summary", "body")

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

    @cached_property
    def issuing_organisations(self):
        return organisations_of(self.issuers)

    @cached_property
    def topics(self):
        """The statement's topics ({"name", "slug"}), named in the reader's language."""
        slugs = self.topic_links.order_by("sort_order").values_list("topic__slug", flat=True)
        return named_topics(slugs)

    @staticmethod
    def with_topics(statements):
        """`statements` (a list) with their `topics` worked out in one query, not one
        query each: a feed lists twenty."""
        slugs = defaultdict(list)
        links = NewsPageTopic.objects.filter(page__in=statements).order_by("sort_order")
        for page_id, slug in links.values_list("page_id", "topic__slug"):
            slugs[page_id].append(slug)
        for statement in statements:
            statement.__dict__["topics"] = named_topics(slugs[statement.pk])
        return statements

    def related_statements(self, count=3):
        """Other statements of this language on the same topics, newest first; the
        latest ones when none share a topic."""
        others = (
            NewsPage.objects.live()
            .filter(locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .select_related("alias_of__locale")
            .order_by("-date", "-pk")
        )
        slugs = self.topic_links.values("topic__slug")
        on_my_topics = others.filter(topic_links__topic__slug__in=slugs).distinct()
        return newest(on_my_topics, ("related", self.pk), count) or newest(
            others, ("latest-but", self.pk), count
        )

    def structured_data(self, request):
        url = self.get_full_url(request)
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            # Google shows at most 110 characters of a headline.
            "headline": cut_at_word(self.title, 110),
            "datePublished": self.date.isoformat(),
            "inLanguage": self.content_language,
            "url": url,
            "mainEntityOfPage": url,
            "description": self.meta_description(),
            "image": [share_image_url(request)],
            "publisher": organisation_data(request),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        authors = [{"@type": "Organization", "name": str(o)} for o in self.issuing_organisations]
        if authors:
            data["author"] = authors
        return data
