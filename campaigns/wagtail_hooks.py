from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from campaigns.submissions import CampaignEndorsement, ConferenceRegistration, submissions_of

# A cell starting with one of these is a formula to a spreadsheet: visitors' text
# such as "=HYPERLINK(...)" must reach staff as text (OWASP "CSV injection").
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_text(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


class SubmissionIndexView(IndexView):
    """The list of submissions, whose CSV export is safe to open in a spreadsheet
    (Wagtail already writes XLSX cells as text)."""

    def write_csv_row(self, writer, row_dict):
        return writer.writerow(
            {
                field: spreadsheet_text(self.preprocess_field_value(field, value, self.FORMAT_CSV))
                for field, value in row_dict.items()
            }
        )


class SubmissionViewSet(ModelViewSet):
    """What the two kinds of visitor submission share in the admin: listed under
    "Submissions" (not the main menu), exported safely, inspectable."""

    index_view_class = SubmissionIndexView
    add_to_admin_menu = False
    inspect_view_enabled = True


class CampaignEndorsementViewSet(SubmissionViewSet):
    model = CampaignEndorsement
    icon = "group"
    menu_label = _("Campaign endorsements")
    url_prefix = "campaigns/endorsements"
    list_display = [
        "organisation_name",
        "country",
        "campaign",
        "approved",
        "consent_to_be_listed",
        "submitted_at",
    ]
    list_filter = ["campaign", "approved", "consent_to_be_listed"]
    search_fields = ["organisation_name", "contact_person", "email", "country"]
    list_export = [
        *CampaignEndorsement.VISITOR_FIELDS,
        "approved",
        "campaign",
        "language",
        "submitted_at",
    ]
    export_filename = "campaign-endorsements"
    form_fields = ["approved", *CampaignEndorsement.VISITOR_FIELDS]


class ConferenceRegistrationViewSet(SubmissionViewSet):
    model = ConferenceRegistration
    icon = "date"
    menu_label = _("Conference registrations")
    url_prefix = "campaigns/registrations"
    list_display = ["name", "organisation", "country", "email", "conference", "submitted_at"]
    list_filter = ["conference"]
    search_fields = ["name", "organisation", "email", "country"]
    # languages_display: the languages' names, not their codes
    list_export = [
        *(
            "languages_display" if field == "languages" else field
            for field in ConferenceRegistration.VISITOR_FIELDS
        ),
        "conference",
        "language",
        "submitted_at",
    ]
    export_headings = {"languages_display": _("languages spoken")}
    export_filename = "conference-registrations"
    form_fields = ConferenceRegistration.VISITOR_FIELDS


class SubmissionsGroup(ModelViewSetGroup):
    menu_label = _("Submissions")
    menu_icon = "mail"
    menu_order = 250
    items = (CampaignEndorsementViewSet, ConferenceRegistrationViewSet)


@hooks.register("register_admin_viewset")
def register_submissions():
    return SubmissionsGroup()


ERASE_PERMISSIONS = [
    "campaigns.delete_campaignendorsement",
    "campaigns.delete_conferenceregistration",
]


class ErasePersonForm(forms.Form):
    email = forms.EmailField(label=_("Their email address"))


def erase_person(request):
    """Someone asked for their details to be deleted: find everything they sent by
    their email address, show the counts, and delete it all once confirmed."""
    if not request.user.has_perms(ERASE_PERMISSIONS):
        raise PermissionDenied
    form = ErasePersonForm(request.POST or None)
    found = None
    if request.method == "POST" and form.is_valid():
        registrations, endorsements = submissions_of(form.cleaned_data["email"])
        found = (registrations.count(), endorsements.count())
        if request.POST.get("confirm") == "yes":
            with transaction.atomic():
                registrations.delete()
                endorsements.delete()
            messages.success(
                request,
                gettext(
                    "Deleted %(registrations)d conference registrations and "
                    "%(endorsements)d campaign endorsements."
                )
                % {"registrations": found[0], "endorsements": found[1]},
            )
            return redirect("erase_person")
    return TemplateResponse(
        request, "campaigns/admin/erase_person.html", {"form": form, "found": found}
    )


@hooks.register("register_admin_urls")
def register_erase_person_url():
    return [path("campaigns/erase-person/", erase_person, name="erase_person")]


class ErasePersonMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perms(ERASE_PERMISSIONS)


@hooks.register("register_admin_menu_item")
def register_erase_person_menu_item():
    return ErasePersonMenuItem(
        _("Erase a person’s submissions"), reverse("erase_person"), icon_name="bin", order=251
    )
