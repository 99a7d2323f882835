"""Production settings, the admin account command and the closed modeltranslation endpoint."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent.parent


def manage(*args, **env):
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in {"SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="optnc_site.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr
    assert "Traceback" not in result.stderr


def test_production_passes_check_deploy_without_warning():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="optnc_site.settings.production",
        SECRET_KEY="k3J#9v!QpZ2m@xR7tL0wYb$Hs5dF8gNcE1uA6iO4eTq^rWz&yM",
        ALLOWED_HOSTS="www.example.nc",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


@pytest.mark.django_db
def test_admin_account_only_when_asked(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_USERNAME", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    call_command("ensure_admin", stdout=open(os.devnull, "w"))
    assert not get_user_model().objects.exists()

    monkeypatch.setenv("DJANGO_SUPERUSER_USERNAME", "communication")
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "une-phrase-de-passe-longue")
    call_command("ensure_admin", stdout=open(os.devnull, "w"))
    user = get_user_model().objects.get()
    assert user.is_superuser and user.check_password("une-phrase-de-passe-longue")

    # A second run neither duplicates nor resets the account.
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "autre-phrase-de-passe")
    call_command("ensure_admin", stdout=open(os.devnull, "w"))
    assert get_user_model().objects.get().check_password("une-phrase-de-passe-longue")


def test_modeltranslation_copy_endpoint_is_closed(client, demo_content):
    from optnc_site.core.models import ContentPage

    admin = get_user_model().objects.create_superuser("admin", "", "motdepasse-de-test")
    client.force_login(admin)
    page = ContentPage.objects.get(slug_fr="nous-connaitre")
    url = f"/admin/pages/{page.pk}/edit/copy_translation_content/"
    assert client.get(url, follow=True).status_code == 404
    assert client.post(url, {"origin_field_name": "body_fr"}, follow=True).status_code == 404


@pytest.mark.django_db
def test_admin_is_in_french(client):
    admin = get_user_model().objects.create_superuser("admin", "", "motdepasse-de-test")
    client.force_login(admin)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert '<html lang="fr"' in response.content.decode()
