"""Where event pages may live in the tree."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from events.models import EventIndexPage, EventPage
from memberships.models import MembershipIndexPage, MembershipPage
from optnc_site.core.models import ContentPage, HomePage


class EventPageRulesTest(WagtailPageTestCase):
    def test_index_sits_under_the_home_page_only(self):
        self.assertCanCreateAt(HomePage, EventIndexPage)
        for parent in (Page, ContentPage, EventIndexPage, EventPage, MembershipIndexPage):
            self.assertCanNotCreateAt(parent, EventIndexPage)
        self.assertAllowedParentPageTypes(EventIndexPage, {HomePage})

    def test_index_holds_events_only(self):
        self.assertCanCreateAt(EventIndexPage, EventPage)
        self.assertCanNotCreateAt(EventIndexPage, ContentPage)
        self.assertCanNotCreateAt(EventIndexPage, MembershipPage)
        self.assertAllowedSubpageTypes(EventIndexPage, {EventPage})

    def test_events_live_under_the_index_only(self):
        for parent in (Page, HomePage, ContentPage, EventPage, MembershipIndexPage, MembershipPage):
            self.assertCanNotCreateAt(parent, EventPage)
        self.assertAllowedParentPageTypes(EventPage, {EventIndexPage})

    def test_events_have_no_subpages(self):
        self.assertAllowedSubpageTypes(EventPage, set())
