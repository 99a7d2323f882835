"""The demo events and memberships: only the known facts, in both languages, loaded once."""

import json

import pytest

from events.models import EventPage
from memberships.models import MembershipPage
from optnc_site.core.models import ContentPage
from tests.helpers import soup_of

PAGES = {
    "/fr/evenements/": "Événements",
    "/en/events/": "Events",
    "/fr/evenements/conference-apnic-46/": "Conférence APNIC 46",
    "/en/events/apnic-46-conference/": "APNIC 46 conference",
    "/fr/adhesions-internationales/": "Adhésions internationales",
    "/en/international-memberships/": "International memberships",
    "/fr/adhesions-internationales/uit/": "UIT",
    "/en/international-memberships/itu/": "ITU",
}


@pytest.mark.parametrize("path", PAGES)
def test_demo_pages_render_in_both_languages(client, demo_content, path):
    soup = soup_of(client.get(path))
    assert soup.h1.get_text() == PAGES[path]
    assert soup.html["lang"] == path[1:3]
    assert {link["hreflang"] for link in soup.select("link[hreflang]")} == {"fr", "en"}


def test_index_pages_are_in_the_main_menu(client, demo_content):
    soup = soup_of(client.get("/fr/"))
    menu = [a.get_text() for a in soup.select(".main-nav a")]
    assert "Événements" in menu and "Adhésions internationales" in menu


def test_demo_events_hold_the_known_facts_only(demo_content):
    events = {page.title_fr: page for page in EventPage.objects.all()}
    apnic = events["Conférence APNIC 46"]
    assert (apnic.start_date.isoformat(), apnic.end_date.isoformat()) == ("2018-09-06", "2018-09-13")
    assert (apnic.participants, apnic.countries, apnic.city_fr) == (300, 46, "Nouméa")
    assert apnic.place_fr == "" and apnic.start_time is None
    pita = events["Réunion des membres de la PITA"]
    assert (pita.start_date.isoformat(), pita.end_date, pita.city_fr) == ("2018-01-20", None, "Honolulu")
    ptc = events["Conférence du PTC"]
    assert (ptc.date_precision, ptc.start_date.isoformat()) == ("month", "2018-01-01")
    forum = events["Pacific Business Forum 2016"]
    assert (forum.start_date.isoformat(), forum.end_date.isoformat()) == ("2016-11-03", "2016-11-05")
    for name in ("Smartday", "Techday", "TEDx"):
        page = events[name]
        assert (page.start_date, page.end_date, page.city_fr, page.role, page.participants) == (
            None,
            None,
            "",
            "",
            None,
        )
    for page in events.values():
        assert page.title_en and page.intro_fr and page.intro_en and page.slug_en


def test_demo_memberships(demo_content):
    memberships = {page.slug_fr: page for page in MembershipPage.objects.all()}
    assert set(memberships) == {"apnic", "pita", "uit"}
    assert memberships["apnic"].member_since_text_fr == "depuis une quinzaine d’années"
    assert memberships["apnic"].member_since_year is None
    assert memberships["pita"].member_since_year == 2002
    assert memberships["uit"].member_since_year is None and not memberships["uit"].member_since_text_fr
    assert memberships["apnic"].logo.title == "Logo APNIC"
    assert "193 États membres et 700 membres et associés" in json.dumps(
        memberships["uit"].body_fr.get_prep_value(), ensure_ascii=False
    )


def test_agenda_shows_the_demo_events_in_french(client, demo_content):
    text = " ".join(soup_of(client.get("/fr/evenements/")).get_text(" ").split())
    for expected in (
        "du 6 au 13 septembre 2018",
        "le 20 janvier 2018",
        "janvier 2018",
        "du 3 au 5 novembre 2016",
        "dates non communiquées",
    ):
        assert expected in text


def test_a_page_list_block_shows_events_with_their_dates(client, demo_content):
    """Core's page_list block lists events and memberships through their card()."""
    apnic = EventPage.objects.get(slug_fr="conference-apnic-46")
    pita = MembershipPage.objects.get(slug_fr="pita")
    openness = ContentPage.objects.get(slug_fr="s-engager-dans-une-politique-d-ouverture")
    openness.body_fr = [
        *openness.body_fr.raw_data,
        {
            "type": "page_list",
            "value": {
                "heading": "Événements et adhésions",
                "parent": None,
                "pages": [apnic.pk, pita.pk],
                "limit": 6,
            },
        },
    ]
    openness.save_revision().publish()
    soup = soup_of(
        client.get("/fr/nous-connaitre/valeurs-et-engagements/s-engager-dans-une-politique-d-ouverture/")
    )
    heading = soup.find("h2", string="Événements et adhésions")
    cards = heading.find_next("ul").select(".card")
    assert [card.select_one(".card__meta").get_text() for card in cards] == [
        "du 6 au 13 septembre 2018",
        "Membre depuis 2002",
    ]
