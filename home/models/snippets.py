"""Shared content chosen by pages and the site: organisations and menus."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, PublishingPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import StreamField
from wagtail.models import Orderable
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import MenuItemBlock
from home.i18n.reader_language import in_reader_language
from home.i18n.snippet_views_per_language import register_translatable_snippet
from home.models.base import TranslatableSnippet


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


register_translatable_snippet(Organisation)


class OrganisationLink(Orderable):
    """A page's link to an organisation (partner, supporter, signatory).

    The link is shared by every translation of the page; `organisations_of()` gives
    the organisations in the reader's language.
    """

    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("organisation")]

    class Meta(Orderable.Meta):
        abstract = True


def organisations_of(links):
    """The organisations of `links` (a page's OrganisationLink relation), in link
    order, each in the reader's language where published. Two queries."""
    originals = [link.organisation for link in links.select_related("organisation__logo")]
    return in_reader_language(originals, queryset=Organisation.objects.select_related("logo"))


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


register_translatable_snippet(NavigationMenu)


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
