"""Nothing from a restricted or unpublished page on a public one (issue #11, point 7).

Each place of the demo site that shows other pages (menu, footer, key figures, page lists,
related pages, partner lists, a news article's conventions, the news filter, feeds, the
calendar, the site map, the sitemap, search) shows a page; once that page is unpublished,
or restricted to logged-in visitors, neither its title nor its address is left there.
"""

import html
import re

import pytest
from django.utils import translation
from wagtail.models import Page

from tests.helpers import HIDDEN, hide

pytestmark = pytest.mark.django_db

FEEDS = ["/fr/actualites/rss/", "/fr/actualites/atom/", "/en/news/rss/", "/en/news/atom/"]
CALENDARS = ["/fr/evenements/ical/", "/en/events/ical/"]
SITE_MAPS = ["/fr/plan-du-site/", "/en/site-map/", "/sitemap.xml"]

# (place, slug_fr of the page the demo shows there, the outputs that show it)
PLACES = [
    ("main menu", "adhesions-internationales", ["/fr/", "/en/", "/fr/actualites/"]),
    ("footer", "mentions-legales", ["/fr/", "/en/", "/fr/evenements/"]),
    ("key figures block", "s-engager-dans-une-politique-d-ouverture", ["/fr/", "/en/"]),
    ("page list block: events", "conference-apnic-46", ["/fr/", "/en/"]),
    ("page list block: memberships", "uit", ["/fr/", "/en/"]),
    ("subpages of a content page", "valeurs-et-engagements", ["/fr/nous-connaitre/", "/en/getting-know-us/"]),
    (
        "list of partnerships",
        "convention-unc-pole-numerique-et-technologique",
        ["/fr/partenariats/", "/en/partnerships/"],
    ),
    ("list of memberships", "pita", ["/fr/adhesions-internationales/", "/en/international-memberships/"]),
    ("agenda", "pacific-business-forum-2016", ["/fr/evenements/", "/en/events/"]),
    (
        "a news article's related conventions",
        "convention-cci-nc-formation-fibre-optique",
        ["/fr/actualites/signature-d-une-convention-avec-la-cci/", "/en/news/signing-agreement-cci/"],
    ),
    ("news filter", "accord-cadre-enercal", ["/fr/actualites/", "/en/news/"]),
    (
        "an event's related memberships",
        "apnic",
        ["/fr/evenements/conference-apnic-46/", "/en/events/apnic-46-conference/"],
    ),
    (
        "a membership's related events",
        "reunion-des-membres-de-la-pita-2018",
        ["/fr/adhesions-internationales/pita/", "/en/international-memberships/pita/"],
    ),
    ("news feeds and news list", "signature-d-une-convention-avec-la-cci", FEEDS + ["/fr/actualites/"]),
    ("calendar", "conference-apnic-46", CALENDARS),
    ("site map page and sitemap.xml", "accord-cadre-sic", SITE_MAPS),
]


def plain(text):
    """Text as a reader gets it, whatever the typography and markup: comparable to a title."""
    text = html.unescape(re.sub(r"<[^>]+>", "", html.unescape(text)))
    return re.sub(r"[\s\u00a0\u202f]+", " ", text.replace("\u2019", "'"))


def marks(page):
    """What would betray ``page``: its address in each language, and its titles when they
    are its own (a short one such as "APNIC" also names other things, as events do)."""
    found = []
    for language in ("fr", "en"):
        with translation.override(language):
            found.append(page.get_url())
    found += [plain(title) for title in (page.title_fr, page.title_en) if title and len(title) > 12]
    return found


def address(url):
    """The page's own address, in a link, a <loc> or a calendar: not a child's below it."""
    return re.compile(re.escape(url) + r"(?=[\"'<\s]|$)", re.MULTILINE)


def leaks(client, urls, page_marks, titles=True):
    shown = {}
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        content = response.content.decode()
        raw, text = html.unescape(content), plain(content)
        found = [
            mark
            for mark in page_marks
            if (address(mark).search(raw) if mark.startswith("/") else titles and mark in text)
        ]
        if found:
            shown[url] = found
    return shown


def search_urls(page):
    return [f"/fr/recherche/?q={page.title_fr}", f"/en/search/?q={page.title_en or page.title_fr}"]


@pytest.mark.parametrize("how", HIDDEN)
@pytest.mark.parametrize(("place", "slug", "urls"), PLACES, ids=[place for place, _s, _u in PLACES])
def test_a_hidden_page_leaves_the_place_that_showed_it(client, demo_content, place, slug, urls, how):
    page = Page.objects.get(slug_fr=slug).specific
    page_marks = marks(page)
    shown = leaks(client, urls, page_marks)
    # Each output of the place showed the page (by address or title) before.
    assert set(shown) == set(urls), (place, shown)
    assert leaks(client, search_urls(page), page_marks, titles=False), "search found the page"
    hide(page, how)
    assert leaks(client, urls, page_marks) == {}, place
    # Search echoes the words asked for: only the address would betray the page there.
    assert leaks(client, search_urls(page), page_marks, titles=False) == {}
    assert leaks(client, ["/sitemap.xml"], page_marks) == {}


def public_outputs():
    urls = set(FEEDS + CALENDARS + SITE_MAPS)
    for page in Page.objects.live().public().filter(depth__gt=1):
        for language in ("fr", "en"):
            with translation.override(language):
                urls.add(page.get_url())
    return sorted(urls)


def test_hidden_pages_are_absent_from_every_public_output(client, demo_content):
    hidden = {
        "signature-d-une-convention-avec-la-cci": "unpublished",
        "convention-cci-nc-formation-fibre-optique": "restricted",
        "apnic": "unpublished",
        "pacific-business-forum-2016": "restricted",
        "mentions-legales": "restricted",
    }
    pages = [Page.objects.get(slug_fr=slug).specific for slug in hidden]
    page_marks = [mark for page in pages for mark in marks(page)]
    # The openness page has a heading of its own that reads as the article's title.
    article = pages[0]
    page_marks = [mark for mark in page_marks if mark.startswith("/") or mark not in marks(article)]
    for page in pages:
        hide(page, hidden[page.slug_fr])
    urls = public_outputs()
    assert len(urls) > 40
    assert leaks(client, urls, page_marks) == {}
