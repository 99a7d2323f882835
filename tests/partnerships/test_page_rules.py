from wagtail.test.utils import WagtailPageTestCase

from optnc_site.core.models import ContentPage, HomePage
from partnerships.models import ConventionPage, NewsArticlePage, NewsIndexPage, PartnershipIndexPage


class PartnershipPageRulesTest(WagtailPageTestCase):
    def test_index_pages_live_under_home_only(self):
        for index_page in (PartnershipIndexPage, NewsIndexPage):
            self.assertCanCreateAt(HomePage, index_page)
            self.assertCanNotCreateAt(ContentPage, index_page)
            self.assertCanNotCreateAt(index_page, index_page)

    def test_conventions_live_under_the_partnership_index(self):
        self.assertAllowedSubpageTypes(PartnershipIndexPage, {ConventionPage})
        self.assertCanNotCreateAt(HomePage, ConventionPage)
        self.assertCanNotCreateAt(NewsIndexPage, ConventionPage)
        self.assertAllowedSubpageTypes(ConventionPage, set())

    def test_articles_live_under_the_news_index(self):
        self.assertAllowedSubpageTypes(NewsIndexPage, {NewsArticlePage})
        self.assertCanNotCreateAt(HomePage, NewsArticlePage)
        self.assertCanNotCreateAt(PartnershipIndexPage, NewsArticlePage)
        self.assertAllowedSubpageTypes(NewsArticlePage, set())

    def test_one_index_of_each(self):
        assert PartnershipIndexPage.max_count == 1
        assert NewsIndexPage.max_count == 1
