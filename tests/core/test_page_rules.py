"""Where each page type may live in the tree."""

from django.urls import reverse
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


def test_a_second_home_page_cannot_be_added(client, home, django_user_model):
    root = Page.get_first_root_node()
    choose_type = reverse("wagtailadmin_pages:add_subpage", args=[root.pk])
    add_home = reverse("wagtailadmin_pages:add", args=["core", "homepage", root.pk])
    client.force_login(django_user_model.objects.create_superuser("admin", "", "motdepasse-de-test"))
    # The admin refuses to add anything under the root, even to a superuser, and the home
    # page form sends back to the dashboard too.
    for url in (choose_type, add_home):
        response = client.get(url)
        assert (response.status_code, response.get("Location")) == (302, reverse("wagtailadmin_home"))
    assert HomePage.objects.count() == 1
    # It is the existing home page that forbids it: without it, the admin leads straight
    # to the home page form.
    home.delete()
    response = client.get(choose_type)
    assert (response.status_code, response.get("Location")) == (302, add_home)
    assert client.get(add_home).status_code == 200


def test_only_the_home_page_may_be_created_at_the_root():
    """A page type that did not say where it goes could be created at the root of the tree,
    outside the site: none can, whichever app it comes from."""
    assert Page.creatable_subpage_models() == [HomePage]
