"""What the JSON-LD of the demo site's pages states: only facts the content holds."""

import json

import pytest
import wagtail_factories

from optnc_site.core.models import SiteIdentity
from partnerships.models import NewsArticlePage
from tests.helpers import soup_of

EVENT = {"fr": "/fr/evenements/conference-apnic-46/", "en": "/en/events/apnic-46-conference/"}
ARTICLE = {
    "fr": "/fr/actualites/signature-d-une-convention-avec-la-cci/",
    "en": "/en/news/signing-agreement-cci/",
}


def json_ld(client, path, kind=None):
    soup = soup_of(client.get(path))
    data = [json.loads(script.string) for script in soup.select('script[type="application/ld+json"]')]
    return [item for item in data if kind is None or item["@type"] == kind]


def assert_image_object(data):
    assert data["@type"] == "ImageObject"
    assert data["url"].startswith("http://localhost/media/images/")
    assert isinstance(data["width"], int) and isinstance(data["height"], int)


@pytest.mark.parametrize("code", ["fr", "en"])
def test_a_dated_event_with_its_place_country_code_status_and_image(client, demo_content, code):
    (event,) = json_ld(client, EVENT[code], "Event")
    assert event["startDate"] == "2018-09-06" and event["endDate"] == "2018-09-13"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"]["@type"] == "Place"
    assert event["location"]["address"] == {
        "@type": "PostalAddress",
        "addressLocality": "Nouméa",
        "addressCountry": "NC",
    }
    assert_image_object(event["image"])
    assert (event["image"]["width"], event["image"]["height"]) == (1200, 630)
    assert event["inLanguage"] == code


@pytest.mark.parametrize("slug", ["smartday", "techday", "tedx"])
@pytest.mark.parametrize("code", ["fr", "en"])
def test_events_without_dates_state_no_event(client, demo_content, slug, code):
    path = f"/{code}/{'evenements' if code == 'fr' else 'events'}/{slug}/"
    data = json_ld(client, path)
    assert data, "the breadcrumb is still there"
    assert not [item for item in data if item["@type"] == "Event"]


def test_every_dated_demo_event_uses_a_country_code(client, demo_content):
    for path, country in (
        ("/fr/evenements/reunion-des-membres-de-la-pita-2018/", "US"),
        ("/fr/evenements/pacific-business-forum-2016/", "NC"),
    ):
        (event,) = json_ld(client, path, "Event")
        assert event["location"]["address"]["addressCountry"] == country


@pytest.mark.parametrize("code", ["fr", "en"])
def test_news_article_has_its_publisher_and_image(client, demo_content, code):
    (article,) = json_ld(client, ARTICLE[code], "NewsArticle")
    assert article["publisher"]["@type"] == "Organization"
    assert "logo" not in article["publisher"]  # the demo has no OPT-NC logo: none is stated
    assert "image" not in article  # nor an image the article does not have

    page = NewsArticlePage.objects.get(slug_fr="signature-d-une-convention-avec-la-cci")
    page.image = wagtail_factories.ImageFactory(file__width=1600, file__height=900)
    page.image_alt_fr, page.image_alt_en = "Une signature", "A signature"
    page.save_revision().publish()
    identity = SiteIdentity.objects.get()
    identity.logo = wagtail_factories.ImageFactory(
        file__width=680, file__height=240, file__format="PNG", file__filename="logo.png"
    )
    identity.save()
    (article,) = json_ld(client, ARTICLE[code], "NewsArticle")
    assert_image_object(article["image"])
    assert article["image"]["caption"] == ("Une signature" if code == "fr" else "A signature")
    logo = article["publisher"]["logo"]
    assert_image_object(logo)
    # Not cropped, kept as PNG: the logo scaled down to 600 px wide.
    assert (logo["width"], logo["height"], logo["encodingFormat"]) == (600, 211, "image/png")


@pytest.mark.parametrize("code", ["fr", "en"])
def test_the_organisation_has_its_logo_once_given(client, demo_content, code):
    (organisation,) = json_ld(client, f"/{code}/", "Organization")
    assert "logo" not in organisation
    identity = SiteIdentity.objects.get()
    identity.logo = wagtail_factories.ImageFactory(
        file__width=300, file__height=300, file__format="PNG", file__filename="logo.png"
    )
    identity.save()
    (organisation,) = json_ld(client, f"/{code}/", "Organization")
    assert_image_object(organisation["logo"])
    assert (organisation["logo"]["width"], organisation["logo"]["height"]) == (300, 300)
