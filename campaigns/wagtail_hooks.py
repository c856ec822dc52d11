from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from campaigns.submissions import CampaignEndorsement, ConferenceRegistration

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


class CampaignEndorsementViewSet(ModelViewSet):
    model = CampaignEndorsement
    index_view_class = SubmissionIndexView
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
    index_view_class = SubmissionIndexView
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
