"""Two instances, one truth (issue #12, point 7).

Two gunicorn servers, each in its own processes and with production settings (INSTANCES=2),
share the demo site's PostgreSQL database and one redis-server of the test's own. An editor
publishes through the admin of the first, over HTTP; the second, which had just served and
cached everything, answers at once with what was published: the page, the menu, the footer,
the links inside other pages' text, the news list and the feeds, in both languages.
"""

import json

import pytest

from tests.conftest import OPENNESS_EN, OPENNESS_FR
from tests.ops.conftest import ADMIN
from tests.ops.live import AppServer

NEWS_FR, NEWS_EN = "/fr/actualites/", "/en/news/"
FEEDS = ["/fr/actualites/rss/", "/fr/actualites/atom/", "/en/news/rss/", "/en/news/atom/"]
READ = ["/fr/", "/en/", OPENNESS_FR, OPENNESS_EN, NEWS_FR, NEWS_EN, "/fr/partenariats/", *FEEDS]


@pytest.fixture(scope="module")
def instances(live_site, redis_server, tmp_path_factory):
    directory = tmp_path_factory.mktemp("instances")
    servers = [
        AppServer(
            live_site.env(f"instance-{number}", REDIS_URL=redis_server.url, INSTANCES=2),
            directory / f"instance-{number}.log",
        )
        for number in (1, 2)
    ]
    try:
        yield [server.start() for server in servers]
    finally:
        for server in servers:
            server.stop()


def log_in(client):
    form = client.get("/admin/login/").soup().select_one("input[name=csrfmiddlewaretoken]")
    answer = client.post(
        "/admin/login/",
        {"csrfmiddlewaretoken": form["value"], "username": ADMIN[0], "password": ADMIN[1], "next": "/admin/"},
    )
    assert answer.status == 302 and answer.headers["Location"] == "/admin/", answer.status


def form_data(soup):
    """What a browser posts for the page editor's form, with StreamFields that are empty."""
    form = soup.select_one("form#page-edit-form")
    data = {}
    for field in form.select("input[name], textarea[name], select[name]"):
        name = field["name"]
        if "__prefix__" in name or field.get("type") == "checkbox" and not field.has_attr("checked"):
            continue
        if field.name == "textarea":
            data[name] = field.get_text().removeprefix("\n")  # as browsers read the markup
        elif field.name == "select":
            selected = field.select_one("option[selected]")
            data[name] = selected["value"] if selected else ""
        elif field.get("type") == "checkbox":
            data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    for stream in form.select("[data-controller='w-block']"):
        value, _errors = json.loads(stream["data-w-block-arguments-value"])
        assert value == [], f"{stream['id']} is not empty: this helper posts empty StreamFields only"
        data[f"{stream['id']}-count"] = "0"
    return data


def publish(client, form_url, **fields):
    """Open the editor at ``form_url``, change ``fields`` and publish, as an editor does."""
    editor = client.get(form_url)
    assert editor.status == 200, editor.status
    data = {**form_data(editor.soup()), **fields, "action-publish": "action-publish"}
    answer = client.post(form_url, data)
    assert answer.status == 302, answer.soup().select(".error-message, .help-critical")


def page_id(live_site, postgres, url_path):
    rows = postgres.query(
        live_site.database, "SELECT id FROM wagtailcore_page WHERE url_path = %s", [url_path]
    )
    return rows[0][0]


def links(soup, selector):
    return {a.get_text(strip=True): a["href"] for a in soup.select(f"{selector} a")}


def test_what_one_instance_publishes_the_other_serves_at_once(instances, live_site, postgres):
    first, second = instances
    reader = second.client()
    for path in READ:  # the second instance has served, and cached, all of it
        assert reader.html(path).status == 200, path
    assert links(reader.html("/fr/").soup(), ".main-nav")["Partenariats"] == "/fr/partenariats/"

    editor = first.client()
    log_in(editor)
    partnerships = page_id(live_site, postgres, "/accueil/partenariats/")
    publish(
        editor,
        f"/admin/pages/{partnerships}/edit/",
        title_fr="Partenariats et conventions",
        title_en="Partnerships and agreements",
        slug_fr="partenariats-et-conventions",
    )
    site_map = page_id(live_site, postgres, "/accueil/plan-du-site/")
    publish(
        editor, f"/admin/pages/{site_map}/edit/", title_fr="Plan du site internet", title_en="Website map"
    )
    news = page_id(live_site, postgres, "/accueil/actualites/")
    publish(
        editor,
        f"/admin/pages/add/partnerships/newsarticlepage/{news}/",
        title_fr="Une convention publiée par une instance",
        title_en="An agreement published through one instance",
        slug_fr="convention-publiee-par-une-instance",
        slug_en="agreement-published-through-one-instance",
        intro_fr="Lue aussitôt sur l’autre instance.",
        intro_en="Read at once on the other instance.",
    )

    # At once, from the second instance: the menu and the footer, in both languages.
    home_fr, home_en = reader.html("/fr/").soup(), reader.html("/en/").soup()
    menu_fr, menu_en = links(home_fr, ".main-nav"), links(home_en, ".main-nav")
    assert menu_fr.get("Partenariats et conventions") == "/fr/partenariats-et-conventions/", menu_fr
    assert "Partenariats" not in menu_fr
    assert menu_en.get("Partnerships and agreements") == "/en/partnerships/", menu_en
    assert links(home_fr, ".site-footer__links").get("Plan du site internet") == "/fr/plan-du-site/"
    assert links(home_en, ".site-footer__links").get("Website map") == "/en/site-map/"

    # The links to conventions inside the openness page's text follow their parent's new slug.
    text_links = [a["href"] for a in reader.html(OPENNESS_FR).soup().select("main a[href*='partenariats']")]
    assert text_links and all(href.startswith("/fr/partenariats-et-conventions/") for href in text_links), (
        text_links
    )
    assert reader.html("/fr/partenariats-et-conventions/").status == 200

    # The new article: its page, the news lists and the feeds.
    article_fr = "/fr/actualites/convention-publiee-par-une-instance/"
    article_en = "/en/news/agreement-published-through-one-instance/"
    assert reader.html(article_fr).status == 200 and reader.html(article_en).status == 200
    assert article_fr in links(reader.html(NEWS_FR).soup(), "main").values()
    assert article_en in links(reader.html(NEWS_EN).soup(), "main").values()
    for feed in FEEDS:
        body = reader.get(feed).text
        title = (
            "Une convention publiée par une instance" if feed.startswith("/fr/") else "An agreement published"
        )
        assert title in body, feed
        assert (article_fr if feed.startswith("/fr/") else article_en) in body, feed
