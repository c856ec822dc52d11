"""The front page, general pages, and the organisations that partner, support or sign."""

import re

from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import (
    DraftStateMixin,
    Orderable,
    Page,
    PageViewRestriction,
    RevisionMixin,
    TranslatableMixin,
)
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import BodyBlock, MenuItemBlock
from home.locales import active_locale, locale_by_id


class TranslatableSnippet(DraftStateMixin, RevisionMixin, TranslatableMixin, models.Model):
    """Base of the shared content that is translated (organisations, topics, menus).

    Drafts and revisions mean a new translation starts unpublished, so readers never
    get an "Arabic" organisation that still has the English text in it: until the
    translation is published, `.localized` gives the original.
    """

    class Meta(TranslatableMixin.Meta):
        abstract = True


class Organisation(TranslatableSnippet):
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
        PublishingPanel(),
    ]

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("short_name"),
        TranslatableField("description"),
        SynchronizedField("logo"),
        SynchronizedField("website"),
    ]

    class Meta(TranslatableSnippet.Meta):
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
    its translation is published. One query, whatever the number of organisations."""
    originals = [link.organisation for link in links]
    reader = active_locale()
    if all(organisation.locale_id == reader.pk for organisation in originals):
        return originals
    translated = {
        org.translation_key: org
        for org in Organisation.objects.filter(
            translation_key__in=[o.translation_key for o in originals],
            locale=reader,
            live=True,
        ).select_related("logo")
    }
    return [translated.get(o.translation_key, o) for o in originals]


VIEW_RESTRICTIONS_KEY = "site:has-view-restrictions"


def site_has_view_restrictions():
    answer = cache.get(VIEW_RESTRICTIONS_KEY)
    if answer is None:
        answer = PageViewRestriction.objects.exists()
        cache.set(VIEW_RESTRICTIONS_KEY, answer, timeout=None)
    return answer


@receiver([post_save, post_delete], sender=PageViewRestriction)
def view_restrictions_changed(**kwargs):
    cache.delete(VIEW_RESTRICTIONS_KEY)


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


class SitePage(Page):
    """What every page type of the site shares: the slug policy above, and knowing
    whether the page is translated or still shows another language's text."""

    class Meta:
        abstract = True

    # `search_text` holds the page's words with Arabic-script letters folded as
    # readers type them (search/normalise.py); queries are folded the same way.
    search_fields = Page.search_fields + [index.SearchField("search_text")]

    def clean(self):
        super().clean()
        validate_latin_slug(self)

    def respond(self, request, status=200, **context):
        """The page's template with extra context (a form with errors, an archive)
        and an HTTP status. (RoutablePageMixin.render takes no status, hence this.)"""
        page_context = self.get_context(request)
        page_context.update(context)
        return TemplateResponse(request, self.get_template(request), page_context, status=status)

    def get_view_restrictions(self):
        """Wagtail checks every page view for private-page restrictions (two queries).
        While the site has none, which is its normal state, that is skipped; the
        answer is cached and forgotten whenever a restriction is added or removed."""
        if not site_has_view_restrictions():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def plain_text(self):
        """The page's own words, without markup: for search and excerpts."""
        parts = [
            getattr(self, name, "") or ""
            for name in ("mission", "intro", "summary", "signatories_note", "call_to_action")
        ]
        for name in ("body", "goals"):
            stream = getattr(self, name, None)
            if stream:
                parts.extend(stream.stream_block.get_searchable_content(stream))
        return " ".join(part for part in parts if part)

    def meta_description(self):
        """What search engines and shared links show under the title."""
        for name in ("search_description", "summary", "mission", "intro"):
            text = getattr(self, name, "")
            if text:
                return text
        body = getattr(self, "body", None)
        text = " ".join(body.stream_block.get_searchable_content(body)) if body else ""
        return Truncator(text or self.plain_text()).words(30) or str(self.default_description)

    # Said of a page with no text of its own to describe it (index pages).
    default_description = _("Iraqi Civil Society Solidarity Initiative")

    @property
    def search_text(self):
        from search.normalise import normalise

        return normalise(f"{self.title} {self.plain_text()}")

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

    parent_page_types = ["home.HomePage"]
    max_count_per_parent = 1

    class Meta:
        abstract = True


class HomePage(SitePage):
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

    def get_context(self, request, *args, **kwargs):
        from campaigns.models import ConferencePage
        from news.models import NewsPage

        context = super().get_context(request, *args, **kwargs)
        context["latest_statements"] = (
            NewsPage.objects.live()
            .filter(locale=self.locale)
            .select_related("alias_of__locale")
            .order_by("-date", "-pk")[:3]
        )
        context["conference"] = ConferencePage.featured_for(self.locale)
        if self.featured_campaign_id:
            from campaigns.models import CampaignPage

            # The campaign in the reader's language when published there, else as chosen.
            chosen = CampaignPage.objects.filter(pk=self.featured_campaign_id)
            campaigns = (
                CampaignPage.objects.live()
                .filter(translation_key__in=chosen.values("translation_key"))
                .filter(Q(locale=active_locale()) | Q(pk=self.featured_campaign_id))
            )
            context["featured_campaign"] = max(
                campaigns, key=lambda c: c.locale_id == active_locale().pk, default=None
            )
        return context


class StandardPage(SitePage):
    intro = models.TextField(_("introduction"), blank=True, help_text=_("A short opening."))
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("body"))

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = SitePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("intro"),
        TranslatableField("body"),
    ]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class NavigationMenu(TranslatableSnippet):
    """A list of links, e.g. the main menu or the footer's links; translated like
    any other content."""

    name = models.CharField(
        _("name"), max_length=100, help_text=_("For editors only, e.g. “Main menu”.")
    )
    items = StreamField([("link", MenuItemBlock())], verbose_name=_("links"))

    panels = [FieldPanel("name"), FieldPanel("items"), PublishingPanel()]
    translatable_fields = [TranslatableField("name"), TranslatableField("items")]

    class Meta(TranslatableSnippet.Meta):
        verbose_name = _("navigation menu")
        verbose_name_plural = _("navigation menus")

    def __str__(self):
        return self.name


register_snippet(NavigationMenu)


@register_setting(icon="list-ul")
class SiteNavigation(BaseSiteSetting):
    """Which menus the site shows. Site settings cannot be translated, so they
    point at menus, which can (wagtail-localize #234)."""

    main_menu = models.ForeignKey(
        NavigationMenu,
        verbose_name=_("main menu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The links at the top of every page. Choose the English menu."),
    )
    footer_menu = models.ForeignKey(
        NavigationMenu,
        verbose_name=_("footer menu"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The links at the bottom of every page. Choose the English menu."),
    )

    panels = [FieldPanel("main_menu"), FieldPanel("footer_menu")]

    class Meta:
        verbose_name = _("site navigation")
