"""The visitors' forms, with their defences against spam and abuse."""

import hashlib

from django import forms
from django.core.cache import cache
from django.utils.translation import gettext_lazy as _

from campaigns.submissions import LANGUAGES_SPOKEN, CampaignEndorsement, ConferenceRegistration
from home.client_address import client_address

# Email and web addresses are written left to right, in Arabic and Sorani pages too.
LATIN_SCRIPT = {"dir": "ltr"}

# Accepted submissions one address, one email or one organisation may make per
# form per hour.
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


class VisitorSubmissionForm(HoneypotMixin, forms.ModelForm):
    """A visitor's form on a page (see campaigns/views.py, accept_submission). Each
    form says how its submission belongs to the page and what makes it a duplicate,
    and names its rate-limit scope, its context variable and its result message."""

    # Addresses and numbers are written left to right in every language: in a
    # right-to-left page they would otherwise show as "//:https" (language review, M3).
    LEFT_TO_RIGHT_INPUTS = ("url", "email", "tel", "number")

    scope = ""  # rate limits are counted per scope
    limited_by = ("email",)  # fields counted like the address (see rate_limited)
    context_name = ""  # the template variable holding the form
    result_parameter = ""  # ?joined=1, ?registered=already
    anchor = ""  # the form's section on the page

    def __init__(self, *args, **kwargs):
        # Labels without Django's trailing colon: "Country", not "Country:".
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            if getattr(field.widget, "input_type", None) in self.LEFT_TO_RIGHT_INPUTS:
                field.widget.attrs.setdefault("dir", "ltr")

    def build(self, page, language):
        """The unsaved submission, attached to `page` (the original)."""
        raise NotImplementedError

    def is_duplicate(self, submission):
        raise NotImplementedError


def _limit_keys(request, form):
    """The cache keys counting this visitor's accepted forms of this kind: one for
    the address (behind our trusted proxies), one per identifying field."""
    values = [("address", client_address(request))] + [
        (field, " ".join(str(form.cleaned_data.get(field, "")).casefold().split()))
        for field in form.limited_by
    ]
    return [
        f"submissions:{form.scope}:{name}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"
        for name, value in values
        if value
    ]


def rate_limited(request, form):
    """True once the visitor's address, or the form's email or organisation, has
    sent SUBMISSIONS_PER_HOUR accepted forms of this kind in the last hour. Invalid
    forms, duplicates and spam do not count. Counts in the cache (Redis in
    production); with the cache down, nothing is limited."""
    counts = cache.get_many(_limit_keys(request, form))
    return any((count or 0) >= SUBMISSIONS_PER_HOUR for count in counts.values())


def count_submission(request, form):
    """Count an accepted form towards the limits."""
    for key in _limit_keys(request, form):
        if not cache.add(key, 1, timeout=3600):
            try:
                cache.incr(key)
            except ValueError:  # expired meanwhile
                cache.set(key, 1, timeout=3600)


class JoinCampaignForm(VisitorSubmissionForm):
    scope = "join"
    limited_by = ("email", "organisation_name")
    context_name = "join_form"
    result_parameter = "joined"
    anchor = "join"

    website = forms.URLField(
        required=False,
        assume_scheme="https",
        label=_("Website (optional)"),
        widget=forms.URLInput(
            attrs={**LATIN_SCRIPT, "autocomplete": "url", "placeholder": "https://"}
        ),
        error_messages={
            "invalid": _("Please give a full web address, such as https://example.org.")
        },
    )
    consent_to_be_listed = forms.BooleanField(
        required=False,
        label=_("Our organisation may be listed on this page as supporting the campaign."),
    )

    class Meta:
        model = CampaignEndorsement
        fields = CampaignEndorsement.VISITOR_FIELDS
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
            "email": forms.EmailInput(attrs={**LATIN_SCRIPT, "autocomplete": "email"}),
            "website": forms.URLInput(
                attrs={**LATIN_SCRIPT, "autocomplete": "url", "placeholder": "https://"}
            ),
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

    def build(self, page, language):
        endorsement = self.save(commit=False)
        endorsement.campaign = page
        endorsement.language = language
        endorsement.duplicate_key = CampaignEndorsement.make_duplicate_key(
            endorsement.organisation_name, endorsement.email
        )
        return endorsement

    def is_duplicate(self, endorsement):
        return CampaignEndorsement.objects.filter(
            campaign=endorsement.campaign, duplicate_key=endorsement.duplicate_key
        ).exists()


class ConferenceRegistrationForm(VisitorSubmissionForm):
    scope = "register"
    context_name = "registration_form"
    result_parameter = "registered"
    anchor = "registration"

    languages = forms.MultipleChoiceField(
        choices=LANGUAGES_SPOKEN,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages you speak"),
        error_messages={"required": _("Please choose at least one language you speak.")},
    )

    class Meta:
        model = ConferenceRegistration
        fields = ConferenceRegistration.VISITOR_FIELDS
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
            "email": forms.EmailInput(attrs={**LATIN_SCRIPT, "autocomplete": "email"}),
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

    def build(self, page, language):
        registration = self.save(commit=False)
        registration.conference = page
        registration.language = language
        return registration

    def is_duplicate(self, registration):
        return ConferenceRegistration.objects.filter(
            conference=registration.conference, email__iexact=registration.email
        ).exists()
