"""Editors can open the forms of every new page type, and publish an event from the admin."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from events.models import EventIndexPage, EventPage
from memberships.models import MembershipIndexPage, MembershipPage
from tests.memberships.factories import MembershipIndexPageFactory, MembershipPageFactory


@pytest.fixture
def editor_client(client, db):
    user = get_user_model().objects.create_superuser("redaction", "redaction@example.nc", "x" * 16)
    client.force_login(user)
    return client


def test_add_and_edit_forms_open(editor_client, demo_content):
    events = EventIndexPage.objects.get()
    memberships = MembershipIndexPage.objects.get()
    for app, model, parent in (
        ("events", "eventpage", events),
        ("memberships", "membershippage", memberships),
    ):
        response = editor_client.get(f"/admin/pages/add/{app}/{model}/{parent.pk}/")
        assert response.status_code == 200, (model, response.status_code)
    for page in (
        events,
        memberships,
        EventPage.objects.get(slug_fr="conference-apnic-46"),
        MembershipPage.objects.get(slug_fr="apnic"),
    ):
        assert editor_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200


def test_an_event_is_published_from_the_admin_with_its_dates_checked(editor_client, event_index, home):
    membership = MembershipPageFactory(parent=MembershipIndexPageFactory(parent=home), title="APNIC")
    url = f"/admin/pages/add/events/eventpage/{event_index.pk}/"
    data = {
        "title_fr": "Techday",
        "slug_fr": "techday",
        "title_en": "",
        "slug_en": "",
        "date_precision": "day",
        "start_date": "2019-10-10",
        "end_date": "2019-10-09",
        "kind": "",
        "role": "",
        "body_fr": streamfield([]),
        "body_en": streamfield([]),
        "membership_links": inline_formset([{"membership": membership.pk}]),
        "partner_links": inline_formset([]),
        "action-publish": "publish",
    }
    response = editor_client.post(url, nested_form_data(data))
    assert response.status_code == 200  # refused: the end precedes the start
    assert not EventPage.objects.filter(slug_fr="techday").exists()
    data["end_date"] = "2019-10-11"
    response = editor_client.post(url, nested_form_data(data))
    assert response.status_code == 302
    page = EventPage.objects.get(slug_fr="techday")
    assert page.live and str(page.end_date) == "2019-10-11"
    # One relation, read from both sides.
    assert page.related_memberships() == [membership]
    assert MembershipPage.objects.get(pk=membership.pk).related_events() == [page]
