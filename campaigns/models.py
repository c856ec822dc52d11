"""Campaigns and conferences, each with an index page that lists them."""

import datetime
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from campaigns.calendar import conference_calendar
from campaigns.forms import ConferenceRegistrationForm, JoinCampaignForm
from campaigns.notifications import confirm_registration, notify_campaign

# Visitors' submissions live in their own module; importing them registers the models.
from campaigns.submissions import CampaignEndorsement, original_page_id
from campaigns.views import accept_submission
from home.blocks import BodyBlock, CharBlock, SocialLinkBlock
from home.cache import cached_until_publish
from home.dates import written_date
from home.models import (
    PAGE_TRANSLATABLE_FIELDS,
    IndexPage,
    OrganisationLink,
    SitePage,
    organisations_of,
)
from home.seo import organisation_data, share_image_url


class CampaignIndexPage(IndexPage):
    default_description = _("Campaigns of the Iraqi Civil Society Solidarity Initiative")
    subpage_types = ["campaigns.CampaignPage"]

    class Meta:
        verbose_name = _("campaigns index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        campaigns = (
            CampaignPage.objects.child_of(self)
            .live()
            .select_related("alias_of__locale")
            .order_by("-first_published_at")
        )
        context["active_campaigns"] = [c for c in campaigns if c.status == CampaignPage.ACTIVE]
        context["concluded_campaigns"] = [
            c for c in campaigns if c.status == CampaignPage.CONCLUDED
        ]
        return context


class CampaignPartner(OrganisationLink):
    page = ParentalKey("campaigns.CampaignPage", on_delete=models.CASCADE, related_name="partners")


class CampaignPage(SitePage):
    ACTIVE = "active"
    CONCLUDED = "concluded"
    STATUS_CHOICES = [(ACTIVE, _("Active")), (CONCLUDED, _("Concluded"))]

    cache_query_parameters = ("joined",)  # the thank-you message after joining

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and when the page is shared."),
    )
    status = models.CharField(_("status"), max_length=10, choices=STATUS_CHOICES, default=ACTIVE)
    goals = StreamField(
        [("goal", CharBlock(label=_("Goal"), max_length=500))],
        blank=True,
        verbose_name=_("goals"),
        help_text=_("What the campaign wants to achieve: one “Goal” for each."),
    )
    call_to_action = models.TextField(
        _("call to action"),
        blank=True,
        help_text=_("What you ask readers and organisations to do, e.g. to join the campaign."),
    )
    contact_email = models.EmailField(
        _("contact email"),
        blank=True,
        help_text=_("Leave empty if the campaign has no email address yet: nothing is shown."),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())], blank=True, verbose_name=_("social media pages")
    )
    body = StreamField(BodyBlock(), verbose_name=_("text"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("status"),
        InlinePanel("partners", label=_("Partner organisation")),
        FieldPanel("body"),
        FieldPanel("goals"),
        FieldPanel("call_to_action"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("social_links")],
            heading=_("Contact"),
        ),
    ]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        SynchronizedField("status"),
        TranslatableField("goals"),
        TranslatableField("call_to_action"),
        SynchronizedField("contact_email"),
        SynchronizedField("social_links"),
        TranslatableField("body"),
        SynchronizedField("partners"),
    ]

    text_fields = ("summary", "call_to_action", "body", "goals")
    card_template = "components/cards/campaign.html"
    kind_label = pgettext_lazy("page type", "Campaign")
    description_fields = ("search_description", "summary", "body")

    parent_page_types = ["campaigns.CampaignIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("campaign")

    def partner_organisations(self):
        return organisations_of(self.partners)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        approved = CampaignEndorsement.objects.filter(
            campaign_id=original_page_id(self), approved=True
        ).order_by("organisation_name")
        context["join_form"] = JoinCampaignForm()
        context["privacy_retention_days"] = settings.UNAPPROVED_ENDORSEMENT_RETENTION_DAYS
        context["joined"] = request.GET.get("joined")
        context["endorsement_count"] = approved.count()
        context["endorsers"] = approved.filter(consent_to_be_listed=True)
        return context

    def serve(self, request, *args, **kwargs):
        if request.method == "POST":
            return accept_submission(request, self, JoinCampaignForm, notify=notify_campaign)
        return super().serve(request, *args, **kwargs)


class ConferenceIndexPage(IndexPage):
    default_description = _("Conferences of the Iraqi Civil Society Solidarity Initiative")
    subpage_types = ["campaigns.ConferencePage"]

    class Meta:
        verbose_name = _("conferences index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["conferences"] = (
            ConferencePage.objects.child_of(self)
            .live()
            .select_related("alias_of__locale")
            .order_by("-start_date")
        )
        return context


class ConferenceSupporter(OrganisationLink):
    page = ParentalKey(
        "campaigns.ConferencePage", on_delete=models.CASCADE, related_name="supporters"
    )


def utc_offset_label(offset):
    """A UTC offset as people write it: UTC, UTC+3, UTC+4:30, UTC-5."""
    minutes = int(offset.total_seconds() // 60)
    if not minutes:
        return "UTC"
    sign = "+" if minutes > 0 else "-"
    hours, minutes = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{minutes:02d}" if minutes else "")


class ConferencePage(RoutablePageMixin, SitePage):
    cache_query_parameters = ("registered",)  # the thank-you message

    summary = models.TextField(
        _("summary"),
        blank=True,
        help_text=_("One or two sentences shown in lists and when the page is shared."),
    )
    start_date = models.DateField(_("first day"))
    end_date = models.DateField(
        _("last day"), null=True, blank=True, help_text=_("Leave empty for a one-day conference.")
    )
    start_time = models.TimeField(
        _("starts at"),
        null=True,
        blank=True,
        help_text=_("Optional. In the conference's time zone (below), e.g. 09:30."),
    )
    end_time = models.TimeField(
        _("ends at"),
        null=True,
        blank=True,
        help_text=_("Optional. In the conference's time zone (below), e.g. 17:00."),
    )
    city = models.CharField(_("city"), max_length=100)
    venue = models.CharField(_("venue"), max_length=255, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=50,
        default="Asia/Baghdad",
        help_text=_("The conference's local time zone; deadlines are counted in it."),
    )
    registration_deadline = models.DateField(
        _("last day to register"),
        null=True,
        blank=True,
        help_text=_(
            "Registration stays open until the end of this day, in the conference's time zone; "
            "at the latest the conference's last day. Leave empty if there is no registration."
        ),
    )
    programme_document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("programme"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The (draft) programme, e.g. a PDF. Shown as a download link."),
    )
    programme_note = models.TextField(
        _("note on the programme"),
        blank=True,
        help_text=_("E.g. when the final programme will be published."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("text"))

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("start_date"),
                FieldPanel("end_date"),
                FieldPanel("start_time"),
                FieldPanel("end_time"),
                FieldPanel("city"),
                FieldPanel("venue"),
                FieldPanel("time_zone"),
            ],
            heading=_("When and where"),
        ),
        FieldPanel("registration_deadline"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("programme_document"), FieldPanel("programme_note")],
            heading=_("Programme"),
        ),
        InlinePanel("supporters", label=_("Supporting organisation")),
    ]

    search_fields = SitePage.search_fields + [index.FilterField("start_date")]

    translatable_fields = PAGE_TRANSLATABLE_FIELDS + [
        TranslatableField("summary"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("start_time"),
        SynchronizedField("end_time"),
        TranslatableField("city"),
        TranslatableField("venue"),
        SynchronizedField("time_zone", overridable=False),
        SynchronizedField("registration_deadline"),
        SynchronizedField("programme_document"),
        TranslatableField("programme_note"),
        TranslatableField("body"),
        SynchronizedField("supporters"),
    ]

    text_fields = ("summary", "body")
    description_fields = ("search_description", "summary", "body")
    card_template = "components/cards/conference.html"
    kind_label = pgettext_lazy("page type", "Conference")

    parent_page_types = ["campaigns.ConferenceIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("conference")

    def search_words(self):
        return " ".join(filter(None, [self.city, self.venue, super().search_words()]))

    def clean(self):
        super().clean()
        errors = {}
        if self.end_date and self.start_date and self.end_date < self.start_date:
            errors["end_date"] = _("The last day cannot be before the first day.")
        last_day = self.end_date or self.start_date
        if self.registration_deadline and last_day and self.registration_deadline > last_day:
            errors["registration_deadline"] = _(
                "Registration cannot close after the conference has ended: choose "
                "%(last_day)s or an earlier day."
            ) % {"last_day": written_date(last_day)}
        try:
            zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            errors["time_zone"] = _(
                "Unknown time zone. Use a name such as Asia/Baghdad or Europe/Paris."
            )
        if errors:
            raise ValidationError(errors)

    @property
    def registration_closes_at(self):
        """The moment registration closes: midnight after the last day, local time."""
        if not self.registration_deadline:
            return None
        next_day = self.registration_deadline + datetime.timedelta(days=1)
        return datetime.datetime.combine(
            next_day, datetime.time.min, tzinfo=zoneinfo.ZoneInfo(self.time_zone)
        )

    def registration_is_open(self, now=None):
        closes_at = self.registration_closes_at
        return closes_at is not None and (now or timezone.now()) < closes_at

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["registration_open"] = self.registration_is_open()
        context["registration_form"] = ConferenceRegistrationForm()
        context["privacy_retention_days"] = settings.REGISTRATION_RETENTION_DAYS
        context["registered"] = request.GET.get("registered")
        codes = {version.locale.language_code for version in self.published_translations}
        # (code, name): each language named in itself as settings.LANGUAGES writes
        # it (العربية, not Django's العربيّة: language review, L-ar-18).
        context["available_in"] = [
            (code, name) for code, name in settings.LANGUAGES if code in codes
        ]
        return context

    @path("")
    def conference(self, request):
        if request.method == "POST":
            return self.register(request)
        return self.respond(request, status=200)

    def register(self, request):
        """Registration, refused by the server itself once the deadline has passed."""
        if not self.registration_is_open():
            return self.respond(request, status=410)
        return accept_submission(
            request, self, ConferenceRegistrationForm, notify=confirm_registration
        )

    @path("calendar/", name="ics")
    def ics(self, request):
        return HttpResponse(
            conference_calendar(self, request),
            content_type="text/calendar; charset=utf-8",
            headers={"Content-Disposition": f'attachment; filename="{self.slug}.ics"'},
        )

    def supporting_organisations(self):
        return organisations_of(self.supporters)

    def _moment(self, day, time):
        """`day` at `time` in the conference's time zone, ISO 8601 (the day alone
        without a time)."""
        if time is None:
            return day.isoformat()
        return datetime.datetime.combine(day, time, zoneinfo.ZoneInfo(self.time_zone)).isoformat()

    def times(self):
        """When the conference starts and ends, for readers: the times as the
        editor typed them (local time), their ISO 8601 moments and the time zone as
        its offset from UTC on the first day ("UTC+3"). None without a start time."""
        if self.start_time is None:
            return None
        moment = datetime.datetime.combine(
            self.start_date, self.start_time, zoneinfo.ZoneInfo(self.time_zone)
        )
        return {
            "start": self.start_time,
            "start_iso": self._moment(self.start_date, self.start_time),
            "end": self.end_time,
            "end_iso": self.end_time
            and self._moment(self.end_date or self.start_date, self.end_time),
            "zone": utc_offset_label(moment.utcoffset()),
        }

    def structured_data(self, request):
        moment = self._moment

        return {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": moment(self.start_date, self.start_time),
            "endDate": moment(self.end_date or self.start_date, self.end_time),
            "eventStatus": "https://schema.org/EventScheduled",
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {"@type": "Place", "name": self.venue or self.city, "address": self.city},
            "description": self.meta_description(),
            "image": [share_image_url(request)],
            "inLanguage": self.content_language,
            "url": self.get_full_url(request),
            "organizer": organisation_data(request),
        }

    @classmethod
    def featured_for(cls, locale):
        """The next conference in `locale`, or else the latest one."""
        conferences = cls.objects.live().filter(locale=locale).select_related("alias_of__locale")
        today = timezone.localdate()

        def choose():
            # Kept until the next publish (or the next day): the database finds it by
            # reading every page of the language (4 ms at 10,000 statements).
            ids = conferences.values_list("pk", flat=True)
            upcoming = ids.filter(start_date__gte=today).order_by("start_date").first()
            return upcoming or ids.order_by("-start_date").first()

        chosen = cached_until_publish(("featured-conference", locale.pk, today), choose)
        return conferences.filter(pk=chosen).first() if chosen else None
