from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared content"

    def ready(self):
        # Purge the page cache on publish in every process, management commands too.
        from icssi_cms import page_cache  # noqa: F401
