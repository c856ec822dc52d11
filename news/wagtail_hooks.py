"""The topics' place in the admin."""

from django.db import IntegrityError

from home.i18n.snippet_views_per_language import (
    TranslatableSnippetViewSet,
    register_translatable_snippet,
)
from news.models import SLUG_TAKEN, Topic


class TopicCreateView(TranslatableSnippetViewSet.add_view_class):
    def form_valid(self, form):
        # Topic.clean() refuses a slug already taken; this is for two saves of one new
        # topic arriving at once (autosave and a click), when both pass that check and
        # the database refuses the second: the form says so instead of an error page.
        try:
            return super().form_valid(form)
        except IntegrityError:
            form.add_error("slug", SLUG_TAKEN)
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class TopicViewSet(TranslatableSnippetViewSet):
    model = Topic
    add_view_class = TopicCreateView


register_translatable_snippet(Topic, viewset=TopicViewSet)
