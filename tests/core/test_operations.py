"""Operations (issue #12): the health endpoint, the admin's logout, malformed admin POSTs."""

import json
import socket
import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.test import override_settings
from django.urls import reverse
from wagtail.models import Page

from optnc_site.core import health
from optnc_site.core.middleware import MalformedAdminPostMiddleware
from tests.editorial import conftest as editorial
from tests.editorial.conftest import page_form_data
from tests.helpers import free_port, unreachable_database

# The editorial tests' fixtures, used here too.
manager = editorial.manager
draft = editorial.draft

REDIS = "django.core.cache.backends.redis.RedisCache"


def redis_cache_at(location):
    return {"default": {"BACKEND": REDIS, "LOCATION": location}}


@pytest.fixture(autouse=True)
def _no_stuck_cache_check():
    yield
    health.wait_for_pending_check(timeout=10)


# Health endpoint --------------------------------------------------------------------------


def assert_health_answer(response, status):
    assert response.status_code == status
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]
    assert not response.cookies, response.cookies
    assert "Set-Cookie" not in response.headers


@pytest.mark.django_db
def test_healthz_answers_ok_without_a_session_or_a_language_redirect(client):
    response = client.get("/healthz", HTTP_ACCEPT_LANGUAGE="en")
    assert_health_answer(response, 200)
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert not Session.objects.exists()
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405
    assert reverse("healthz") == "/healthz"


@pytest.mark.django_db
def test_healthz_leaves_a_logged_in_session_alone(client, django_user_model):
    user = django_user_model.objects.create_user("sonde", password="une-phrase-de-passe-longue")
    client.force_login(user)
    session = Session.objects.get()
    response = client.get("/healthz")
    assert_health_answer(response, 200)
    assert Session.objects.get().expire_date == session.expire_date


@pytest.mark.django_db
def test_healthz_answers_503_when_redis_is_down(client):
    # A port nobody listens on: the connection is refused.
    with override_settings(CACHES=redis_cache_at(f"redis://127.0.0.1:{free_port()}")):
        response = client.get("/healthz")
    assert_health_answer(response, 503)
    assert response.json() == {"status": "error", "database": "ok", "cache": "error"}


@pytest.mark.django_db
def test_healthz_does_not_hang_on_a_redis_that_never_answers(client, settings):
    # A port that accepts connections (the kernel's backlog) and never answers.
    settings.HEALTHZ_CACHE_TIMEOUT = 0.5
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        location = f"redis://127.0.0.1:{silent.getsockname()[1]}"
        with override_settings(CACHES=redis_cache_at(location)):
            started = time.monotonic()
            response = client.get("/healthz")
            assert time.monotonic() - started < 3
            assert_health_answer(response, 503)
            assert response.json()["cache"] == "error"
            # While that check is stuck, the next one fails at once, without another thread.
            started = time.monotonic()
            assert client.get("/healthz").status_code == 503
            assert time.monotonic() - started < 0.4
    # Closing the socket resets the waiting connection: the stuck check returns.
    health.wait_for_pending_check(timeout=10)
    assert client.get("/healthz").status_code == 200


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_down(client):
    with unreachable_database():
        response = client.get("/healthz")
    assert_health_answer(response, 503)
    assert response.json() == {"status": "error", "database": "error", "cache": "ok"}


# Logout -------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_get_to_logout_changes_nothing_and_a_post_logs_out(client, manager):
    client.force_login(manager)
    session_key = client.cookies[settings.SESSION_COOKIE_NAME].value
    url = reverse("wagtailadmin_logout")
    assert url == "/admin/logout/"

    for method in (client.get, client.head, client.put):
        response = method(url)
        assert response.status_code == 405
        assert not response.cookies, response.cookies
        assert client.cookies[settings.SESSION_COOKIE_NAME].value == session_key
        assert Session.objects.filter(session_key=session_key).exists()
        assert client.get(reverse("wagtailadmin_home")).status_code == 200

    response = client.post(url)
    assert response.status_code == 302
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # deleted, as Wagtail does
    assert not Session.objects.filter(session_key=session_key).exists()
    assert client.get(reverse("wagtailadmin_home")).status_code == 302  # to the login page


# Malformed admin POSTs -------------------------------------------------------------------


def paragraph(value, **extra):
    item = {"body_fr-count": "1", "body_fr-0-type": "paragraph", "body_fr-0-value": value}
    item.update({"body_fr-0-deleted": "", "body_fr-0-order": "0", "body_fr-0-id": ""})
    item.update(extra)
    return {k: v for k, v in item.items() if v is not None}


def without(data, key):
    assert key in data
    return {k: v for k, v in data.items() if k != key}


RICH_TEXT = json.dumps({"blocks": [{"key": "a", "type": "unstyled", "text": "Bonjour"}], "entityMap": {}})

MALFORMED = {
    "no-stream-count": lambda data: without(data, "body_fr-count"),
    "stream-count-not-a-number": lambda data: {**data, "body_fr-count": "beaucoup"},
    "no-block-order": lambda data: {**data, **paragraph(RICH_TEXT, **{"body_fr-0-order": None})},
    "rich-text-not-json": lambda data: {**data, **paragraph("pas du JSON")},
}


@pytest.mark.parametrize("name", MALFORMED)
def test_malformed_page_edit_posts_answer_400_and_save_nothing(client, manager, draft, name, caplog):
    client.force_login(manager)
    client.raise_request_exception = False
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    revisions = draft.revisions.count()
    data = MALFORMED[name](page_form_data(draft, title_fr="Titre modifié"))

    with caplog.at_level("WARNING", logger="optnc_site.core.middleware"):
        response = client.post(url, data)

    assert response.status_code == 400, response.content[:300]
    assert draft.revisions.count() == revisions
    assert Page.objects.get(pk=draft.pk).specific.title_fr == "Brouillon"
    assert [r.levelname for r in caplog.records if r.name == "optnc_site.core.middleware"] == ["WARNING"]


def test_a_well_formed_post_still_saves(client, manager, draft):
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = page_form_data(draft, title_fr="Titre modifié")
    data.update(paragraph(RICH_TEXT))
    assert client.post(url, data).status_code == 302
    assert draft.revisions.count() == 2
    assert draft.revisions.latest("created_at").as_object().title_fr == "Titre modifié"


def test_a_missing_comments_management_form_drops_the_comments_only(client, manager, draft):
    # Wagtail's own choice (WagtailAdminPageForm.is_valid): the page is saved, no 500.
    client.force_login(manager)
    url = reverse("wagtailadmin_pages:edit", args=[draft.pk])
    data = without(page_form_data(draft, title_fr="Titre modifié"), "comments-TOTAL_FORMS")
    assert client.post(url, data).status_code == 302


def raise_in(function_name, exception):
    namespace = {"exception": exception}
    exec(f"def {function_name}():\n    raise exception", namespace)
    try:
        namespace[function_name]()
    except Exception as raised:  # noqa: BLE001
        return raised


def test_only_errors_of_reading_form_data_are_taken_for_malformed_data():
    malformed = MalformedAdminPostMiddleware.is_malformed_data
    assert malformed(raise_in("value_from_datadict", ValueError("bad")))
    assert malformed(raise_in("value_from_datadict", json.JSONDecodeError("bad", "x", 0)))
    assert not malformed(raise_in("save", ValueError("a real bug")))
    assert not malformed(raise_in("value_from_datadict", AttributeError("a real bug")))
    assert not malformed(raise_in("value_from_datadict", RuntimeError("a real bug")))


@pytest.mark.django_db
def test_other_errors_and_other_paths_stay_server_errors(rf):
    def view(request):
        raise AssertionError("unreachable")

    middleware = MalformedAdminPostMiddleware(view)
    bad = raise_in("value_from_datadict", ValueError("bad"))
    assert middleware.process_exception(rf.post("/admin/pages/1/edit/"), bad).status_code == 400
    assert middleware.process_exception(rf.get("/admin/pages/1/edit/"), bad) is None
    assert middleware.process_exception(rf.post("/fr/recherche/"), bad) is None
    assert middleware.process_exception(rf.post("/admin/x/"), raise_in("save", ValueError())) is None
