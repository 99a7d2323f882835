"""The client address behind trusted proxies, and django-axes' lockouts (issue #12, point 3).

The addresses are documentation ranges (RFC 5737), written into headers only: the test
client sends nothing anywhere.
"""

import pytest
from django.urls import reverse

from optnc_site.core.client_ip import client_ip
from tests.editorial.conftest import editor  # noqa: F401 - a fixture

PROXY = "127.0.0.1"
ATTACKER = "203.0.113.7"
EDITOR_HOME = "198.51.100.2"


@pytest.mark.parametrize(
    "proxies, forwarded, expected",
    [
        (0, None, PROXY),  # reached directly: X-Forwarded-For means nothing
        (0, f"{EDITOR_HOME}", PROXY),
        (1, f"{ATTACKER}", ATTACKER),
        (1, f"{EDITOR_HOME}, {ATTACKER}", ATTACKER),  # the forged entry is left of ours
        (2, f"{EDITOR_HOME}, {ATTACKER}, 192.0.2.10", ATTACKER),
        (2, f"{ATTACKER}", ATTACKER),  # a proxy added nothing: the leftmost
        (1, None, PROXY),
        (1, "unknown", PROXY),  # not an address
        (1, "2001:DB8::1", "2001:db8::1"),
    ],
)
def test_the_client_is_the_entry_the_outermost_trusted_proxy_wrote(
    rf, settings, proxies, forwarded, expected
):
    settings.TRUSTED_PROXY_COUNT = proxies
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    assert client_ip(rf.get("/", REMOTE_ADDR=PROXY, **headers)) == expected


def log_in(client, username, password, forwarded):
    return client.post(
        reverse("wagtailadmin_login"),
        {"username": username, "password": password},
        REMOTE_ADDR=PROXY,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


@pytest.mark.django_db
def test_a_locked_out_attacker_does_not_lock_out_the_editor(client, settings, editor):  # noqa: F811
    settings.TRUSTED_PROXY_COUNT = 1
    password = "une-phrase-de-passe-longue"
    limit = settings.AXES_FAILURE_LIMIT
    answers = [log_in(client, editor.username, "mauvais", ATTACKER) for _ in range(limit)]
    assert [answer.status_code for answer in answers] == [200] * (limit - 1) + [429]
    locked = log_in(client, editor.username, password, ATTACKER)
    assert locked.status_code == 429
    assert "Trop de tentatives de connexion" in locked.content.decode()
    # Forging the editor's address in front of its own does not get the attacker out.
    assert log_in(client, editor.username, password, f"{EDITOR_HOME}, {ATTACKER}").status_code == 429
    # The editor, from elsewhere, signs in.
    response = log_in(client, editor.username, password, EDITOR_HOME)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_axes_records_the_client_not_the_proxy(client, settings, editor):  # noqa: F811
    from axes.models import AccessAttempt

    settings.TRUSTED_PROXY_COUNT = 1
    log_in(client, editor.username, "mauvais", ATTACKER)
    assert list(AccessAttempt.objects.values_list("ip_address", flat=True)) == [ATTACKER]
