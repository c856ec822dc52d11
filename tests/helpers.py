"""Small helpers shared by the tests."""

import re
from html.parser import HTMLParser

from wagtail.models import Locale, Page


def page_in(language_code, english_page):
    """The counterpart of an English page in another locale tree."""
    return Page.objects.get(
        translation_key=english_page.translation_key,
        locale=Locale.objects.get(language_code=language_code),
    ).specific


class _TextExtractor(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def fold_spaces(text):
    """Runs of white space (no-break spaces too) as one space."""
    return re.sub(r"\s+", " ", text).strip()


def visible_text(html):
    """The text a reader sees, with white space folded."""
    parser = _TextExtractor()
    parser.feed(html)
    return fold_spaces(" ".join(parser.parts))


def html_root_attributes(html):
    """The attributes of the <html> element."""
    match = re.search(r"<html([^>]*)>", html)
    return dict(re.findall(r'(\w+)="([^"]*)"', match.group(1)))


class BrokenEmailBackend:
    """An email backend whose server is down."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


def sync_translations(page):
    """What an editor's "Sync translated pages" does: the translations take the
    original's current shared fields (dates, links), keeping their translated text."""
    from wagtail_localize.models import Translation, TranslationSource

    source, _ = TranslationSource.update_or_create_from_instance(page)
    for translation in Translation.objects.filter(source=source, enabled=True):
        translation.save_target(publish=True)
