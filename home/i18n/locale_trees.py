"""Work-around: locale trees for pages made in code.

wagtail-localize gives a new page its counterparts in the other languages only from
the admin's `after_create_page` hook (wagtail-localize issue #386 discusses moving
tree synchronisation into Wagtail). Pages made by imports, scripts and tests get none.
`synchronise_locale_trees()` does what the hook does, for the whole tree;
`manage.py sync_locale_trees` (wagtail-localize's own) is the scheduled equivalent.

Can go when: `tests/test_wagtail_localize_gaps.py::test_pages_made_in_code_get_no_counterparts`
fails, i.e. a page created with `add_child()` gets its counterparts by itself. Calling
this then finds nothing to do.
"""

from wagtail_localize.models import LocaleSynchronization
from wagtail_localize.synctree import PageIndex, synchronize_tree


def synchronise_locale_trees():
    """Give every page its counterparts in the languages synchronised from its own."""
    page_index = PageIndex.from_database().sort_by_tree_position()
    for sync in LocaleSynchronization.objects.select_related("locale", "sync_from"):
        synchronize_tree(sync.sync_from, sync.locale, page_index=page_index)
