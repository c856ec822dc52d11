"""Who may edit which language.

A user may edit content in a language when one of their groups may edit that
language's page tree (a "change page" permission on its home page), or the whole
site (the same permission on the root). Snippets follow the same rule, so the
"Arabic translators" group edits the Arabic tree and the Arabic organisations,
topics and menus, and nothing in English or Kurdish.
"""

from wagtail.models import GroupPagePermission

# group name -> language it is limited to (None: every language)
GROUPS = {
    "Editors": None,
    "Arabic translators": "ar",
    "Kurdish translators": "ckb",
}


def editable_locale_ids(user):
    """The ids of the locales `user` may edit, or None for all of them."""
    if not user.is_active:
        return set()
    if user.is_superuser:
        return None
    cache_name = "_icssi_editable_locale_ids"
    if not hasattr(user, cache_name):
        permissions = GroupPagePermission.objects.filter(
            group__user=user, permission__codename="change_page"
        ).values_list("page__depth", "page__locale_id")
        locale_ids = set()
        for depth, locale_id in permissions:
            if depth == 1:  # the root: every tree
                locale_ids = None
                break
            locale_ids.add(locale_id)
        setattr(user, cache_name, locale_ids)
    return getattr(user, cache_name)


def user_can_edit_locale(user, locale):
    locale_ids = editable_locale_ids(user)
    return locale_ids is None or getattr(locale, "pk", locale) in locale_ids
