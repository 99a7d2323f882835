"""The demo site's news feeds, read as a validator would: RFC 4287 for Atom, RSS 2.0."""

from xml.etree import ElementTree

import pytest

from partnerships.models import NewsArticlePage

ATOM = "{http://www.w3.org/2005/Atom}"
FEEDS = {
    "fr": ("/fr/actualites/atom/", "/fr/actualites/rss/"),
    "en": ("/en/news/atom/", "/en/news/rss/"),
}
ORGANISATION = {
    "fr": "Office des postes et télécommunications de Nouvelle-Calédonie",
    "en": "Office of Posts and Telecommunications of New Caledonia",
}


def parse(client, path):
    response = client.get(path)
    assert response.status_code == 200
    return response.content, ElementTree.fromstring(response.content)


def text_of(element, name):
    child = element.find(f"{ATOM}{name}")
    return child.text if child is not None else None


@pytest.mark.parametrize("code", ["fr", "en"])
def test_atom_has_what_rfc_4287_requires(client, demo_content, code):
    _raw, feed = parse(client, FEEDS[code][0])
    assert feed.tag == f"{ATOM}feed"
    for name in ("id", "title", "updated"):
        assert (text_of(feed, name) or "").strip(), name
    assert text_of(feed.find(f"{ATOM}author"), "name") == ORGANISATION[code]
    assert feed.find(f"{ATOM}link[@rel='self']").get("href").startswith("http://localhost/")
    entries = feed.findall(f"{ATOM}entry")
    assert entries
    ids = [text_of(entry, "id") for entry in entries]
    assert len(set(ids)) == len(ids)
    for entry in entries:
        for name in ("id", "title", "updated"):
            assert (text_of(entry, name) or "").strip(), name
        link = entry.find(f"{ATOM}link[@rel='alternate']")
        assert link.get("href").startswith(f"http://localhost/{code}/")
        assert entry.find(f"{ATOM}summary").get("type") == "text"


def test_french_and_english_entries_have_their_own_ids(client, demo_content):
    ids = {}
    for code, (atom, rss) in FEEDS.items():
        _raw, feed = parse(client, atom)
        ids[code] = {text_of(entry, "id") for entry in feed.findall(f"{ATOM}entry")}
        _raw, channel = parse(client, rss)
        assert {guid.text for guid in channel.iter("guid")} == ids[code]
    assert ids["fr"] and ids["en"] and ids["fr"].isdisjoint(ids["en"])
    _raw, fr_feed = parse(client, FEEDS["fr"][0])
    _raw, en_feed = parse(client, FEEDS["en"][0])
    assert text_of(fr_feed, "id") != text_of(en_feed, "id")


def test_rss_has_what_rss_2_requires(client, demo_content):
    for code, (_atom, rss) in FEEDS.items():
        _raw, root = parse(client, rss)
        assert root.tag == "rss" and root.get("version") == "2.0"
        channel = root.find("channel")
        for name in ("title", "link", "description"):
            assert (channel.findtext(name) or "").strip(), name
        items = channel.findall("item")
        assert items
        for item in items:
            assert item.findtext("title") and item.findtext("link").startswith(f"http://localhost/{code}/")


def test_a_lead_is_plain_text_escaped_once(client, demo_content):
    article = NewsArticlePage.objects.get(slug_fr="signature-d-une-convention-avec-la-cci")
    article.intro_fr = "Tom & Jerry <b>signent</b> : 3 < 4"
    article.save_revision().publish()
    atom, rss = FEEDS["fr"]
    for path, summaries in (
        (atom, lambda root: [el.text for el in root.iter(f"{ATOM}summary")]),
        (rss, lambda root: [el.text for el in root.iter("description")]),
    ):
        raw, root = parse(client, path)
        assert b"&amp;lt;" not in raw and b"&amp;amp;" not in raw
        assert "Tom & Jerry signent\u202f: 3 < 4" in summaries(root), path
        assert not any("<b>" in (text or "") for text in summaries(root))


@pytest.mark.parametrize("path", FEEDS["fr"])
def test_french_feeds_speak_french_typography(client, demo_content, path):
    """Titles and leads as the French pages show them; the English feeds are left alone."""
    article = NewsArticlePage.objects.get(slug_fr="signature-d-une-convention-avec-la-cci")
    article.title_fr = "L'OPT-NC signe : « une convention »"
    article.intro_fr = "Signée le 1 décembre !"
    article.save_revision().publish()
    _raw, root = parse(client, path)
    texts = [element.text or "" for element in root.iter() if element.tag.split("}")[-1] in TEXTS]
    assert "L\u2019OPT-NC signe\u202f: «\u202fune convention\u202f»" in texts
    assert "Signée le 1er décembre\u202f!" in texts
    assert not any("'" in text for text in texts)


def test_english_feeds_are_left_alone(client, demo_content):
    article = NewsArticlePage.objects.get(slug_fr="signature-d-une-convention-avec-la-cci")
    article.title_en = "OPT-NC's news: signed!"
    article.save_revision().publish()
    _raw, root = parse(client, FEEDS["en"][0])
    assert "OPT-NC's news: signed!" in [text_of(entry, "title") for entry in root.iter(f"{ATOM}entry")]


TEXTS = {"title", "summary", "description", "subtitle"}
