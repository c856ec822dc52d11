from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from campaigns.submissions import CampaignEndorsement, ConferenceRegistration


class CampaignEndorsementViewSet(ModelViewSet):
    model = CampaignEndorsement
    icon = "group"
    menu_label = _("Campaign endorsements")
    url_prefix = "campaigns/endorsements"
    add_to_admin_menu = False
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
        "organisation_name",
        "country",
        "contact_person",
        "email",
        "website",
        "message",
        "consent_to_be_listed",
        "approved",
        "campaign",
        "language",
        "submitted_at",
    ]
    export_filename = "campaign-endorsements"
    form_fields = [
        "approved",
        "consent_to_be_listed",
        "organisation_name",
        "country",
        "contact_person",
        "email",
        "website",
        "message",
    ]
    inspect_view_enabled = True


class ConferenceRegistrationViewSet(ModelViewSet):
    model = ConferenceRegistration
    icon = "date"
    menu_label = _("Conference registrations")
    url_prefix = "campaigns/registrations"
    add_to_admin_menu = False
    list_display = ["name", "organisation", "country", "email", "conference", "submitted_at"]
    list_filter = ["conference"]
    search_fields = ["name", "organisation", "email", "country"]
    list_export = [
        "name",
        "organisation",
        "country",
        "email",
        "languages_display",
        "needs",
        "conference",
        "language",
        "submitted_at",
    ]
    export_headings = {"languages_display": _("languages spoken")}
    export_filename = "conference-registrations"
    form_fields = ["name", "organisation", "country", "email", "languages", "needs"]
    inspect_view_enabled = True


class SubmissionsGroup(ModelViewSetGroup):
    menu_label = _("Submissions")
    menu_icon = "mail"
    menu_order = 250
    items = (CampaignEndorsementViewSet, ConferenceRegistrationViewSet)


@hooks.register("register_admin_viewset")
def register_submissions():
    return SubmissionsGroup()
