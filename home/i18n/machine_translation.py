"""Machine translation: offered only for the languages the configured service has, and
a service that fails says so instead of an error page (see docs/translation.md).

Whatever the service, its output fills the translation editor as a draft that a
translator reviews and publishes; nothing is published by the machine.
"""

import logging

import requests

from django.contrib import messages
from django.core.cache import cache
from django.shortcuts import redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _

from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator

logger = logging.getLogger(__name__)

# What a service that is down, refuses, or answers nonsense makes the clients raise.
SERVICE_ERRORS = (requests.RequestException, ValueError, KeyError, TypeError)

# DeepL's target languages include Arabic but no Kurdish.
DEEPL_UNSUPPORTED = {"ckb"}


class MachineTranslationUnavailable(Exception):
    """The service did not translate (down, refused, or an answer we cannot read)."""

    def __init__(self, service):
        super().__init__(service)
        self.service = service


class DeepLTranslatorForICSSI(DeepLTranslator):
    """DeepL that does not offer Sorani: asking it would only return an error, so
    the translation editor shows no machine-translate button for Kurdish."""

    def can_translate(self, source_locale, target_locale):
        if target_locale.language_code in DEEPL_UNSUPPORTED:
            return False
        return super().can_translate(source_locale, target_locale)

    def translate(self, source_locale, target_locale, strings):
        try:
            return super().translate(source_locale, target_locale, strings)
        except SERVICE_ERRORS as error:
            logger.warning("DeepL did not translate: %s", error)
            raise MachineTranslationUnavailable(self.display_name) from error


class LibreTranslatorForICSSI(LibreTranslator):
    """LibreTranslate offering only the pairs the server lists at GET /languages
    (a server may have Arabic and no Sorani, or both), asked again hourly."""

    LANGUAGES_SECONDS = 3600
    # A server that does not answer is asked again soon, and offers nothing meanwhile.
    UNREACHABLE_SECONDS = 60

    def server_pairs(self):
        """{source code: {target codes}} as the server lists them."""
        key = f"libretranslate-languages:{self.get_api_endpoint()}"
        pairs = cache.get(key)
        if pairs is None:
            try:
                response = requests.get(
                    self.get_api_endpoint() + "/languages", timeout=self.get_timeout()
                )
                response.raise_for_status()
                pairs = {
                    language["code"]: sorted(language.get("targets", []))
                    for language in response.json()
                }
                cache.set(key, pairs, self.LANGUAGES_SECONDS)
            except SERVICE_ERRORS as error:
                logger.warning("LibreTranslate lists no languages: %s", error)
                pairs = {}
                cache.set(key, pairs, self.UNREACHABLE_SECONDS)
        return pairs

    def can_translate(self, source_locale, target_locale):
        source = self.language_code(source_locale.language_code)
        target = self.language_code(target_locale.language_code)
        return source != target and target in self.server_pairs().get(source, ())

    def translate(self, source_locale, target_locale, strings):
        try:
            return super().translate(source_locale, target_locale, strings)
        except SERVICE_ERRORS as error:
            logger.warning("LibreTranslate did not translate: %s", error)
            raise MachineTranslationUnavailable(self.display_name) from error


class MachineTranslationErrors:
    """A machine translation that fails (in the translation editor or in "Sync
    translated pages") gives the translator a message and nothing changed, not a
    server error: both views run in one transaction, which is rolled back. Asking for
    a language the service does not have (an old tab, a crafted request) gets a
    message too, not the admin's "page not found" (wagtail-localize answers 404)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and self.is_machine_translate(request):
            return self.back_with_message(
                request,
                _(
                    "Machine translation is not available for this language: nothing was "
                    "changed. Translate the text yourself."
                ),
            )
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, MachineTranslationUnavailable):
            return None
        return self.back_with_message(
            request,
            _(
                "%(service)s did not translate: nothing was changed. Translate the text "
                "yourself, or try again later."
            )
            % {"service": exception.service},
        )

    @staticmethod
    def is_machine_translate(request):
        match = request.resolver_match
        return match is not None and match.view_name == "wagtail_localize:machine_translate"

    @staticmethod
    def back_with_message(request, message):
        messages.error(request, message)
        back = request.POST.get("next") or request.META.get("HTTP_REFERER", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = "/admin/"
        return redirect(back)
