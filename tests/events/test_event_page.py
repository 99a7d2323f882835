"""An event page: its facts in both languages, its JSON-LD, and what editors may save."""

import datetime
import json

import pytest
import wagtail_factories
from django.core.exceptions import ValidationError
from django.utils import translation

from events.models import EventMembership, EventPage, EventPartner
from tests.helpers import soup_of
from tests.memberships.factories import MembershipIndexPageFactory, MembershipPageFactory
from tests.partnerships.factories import PartnerFactory

from .factories import EventPageFactory

D = datetime.date
T = datetime.time


def facts(soup):
    return {div.dt.get_text(): " ".join(div.dd.get_text(" ").split()) for div in soup.select(".facts div")}


def url(page, language="fr"):
    with translation.override(language):
        return page.get_url()


def json_ld(soup):
    """The page's one schema.org Event (other blocks, such as a breadcrumb, may sit beside it)."""
    blocks = [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]
    events = [block for block in blocks if block.get("@type") == "Event"]
    assert len(events) == 1
    return events[0]


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
        kind="conference",
        role="co_organiser",
        start_date=D(2018, 9, 6),
        end_date=D(2018, 9, 13),
        city_fr="Nouméa",
        city_en="Nouméa",
        country_fr="Nouvelle-Calédonie",
        country_en="New Caledonia",
        organisers_fr="APNIC",
        participants=300,
        countries=46,
    )


def test_french_page_lists_its_facts(client, apnic):
    soup = soup_of(client.get("/fr/evenements/conference-apnic-46/"))
    assert soup.html["lang"] == "fr"
    assert soup.h1.get_text() == "Conférence APNIC 46"
    assert facts(soup) == {
        "Dates": "du 6 au 13 septembre 2018",
        "Lieu": "Nouméa , Nouvelle-Calédonie",
        "Rôle de l’OPT-NC": "Co-organisateur",
        "Organisé par": "OPT-NC , APNIC",  # OPT-NC is a text node of its own (nowrap)
        "Participants": "300",
        "Pays représentés": "46",
    }
    assert soup.select_one(".page__kicker").get_text() == "Conférence"


def test_english_page_reads_english_and_marks_french_fallback(client, apnic):
    soup = soup_of(client.get("/en/events/apnic-46-conference/"))
    assert soup.html["lang"] == "en"
    assert soup.h1.get_text() == "APNIC 46 conference"
    assert not soup.h1.has_attr("lang")
    dates = soup.select(".facts dd")[0]
    assert dates.get_text() == "6–13 September 2018"
    # No English organisers given: the French ones show, marked as French.
    organisers = [div.dd for div in soup.select(".facts div") if div.dd.get_text() == "OPT-NC, APNIC"]
    assert organisers[0]["lang"] == "fr"
    alternates = {link["hreflang"]: link["href"] for link in soup.select("link[hreflang]")}
    assert alternates == {
        "fr": "http://localhost/fr/evenements/conference-apnic-46/",
        "en": "http://localhost/en/events/apnic-46-conference/",
    }


def test_unknown_facts_are_left_out_never_invented(client, event_index):
    EventPageFactory(
        parent=event_index,
        title="Smartday",
        title_fr="Smartday",
        slug="smartday",
        slug_fr="smartday",
        slug_en="smartday",
    )
    soup = soup_of(client.get("/fr/evenements/smartday/"))
    assert facts(soup) == {"Dates": "dates non communiquées"}
    assert not soup.select('a[type="text/calendar"]')
    assert not soup.select('link[type="text/calendar"]')
    # No date: no schema.org Event at all (search engines need a start date).
    blocks = [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]
    assert [block for block in blocks if block.get("@type") == "Event"] == []


def test_json_ld_describes_the_event(client, apnic):
    data = json_ld(soup_of(client.get("/fr/evenements/conference-apnic-46/")))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "Event"
    assert data["name"] == "Conférence APNIC 46"
    assert (data["startDate"], data["endDate"]) == ("2018-09-06", "2018-09-13")
    assert data["location"] == {
        "@type": "Place",
        "name": "Nouméa, Nouvelle-Calédonie",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Nouméa",
            "addressCountry": "NC",
        },
    }
    assert data["organizer"] == [
        {"@type": "Organization", "name": "OPT-NC"},
        {"@type": "Organization", "name": "APNIC"},
    ]
    assert data["url"] == "http://localhost/fr/evenements/conference-apnic-46/"
    english = json_ld(soup_of(client.get("/en/events/apnic-46-conference/")))
    assert english["name"] == "APNIC 46 conference"
    assert english["location"]["address"]["addressCountry"] == "NC"
    assert english["eventStatus"] == "https://schema.org/EventScheduled"
    assert english["inLanguage"] == "en"


def test_json_ld_dates_keep_their_precision_and_time_zone(client, event_index):
    timed = EventPageFactory(
        parent=event_index,
        start_date=D(2019, 8, 1),
        start_time=T(9, 0),
        end_time=T(17, 30),
        role="participant",
        organisers_fr="PITA",
    )
    month = EventPageFactory(parent=event_index, start_date=D(2018, 1, 1), date_precision="month")
    data = json_ld(soup_of(client.get(url(timed))))
    assert (data["startDate"], data["endDate"]) == ("2019-08-01T09:00:00+11:00", "2019-08-01T17:30:00+11:00")
    assert data["organizer"] == [{"@type": "Organization", "name": "PITA"}]
    data = json_ld(soup_of(client.get(url(month))))
    assert data["startDate"] == "2018-01" and "endDate" not in data


def test_json_ld_cannot_break_out_of_its_script(client, event_index):
    title = "</script><script>alert(1)</script>"
    page = EventPageFactory(
        parent=event_index, title=title, title_fr=title, intro_fr="Tom & Jerry <b>", start_date=D(2020, 1, 1)
    )
    response = client.get(url(page))
    assert json_ld(soup_of(response))["name"] == title
    assert json_ld(soup_of(response))["description"] == "Tom & Jerry <b>"
    assert "<script>alert(1)" not in response.content.decode()


def test_related_memberships_and_partners(client, apnic, home):
    index = MembershipIndexPageFactory(parent=home)
    membership = MembershipPageFactory(parent=index, title="APNIC", title_fr="APNIC", member_since_year=2004)
    draft = MembershipPageFactory(parent=index, live=False)
    partner = PartnerFactory(name="CCI-NC", name_fr="CCI-NC", website="https://example.nc/")
    apnic.membership_links = [EventMembership(membership=draft), EventMembership(membership=membership)]
    apnic.partner_links = [EventPartner(partner=partner)]
    apnic.save_revision().publish()
    soup = soup_of(client.get("/fr/evenements/conference-apnic-46/"))
    cards = soup.select("#adhesions-liees + ul .card")
    assert [card.select_one(".card__link").get_text() for card in cards] == ["APNIC"]
    assert cards[0].select_one(".card__meta").get_text() == "Membre depuis 2004"
    partner_link = soup.select_one("#partenaires + ul a")
    assert (partner_link.get_text(), partner_link["href"]) == ("CCI-NC", "https://example.nc/")


def test_image_with_its_alternative_text(client, event_index):
    page = EventPageFactory(
        parent=event_index,
        image=wagtail_factories.ImageFactory(),
        image_alt_fr="Bannière de la conférence",
        image_alt_en="",
    )
    soup = soup_of(client.get(url(page)))
    assert soup.select_one(".event__image img")["alt"] == "Bannière de la conférence"
    english = soup_of(client.get(url(page, "en")))
    figure = english.select_one(".event__image")
    assert figure["lang"] == "fr"


def test_card_meta_is_the_date_range(apnic):
    with translation.override("fr"):
        assert apnic.card()["meta"] == "du 6 au 13 septembre 2018"
    with translation.override("en"):
        assert apnic.card()["meta"] == "6–13 September 2018"
        assert apnic.card()["summary"] == "Summary of the event."


@pytest.mark.parametrize(
    "fields,field",
    [
        ({"end_date": D(2018, 9, 1)}, "end_date"),
        ({"start_date": None, "end_date": D(2018, 9, 1)}, "end_date"),
        ({"start_date": None, "start_time": T(9, 0)}, "start_time"),
        ({"end_time": T(9, 0)}, "end_time"),
        ({"start_time": T(10, 0), "end_time": T(9, 0)}, "end_time"),
        ({"start_time": T(10, 0), "end_date": D(2018, 9, 7)}, "end_time"),
        ({"date_precision": "month", "end_date": D(2018, 9, 7)}, "end_date"),
        ({"date_precision": "year", "start_time": T(9, 0)}, "start_time"),
        ({"image": "image", "image_alt_fr": ""}, "image_alt_fr"),
    ],
)
def test_inconsistent_dates_are_refused(event_index, fields, field):
    if fields.get("image"):
        fields["image"] = wagtail_factories.ImageFactory()
    page = EventPage(title="Événement", slug="evenement", **{"start_date": D(2018, 9, 6), **fields})
    with pytest.raises(ValidationError) as error:
        page.clean()
    assert field in error.value.message_dict


def test_month_precision_keeps_the_month_only(event_index):
    page = EventPage(title="PTC", slug="ptc", start_date=D(2018, 1, 23), date_precision="month")
    page.clean()
    assert page.start_date == D(2018, 1, 1)
