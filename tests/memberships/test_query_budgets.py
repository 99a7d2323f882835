"""The membership index costs the same number of queries with 3 memberships as with 30."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import MembershipPageFactory

# Site, root page, routing (2), alias and view-restriction checks (2), site settings,
# breadcrumb, then the view restrictions of .public() and the memberships: none per item.
MEMBERSHIP_INDEX_BUDGET = 10


def count_queries(client, path):
    assert client.get(path).status_code == 200  # warm the menu cache
    with CaptureQueriesContext(connection) as captured:
        assert client.get(path).status_code == 200
    return len(captured)


def populate(membership_index, count):
    for n in range(count):
        MembershipPageFactory(
            parent=membership_index,
            member_since_year=2000 + n,
            scope="regional" if n % 2 else "international",
        )


def test_membership_index_cost_does_not_grow(client, membership_index):
    populate(membership_index, 3)
    with_three = (
        count_queries(client, "/fr/adhesions-internationales/"),
        count_queries(client, "/en/international-memberships/"),
    )
    populate(membership_index, 27)
    with_thirty = (
        count_queries(client, "/fr/adhesions-internationales/"),
        count_queries(client, "/en/international-memberships/"),
    )
    assert with_thirty == with_three  # nothing per membership
    assert max(with_three) <= MEMBERSHIP_INDEX_BUDGET
