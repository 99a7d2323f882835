import io
from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.utils import translation
from wagtail.models import Page, Site

from tests.helpers import missing_tool

# Fixtures of each app's tests, shared with the query-budget and browser tests.
pytest_plugins = ["tests.partnerships.fixtures"]

# A copy of shared/seeds/000_0016bbcf7134b6ab.txt, the French text the openness page renders.
SEED = Path(__file__).resolve().parent / "data" / "openness_seed_fr.txt"
OPENNESS_FR = "/fr/nous-connaitre/valeurs-et-engagements/s-engager-dans-une-politique-d-ouverture/"
OPENNESS_EN = "/en/getting-know-us/values-and-commitments/committing-policy-based-openness/"


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests of the demo site run last, so that every other test sees the bare database.

    The sort is stable: pytest-django's order (unittest cases, then database tests, then
    the others) holds within each group.
    """
    items.sort(key=lambda item: "demo_site" in getattr(item, "fixturenames", ()))


@pytest.fixture(scope="session")
def demo_site(django_db_setup, django_db_blocker):
    """The demo site, built and committed once, when the first test that needs it starts.

    Each test's changes to it are rolled back with the test's transaction. No test on it may
    flush the database (``transaction=True``, ``transactional_db``, ``live_server``): that
    would take the demo site away from the tests after it.
    """
    with django_db_blocker.unblock():
        call_command("load_demo_content", stdout=io.StringIO())
        # Each page once in each language, so that its image renditions are made and
        # committed here rather than remade, and rolled back, by every test that shows
        # it. A page that fails here fails again in the tests that visit it.
        client = Client(HTTP_HOST="localhost", raise_request_exception=False)
        for page in Page.objects.live().filter(depth__gt=1):
            for language, _name in settings.LANGUAGES:
                with translation.override(language):
                    url = page.get_url()
                if url:
                    client.get(url)


@pytest.fixture
def demo_content(request, demo_site, db):
    """The demo site, as the demo content command builds it (see ``demo_site``)."""
    marker = request.node.get_closest_marker("django_db")
    transactional = marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences"))
    if transactional or {"transactional_db", "live_server"} & set(request.fixturenames):
        pytest.fail("a test that flushes the database would delete the demo site of the next tests")


@pytest.fixture(autouse=True)
def _fresh_caches():
    """No test sees what another cached: menus, site root paths, page URLs, renditions."""
    for cache in caches.all():
        cache.clear()


@pytest.fixture(autouse=True)
def _site_language():
    """Each test starts in French: a request to /en/ leaves English active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def client(client):
    """Django's test client, speaking to a host that ALLOWED_HOSTS accepts."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture
def postgresql(db):
    """For what only PostgreSQL does (accent folding, stemming): CI runs on it, never skips."""
    if connection.vendor != "postgresql":
        missing_tool("this test needs PostgreSQL (set DATABASE_URL=postgres://…)")


@pytest.fixture
def home(db):
    """A bare site: a home page at the root of the default site, nothing else.

    Tests using it run before the demo site is built (see ``pytest_collection_modifyitems``):
    the tree only holds the welcome page that Wagtail's migrations create.
    """
    from optnc_site.core.models import HomePage
    from tests.core.factories import HomePageFactory

    assert not HomePage.objects.exists(), "the demo site is already in the database (--reuse-db?)"
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "OPT-NC"},
    )
    return home
