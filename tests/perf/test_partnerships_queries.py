"""Listing pages and feeds cost the same number of queries with 3 items as with 13.

13 items fill more than the news list's first page of 10: a query per item shows.
"""

import datetime

import wagtail_factories

from partnerships.models import ConventionPartner, NewsConvention
from tests.helpers import soup_of
from tests.partnerships.factories import ConventionPageFactory, NewsArticlePageFactory, PartnerFactory

# Every page: site, root page, alias and view-restriction checks (3). Routing to a page
# costs 2 queries; to a sub-URL of the news index (list with filters, feeds) 3, since the
# whole-path lookup misses first. Then, none of them per item:
# - news list: site settings, breadcrumb, article count, articles with their images, the
#   images' renditions, the articles' conventions, the filter's convention and partner
#   choices;
# - partnership index: site settings, breadcrumb, partners with logos, their conventions,
#   the conventions with their partners;
# - feeds: the articles.
NEWS_LIST_BUDGET = 16
PARTNERSHIP_INDEX_BUDGET = 13
FEED_BUDGET = 9


def populate(partnership_index, news_index, count):
    for n in range(count):
        partner = PartnerFactory(logo=wagtail_factories.ImageFactory() if n % 2 else None)
        convention = ConventionPageFactory(
            parent=partnership_index, partner_links=[ConventionPartner(partner=partner)]
        )
        NewsArticlePageFactory(
            parent=news_index,
            date=datetime.date(2018, 1, 1) + datetime.timedelta(days=n),
            image=wagtail_factories.ImageFactory(),
            image_alt_fr="Photo",
            convention_links=[NewsConvention(convention=convention)],
        )


BUDGETS = {
    "/fr/actualites/": NEWS_LIST_BUDGET,
    "/en/news/": NEWS_LIST_BUDGET,
    "/fr/partenariats/": PARTNERSHIP_INDEX_BUDGET,
    "/fr/actualites/rss/": FEED_BUDGET,
    "/en/news/atom/": FEED_BUDGET,
}


def count_queries(client, django_assert_max_num_queries):
    """Each listing's queries, once renditions and the menu are cached, within its budget."""
    counts = {}
    for path, budget in BUDGETS.items():
        assert client.get(path).status_code == 200  # warm renditions and menu cache
        with django_assert_max_num_queries(budget) as captured:
            assert client.get(path).status_code == 200
        counts[path] = len(captured)
    return counts


def test_listing_cost_does_not_grow_with_items(
    client, partnership_index, news_index, django_assert_max_num_queries
):
    populate(partnership_index, news_index, 3)
    with_three = count_queries(client, django_assert_max_num_queries)
    populate(partnership_index, news_index, 10)
    with_thirteen = count_queries(client, django_assert_max_num_queries)
    assert with_thirteen == with_three
    # The items are there to be counted: a full first page of news, every convention.
    assert len(soup_of(client.get("/fr/actualites/")).select(".news-list .card__link")) == 10
    assert len(soup_of(client.get("/fr/partenariats/")).select(".card__link")) == 13
