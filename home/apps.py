from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared content"

    def ready(self):
        # Signal receivers: the cache generation (purged on publish) and the
        # wagtail-localize work-arounds that keep drafts of translations off the
        # pages readers are served and share what all languages share at once; new
        # images' renditions queued as background tasks; translators told when the
        # English of their pages changes; translations reviewed by a second
        # translator and released with their English.
        from home import cache, images  # noqa: F401
        from home.i18n import (  # noqa: F401
            draft_translations,
            shared_fields,
            translation_review,
            translator_notifications,
        )
