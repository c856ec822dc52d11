from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = "Home and shared content"

    def ready(self):
        # Signal receivers: the cache generation (purged on publish) and the
        # wagtail-localize work-around that takes a converted alias offline; new
        # images' renditions queued as background tasks.
        from home import cache, images  # noqa: F401
        from home.i18n import converted_alias_offline  # noqa: F401
