"""The admin's password reset (issue #12, point 3): the same answer, the same work and the same
time whether an account has the address or not; limited per client and per target address."""

import time

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from optnc_site.core.throttling import wait_for_mail
from tests.editorial.conftest import editor  # noqa: F401 - a fixture

URL = "/admin/password_reset/"
UNKNOWN = "personne@example.nc"
TOO_MANY = "Trop de demandes de réinitialisation"
SMTP_DELAY = 1.0  # seconds: a slow mail server


class SlowSMTPBackend(EmailBackend):
    """The in-memory backend, as slow as a mail server far away."""

    def send_messages(self, messages):
        time.sleep(SMTP_DELAY)
        return super().send_messages(messages)


def ask_reset(client, email, address="127.0.0.1"):
    return client.post(URL, {"email": email}, REMOTE_ADDR=address)


@pytest.mark.django_db
def test_the_answer_and_the_work_are_the_same_whether_the_account_exists(client, editor):  # noqa: F811
    answers, queries = {}, {}
    for email in (editor.email, UNKNOWN):
        with CaptureQueriesContext(connection) as captured:
            answers[email] = ask_reset(client, email)
        queries[email] = [query["sql"].replace(email, "%s") for query in captured.captured_queries]
    assert [answer.status_code for answer in answers.values()] == [302, 302]
    assert (
        answers[editor.email]["Location"]
        == answers[UNKNOWN]["Location"]
        == reverse("wagtailadmin_password_reset_done")
    )
    assert queries[editor.email] == queries[UNKNOWN]
    wait_for_mail(timeout=10)
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "/admin/password_reset/confirm/" in mail.outbox[0].body


@pytest.mark.django_db
def test_the_mail_is_sent_after_the_answer(client, editor, settings):  # noqa: F811
    settings.EMAIL_BACKEND = f"{__name__}.SlowSMTPBackend"
    timings = {}
    for email in (editor.email, UNKNOWN):
        started = time.perf_counter()
        assert ask_reset(client, email).status_code == 302
        timings[email] = time.perf_counter() - started
    # Measured in one run: both well under the mail server's delay, so neither waited for it.
    assert max(timings.values()) < SMTP_DELAY / 2, timings
    assert mail.outbox == []
    wait_for_mail(timeout=10)
    assert [message.to for message in mail.outbox] == [[editor.email]]


@pytest.mark.django_db
def test_one_client_address_is_limited(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PASSWORD_RESET_RATE_PER_CLIENT = "3/h"  # pragma: allowlist secret
    for number in range(3):
        assert ask_reset(client, f"inconnu{number}@example.nc").status_code == 302
    elsewhere = client.post(URL, {"email": "encore@example.nc"}, HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert elsewhere.status_code == 302  # another client address: counted apart
    refused = ask_reset(client, "encore@example.nc")
    assert refused.status_code == 429
    assert TOO_MANY in refused.content.decode()


@pytest.mark.django_db
def test_one_target_address_is_limited_and_the_answer_reveals_no_account(client, editor, settings):  # noqa: F811
    settings.TRUSTED_PROXY_COUNT = 1
    settings.PASSWORD_RESET_RATE_PER_EMAIL = "2/h"  # pragma: allowlist secret
    refusals = {}
    for email in (editor.email, UNKNOWN):
        for number in range(2):
            forwarded = f"198.51.100.{number + 1}"
            assert client.post(URL, {"email": email}, HTTP_X_FORWARDED_FOR=forwarded).status_code == 302
        # From yet another address, and whatever the case of the address.
        refusals[email] = client.post(URL, {"email": email.upper()}, HTTP_X_FORWARDED_FOR="198.51.100.9")
    for refused in refusals.values():
        assert refused.status_code == 429
    messages = {email: refused.context["form"].non_field_errors() for email, refused in refusals.items()}
    assert messages[editor.email] == messages[UNKNOWN]
    assert TOO_MANY in str(messages[UNKNOWN])
    wait_for_mail(timeout=10)
    assert len(mail.outbox) == 2  # the two allowed ones, to the editor
