import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from home.dates import written_date


class StatementsFeed(Feed):
    """RSS of an index's statements in its language. Statements not translated into
    that language yet (aliases showing the English) are left out: an Arabic feed
    carries Arabic."""

    ITEMS = 20

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def title(self):
        return _("%(site)s: %(title)s") % {
            "site": _("Iraqi Civil Society Solidarity Initiative"),
            "title": self.index_page.title,
        }

    def link(self):
        return self.index_page.get_url(self.request)

    def description(self):
        return self.index_page.intro or _(
            "Statements of the Iraqi Civil Society Solidarity Initiative"
        )

    def feed_url(self):
        return self.request.build_absolute_uri()

    def items(self):
        return self.index_page.newest_written_here(self.ITEMS)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        # The date as the feed's language writes it (pubDate is RFC 822, in English,
        # and says a day even for a statement dated to the month).
        return _("%(date)s: %(text)s") % {
            "date": written_date(item.date, item.date_precision),
            "text": item.listing_text(),
        }

    def item_link(self, item):
        return item.get_url(self.request)

    def item_guid(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(12), tzinfo=datetime.UTC)

    def item_updateddate(self, item):
        return item.last_published_at or timezone.now()

    def item_categories(self, item):
        return [topic["name"] for topic in item.topics]

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = get_language()
        return feed
