"""One public address (issue #11, point 3): every absolute URL the site gives out is at SITE_URL.

SITE_URL is set here to an address no request names and the Wagtail Site does not hold
before ``migrate`` runs, so that a URL built from the request's Host header, from the Site
record or from Django's defaults shows up as another origin.
"""

import os
import re
import subprocess
import sys
from urllib.parse import urlsplit

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site, WorkflowState

from optnc_site.core.public_url import parse_site_url
from optnc_site.core.roles import EDITORS, MANAGERS
from optnc_site.core.throttling import wait_for_mail
from partnerships.models import ConventionPage
from tests.conftest import OPENNESS_FR
from tests.editorial.conftest import page_form_data
from tests.helpers import soup_of

SITE_URL = "https://www.opt.test"
# The hosts a request may name: any other origin in the answer is a leak.
HOSTS = ["other.example", "127.0.0.1:8000"]
# Every name the site could take for itself; URLs at other hosts are links to other sites
# (the footer's social networks, links in the content, XML namespaces, schema.org).
OWN_HOSTS = {"www.opt.test", "other.example", "127.0.0.1", "localhost", "testserver", "[::1]", "::1"}
URL = re.compile(r"https?://[^\s\"'<>\\]+")
OUTPUTS = [
    "/sitemap.xml",
    "/robots.txt",
    "/fr/actualites/rss/",
    "/en/news/rss/",
    "/fr/actualites/atom/",
    "/en/news/atom/",
    "/fr/evenements/ical/",
    "/en/events/ical/",
    "/fr/evenements/conference-apnic-46/ical/",
    "/en/events/apnic-46-conference/ical/",
]


@pytest.fixture
def public_address(settings, demo_content):
    """SITE_URL at https://www.opt.test, as if the site had been started with it."""
    settings.SITE_URL = SITE_URL
    settings.WAGTAILADMIN_BASE_URL = SITE_URL  # as settings/base.py derives it
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "other.example"]
    call_command("migrate", verbosity=0, interactive=False)  # each start of the site migrates
    return SITE_URL


def own_urls(response):
    """The absolute URLs of a response that name one of the site's possible hosts."""
    text = response.content.decode()
    text = text.replace("\r\n ", "")  # iCalendar folds long lines (RFC 5545, 3.1)
    return {url for url in URL.findall(text) if urlsplit(url).hostname in OWN_HOSTS}


def origin(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def html_paths():
    """Every live page in both languages, and the pages that are not Wagtail pages."""
    paths = []
    for page in Page.objects.live().public().filter(depth__gt=1).specific():
        for code, _name in django_settings.LANGUAGES:
            with translation.override(code):
                paths.append(page.get_url())
    convention = ConventionPage.objects.live().first()
    return [
        *paths,
        "/fr/recherche/?q=convention",
        "/en/search/?q=agreement",
        f"/fr/actualites/?convention={convention.pk}",
        f"/en/news/?convention={convention.pk}&page=1",
        "/fr/evenements/?year=2018",
        "/fr/page-inexistante/",
        "/en/missing-page/",
    ]


@pytest.mark.parametrize("host", HOSTS)
def test_every_page_gives_one_origin(public_address, host):
    client = Client(HTTP_HOST=host)
    origins = {}
    for path in html_paths():
        response = client.get(path)
        assert response.status_code in {200, 404}, path
        soup = soup_of(response, response.status_code)
        # The URLs a page gives for itself are all there, and absolute.
        own = [soup.select_one('link[rel="canonical"]')["href"]]
        own += [link["href"] for link in soup.select('link[rel="alternate"][hreflang]')]
        assert len(own) == 3 and all(url.startswith(f"{SITE_URL}/") for url in own), (path, own)
        for url in own_urls(response):
            origins.setdefault(origin(url), set()).add(path)
    assert set(origins) == {SITE_URL}, origins


@pytest.mark.parametrize("host", HOSTS)
def test_every_output_gives_one_origin(public_address, host):
    client = Client(HTTP_HOST=host)
    origins = {}
    for path in OUTPUTS:
        response = client.get(path)
        assert response.status_code == 200, path
        urls = own_urls(response)
        assert urls, f"{path} gives no URL of the site"
        for url in urls:
            origins.setdefault(origin(url), set()).add(path)
    assert set(origins) == {SITE_URL}, origins


def test_the_pages_json_ld_and_open_graph_are_at_the_public_address(public_address):
    soup = soup_of(Client(HTTP_HOST="other.example").get("/en/events/apnic-46-conference/"))
    og_url = soup.select_one('meta[property="og:url"]')["content"]
    assert og_url == f"{SITE_URL}/en/events/apnic-46-conference/"
    json_ld = " ".join(script.string for script in soup.select('script[type="application/ld+json"]'))
    assert f'"{SITE_URL}/en/events/apnic-46-conference/"' in json_ld


def test_migrate_puts_the_wagtail_site_at_the_public_address(public_address):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.root_url) == ("www.opt.test", 443, SITE_URL)
    home = site.root_page.specific
    assert home.full_url == f"{SITE_URL}/fr/"


def test_the_demo_content_keeps_the_site_at_the_public_address(public_address):
    call_command("load_demo_content", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert Site.objects.get(is_default_site=True).root_url == SITE_URL


def make_user(django_user_model, username, group):
    user = django_user_model.objects.create_user(
        username=username, email=f"{username}@example.nc", password="une-phrase-de-passe-longue"
    )
    user.groups.add(Group.objects.get(name=group))
    return user


def mail_urls():
    return {url for message in mail.outbox for url in URL.findall(message.body)}


def test_the_admins_mails_link_to_the_public_address(public_address, django_user_model):
    editor = make_user(django_user_model, "redactrice", EDITORS)
    manager = make_user(django_user_model, "responsable", MANAGERS)
    page = Page.objects.get(url_path_fr__endswith="/s-engager-dans-une-politique-d-ouverture/").specific
    client = Client(HTTP_HOST="127.0.0.1:8000")
    mail.outbox.clear()
    # Submitted for validation: the managers are told where to preview and edit it.
    client.force_login(editor)
    data = page_form_data(page, **{"action-submit": "action-submit"})
    data["title_en"] = f"{page.title_en} (revised)"
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
    state = WorkflowState.objects.get(base_content_type__isnull=False, object_id=str(page.pk))
    assert any(manager.email in message.to for message in mail.outbox)
    # Approved: the editor is told where the page is live (Wagtail's ``page.full_url``).
    client.force_login(manager)
    action = ["approve", state.current_task_state.pk]
    client.post(reverse("wagtailadmin_pages:workflow_action", args=[page.pk, *action]), {"comment": ""})
    assert any(editor.email in message.to for message in mail.outbox)
    # A forgotten password, asked from another host name.
    Client(HTTP_HOST="other.example").post(reverse("wagtailadmin_password_reset"), {"email": editor.email})
    wait_for_mail(timeout=10)
    urls = mail_urls()
    assert any("/admin/pages/" in url and "/preview/" in url for url in urls), urls
    assert f"{SITE_URL}{OPENNESS_FR}" in urls, urls
    assert any("/admin/password_reset/confirm/" in url for url in urls), urls
    assert {origin(url) for url in urls} == {SITE_URL}, urls


def settings_in(env):
    """SITE_URL, WAGTAILADMIN_BASE_URL and ALLOWED_HOSTS as the settings read ``env``."""
    script = (
        "from django.conf import settings as s; import django; django.setup(); "
        "print(s.SITE_URL, s.WAGTAILADMIN_BASE_URL, ','.join(s.ALLOWED_HOSTS))"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"SITE_URL", "PORT", "ALLOWED_HOSTS"}}
    result = subprocess.run(
        [sys.executable, "-c", script],
        env={**clean, "DJANGO_SETTINGS_MODULE": "optnc_site.settings.dev", **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    return result.returncode, result.stdout.split(), result.stderr


def test_site_url_defaults_to_the_address_make_run_serves():
    returncode, (site_url, admin_url, hosts), _ = settings_in({"PORT": "8123"})
    assert returncode == 0
    assert site_url == admin_url == "http://127.0.0.1:8123"
    assert "127.0.0.1" in hosts.split(",")


def test_site_url_sets_the_admin_address_and_an_allowed_host():
    returncode, (site_url, admin_url, hosts), _ = settings_in(
        {"SITE_URL": "https://www.opt.nc/", "ALLOWED_HOSTS": "localhost"}
    )
    assert returncode == 0
    assert site_url == admin_url == "https://www.opt.nc"
    assert hosts.split(",") == ["localhost", "www.opt.nc"]


def test_a_malformed_site_url_stops_the_site_with_a_french_message():
    returncode, _out, err = settings_in({"SITE_URL": "www.opt.nc/fr/"})
    assert returncode != 0
    assert "SITE_URL vaut « www.opt.nc/fr/ »" in err


@pytest.mark.parametrize(
    "value,expected",
    [
        ("https://www.opt.nc", "https://www.opt.nc"),
        ("https://WWW.opt.nc:443/", "https://www.opt.nc"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://[::1]:8000", "http://[::1]:8000"),
    ],
)
def test_site_url_is_read_as_an_origin(value, expected):
    assert parse_site_url(value) == expected


@pytest.mark.parametrize(
    "value", ["ftp://www.opt.nc", "https://", "https://www.opt.nc/fr/", "https://x:99999"]
)
def test_site_url_must_be_an_origin(value):
    with pytest.raises(ValueError):
        parse_site_url(value)
