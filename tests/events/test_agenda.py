"""The agenda page: upcoming then past events by year, filters, pagination, bad input."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext

from tests.helpers import soup_of

from .conftest import TODAY
from .factories import EventPageFactory

D = datetime.date


def sections(soup):
    """[(heading, [event titles])] in page order."""
    return [
        (section.h2.get_text(), [a.get_text() for a in section.select(".card__link")])
        for section in soup.select(".agenda__section")
    ]


def event(index, title, **fields):
    return EventPageFactory(parent=index, title=title, title_fr=title, title_en=f"{title} (en)", **fields)


@pytest.fixture
def agenda(event_index):
    event(event_index, "Passé 2023", start_date=D(2023, 3, 1))
    event(event_index, "Année 2023", start_date=D(2023, 1, 1), date_precision="year")
    event(event_index, "Hier", start_date=TODAY - datetime.timedelta(days=1))
    event(event_index, "Mai 2024", start_date=D(2024, 5, 1), date_precision="month")
    event(event_index, "En cours", start_date=D(2024, 6, 10), end_date=D(2024, 6, 20))
    event(event_index, "Aujourd’hui", start_date=TODAY)
    event(event_index, "Juin 2024", start_date=D(2024, 6, 1), date_precision="month")
    event(event_index, "Année 2024", start_date=D(2024, 1, 1), date_precision="year")
    event(event_index, "Juillet", start_date=D(2024, 7, 1), role="participant")
    event(event_index, "L’an prochain", start_date=D(2025, 1, 1), role="organiser")
    event(event_index, "Sans date")
    return event_index


def test_upcoming_soonest_first_then_past_by_year_latest_first(client, agenda, frozen_today):
    assert sections(soup_of(client.get("/fr/evenements/"))) == [
        ("À venir", ["Année 2024", "Juin 2024", "En cours", "Aujourd’hui", "Juillet", "L’an prochain"]),
        ("Événements passés\u202f: 2024", ["Hier", "Mai 2024"]),
        ("Événements passés\u202f: 2023", ["Passé 2023", "Année 2023"]),
    ]
    # Ten events a page: the undated one opens the second.
    assert sections(soup_of(client.get("/fr/evenements/?page=2"))) == [
        ("Dates non communiquées", ["Sans date"])
    ]


def test_the_split_follows_today(client, agenda, monkeypatch):
    from events import dates

    monkeypatch.setattr(dates, "today", lambda: D(2024, 7, 2))
    soup = soup_of(client.get("/fr/evenements/"))
    assert sections(soup)[0] == ("À venir", ["Année 2024", "L’an prochain"])
    assert sections(soup)[1] == (
        "Événements passés\u202f: 2024",
        ["Juillet", "Aujourd’hui", "Hier", "En cours", "Juin 2024", "Mai 2024"],
    )


def test_dates_read_in_french_and_english(client, event_index, frozen_today):
    event(event_index, "APNIC", start_date=D(2018, 9, 6), end_date=D(2018, 9, 13))
    french = soup_of(client.get("/fr/evenements/"))
    assert french.html["lang"] == "fr"
    assert french.select_one(".card__meta").get_text() == "du 6 au 13 septembre 2018"
    english = soup_of(client.get("/en/events/"))
    assert english.html["lang"] == "en"
    assert english.select_one(".card__link").get_text() == "APNIC (en)"
    assert english.select_one(".card__meta").get_text() == "6–13 September 2018"


def test_undated_event_says_so(client, event_index, frozen_today):
    event(event_index, "Smartday")
    soup = soup_of(client.get("/fr/evenements/"))
    assert soup.select_one(".card__meta").get_text() == "dates non communiquées"
    soup = soup_of(client.get("/en/events/"))
    assert soup.select_one(".card__meta").get_text() == "dates not announced"


def test_english_falls_back_to_french_marked(client, event_index, frozen_today):
    EventPageFactory(
        parent=event_index,
        title="Forum",
        title_fr="Forum",
        title_en="",
        intro_en="",
        place_fr="CPS, Anse-Vata",
        city_fr="Nouméa",
        city_en="Nouméa",
    )
    soup = soup_of(client.get("/en/events/"))
    link = soup.select_one(".card__link")
    assert (link.get_text(), link["lang"]) == ("Forum", "fr")
    assert soup.select_one(".card__text")["lang"] == "fr"
    place, city = soup.select(".card__details span span")
    assert (place.get_text(), place["lang"]) == ("CPS, Anse-Vata", "fr")
    assert not city.has_attr("lang")


def test_filter_by_year_and_role(client, agenda, frozen_today):
    assert sections(soup_of(client.get("/fr/evenements/?year=2023"))) == [
        ("Événements passés\u202f: 2023", ["Passé 2023", "Année 2023"])
    ]
    assert sections(soup_of(client.get("/fr/evenements/?role=participant"))) == [("À venir", ["Juillet"])]
    soup = soup_of(client.get("/fr/evenements/?year=2025&role=organiser"))
    assert sections(soup) == [("À venir", ["L’an prochain"])]
    assert soup.select_one("#id_year option[selected]")["value"] == "2025"
    assert soup.select_one("#id_role option[selected]")["value"] == "organiser"


def test_year_choices_are_the_years_with_events(client, agenda, frozen_today):
    soup = soup_of(client.get("/fr/evenements/"))
    assert [option["value"] for option in soup.select("#id_year option")] == ["", "2025", "2024", "2023"]


def test_no_result_is_a_normal_page(client, agenda, frozen_today):
    soup = soup_of(client.get("/fr/evenements/?year=2023&role=organiser"))
    assert sections(soup) == []
    assert "Aucun événement ne correspond à ces critères." in soup.get_text()


MALFORMED = [
    "year=abc",
    "year=1999",
    "year=%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%93",
    "year=2023.0",
    "year=%00",
    "role=chef",
    "role=%3Cscript%3Ealert(1)%3C/script%3E",
    "year=2023&year=<b>",
    "page=abc",
    "page=0",
    "page=-1",
    "page=99999999999999999999",
    "page=%00",
    "page=1e3",
    "format=ics",
]


def test_malformed_parameters_never_fail_nor_echo(client, agenda, frozen_today):
    for query in MALFORMED:
        check_malformed(client, query)


def check_malformed(client, query):
    response = client.get(f"/fr/evenements/?{query}")
    assert response.status_code == 200, query
    html = response.content.decode()
    assert "<script>alert" not in html and "<b>" not in html and "chef" not in html, query
    assert "abc" not in html and "1999" not in html, query
    # Ignored filters leave the full agenda (11 events on one page of 10 and one of 1).
    assert len(BeautifulSoup(html, "html.parser").select(".card")) in (10, 1), query


def test_pagination_keeps_the_filters_and_clamps_the_page(client, event_index, frozen_today):
    for n in range(23):
        event(
            event_index,
            f"Événement {n:02d}",
            start_date=D(2023, 1, 1) + datetime.timedelta(days=n),
            role="participant",
        )
    first = soup_of(client.get("/fr/evenements/?role=participant"))
    assert len(first.select(".card")) == 10
    assert first.select_one(".agenda__count").get_text() == "23 événements"
    assert [a["href"] for a in first.select(".pagination a")] == ["?role=participant&page=2"]
    assert first.select_one(".pagination [aria-current]").get_text() == "Page 1 sur 3"
    last = soup_of(client.get("/fr/evenements/?role=participant&page=3"))
    assert [a.get_text() for a in last.select(".card__link")] == [
        "Événement 02",
        "Événement 01",
        "Événement 00",
    ]
    beyond = soup_of(client.get("/fr/evenements/?role=participant&page=7"))
    assert [a.get_text() for a in beyond.select(".card__link")] == [
        "Événement 02",
        "Événement 01",
        "Événement 00",
    ]


def test_unpublished_events_stay_out(client, event_index, frozen_today):
    event(event_index, "Brouillon", start_date=D(2024, 7, 1), live=False)
    event(event_index, "Publié", start_date=D(2024, 7, 2))
    soup = soup_of(client.get("/fr/evenements/"))
    assert sections(soup) == [("À venir", ["Publié"])]


def test_the_index_declares_its_calendar(client, event_index):
    soup = soup_of(client.get("/fr/evenements/"))
    link = soup.select_one('head link[rel="alternate"][type="text/calendar"]')
    assert link["href"] == "/fr/evenements/ical/"
    assert soup.select_one('main a[type="text/calendar"]')["href"] == "/fr/evenements/ical/"
    english = soup_of(client.get("/en/events/"))
    assert english.select_one('head link[type="text/calendar"]')["href"] == "/en/events/ical/"
    with translation.override("en"):
        label = gettext("Ajouter tous les événements à mon agenda")
    assert english.select_one('main a[type="text/calendar"]').get_text() == label


def test_page_list_block_gets_next_events_first(agenda, frozen_today):
    """Core's page_list block asks the agenda for its events through block_listing."""
    assert [page.title_fr for page in agenda.block_listing(3)] == ["Année 2024", "Juin 2024", "En cours"]
    assert [page.title_fr for page in agenda.block_listing(11)][-1] == "Sans date"
