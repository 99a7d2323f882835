"""Where membership pages may live in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage
from memberships.models import MembershipIndexPage, MembershipPage
from optnc_site.core.models import ContentPage, HomePage


class MembershipPageRulesTest(WagtailPageTestCase):
    def test_index_sits_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, MembershipIndexPage)
        for parent in (Page, ContentPage, MembershipIndexPage, MembershipPage, EventIndexPage):
            self.assertCanNotCreateAt(parent, MembershipIndexPage)
        self.assertAllowedParentPageTypes(MembershipIndexPage, {HomePage})

    def test_index_holds_memberships_only(self):
        self.assertCanCreateAt(MembershipIndexPage, MembershipPage)
        self.assertCanNotCreateAt(MembershipIndexPage, ContentPage)
        self.assertCanNotCreateAt(MembershipIndexPage, EventPage)
        self.assertAllowedSubpageTypes(MembershipIndexPage, {MembershipPage})

    def test_memberships_live_under_the_index_only(self):
        for parent in (Page, HomePage, ContentPage, MembershipPage, EventIndexPage, EventPage):
            self.assertCanNotCreateAt(parent, MembershipPage)
        self.assertAllowedParentPageTypes(MembershipPage, {MembershipIndexPage})

    def test_memberships_have_no_subpages(self):
        self.assertAllowedSubpageTypes(MembershipPage, set())
