"""Where each page type may live in the tree."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from optnc_site.core.models import ContentPage, HomePage


class PageRulesTest(WagtailPageTestCase):
    def test_home_page_sits_under_the_tree_root_only(self):
        self.assertCanCreateAt(Page, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)
        self.assertCanNotCreateAt(ContentPage, HomePage)

    def test_content_pages_nest_under_home_and_each_other(self):
        self.assertCanCreateAt(HomePage, ContentPage)
        self.assertCanCreateAt(ContentPage, ContentPage)
        self.assertCanNotCreateAt(Page, ContentPage)

    def test_content_page_accepts_only_content_pages(self):
        self.assertAllowedSubpageTypes(ContentPage, {ContentPage})

    def test_home_page_is_unique(self):
        assert HomePage.max_count == 1


@pytest.mark.django_db
def test_every_page_model_declares_its_rules():
    from wagtail.models import get_page_models

    for model in get_page_models():
        if model is Page:
            continue
        assert "parent_page_types" in vars(model), model
        if model is not HomePage:
            assert "subpage_types" in vars(model), model
