"""Emails sent after a visitor's submission is stored (see submissions.send_quietly)."""

from django.conf import settings
from django.utils import formats, translation
from django.utils.translation import gettext as _

from campaigns.submissions import send_quietly


def notify_campaign(campaign, page, endorsement):
    """Tell the campaign's contact address (if it has one) that an organisation joined
    through `page` (the campaign in the visitor's language). In the site's main
    language: the staff who approve read it."""
    if not campaign.contact_email:
        return False
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
    return send_quietly(subject, "\n".join(lines), [campaign.contact_email], settings.LANGUAGE_CODE)


def confirm_registration(conference, page, registration):
    """Confirm a registration to the person, in the language they registered in
    (`page` is the conference in that language)."""
    with translation.override(registration.language):
        subject = _("Your registration: %(conference)s") % {"conference": page.title}
        when = formats.date_format(page.start_date, "j F Y")
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
    return send_quietly(subject, message, [registration.email], registration.language)
