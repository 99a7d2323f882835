"""The agenda and its calendar cost the same number of queries with 3 events as with 30."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import EventMembership
from tests.memberships.factories import MembershipIndexPageFactory, MembershipPageFactory

from .factories import EventPageFactory

# Every page: site, root page, alias check, view-restriction check (4). Routing costs 2
# queries to a page, 3 to its calendar sub-URL (the whole-path lookup misses first). Then,
# none of them per event:
# - agenda: the view restrictions of .public(), the years offered by the filter, the count
#   and the events of the page (4), site settings and breadcrumb (2): 12;
# - calendar: the view restrictions of .public() and the events (2): 9.
AGENDA_BUDGET = 12
CALENDAR_BUDGET = 9


def populate(event_index, memberships, count, offset):
    for n in range(offset, offset + count):
        EventPageFactory(
            parent=event_index,
            start_date=datetime.date(2015, 1, 1) + datetime.timedelta(days=40 * n),
            end_date=datetime.date(2015, 1, 2) + datetime.timedelta(days=40 * n),
            role="participant" if n % 2 else "organiser",
            city_fr="Nouméa",
            place_fr="CPS",
            start_time=datetime.time(9, 0) if n % 3 == 0 else None,
            end_time=datetime.time(17, 0) if n % 3 == 0 else None,
            membership_links=[EventMembership(membership=memberships[n % len(memberships)])],
        )
    EventPageFactory(parent=event_index)  # one undated event too


def count_queries(client, path):
    assert client.get(path).status_code == 200  # warm the menu cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


BUDGETS = {
    "/fr/evenements/": AGENDA_BUDGET,
    "/en/events/": AGENDA_BUDGET,
    "/fr/evenements/?year=2016&role=participant&page=1": AGENDA_BUDGET,
    "/fr/evenements/ical/": CALENDAR_BUDGET,
    "/en/events/ical/": CALENDAR_BUDGET,
}


def test_agenda_cost_does_not_grow_with_events(client, event_index, home):
    membership_index = MembershipIndexPageFactory(parent=home)
    memberships = [MembershipPageFactory(parent=membership_index) for _ in range(2)]
    populate(event_index, memberships, 3, 0)
    with_three = {path: count_queries(client, path) for path in BUDGETS}
    populate(event_index, memberships, 27, 3)
    with_thirty = {path: count_queries(client, path) for path in BUDGETS}
    assert with_thirty == with_three
    assert all(with_three[path] <= budget for path, budget in BUDGETS.items()), with_three
