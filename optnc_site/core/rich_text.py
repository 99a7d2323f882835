"""Page links in rich text, resolved from a cache instead of two queries per paragraph.

Wagtail resolves the page links of each rich-text value on its own: a page with links
in many paragraphs pays two queries per paragraph. Here each page's URL, per language, is
kept in the cache; publishing, moving, unpublishing or deleting any page forgets them all
(``forget_page_urls``, called from ``signals``).
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


class CachedPageLinkHandler(PageLinkHandler):
    @classmethod
    def expand_db_attributes_many(cls, attrs_list):
        prefix = f"page-url:{_version()}:{get_language()}:"
        ids = [str(attrs.get("id")) for attrs in attrs_list]
        urls = {
            key.removeprefix(prefix): url for key, url in cache.get_many([prefix + pk for pk in ids]).items()
        }
        missing = {pk for pk in ids if pk not in urls and pk.isdigit()}
        if missing:
            # Wagtail's Page itself is translated by modeltranslation: its url_path, and so
            # its URL, follow the active language without loading the specific page.
            found = {str(page.pk): page.url or "" for page in Page.objects.filter(pk__in=missing)}
            cache.set_many({prefix + pk: url for pk, url in found.items()}, 60 * 60 * 24)
            urls.update(found)
        return [f'<a href="{escape(urls[pk])}">' if urls.get(pk) else "<a>" for pk in ids]
