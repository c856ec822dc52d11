"""Tags for admin templates: show a link only to those who may follow it."""

from django import template
from django.urls import Resolver404, resolve

from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail.snippets.models import get_snippet_models

register = template.Library()


def may_edit(user, match):
    """Whether `user` may open the editor the resolved address `match` names."""
    if match.view_name == "wagtailadmin_pages:edit":
        page = Page.objects.filter(pk=match.kwargs["page_id"]).first()
        return page is not None and page.permissions_for_user(user).can_edit()
    for model in get_snippet_models():
        if match.view_name == model.snippet_viewset.get_url_name("edit"):
            instance = model._default_manager.filter(pk=match.kwargs["pk"]).first()
            policy = policy_registry.get_by_type(model)
            return instance is not None and policy.user_has_permission_for_instance(
                user, "change", instance
            )
    return True


@register.simple_tag(takes_context=True)
def may_open(context, url):
    """True unless `url` is a page or snippet editor the user may not open."""
    try:
        match = resolve(url)
    except Resolver404:
        return False
    return may_edit(context["request"].user, match)
