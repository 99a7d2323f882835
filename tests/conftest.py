from pathlib import Path

import pytest
from django.core.management import call_command

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
