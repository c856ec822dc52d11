"""Emails sent after a visitor's submission is stored: background tasks, queued by
accept_submission() once the submission is committed, retried while the mail server
fails (home/tasks.py). A mail server down or slow never touches the visitor's request."""

from django.conf import settings
from django.core.mail import send_mail
from django.utils import translation
from django.utils.translation import gettext as _

from wagtail.models import Page

from campaigns.submissions import CampaignEndorsement, ConferenceRegistration
from home.dates import written_date
from home.tasks import with_retries


def send(subject, message, recipients, language):
    """Send an email in `language`; an error is raised, so that the task retries."""
    with translation.override(language):
        send_mail(str(subject), str(message), None, recipients)
    return f"sent to {len(recipients)}"


@with_retries
def notify_campaign(page_id, endorsement_id):
    """Tell the campaign's contact address (if it has one) that an organisation joined
    through page `page_id` (the campaign in the visitor's language). In the site's
    main language: the staff who approve read it."""
    endorsement = CampaignEndorsement.objects.select_related("campaign").get(pk=endorsement_id)
    campaign = endorsement.campaign
    if not campaign.contact_email:
        return "no contact address"
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("“%(organisation)s” joined the campaign “%(campaign)s”") % {
            "organisation": endorsement.organisation_name,
            "campaign": campaign.title,
        }
        lines = [
            _("An organisation has joined the campaign through the website."),
            "",
            f"{_('Organisation')}: {endorsement.organisation_name}",
            f"{_('Country')}: {endorsement.country}",
            f"{_('Contact person')}: {endorsement.contact_person}",
            f"{_('Email')}: {endorsement.email}",
            f"{_('Website')}: {endorsement.website or '-'}",
            f"{_('May be listed')}: {_('yes') if endorsement.consent_to_be_listed else _('no')}",
            "",
            endorsement.message,
            "",
            _("Approve it to show it on the campaign page: %(url)s")
            % {"url": f"{settings.WAGTAILADMIN_BASE_URL}/admin/campaigns/endorsements/"},
        ]
    return send(subject, "\n".join(lines), [campaign.contact_email], settings.LANGUAGE_CODE)


@with_retries
def confirm_registration(page_id, registration_id):
    """Confirm a registration to the person, in the language they registered in
    (page `page_id` is the conference in that language)."""
    page = Page.objects.get(pk=page_id).specific
    registration = ConferenceRegistration.objects.get(pk=registration_id)
    with translation.override(registration.language):
        subject = _("Your registration: %(conference)s") % {"conference": page.title}
        when = written_date(page.start_date)
        message = "\n".join(
            [
                _("Dear %(name)s,") % {"name": registration.name},
                "",
                _(
                    "We have received your registration for “%(conference)s”, on %(date)s in %(city)s."
                )
                % {"conference": page.title, "date": when, "city": page.city},
                _("We will write to you before the conference. Thank you."),
                "",
                _("Iraqi Civil Society Solidarity Initiative"),
            ]
        )
    return send(subject, message, [registration.email], registration.language)
