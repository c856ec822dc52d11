"""The shared base (`base`), the home and standard pages (`pages`), the shared
snippets (`snippets`) and the review step of translations (`review`). Page types of
the sections build on `SitePage` and `IndexPage`."""

from home.models.base import (
    PAGE_TRANSLATABLE_FIELDS,
    IndexPage,
    SitePage,
    TranslatableSnippet,
    text_of,
    validate_latin_slug,
)
from home.models.pages import HomePage, StandardPage
from home.models.review import SecondTranslatorApprovalTask
from home.models.snippets import (
    NavigationMenu,
    Organisation,
    OrganisationLink,
    SiteNavigation,
    organisations_of,
)

__all__ = [
    "PAGE_TRANSLATABLE_FIELDS",
    "HomePage",
    "IndexPage",
    "NavigationMenu",
    "Organisation",
    "OrganisationLink",
    "SiteNavigation",
    "SecondTranslatorApprovalTask",
    "SitePage",
    "StandardPage",
    "TranslatableSnippet",
    "organisations_of",
    "text_of",
    "validate_latin_slug",
]
