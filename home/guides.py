"""The editors' and translators' guides inside the admin (Help menu), in the admin
language of the person reading them.

The guides are Markdown files in docs/guides/ (`<guide>.<language>.md`), so that they
read the same on the code host; their screenshots (docs/guides/screenshots/) are taken
by tests/browser/test_guide_screenshots.py, which also checks that the labels a guide
names are on the screen it shows."""

import re
from pathlib import Path

import markdown

from django.conf import settings
from django.http import FileResponse, Http404
from django.urls import re_path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, get_language_info
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

GUIDES_DIR = Path(settings.BASE_DIR) / "docs" / "guides"
SCREENSHOTS_DIR = GUIDES_DIR / "screenshots"

GUIDES = {
    "editors": _("Editors' guide"),
    "translators": _("Translators' guide"),
}

# Images are written `![…](screenshots/name.png)` in the Markdown (relative, so the
# files show on the code host too); in the admin they come from guide_screenshot.
RELATIVE_SCREENSHOT = re.compile(r'src="screenshots/([\w.-]+\.png)"')


def guide_file(guide, language_code):
    """The guide in `language_code`, or the English one when it has none yet."""
    for code in (language_code, settings.LANGUAGE_CODE):
        candidate = GUIDES_DIR / f"{guide}.{code}.md"
        if candidate.is_file():
            return candidate, code
    raise Http404


def render_guide(source):
    # The admin's header shows the title (the Help menu's label): the Markdown's own
    # title, for the code host, would be a second <h1>.
    source = re.sub(r"\A# .*\n", "", source)
    html = markdown.markdown(source, extensions=["tables", "sane_lists"])
    return RELATIVE_SCREENSHOT.sub(
        lambda match: f'src="{reverse("guide_screenshot", args=[match.group(1)])}"', html
    )


class GuideView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "home/admin/guide.html"
    header_icon = "help"

    def get_page_title(self):
        return GUIDES[self.kwargs["guide"]]

    # No breadcrumbs: then Wagtail's header shows the title as a visible heading.
    breadcrumbs_items = []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        # The admin activates the person's preferred admin language around the view.
        source, code = guide_file(self.kwargs["guide"], get_language())
        # The guide's own language and direction: the English one shown in the Arabic
        # admin (no Arabic file yet) still reads left to right.
        context["guide_language"] = code
        context["guide_direction"] = "rtl" if get_language_info(code)["bidi"] else "ltr"
        # Our own committed files, not anyone's input: safe to insert as HTML.
        context["guide_html"] = mark_safe(render_guide(source.read_text(encoding="utf-8")))
        return context


def guide_screenshot(request, name):
    file = SCREENSHOTS_DIR / name
    if not file.is_file():
        raise Http404
    return FileResponse(file.open("rb"), content_type="image/png")


def guide_urls():
    """For the register_admin_urls hook, which requires admin access."""
    return [
        re_path(rf"^guides/(?P<guide>{'|'.join(GUIDES)})/$", GuideView.as_view(), name="guide"),
        # Letters, digits, dots and hyphens only: `name` cannot leave the folder.
        re_path(
            r"^guides/screenshots/(?P<name>[\w.-]+\.png)$",
            guide_screenshot,
            name="guide_screenshot",
        ),
    ]
