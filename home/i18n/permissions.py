"""Who may do what, in which language.

A user may edit content in a language when one of their groups may edit that
language's page tree (a "change page" permission on its home page), or the whole
site (the same permission on the root). Snippets follow the same rule, so the
"Arabic translators" group edits the Arabic tree and the Arabic organisations,
topics and menus, and nothing in English or Kurdish.

What translators may do in their own language, and what stays an editor's job, is
the table in docs/translation.md ("Who may do what"); tests/test_admin_rights.py
walks it through the admin's own addresses.

- `LanguagePermissionPolicy`: Wagtail's permission policy for the translatable
  snippets, model permissions *and* the language rule for each object.
- `SitePagePermissionTester`: Wagtail's page permission rules, with what changes the
  shape of the site (delete, move, copy, convert an alias, unpublish) kept to people
  who may create pages there (editors); translators have no "add page" permission.
"""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission, Locale, PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy

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


def editable_locales(user):
    """The locales `user` may edit (and so translate into), by language code."""
    locale_ids = editable_locale_ids(user)
    locales = Locale.objects.order_by("language_code")
    return locales if locale_ids is None else locales.filter(pk__in=locale_ids)


def translator_groups(language_code):
    """The groups limited to one language (its translators)."""
    names = [name for name, language in GROUPS.items() if language == language_code]
    return Group.objects.filter(name__in=names)


class LanguagePermissionPolicy(ModelPermissionPolicy):
    """Model permissions, and for one object also its language: an Arabic translator
    with "change organisation" may change the Arabic organisations only."""

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and user_can_edit_locale(
            user, instance.locale_id
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        locale_ids = editable_locale_ids(user)
        instances = self.model._default_manager.all()
        return instances if locale_ids is None else instances.filter(locale_id__in=locale_ids)


class SitePagePermissionTester(PagePermissionTester):
    """Wagtail's rules, but only those who may create pages in a tree may take pages
    away from readers or change the tree's shape (Wagtail lets anyone with "change"
    and "publish" delete leaf pages, and anyone who can edit convert an alias)."""

    def can_restructure(self):
        return self.user.is_active and (self.user.is_superuser or "add" in self.permissions)

    def can_delete(self, ignore_bulk=False):
        return self.can_restructure() and super().can_delete(ignore_bulk)

    def can_unpublish(self):
        return self.can_restructure() and super().can_unpublish()

    def can_copy(self):
        return self.can_restructure() and super().can_copy()

    def can_convert_alias(self):
        return self.can_restructure() and self.can_edit()
