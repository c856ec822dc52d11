"""What every page type and translatable snippet of the site is built on."""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from wagtail.admin.panels import FieldPanel, HelpPanel, MultiFieldPanel
from wagtail.admin.widgets import SlugInput
from wagtail.blocks import StreamValue
from wagtail.models import (
    DraftStateMixin,
    Page,
    PageViewRestriction,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.cache import site_has_view_restrictions
from home.editor_fields import SchedulePublishingPanel
from home.i18n.locales import locale_by_id
from home.i18n.permissions import SitePagePermissionTester
from home.stemming import index_text


class TranslatableSnippet(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """Base of the shared content that is translated (organisations, topics, menus).

    Drafts and revisions mean a new translation starts unpublished, so readers never
    get an "Arabic" organisation that still has the English text in it: until the
    translation is published, the reader gets the original (home/i18n/reader_language.py).
    """

    class Meta(TranslatableMixin.Meta):
        abstract = True


# What every page type translates of Wagtail's own fields.
#
# Slug policy: a page has one slug, in Latin letters, shared by all its languages
# (/en/news/x/, /ar/news/x/, /ckb/news/x/). Translators never edit it, and editors
# who type Arabic or Kurdish letters into it get an error saying why, instead of
# wagtail-localize's ASCII slugify() emptying it silently in the translations.
PAGE_TRANSLATABLE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("slug", overridable=False),
]

LATIN_SLUG = re.compile(r"^[-a-zA-Z0-9_]+$")

# Shown under the slug before anything is typed: the browser removes other letters
# when the field loses focus (WAGTAIL_ALLOW_UNICODE_SLUGS = False), before the
# server's explanation (validate_latin_slug) could ever be seen.
SLUG_HELP_TEXT = _(
    "The page's address, in Latin letters, numbers and hyphens only, e.g. "
    "“solidarity-statement”. The English, Arabic and Kurdish versions share it, so write "
    "it in English: other letters are removed when you leave the field."
)


def validate_latin_slug(page):
    if page.slug and not LATIN_SLUG.match(page.slug):
        raise ValidationError(
            {
                "slug": _(
                    "The address (slug) may only use Latin letters, numbers and hyphens, "
                    "e.g. “solidarity-statement”. It is shared by the English, Arabic and "
                    "Kurdish versions of the page, so write it in English."
                )
            }
        )


class KeysOfTitle(index.SearchField):
    """The title, indexed by its search keys (home/stemming/): kept as the index's
    "title" so that matches in it rank first on every backend."""

    def __init__(self):
        super().__init__("title", boost=2)

    def get_value(self, obj):
        return obj.search_title


def text_of(value):
    """The words of a field's value: a text as it is, a StreamField without markup."""
    if isinstance(value, StreamValue):
        return " ".join(value.stream_block.get_searchable_content(value))
    return value or ""


class SitePage(Page):
    """What every page type of the site shares: the slug policy above, its words for
    search and descriptions, and knowing whether it is translated or still shows
    another language's text."""

    # The fields that hold the page's own words (texts and StreamFields), in reading
    # order: each page type names its own.
    text_fields: tuple[str, ...] = ()
    # Where the description for search engines and shared links comes from: the
    # first of these that is filled in (a StreamField gives its first 30 words).
    description_fields: tuple[str, ...] = ("search_description",)
    # Said of a page with no text of its own to describe it (index pages).
    default_description = _("Iraqi Civil Society Solidarity Initiative")
    # How the page is shown in lists (the home page, indexes, related pages).
    card_template = "components/cards/page.html"
    # The query parameters the page's content depends on: the page cache keeps one
    # entry per combination of these and ignores every other (?utm_source=, ?fbclid=).
    cache_query_parameters: tuple[str, ...] = ()
    # What the page is, to a reader (shown with search results).
    kind_label = pgettext_lazy("page type", "Page")

    # The index holds the keys of the page's words (home/stemming/), never the raw
    # text, so a query's keys match the same pages on SQLite, PostgreSQL and
    # OpenSearch. The admin's page search uses the title's autocomplete entry.
    search_fields = [
        field
        for field in Page.search_fields
        if not (isinstance(field, index.SearchField) and field.field_name == "title")
    ] + [KeysOfTitle(), index.SearchField("search_text")]

    # Wagtail's Promote tab without "Show in menus": the site's menus are the
    # navigation menu snippets, which that box does not change.
    promote_panels = [
        MultiFieldPanel(
            [
                FieldPanel(
                    "slug", widget=SlugInput(attrs={"dir": "ltr"}), help_text=SLUG_HELP_TEXT
                ),
                FieldPanel("seo_title"),
                FieldPanel("search_description"),
            ],
            heading=_("For search engines"),
        ),
        HelpPanel(
            content=_(
                "Menus: the links at the top and bottom of the site are edited under "
                "Snippets → Navigation menus. Add a link to this page there to show it in a menu."
            ),
            heading=_("Menus"),
        ),
    ]

    # Wagtail's Settings tab, its schedule's date pickers keeping what was typed.
    settings_panels = [SchedulePublishingPanel()] + Page.settings_panels[1:]

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        validate_latin_slug(self)

    def permissions_for_user(self, user):
        return SitePagePermissionTester(user, self)

    def respond(self, request, status=200, **context):
        """The page's template with extra context (a form with errors, an archive)
        and an HTTP status. (RoutablePageMixin.render takes no status, hence this.)"""
        page_context = self.get_context(request)
        page_context.update(context)
        return TemplateResponse(request, self.get_template(request), page_context, status=status)

    def get_view_restrictions(self):
        """Wagtail checks every page view for private-page restrictions (two queries).
        While the site has none, which is its normal state, that is skipped."""
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def plain_text(self):
        """The page's own words, without markup: for search and excerpts."""
        return " ".join(filter(None, (text_of(getattr(self, name)) for name in self.text_fields)))

    def meta_description(self):
        """What search engines and shared links show under the title."""
        for name in self.description_fields:
            value = getattr(self, name)
            if isinstance(value, StreamValue):
                value = Truncator(text_of(value)).words(30)
            if value:
                return value
        return Truncator(self.plain_text()).words(30) or str(self.default_description)

    def search_words(self):
        """The words search finds the page by, besides its title."""
        return self.plain_text()

    @property
    def search_title(self):
        return index_text(self.title, self.content_language)

    @property
    def search_text(self):
        return index_text(self.search_words(), self.content_language)

    def structured_data(self, request):
        """The page's schema.org JSON-LD (a dict), or None: each page type says its own."""
        return None

    @cached_property
    def untranslated_source(self):
        """The page whose text this one shows when it is not translated yet: an
        alias of a page in another language. None for a page with its own text."""
        if self.alias_of_id is None:
            return None
        source = self.alias_of  # listings select_related("alias_of__locale")
        return source if source.locale_id != self.locale_id else None

    @property
    def content_language(self):
        """The language the page's text is written in."""
        source = self.untranslated_source or self
        return locale_by_id(source.locale_id).language_code

    @cached_property
    def live_versions(self):
        """This page in every language where it is live, itself included: its
        translations and the aliases that show its text untranslated."""
        return list(
            self.get_translations(inclusive=True)
            .live()
            .select_related("locale")
            .order_by("locale__language_code")
        )

    @cached_property
    def published_translations(self):
        """The live versions with their own text (aliases left out)."""
        return [version for version in self.live_versions if version.alias_of_id is None]


class IndexPage(SitePage):
    """A page that lists its children (statements, campaigns, conferences): one per
    home page, with an optional introduction."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [TranslatableField("intro")]
    text_fields = ("intro",)
    description_fields = ("search_description", "intro")

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True
