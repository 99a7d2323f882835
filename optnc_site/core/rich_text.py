"""Page links in rich text, resolved from a cache instead of two queries per paragraph.

Wagtail resolves the page links of each rich-text value on its own: a page with links
in many paragraphs pays two queries per paragraph. Here each page's URL, per language, is
kept in the cache; publishing, moving, unpublishing, restricting or deleting any page
forgets them all (``forget_page_urls``, called from ``signals``).

A link to a draft or restricted page loses its address (``<a>``, as Wagtail renders a
link to a deleted page): its text stays, but no public page leads to a page visitors
cannot see.
"""

from django.core.cache import cache
from django.utils.html import escape
from django.utils.translation import get_language
from wagtail.models import Page
from wagtail.rich_text.pages import PageLinkHandler

VERSION_KEY = "page-urls-version"


def _version():
    return cache.get_or_set(VERSION_KEY, 1, None)


def forget_page_urls():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not set yet: nothing cached to forget
        cache.set(VERSION_KEY, 1, None)


def page_urls(ids):
    """``{id: URL}`` of these pages (ids as strings) in the active language, from the cache;
    ``""`` for a draft, restricted or deleted page."""
    prefix = f"page-url:{_version()}:{get_language()}:"
    urls = {key.removeprefix(prefix): url for key, url in cache.get_many([prefix + pk for pk in ids]).items()}
    missing = {pk for pk in ids if pk not in urls and pk.isdigit()}
    if missing:
        # Wagtail's Page itself is translated by modeltranslation: its url_path, and so
        # its URL, follow the active language without loading the specific page.
        public = Page.objects.filter(pk__in=missing).live().public()
        found = {str(page.pk): page.url or "" for page in public}
        found = {pk: found.get(pk, "") for pk in missing}
        cache.set_many({prefix + pk: url for pk, url in found.items()}, 60 * 60 * 24)
        urls.update(found)
    return urls


class CachedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        urls = page_urls(ids)
        return [f'<a href="{escape(urls[pk])}">' if urls.get(pk) else "<a>" for pk in ids]
