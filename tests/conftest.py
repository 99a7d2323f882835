from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from wagtail.models import Page, Site

# Fixtures of each app's tests, shared with the query-budget and browser tests.
pytest_plugins = ["tests.partnerships.fixtures"]

# A copy of shared/seeds/000_0016bbcf7134b6ab.txt, the French text the openness page renders.
SEED = Path(__file__).resolve().parent / "data" / "openness_seed_fr.txt"
OPENNESS_FR = "/fr/nous-connaitre/valeurs-et-engagements/s-engager-dans-une-politique-d-ouverture/"
OPENNESS_EN = "/en/getting-know-us/values-and-commitments/committing-policy-based-openness/"


@pytest.fixture
def demo_content(db):
    call_command("load_demo_content", stdout=open("/dev/null", "w"))


@pytest.fixture
def client(client):
    """Django's test client, speaking to a host that ALLOWED_HOSTS accepts."""
    client.defaults["HTTP_HOST"] = "localhost"
    return client


@pytest.fixture
def home(db):
    """A bare site: a home page at the root of the default site, nothing else."""
    from tests.core.factories import HomePageFactory

    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = HomePageFactory(parent=root)
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "localhost", "port": 80, "root_page": home, "site_name": "OPT-NC"},
    )
    cache.clear()  # site root paths and menus were cached for the old tree
    return home
