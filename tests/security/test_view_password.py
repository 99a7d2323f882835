"""A page's view password cannot be guessed without limit (issue #12, point 3)."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

PASSWORD = "le-bon-mot-de-passe"  # pragma: allowlist secret
FORM = "wagtailcore/password_required.html"


def templates(response):
    assert response.status_code == 200
    return [template.name for template in response.templates]


@pytest.fixture
def restricted(home):
    return PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )


def try_password(client, restriction, password, language="fr", forwarded="203.0.113.7"):
    with translation.override(language):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, restriction.page_id])
    return client.post(
        url, {"password": password, "return_url": f"/{language}/"}, HTTP_X_FORWARDED_FOR=forwarded
    )


@pytest.mark.django_db
def test_wrong_passwords_are_throttled_per_client_address(client, settings, restricted):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.VIEW_PASSWORD_RATE = "3/15m"  # pragma: allowlist secret
    assert FORM in templates(client.get("/fr/"))
    for _attempt in range(3):
        response = try_password(client, restricted, "devinette")
        assert response.status_code == 200
        assert "password" in response.context["form"].errors
    refused = try_password(client, restricted, PASSWORD)  # even the right one, now
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 15 * 60 + 5
    page = refused.content.decode()
    assert "Trop d’essais de mot de passe" in page
    assert "Réessayez dans" in page
    # In English on the English site.
    english = try_password(client, restricted, PASSWORD, language="en")
    assert english.status_code == 429
    assert "Too many password attempts" in english.content.decode()
    # Another visitor, from elsewhere, is let in.
    welcome = try_password(client, restricted, PASSWORD, forwarded="198.51.100.2")
    assert welcome.status_code == 302
    assert welcome["Location"] == "/fr/"
    assert FORM not in templates(client.get("/fr/"))


@pytest.mark.django_db
def test_the_right_password_is_not_counted(client, settings, restricted):
    settings.VIEW_PASSWORD_RATE = "2/15m"  # pragma: allowlist secret
    for _attempt in range(4):
        assert try_password(client, restricted, PASSWORD).status_code == 302
    assert try_password(client, restricted, "devinette").status_code == 200
