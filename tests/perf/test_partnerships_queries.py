"""Listing pages and feeds cost the same number of queries with 3 items as with 30."""

import datetime

import pytest
import wagtail_factories

from partnerships.models import ConventionPartner, NewsConvention
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
        convention = ConventionPageFactory(parent=partnership_index)
        convention.partner_links = [ConventionPartner(partner=partner)]
        convention.save_revision().publish()
        article = NewsArticlePageFactory(
            parent=news_index,
            date=datetime.date(2018, 1, 1) + datetime.timedelta(days=n),
            image=wagtail_factories.ImageFactory(),
            image_alt_fr="Photo",
        )
        article.convention_links = [NewsConvention(convention=convention)]
        article.save_revision().publish()


def count_queries(client, path, django_assert_max_num_queries, budget):
    assert client.get(path).status_code == 200  # warm renditions and menu cache
    with django_assert_max_num_queries(budget) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


@pytest.mark.parametrize(
    "path,budget",
    [
        ("/fr/actualites/", NEWS_LIST_BUDGET),
        ("/en/news/", NEWS_LIST_BUDGET),
        ("/fr/partenariats/", PARTNERSHIP_INDEX_BUDGET),
        ("/fr/actualites/rss/", FEED_BUDGET),
        ("/en/news/atom/", FEED_BUDGET),
    ],
)
def test_listing_cost_does_not_grow_with_items(
    client, partnership_index, news_index, django_assert_max_num_queries, path, budget
):
    populate(partnership_index, news_index, 3)
    with_three = count_queries(client, path, django_assert_max_num_queries, budget)
    populate(partnership_index, news_index, 27)
    with_thirty = count_queries(client, path, django_assert_max_num_queries, budget)
    assert with_three == with_thirty
