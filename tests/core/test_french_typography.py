"""French typography (issue #11, point 2): every French page of the demo site, every text
node a reader reads, follows the French rules; English pages come out exactly as written."""

import re
from contextlib import contextmanager

import pytest
from bs4 import BeautifulSoup, Comment, Doctype
from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation
from wagtail.models import Page

from optnc_site.core.typography import french_html

pytestmark = pytest.mark.django_db

MIDDLEWARE = "optnc_site.core.typography.FrenchTypographyMiddleware"
NNBSP = "\u202f"
# Text nobody reads as French prose, left as written.
UNTOUCHED = "script, style, pre, code, kbd, samp, var, textarea, svg, template"

# A space other than the narrow no-break one before a mark, or after «.
SPACE_BEFORE_MARK = re.compile(r"[ \t\n\u00a0](?=[;:!?»])|«(?!\u202f)")
# A mark glued to the word before it, where it ends that word ("mot!", "mot:").
MISSING_SPACE = re.compile(r"[^\s\u202f;:!?«(\[/][;:!?]+(?=[\s»)\]]|$)|[^\s\u202f]»")
FIRST_OF_MONTH = re.compile(
    r"(?<![\w.,])1 (?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b"
)
UNBREAKABLE = ("OPT-NC", "Nouvelle-Calédonie")


@contextmanager
def without_typography():
    """A client of the site without the middleware (a client loads its middleware once)."""
    with override_settings(MIDDLEWARE=[name for name in settings.MIDDLEWARE if name != MIDDLEWARE]):
        yield Client(HTTP_HOST="localhost")


def french_urls():
    urls = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        with translation.override("fr"):
            url = page.get_url()
        if url:
            urls.add(url)
    # What the site serves beside its pages: search (with results, without), a 404.
    return sorted(urls) + ["/fr/recherche/?q=OPT-NC", "/fr/recherche/?q=zzzzzz", "/fr/page-inexistante/"]


def english_urls():
    urls = set()
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        with translation.override("en"):
            url = page.get_url()
        if url:
            urls.add(url)
    return sorted(urls) + ["/en/search/?q=OPT-NC", "/en/search/?q=zzzzzz", "/en/missing-page/"]


def read_text(soup):
    """Each text node a reader reads (with the element holding it), French ones only."""
    for node in soup.find_all(string=True):
        if isinstance(node, (Comment, Doctype)) or not node.strip():
            continue
        if node.find_parent(UNTOUCHED.split(", ")) or node.parent.name in UNTOUCHED.split(", "):
            continue
        lang = node.find_parent(attrs={"lang": True})
        if lang is not None and not lang["lang"].startswith("fr"):
            continue
        yield node


def faults(html):
    """What breaks a French rule in ``html``'s text, as (rule, text) pairs."""
    soup = BeautifulSoup(html, "html.parser")
    found = []
    nodes = list(read_text(soup))
    for node in nodes:
        text = str(node)
        if "'" in text:
            found.append(("straight apostrophe", text))
        if SPACE_BEFORE_MARK.search(text):
            found.append(("space before a mark", text))
        if MISSING_SPACE.search(text):
            found.append(("no space before a mark", text))
        if FIRST_OF_MONTH.search(text):
            found.append(("1 for 1er", text))
        if node.parent.name not in ("title", "option"):
            for name in UNBREAKABLE:
                kept = (
                    node.parent.name == "span" and "nowrap" in node.parent.get("class", []) and text == name
                )
                if name in text and not kept:
                    found.append((f"{name} may break", text))
    # A mark opening a text node after a word in another one ("<em>mot</em>: suite").
    for node in nodes:
        previous = node.find_previous(string=True)
        if previous and re.match(r"[;:!?]", str(node)) and re.search(r"\w$", str(previous)):
            found.append(("no space before a mark", f"{previous}|{node}"))
    return found


def test_every_french_page_follows_the_french_rules(client, demo_content):
    urls = french_urls()
    assert len(urls) > 15
    failures = {}
    seen = {"narrow": 0, "apostrophe": 0, "nowrap": 0}
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        html = response.content.decode()
        problems = faults(html)
        if problems:
            failures[url] = problems[:5]
        seen["narrow"] += html.count(NNBSP)
        seen["apostrophe"] += html.count("\u2019")
        seen["nowrap"] += html.count('<span class="nowrap">')
    assert not failures, failures
    # The rules did apply: the demo has colons, apostrophes and OPT-NC to set.
    assert all(seen.values()), seen


def test_a_search_without_result_is_singular(client, demo_content):
    html = client.get("/fr/recherche/?q=zzzzzz").content.decode()
    assert f"0 résultat pour «{NNBSP}zzzzzz{NNBSP}»" in html
    html = client.get("/en/search/?q=zzzzzz").content.decode()
    assert "0 results for" in html


def test_english_pages_are_not_transformed(client, demo_content):
    urls = english_urls()
    assert len(urls) > 15
    transformed = {}
    for url in urls:
        transformed[url] = client.get(url).content
    # What the French rules would change is there (the name, colons), and stays as written.
    assert all(b"OPT-NC" in content for content in transformed.values())
    assert not any(NNBSP.encode() in content or b"nowrap" in content for content in transformed.values())
    with without_typography() as plain:
        for url in urls:
            assert plain.get(url).content == transformed[url], url


def test_urls_times_code_and_attributes_are_left_alone():
    document = (
        '<!DOCTYPE html><html lang="fr"><head><title>L\'OPT-NC : accueil</title>'
        '<meta property="og:title" content="L&#x27;OPT-NC : accueil">'
        '<meta property="og:url" content="http://a.nc/l\'a:b">'
        '<script type="application/ld+json">{"name": "L\'OPT-NC : x", "url": "http://a.nc/?q=1"}</script>'
        "<style>a::before { content: 'x : y'; }</style></head><body>"
        '<a href="http://a.nc/l\'x?q=1" title="Voir : l\'OPT-NC">Ouvert à 12:30, voir http://a.nc/?q=1 !</a>'
        "<p>Le 1 décembre, l'OPT-NC dit : « oui »! <em>Attention</em>: <code>a : b</code></p>"
        "<pre>x ; y</pre><textarea>l'a : b</textarea>"
        '<p lang="en">The OPT-NC\'s day: yes!</p></body></html>'
    )
    result = french_html(document)
    n = NNBSP
    assert (
        f'<title>L’OPT-NC{n}: accueil</title><meta property="og:title" content="L’OPT-NC{n}: accueil">'
        in result
    )
    assert '<meta property="og:url" content="http://a.nc/l\'a:b">' in result
    assert '{"name": "L\'OPT-NC : x", "url": "http://a.nc/?q=1"}</script>' in result
    assert "content: 'x : y';" in result
    # The address stays, the tooltip a visitor reads gets the French rules.
    assert f'<a href="http://a.nc/l\'x?q=1" title="Voir{n}: l’OPT-NC">' in result
    assert f"Ouvert à 12:30, voir http://a.nc/?q=1{n}!</a>" in result
    assert (
        f'<p>Le 1er décembre, l’<span class="nowrap">OPT-NC</span> dit{n}: «{n}oui{n}»{n}! '
        f"<em>Attention</em>{n}: <code>a : b</code></p>"
    ) in result
    assert "<pre>x ; y</pre><textarea>l'a : b</textarea>" in result
    assert '<p lang="en">The OPT-NC\'s day: yes!</p>' in result
