"""Membership pages and their index, in both languages."""

import datetime

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.translation import gettext

from events.models import EventMembership
from memberships.models import MembershipPage
from tests.events.factories import EventIndexPageFactory, EventPageFactory
from tests.helpers import soup_of

from .factories import MembershipPageFactory


def facts(soup):
    return {div.dt.get_text(): " ".join(div.dd.get_text(" ").split()) for div in soup.select(".facts div")}


def in_english(message, **values):
    with translation.override("en"):
        return gettext(message) % values


@pytest.fixture
def apnic(membership_index):
    return MembershipPageFactory(
        parent=membership_index,
        title="APNIC",
        title_fr="APNIC",
        title_en="APNIC",
        slug="apnic",
        slug_fr="apnic",
        slug_en="apnic",
        acronym_fr="APNIC",
        full_name_fr="Asia Pacific Network Information Centre",
        logo=wagtail_factories.ImageFactory(),
        member_since_text_fr="depuis une quinzaine d’années",
        member_since_text_en="for some fifteen years",
        scope="regional",
        intro_fr="Membre de l’APNIC depuis une quinzaine d’années.",
        intro_en="A member of APNIC for some fifteen years.",
        body_fr=[("paragraph", "<p>L’APNIC gère l’Internet en Asie-Pacifique.</p>")],
        objectives_fr=[("paragraph", "<p>Renforcer son rôle dans le Pacifique.</p>")],
        objectives_en=[("paragraph", "<p>To strengthen its role in the Pacific.</p>")],
    )


@pytest.fixture
def uit(membership_index):
    return MembershipPageFactory(
        parent=membership_index,
        title="UIT",
        title_fr="UIT",
        title_en="ITU",
        slug="uit",
        slug_fr="uit",
        slug_en="itu",
        scope="international",
        full_name_fr="Union internationale des télécommunications",
        full_name_en="International Telecommunication Union",
    )


def test_membership_page_in_french(client, apnic):
    soup = soup_of(client.get("/fr/adhesions-internationales/apnic/"))
    assert soup.html["lang"] == "fr"
    assert soup.h1.get_text() == "APNIC"
    assert facts(soup) == {
        "Organisation": "APNIC — Asia Pacific Network Information Centre",
        "Membre": "depuis une quinzaine d’années",
        "Portée": "Régionale",
    }
    assert soup.select_one(".membership__logo img")["alt"] == "Logo APNIC"
    assert [h2.get_text() for h2 in soup.select("h2")] == [
        "Ce que fait l’organisation",
        "Ce que l’OPT-NC y fait",
    ]


def test_membership_page_in_english_marks_french_fallback(client, apnic):
    soup = soup_of(client.get("/en/international-memberships/apnic/"))
    assert soup.html["lang"] == "en"
    member = [div.dd for div in soup.select(".facts div") if div.dt.get_text() == in_english("Membre")]
    assert member[0].get_text() == "for some fifteen years"
    assert not member[0].has_attr("lang")
    # The organisation's description has no English version yet: French, marked.
    about, objectives = soup.select(".membership__section > div")
    assert about["lang"] == "fr"
    assert not objectives.has_attr("lang")
    assert "To strengthen its role" in objectives.get_text()


def test_member_since_a_year(client, membership_index):
    page = MembershipPageFactory(
        parent=membership_index, slug="pita", slug_fr="pita", slug_en="pita", member_since_year=2002
    )
    soup = soup_of(client.get("/fr/adhesions-internationales/pita/"))
    assert facts(soup)["Membre"] == "depuis 2002"
    with translation.override("fr"):
        assert page.card()["meta"] == "Membre depuis 2002"
    with translation.override("en"):
        assert page.card()["meta"] == in_english(
            "Membre %(since)s", since=in_english("depuis %(year)s", year=2002)
        )


def test_unknown_membership_date_is_left_out(client, uit):
    soup = soup_of(client.get("/fr/adhesions-internationales/uit/"))
    assert "Membre" not in facts(soup)
    assert uit.card()["meta"] == ""


def test_year_and_wording_are_not_both_given():
    page = MembershipPage(
        title="PITA", slug="pita", member_since_year=2002, member_since_text_fr="depuis longtemps"
    )
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert "member_since_text_fr" in error.value.message_dict


def test_index_groups_by_scope(client, apnic, uit, membership_index):
    MembershipPageFactory(parent=membership_index, title="Brouillon", title_fr="Brouillon", live=False)
    soup = soup_of(client.get("/fr/adhesions-internationales/"))
    groups = [
        (section.h2.get_text(), [a.get_text() for a in section.select(".card__link")])
        for section in soup.select(".page-list")
    ]
    assert groups == [("Organisations régionales", ["APNIC"]), ("Organisations internationales", ["UIT"])]
    assert soup.select_one(".card__meta").get_text() == "Membre depuis une quinzaine d’années"
    english = soup_of(client.get("/en/international-memberships/"))
    assert [a.get_text() for a in english.select(".card__link")] == ["APNIC", "ITU"]


def test_empty_index_says_so(client, membership_index):
    soup = soup_of(client.get("/fr/adhesions-internationales/"))
    assert "Aucune adhésion n’est encore publiée." in soup.get_text()


def test_related_events_show_their_dates(client, apnic, home):
    events = EventIndexPageFactory(parent=home)
    conference = EventPageFactory(
        parent=events,
        title="Conférence APNIC 46",
        title_fr="Conférence APNIC 46",
        start_date=datetime.date(2018, 9, 6),
        end_date=datetime.date(2018, 9, 13),
    )
    draft = EventPageFactory(parent=events, live=False)
    conference.membership_links = [EventMembership(membership=apnic)]
    conference.save_revision().publish()
    draft.membership_links = [EventMembership(membership=apnic)]
    draft.save()  # its link is stored, but the event is not live
    soup = soup_of(client.get("/fr/adhesions-internationales/apnic/"))
    cards = soup.select("#evenements-lies + ul .card")
    assert [
        (card.select_one(".card__link").get_text(), card.select_one(".card__meta").get_text())
        for card in cards
    ] == [("Conférence APNIC 46", "du 6 au 13 septembre 2018")]
