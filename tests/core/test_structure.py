"""Sound structure (issue #11, point 7): reserved addresses, unique footnote ids, and nothing
from a draft or restricted page on a public one."""

import json
from collections import Counter

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import Page

from events.models import EventIndexPage
from optnc_site.core.models import SiteIdentity, reserved_slug_errors
from partnerships.models import NewsConvention
from tests.core.factories import ContentPageFactory
from tests.editorial.test_admin_forms import field_errors, form_data
from tests.events.factories import EventIndexPageFactory
from tests.helpers import HIDDEN, hide
from tests.partnerships.factories import ConventionPageFactory, NewsArticlePageFactory

SLUGS = ("slug_fr", "slug_en")


# -- 1. A child never hides its parent's own sub-URLs ---------------------------------------


def test_reserved_words_come_from_the_parent_routes(news_index, home):
    events = EventIndexPageFactory(parent=home)
    assert set(reserved_slug_errors(news_index, {"fr": "rss", "en": ""})) == set(SLUGS)
    assert set(reserved_slug_errors(news_index, {"fr": "actualite", "en": "atom"})) == {"slug_en"}
    assert set(reserved_slug_errors(Page.objects.get(pk=events.pk), {"fr": "ical"})) == set(SLUGS)
    assert reserved_slug_errors(news_index, {"fr": "ical", "en": "news"}) == {}
    # A page serving no sub-URL reserves nothing.
    assert reserved_slug_errors(home, {"fr": "rss", "en": "atom"}) == {}
    assert isinstance(events, EventIndexPage)


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chef", "chef@example.nc", "une-phrase-longue")
    client.force_login(user)
    return client


def test_the_edit_form_refuses_a_parent_feed_address(admin_client, news_index):
    article = NewsArticlePageFactory(parent=news_index)
    url = reverse("wagtailadmin_pages:edit", args=[article.pk])
    response = admin_client.get(url)
    model = article.specific_class
    for field, slug in (("slug_fr", "rss"), ("slug_en", "atom")):
        refused = admin_client.post(url, form_data(response, model, **{field: slug}))
        assert refused.status_code == 200
        assert "réservée par la page parente" in field_errors(refused).get(field, ""), field_errors(refused)
    good = admin_client.post(url, form_data(response, model, slug_en="an-article"))
    assert good.status_code == 302, field_errors(good)


def test_the_add_form_refuses_a_parent_feed_address(admin_client, news_index):
    url = reverse("wagtailadmin_pages:add", args=["partnerships", "newsarticlepage", news_index.pk])
    response = admin_client.get(url)
    model = news_index.specific_class.allowed_subpage_models()[0]
    values = {"title_fr": "Flux", "slug_fr": "rss", "title_en": "", "slug_en": "", "date": "2024-05-01"}
    refused = admin_client.post(url, form_data(response, model, **values))
    assert refused.status_code == 200
    assert "réservée par la page parente" in field_errors(refused).get("slug_fr", "")


# -- 2. Footnote ids unique on a page ------------------------------------------------------


def paragraph(block_id, html):
    return {"type": "paragraph", "value": html, "id": block_id}


def footnotes(block_id, *notes):
    return {
        "type": "footnotes",
        "value": {
            "notes": [
                {"type": "item", "value": f"<p>{n}</p>", "id": f"{block_id}-{i}"} for i, n in enumerate(notes)
            ]
        },
        "id": block_id,
    }


def cite(number):
    return f'<sup><a href="#note-{number}">{number}</a></sup>'


def test_footnote_ids_are_unique_and_every_link_lands(client, home):
    body = [
        paragraph("p1", f"<p>Premier appel{cite(1)}, second{cite(2)}.</p>"),
        paragraph("p2", f"<p>La note 1 citée à nouveau{cite(1)}.</p>"),
        footnotes("notes-a", "Note A1", "Note A2"),
        {
            "type": "expandable_section",
            "value": {
                "label": "Suite",
                "teaser": [paragraph("p3", f"<p>Appel de la seconde série{cite(1)}.</p>")],
                "content": [footnotes("notes-b", "Note B1")],
            },
            "id": "section",
        },
    ]
    page = ContentPageFactory(parent=home, title="Notes", slug="notes", body=json.dumps(body))
    page.save_revision().publish()
    response = client.get("/fr/notes/")
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")

    ids = Counter(element["id"] for element in soup.find_all(id=True))
    assert [id_ for id_, count in ids.items() if count > 1] == []
    for link in soup.select('a[href^="#"]'):
        if link["href"] != "#":
            assert link["href"][1:] in ids, link
    for element in soup.select("[aria-describedby], [aria-labelledby]"):
        for ref in (element.get("aria-describedby", "") + " " + element.get("aria-labelledby", "")).split():
            assert ref in ids, element

    # The first block keeps the ids editors link to; a second citation gets its number.
    refs = soup.select("a.footnote-ref")
    assert [(a["href"], a["id"]) for a in refs] == [
        ("#note-1", "note-ref-1"),
        ("#note-2", "note-ref-2"),
        ("#note-1", "note-ref-1-2"),
        ("#note-notes-b-1", "note-ref-notes-b-1"),
    ]
    assert "Note A1" in soup.find(id="note-1").get_text()
    assert "Note B1" in soup.find(id="note-notes-b-1").get_text()
    backs = [a["href"] for a in soup.find(id="note-1").select("a.footnotes__back")]
    assert backs == ["#note-ref-1", "#note-ref-1-2"]
    assert refs[3]["aria-describedby"] == "footnotes-label-notes-b"


# -- 4. Nothing from a draft or restricted page on a public page ----------------------------


def home_html(client):
    response = client.get("/fr/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def source(home):
    body = [{"type": "key_figure", "value": {"value": "70", "label": "", "text": "70 pays."}, "id": "kf"}]
    return ContentPageFactory(parent=home, title="Page aux chiffres", slug="chiffres", body=json.dumps(body))


@pytest.mark.parametrize("how", HIDDEN)
def test_key_figures_of_a_hidden_page_are_not_shown(client, home, source, how):
    home.body = json.dumps([{"type": "key_figures", "value": {"heading": "", "page": source.pk}, "id": "k"}])
    home.save_revision().publish()
    assert "Page aux chiffres" in home_html(client)
    hide(source, how)
    html = home_html(client)
    assert "Page aux chiffres" not in html and "70 pays." not in html


@pytest.mark.parametrize("how", HIDDEN)
def test_a_page_list_drops_a_hidden_chosen_page(client, home, source, how):
    value = {"heading": "", "parent": None, "pages": [source.pk], "limit": 6}
    home.body = json.dumps([{"type": "page_list", "value": value, "id": "l"}])
    home.save_revision().publish()
    assert "Page aux chiffres" in home_html(client)
    hide(source, how)
    assert "Page aux chiffres" not in home_html(client)


@pytest.mark.parametrize("how", HIDDEN)
def test_footer_links_drop_a_hidden_page(client, home, source, how):
    identity = SiteIdentity.for_site(home.get_site())
    identity.footer_links = json.dumps([{"type": "page", "value": source.pk, "id": "f"}])
    identity.save()
    assert "Page aux chiffres" in home_html(client)
    hide(source, how)
    assert "Page aux chiffres" not in home_html(client)


@pytest.mark.parametrize("how", HIDDEN)
def test_a_news_article_drops_a_hidden_related_convention(client, home, news_index, how):
    convention = ConventionPageFactory(parent=home, title="Convention cachée", slug="convention-cachee")
    article = NewsArticlePageFactory(
        parent=news_index, convention_links=[NewsConvention(convention=convention)]
    )
    url = article.get_url()
    assert "Convention cachée" in client.get(url).content.decode()
    hide(convention, how)
    assert "Convention cachée" not in client.get(url).content.decode()
