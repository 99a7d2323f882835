from wagtail.models import Page
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
        from tests.core.factories import HomePageFactory

        from .factories import NewsIndexPageFactory, PartnershipIndexPageFactory

        home = HomePageFactory(parent=Page.get_first_root_node())
        for model, factory in (
            (PartnershipIndexPage, PartnershipIndexPageFactory),
            (NewsIndexPage, NewsIndexPageFactory),
        ):
            self.assertTrue(model.can_create_at(home))
            factory(parent=home)
            # A second one is not offered anywhere, not even under the same home page.
            self.assertFalse(model.can_create_at(home))
