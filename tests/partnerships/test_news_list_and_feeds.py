"""The news list: order, pagination, filters, bad input; the RSS and Atom feeds."""

import datetime
import uuid

import feedparser
import pytest
from bs4 import BeautifulSoup

from partnerships.models import ConventionPartner, NewsConvention
from tests.helpers import soup_of

from .factories import ConventionPageFactory, NewsArticlePageFactory, PartnerFactory


@pytest.fixture
def articles(news_index, partnership_index):
    partner = PartnerFactory(name="CCI-NC", name_fr="CCI-NC")
    convention = ConventionPageFactory(
        parent=partnership_index, partner_links=[ConventionPartner(partner=partner)]
    )
    other = ConventionPageFactory(parent=partnership_index)
    items = [  # twelve articles: two pages of ten
        NewsArticlePageFactory(
            parent=news_index,
            date=datetime.date(2018, 9, day),
            convention_links=[NewsConvention(convention=convention if day % 2 else other)],
        )
        for day in range(1, 13)
    ]
    return {"items": items, "convention": convention, "other": other, "partner": partner}


def titles(response):
    return [a.get_text() for a in soup_of(response).select(".news-list .card__link")]


def test_newest_first_ten_per_page(client, articles):
    first = titles(client.get("/fr/actualites/"))
    assert len(first) == 10
    dates = [article.date for article in sorted(articles["items"], key=lambda a: a.date, reverse=True)]
    assert first[0] == next(a.title for a in articles["items"] if a.date == dates[0])
    assert len(titles(client.get("/fr/actualites/?page=2"))) == 2


def test_filter_by_convention_and_by_partner(client, articles):
    by_convention = titles(client.get(f"/fr/actualites/?convention={articles['convention'].pk}"))
    assert len(by_convention) == 6
    by_partner = titles(client.get(f"/fr/actualites/?partner={articles['partner'].pk}"))
    assert sorted(by_partner) == sorted(by_convention)
    by_other = titles(client.get(f"/fr/actualites/?convention={articles['other'].pk}"))
    assert set(by_other).isdisjoint(by_convention)


BAD_PARAMETERS = [
    "page=abc",
    "page=-1",
    "page=0",
    "page=99999",
    "page=1.5",
    "page=%00",
    "convention=abc",
    "convention=999999",
    "partner=-4",
    "partner=%3Cscript%3Ealert(1)%3C/script%3E",
    "convention=1&convention=2",
    "page=" + "9" * 400,
]


def test_bad_parameters_give_a_normal_page_and_no_echo(client, articles):
    for query in BAD_PARAMETERS:
        check_bad_parameter(client, query)


def check_bad_parameter(client, query):
    response = client.get(f"/fr/actualites/?{query}")
    assert response.status_code == 200, query
    body = response.content.decode()
    assert "<script>alert(1)</script>" not in body, query
    # A refused filter is left out: the articles are listed, never an empty page.
    assert BeautifulSoup(body, "html.parser").select(".news-list .card__link"), query


def test_pagination_keeps_filters(client, articles):
    soup = BeautifulSoup(
        client.get(f"/fr/actualites/?partner={articles['partner'].pk}").content, "html.parser"
    )
    assert soup.select_one(".pagination") is None  # six results: one page
    soup = BeautifulSoup(client.get("/fr/actualites/").content, "html.parser")
    assert soup.select_one('.pagination a[rel="next"]')["href"] == "?page=2"


@pytest.mark.parametrize(
    "path,lang,kind",
    [
        ("/fr/actualites/rss/", "fr", "rss20"),
        ("/en/news/rss/", "en", "rss20"),
        ("/fr/actualites/atom/", "fr", "atom10"),
        ("/en/news/atom/", "en", "atom10"),
    ],
)
def test_feeds_parse_with_absolute_links_in_their_language(client, articles, path, lang, kind):
    response = client.get(path)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == kind
    assert len(feed.entries) == 12
    newest = max(articles["items"], key=lambda a: a.date)
    entry = feed.entries[0]
    expected_title = newest.title_fr if lang == "fr" else newest.title_en
    assert entry.title == expected_title
    prefix = "http://localhost/fr/actualites/" if lang == "fr" else "http://localhost/en/news/"
    assert all(item.link.startswith(prefix) for item in feed.entries)
    assert entry.summary == ("Chapô en français." if lang == "fr" else "Lead in English.")
    assert entry.id == f"urn:uuid:{uuid.uuid5(newest.translation_key, lang)}"  # one per language
    if kind == "atom10":
        assert feed.feed.author == "OPT-NC"  # RFC 4287: the feed names its author


def test_feed_entries_differ_by_language_and_show_a_lead_as_text(client, articles):
    article = articles["items"][0]
    article.intro_fr = "Tom & Jerry <b>signent</b>"
    article.save_revision().publish()
    ids = {}
    for path, lang in (
        ("/fr/actualites/atom/", "fr"),
        ("/en/news/atom/", "en"),
        ("/fr/actualites/rss/", "fr"),
    ):
        feed = feedparser.parse(client.get(path).content)
        entry = next(
            item for item in feed.entries if article.title_fr in item.title or article.title_en in item.title
        )
        ids.setdefault(lang, set()).add(entry.id)
        if lang == "fr":
            # Plain text: the words, without the typed markup, never bold nor "&lt;b&gt;".
            assert entry.summary == "Tom & Jerry signent", entry.summary
    assert len(ids["fr"]) == 1 and ids["fr"].isdisjoint(ids["en"])


def test_feeds_are_declared_in_the_head_of_news_pages(client, articles):
    for path in ("/fr/actualites/", f"/fr/actualites/{articles['items'][0].slug_fr}/"):
        soup = BeautifulSoup(client.get(path).content, "html.parser")
        links = {link["type"]: link["href"] for link in soup.select('head link[rel="alternate"][type]')}
        assert links == {
            "application/rss+xml": "/fr/actualites/rss/",
            "application/atom+xml": "/fr/actualites/atom/",
        }
    soup = BeautifulSoup(client.get("/en/news/").content, "html.parser")
    assert soup.select_one('head link[type="application/rss+xml"]')["href"] == "/en/news/rss/"


def test_unpublished_articles_stay_out_of_list_and_feeds(client, articles):
    hidden = articles["items"][-1]
    hidden.unpublish()
    assert hidden.title not in titles(client.get("/fr/actualites/"))
    feed = feedparser.parse(client.get("/fr/actualites/rss/").content)
    assert hidden.title not in [entry.title for entry in feed.entries]
    assert client.get(f"/fr/actualites/{hidden.slug_fr}/").status_code == 404
