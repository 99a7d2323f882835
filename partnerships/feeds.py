"""RSS 2.0 and Atom feeds of the news, one pair per language (the URL's language)."""

import datetime
import uuid

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.html import strip_tags
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from optnc_site.core.navigation import organisation_name
from optnc_site.core.public_url import absolute_url, page_url
from optnc_site.core.typography import french_text

FEED_LENGTH = 20


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, news_index):
        super().__init__()
        self.news_index = news_index

    def __call__(self, request, *args, **kwargs):
        self.request = request
        return super().__call__(request, *args, **kwargs)

    def typeset(self, text):
        """French text as the French pages show it (the middleware sees only HTML)."""
        return french_text(text) if get_language() == "fr" else text

    def title(self):
        return self.typeset(f"{self.news_index.title} — OPT-NC")

    # Absolute at SITE_URL: Django's syndication would prefix relative links with the
    # request's host (``add_domain``), and the feed's own address with it too.
    def link(self):
        return page_url(self.news_index, self.request)

    def feed_url(self):
        return absolute_url(self.request.path)

    def description(self):
        return self.typeset(self.news_index.intro or _("Les actualités des conventions de l’OPT-NC."))

    def items(self):
        return self.news_index.articles()[:FEED_LENGTH]

    def item_title(self, item):
        return self.typeset(item.title)

    def item_description(self, item):
        # The lead as plain text (any markup typed in it dropped), escaped once, by the XML
        # writer: readers show its words, never tags or entities.
        return self.typeset(strip_tags(item.intro))

    def item_link(self, item):
        return page_url(item, self.request)

    def item_guid(self, item):
        # Stable across renames and moves; each language's entry is an entry of its own.
        return f"urn:uuid:{uuid.uuid5(item.translation_key, get_language())}"

    item_guid_is_permalink = False

    def item_pubdate(self, item):
        """The publication date; its time when the page went live that day, else midnight."""
        published = item.first_published_at and timezone.localtime(item.first_published_at)
        if published and published.date() == item.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(item.date, datetime.time.min))

    def item_updateddate(self, item):
        return item.last_published_at or self.item_pubdate(item)

    # RFC 4287: an Atom feed names an author (entries without a signature inherit it).
    def author_name(self):
        return organisation_name(self.request)

    def author_link(self):
        return absolute_url("/")

    def item_author_name(self, item):
        return item.signature or None


class PlainSummaryAtomFeed(Atom1Feed):
    """Atom whose summaries are ``type="text"`` (RFC 4287 §3.1.1): a lead is plain text.

    Django's ``Atom1Feed`` marks every summary ``type="html"``, which would have readers
    parse the lead's "<" or "&" as markup.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item["description"] is not None:
            handler.addQuickElement("summary", item["description"], {"type": "text"})


class NewsAtomFeed(NewsRssFeed):
    feed_type = PlainSummaryAtomFeed
    subtitle = NewsRssFeed.description
