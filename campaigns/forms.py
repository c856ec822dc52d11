"""The visitors' forms, with their defences against spam and abuse."""

import hashlib

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from campaigns.submissions import LANGUAGES_SPOKEN, CampaignEndorsement, ConferenceRegistration

# Submissions one address may make per form per hour.
SUBMISSIONS_PER_HOUR = 5


class HoneypotMixin(forms.Form):
    """A field people never see (hidden by CSS and from screen readers) and bots fill.
    A form that comes back with it filled is dropped without a word."""

    fax_number = forms.CharField(
        required=False,
        label=_("Leave this empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get("fax_number"))


def rate_limited(request, scope):
    """True once the visitor's address has sent SUBMISSIONS_PER_HOUR forms of this
    kind in the last hour. Counts in the cache (Redis in production)."""
    address = request.META.get("REMOTE_ADDR", "")
    key = f"submissions:{scope}:{hashlib.sha256(address.encode()).hexdigest()[:32]}"
    count = cache.get_or_set(key, 0, timeout=3600)
    if count >= SUBMISSIONS_PER_HOUR:
        return True
    try:
        cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, timeout=3600)
    return False


class JoinCampaignForm(HoneypotMixin, forms.ModelForm):
    website = forms.URLField(
        required=False,
        assume_scheme="https",
        label=_("Website (optional)"),
        widget=forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
        error_messages={
            "invalid": _("Please give a full web address, such as https://example.org.")
        },
    )
    consent_to_be_listed = forms.BooleanField(
        required=False,
        label=_("Our organisation may be listed on this page as supporting the campaign"),
    )

    class Meta:
        model = CampaignEndorsement
        fields = [
            "organisation_name",
            "country",
            "contact_person",
            "email",
            "website",
            "message",
            "consent_to_be_listed",
        ]
        labels = {
            "organisation_name": _("Name of your organisation"),
            "country": _("Country"),
            "contact_person": _("Contact person"),
            "email": _("Email"),
            "website": _("Website (optional)"),
            "message": _("Message (optional)"),
        }
        widgets = {
            "organisation_name": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "contact_person": forms.TextInput(attrs={"autocomplete": "name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "website": forms.URLInput(attrs={"autocomplete": "url", "placeholder": "https://"}),
            "message": forms.Textarea(attrs={"rows": 4}),
        }
        error_messages = {
            "organisation_name": {"required": _("Please give the name of your organisation.")},
            "country": {"required": _("Please say in which country your organisation works.")},
            "contact_person": {"required": _("Please give the name of a contact person.")},
            "email": {
                "required": _("Please give an email address."),
                "invalid": _("Please give a valid email address, such as name@example.org."),
            },
            "website": {
                "invalid": _("Please give a full web address, such as https://example.org.")
            },
            "message": {"max_length": _("Please keep the message under 2,000 characters.")},
        }


class ConferenceRegistrationForm(HoneypotMixin, forms.ModelForm):
    languages = forms.MultipleChoiceField(
        choices=LANGUAGES_SPOKEN,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages you speak"),
        error_messages={"required": _("Please choose at least one language you speak.")},
    )

    class Meta:
        model = ConferenceRegistration
        fields = ["name", "organisation", "country", "email", "languages", "needs"]
        labels = {
            "name": _("Your name"),
            "organisation": _("Organisation (optional)"),
            "country": _("Country"),
            "email": _("Email"),
            "needs": _("Anything you need (optional)"),
        }
        help_texts = {
            "needs": _("Interpretation, access, a letter for a visa, diet..."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "needs": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {"required": _("Please give your name.")},
            "country": {"required": _("Please say which country you come from.")},
            "email": {
                "required": _("Please give an email address."),
                "invalid": _("Please give a valid email address, such as name@example.org."),
            },
            "needs": {"max_length": _("Please keep this under 2,000 characters.")},
        }

    def clean_languages(self):
        return ",".join(self.cleaned_data["languages"])
