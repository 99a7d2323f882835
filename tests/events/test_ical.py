"""iCalendar files of one event and of the whole agenda, read back with `icalendar`."""

import datetime

import icalendar
import pytest

from .factories import EventPageFactory

D = datetime.date
T = datetime.time


def calendar_of(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


def events_of(calendar):
    return [component for component in calendar.walk("VEVENT")]


@pytest.fixture
def apnic(event_index):
    return EventPageFactory(
        parent=event_index,
        title="Conférence APNIC 46",
        title_fr="Conférence APNIC 46",
        title_en="APNIC 46 conference",
        slug="conference-apnic-46",
        slug_fr="conference-apnic-46",
        slug_en="apnic-46-conference",
        start_date=D(2018, 9, 6),
        end_date=D(2018, 9, 13),
        intro_fr="Ateliers puis conférence, à Nouméa ; 300 participants, 46 pays.",
        intro_en="Workshops, then the conference, in Nouméa; 300 participants, 46 countries.",
        city_fr="Nouméa",
        country_fr="Nouvelle-Calédonie",
        country_en="New Caledonia",
    )


def test_all_day_event_uses_dates_and_an_exclusive_end(client, apnic):
    response = client.get("/fr/evenements/conference-apnic-46/ical/")
    assert response["Content-Disposition"] == 'attachment; filename="conference-apnic-46.ics"'
    calendar = calendar_of(response)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    (event,) = events_of(calendar)
    assert event.decoded("DTSTART") == D(2018, 9, 6)
    assert event.decoded("DTEND") == D(2018, 9, 14)  # the day after the last one
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert str(event["SUMMARY"]) == "Conférence APNIC 46"
    assert str(event["DESCRIPTION"]) == "Ateliers puis conférence, à Nouméa ; 300 participants, 46 pays."
    assert str(event["LOCATION"]) == "Nouméa, Nouvelle-Calédonie"
    assert str(event["URL"]) == "http://localhost/fr/evenements/conference-apnic-46/"
    assert isinstance(event.decoded("DTSTAMP"), datetime.datetime)


def test_english_calendar_speaks_english_and_marks_french_fallback(client, apnic):
    (event,) = events_of(calendar_of(client.get("/en/events/apnic-46-conference/ical/")))
    assert str(event["SUMMARY"]) == "APNIC 46 conference"
    assert event["SUMMARY"].params["LANGUAGE"] == "en"
    assert str(event["DESCRIPTION"]).startswith("Workshops, then the conference")
    # The city has no English value: the French one stands in.
    assert str(event["LOCATION"]) == "Nouméa, New Caledonia"
    assert str(event["URL"]) == "http://localhost/en/events/apnic-46-conference/"


def test_uid_is_stable_across_requests_and_languages(client, apnic):
    first = events_of(calendar_of(client.get("/fr/evenements/conference-apnic-46/ical/")))[0]
    again = events_of(calendar_of(client.get("/fr/evenements/conference-apnic-46/ical/")))[0]
    english = events_of(calendar_of(client.get("/en/events/apnic-46-conference/ical/")))[0]
    agenda = events_of(calendar_of(client.get("/fr/evenements/ical/")))[0]
    assert first["UID"] == again["UID"] == english["UID"] == agenda["UID"] == str(apnic.translation_key)
    apnic.intro_fr = "Autre résumé"
    apnic.save_revision().publish()
    edited = events_of(calendar_of(client.get("/fr/evenements/conference-apnic-46/ical/")))[0]
    assert edited["UID"] == first["UID"]


def test_timed_event_carries_its_time_zone(client, event_index):
    page = EventPageFactory(
        parent=event_index,
        slug="atelier",
        slug_fr="atelier",
        slug_en="workshop",
        start_date=D(2019, 8, 1),
        start_time=T(9, 0),
        end_date=D(2019, 8, 2),
        end_time=T(12, 30),
    )
    calendar = calendar_of(client.get("/fr/evenements/atelier/ical/"))
    (timezone,) = calendar.walk("VTIMEZONE")
    assert str(timezone["TZID"]) == "Pacific/Noumea"
    (event,) = events_of(calendar)
    start, end = event.decoded("DTSTART"), event.decoded("DTEND")
    assert event["DTSTART"].params["TZID"] == "Pacific/Noumea"
    assert start.replace(tzinfo=None) == datetime.datetime(2019, 8, 1, 9, 0)
    assert start.utcoffset() == datetime.timedelta(hours=11)
    assert end.astimezone(datetime.UTC) == datetime.datetime(2019, 8, 2, 1, 30, tzinfo=datetime.UTC)
    assert str(event["UID"]) == str(page.translation_key)


def test_agenda_holds_every_event_known_to_the_day(client, apnic, event_index):
    EventPageFactory(parent=event_index, title="PITA", title_fr="PITA", start_date=D(2018, 1, 20))
    EventPageFactory(
        parent=event_index, title="PTC", title_fr="PTC", start_date=D(2018, 1, 1), date_precision="month"
    )
    EventPageFactory(parent=event_index, title="Smartday", title_fr="Smartday")
    EventPageFactory(
        parent=event_index, title="Brouillon", title_fr="Brouillon", start_date=D(2018, 2, 1), live=False
    )
    response = client.get("/fr/evenements/ical/")
    assert response["Content-Disposition"] == 'attachment; filename="evenements.ics"'
    calendar = calendar_of(response)
    assert [str(event["SUMMARY"]) for event in events_of(calendar)] == ["PITA", "Conférence APNIC 46"]
    assert not calendar.walk("VTIMEZONE")  # no timed event, no time zone needed
    assert str(calendar["X-WR-CALNAME"]) == "Événements"


def test_undated_or_imprecise_events_have_no_calendar_file(client, event_index):
    EventPageFactory(parent=event_index, slug="smartday", slug_fr="smartday", slug_en="smartday")
    EventPageFactory(
        parent=event_index,
        slug="ptc",
        slug_fr="ptc",
        slug_en="ptc",
        start_date=D(2018, 1, 1),
        date_precision="month",
    )
    assert client.get("/fr/evenements/smartday/ical/").status_code == 404
    assert client.get("/fr/evenements/ptc/ical/").status_code == 404


def test_long_lines_are_folded_and_text_escaped(client, event_index):
    summary = "Un résumé très long, avec des virgules; des points-virgules\net un saut de ligne. " * 3
    EventPageFactory(
        parent=event_index,
        slug="long",
        slug_fr="long",
        slug_en="long",
        start_date=D(2020, 2, 2),
        intro_fr=summary,
    )
    response = client.get("/fr/evenements/long/ical/")
    lines = response.content.split(b"\r\n")
    assert all(len(line) <= 75 for line in lines)
    assert b"\n" not in response.content.replace(b"\r\n", b"")
    (event,) = events_of(calendar_of(response))
    assert str(event["DESCRIPTION"]) == summary
