"""What visitors send: organisations joining a campaign, people registering for a
conference. Stored first; emails are sent after, by background tasks
(campaigns/notifications.py), and a failed email loses nothing."""

from django.conf import settings
from django.db import models
from django.db.models import Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

LANGUAGES_SPOKEN = [
    ("ar", _("Arabic")),
    ("ckb", _("Kurdish (Sorani)")),
    ("kmr", _("Kurdish (Kurmanji)")),
    ("en", _("English")),
    ("fr", _("French")),
    ("other", _("Another language")),
]


def original_page(page):
    """Submissions made on a translation belong to the page in the site's main
    language, so staff see one list per campaign or conference."""
    return (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .specific()
        .first()
        or page
    )


def original_page_id(page):
    """original_page(page)'s id as an SQL expression, for filtering a page's
    submissions without a query of its own to find the original first."""
    original = (
        page.get_translations(inclusive=True)
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .values("pk")[:1]
    )
    return Coalesce(Subquery(original), Value(page.pk))


class VisitorSubmission(models.Model):
    """What every submission records besides its form's fields: the language the
    visitor used (for replies) and when it came."""

    language = models.CharField(_("language of the form"), max_length=10, editable=False)
    submitted_at = models.DateTimeField(_("submitted"), auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-submitted_at"]


class CampaignEndorsement(VisitorSubmission):
    campaign = models.ForeignKey(
        "campaigns.CampaignPage",
        verbose_name=_("campaign"),
        on_delete=models.CASCADE,
        related_name="endorsements",
    )
    organisation_name = models.CharField(_("organisation"), max_length=200)
    country = models.CharField(_("country"), max_length=100)
    contact_person = models.CharField(_("contact person"), max_length=200)
    email = models.EmailField(_("email"))
    website = models.URLField(_("website"), blank=True)
    message = models.TextField(_("message"), blank=True, max_length=2000)
    consent_to_be_listed = models.BooleanField(
        _("agrees to be listed"),
        default=False,
        help_text=_("The organisation agrees that its name is shown on the campaign page."),
    )
    approved = models.BooleanField(
        _("approved"),
        default=False,
        help_text=_("Approved organisations that agreed to be listed appear on the campaign page."),
    )
    # Lower-cased organisation name and email: the same organisation joining twice.
    duplicate_key = models.CharField(max_length=400, editable=False)

    # What the visitor writes, in the form's order: the form, the admin's form and its
    # export list these (campaigns/forms.py, campaigns/wagtail_hooks.py).
    VISITOR_FIELDS = [
        "organisation_name",
        "country",
        "contact_person",
        "email",
        "website",
        "message",
        "consent_to_be_listed",
    ]

    class Meta(VisitorSubmission.Meta):
        verbose_name = _("campaign endorsement")
        verbose_name_plural = _("campaign endorsements")
        constraints = [
            models.UniqueConstraint(
                fields=["campaign", "duplicate_key"], name="one_endorsement_per_organisation"
            )
        ]

    def __str__(self):
        return self.organisation_name

    @staticmethod
    def make_duplicate_key(organisation_name, email):
        return f"{' '.join(organisation_name.casefold().split())}|{email.strip().casefold()}"


class ConferenceRegistration(VisitorSubmission):
    conference = models.ForeignKey(
        "campaigns.ConferencePage",
        verbose_name=_("conference"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=100)
    email = models.EmailField(_("email"))
    languages = models.CharField(_("languages spoken"), max_length=100)
    needs = models.TextField(
        _("needs"),
        blank=True,
        max_length=2000,
        help_text=_("Interpretation, access, a letter for a visa, diet..."),
    )

    # What the visitor writes, in the form's order (see CampaignEndorsement's).
    VISITOR_FIELDS = ["name", "organisation", "country", "email", "languages", "needs"]

    class Meta(VisitorSubmission.Meta):
        verbose_name = _("conference registration")
        verbose_name_plural = _("conference registrations")
        constraints = [
            models.UniqueConstraint(
                fields=["conference", "email"], name="one_registration_per_email"
            )
        ]

    def __str__(self):
        return self.name

    def languages_display(self):
        names = dict(LANGUAGES_SPOKEN)
        return ", ".join(str(names.get(code, code)) for code in self.languages.split(",") if code)


def expired_submissions(today=None):
    """What the retention job deletes (docs/deploy.md, "People's data"): conference
    registrations REGISTRATION_RETENTION_DAYS after their conference's last day, and
    requests to join a campaign still unapproved after
    UNAPPROVED_ENDORSEMENT_RETENTION_DAYS."""
    import datetime

    from django.db.models import Q
    from django.utils import timezone

    today = today or timezone.localdate()
    conference_cutoff = today - datetime.timedelta(days=settings.REGISTRATION_RETENTION_DAYS)
    registrations = ConferenceRegistration.objects.filter(
        Q(conference__end_date__lt=conference_cutoff)
        | Q(conference__end_date__isnull=True, conference__start_date__lt=conference_cutoff)
    )
    endorsement_cutoff = timezone.now() - datetime.timedelta(
        days=settings.UNAPPROVED_ENDORSEMENT_RETENTION_DAYS
    )
    endorsements = CampaignEndorsement.objects.filter(
        approved=False, submitted_at__lt=endorsement_cutoff
    )
    return registrations, endorsements


def submissions_of(email):
    """Everything one person sent, on every campaign and conference."""
    email = email.strip()
    return (
        ConferenceRegistration.objects.filter(email__iexact=email),
        CampaignEndorsement.objects.filter(email__iexact=email),
    )
