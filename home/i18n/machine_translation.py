"""Machine-translation back-ends beyond wagtail-localize's own (see docs/translation.md)."""

from wagtail_localize.machine_translators.deepl import DeepLTranslator

# DeepL's target languages include Arabic but no Kurdish.
DEEPL_UNSUPPORTED = {"ckb"}


class DeepLTranslatorForICSSI(DeepLTranslator):
    """DeepL that does not offer Sorani: asking it would only return an error, so
    the translation editor shows no machine-translate button for Kurdish."""

    def can_translate(self, source_locale, target_locale):
        if target_locale.language_code in DEEPL_UNSUPPORTED:
            return False
        return super().can_translate(source_locale, target_locale)
