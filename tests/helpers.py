"""Small helpers shared by the tests."""

import json
import re
from html.parser import HTMLParser
from http.server import BaseHTTPRequestHandler

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


class FakeLibreTranslate(BaseHTTPRequestHandler):
    """Speaks LibreTranslate's API: GET /languages lists what the server can translate
    ({"code", "name", "targets"}), POST /translate translates JSON in, JSON out, and
    answers 400 for a language it has no model for, as the real server does."""

    requests = []
    targets = ["ar", "en"]  # a server with Arabic and no Sorani
    broken = False  # answers 500, as a server whose model crashed

    def reply(self, status, payload):
        data = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        if self.path != "/languages":
            return self.reply(404, {"error": "Not found"})
        names = {"en": "English", "ar": "Arabic", "ckb": "Kurdish (Central)"}
        return self.reply(
            200,
            [
                {
                    "code": code,
                    "name": names[code],
                    "targets": [t for t in self.targets if t != code],
                }
                for code in self.targets
            ],
        )

    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        FakeLibreTranslate.requests.append(body)
        if self.path != "/translate" or body.get("api_key") != "test-key":
            return self.reply(403, {"error": "Invalid API key"})
        if self.broken:
            return self.reply(500, {"error": "Cannot translate text: model crashed"})
        if body["target"] not in self.targets:
            return self.reply(400, {"error": f"{body['target']} is not supported"})
        texts = body["q"] if isinstance(body["q"], list) else [body["q"]]
        return self.reply(200, {"translatedText": [f"[{body['target']}] {t}" for t in texts]})

    def log_message(self, *args):
        pass
