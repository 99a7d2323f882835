"""Password reset and page passwords: limited per client address, and revealing nothing.

- **Password reset** (``/admin/password_reset/``): at most ``PASSWORD_RESET_RATE_PER_CLIENT``
  requests per client address and ``PASSWORD_RESET_RATE_PER_EMAIL`` per target address,
  counted whether an account has that address or not, answered with the same French
  message (429). The request does the same work whether the account exists or not (one
  query for the accounts, and a token for each, which costs microseconds): rendering and
  sending the mail, which took ~90 ms over SMTP and told existing accounts apart by their
  answer time, happen in a background thread after the answer has gone.
- **Page passwords** (Wagtail's ``PageViewRestriction`` form): after
  ``VIEW_PASSWORD_RATE`` wrong passwords from one client address, a French 429 page with
  ``Retry-After`` until the window ends.

Counts live in the default cache through django-ratelimit's ``get_usage`` (windows and
keys), keyed by ``client_ip``. Without Redis, the file cache's increments are not atomic:
a burst may get a few more tries than the limit, never unlimited ones.
"""

import contextvars
import logging
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage
from wagtail import views as wagtail_views
from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm
from wagtail.admin.views import account

from .client_ip import client_ip

logger = logging.getLogger(__name__)

TOO_MANY_RESETS = _(
    "Trop de demandes de réinitialisation depuis cette adresse ou pour ce compte. Réessayez dans une heure."
)

_mail_executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="password-reset-mail")
_pending_mail = []


def usage(request, group, value, rate, increment):
    return get_usage(request, group=group, key=lambda _group, _request: value, rate=rate, increment=increment)


def over_limit(request, group, value, rate):
    """Counts this attempt; True once it is over the limit."""
    result = usage(request, group, value, rate, increment=True)
    return result["count"] > result["limit"]


def wait_for_mail(timeout=None):
    """Wait until the reset mails queued so far have been sent (for the tests)."""
    while _pending_mail:
        _pending_mail.pop(0).result(timeout=timeout)


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's form, whose mails are rendered and sent after the answer (see above)."""

    def send_mail(self, *args, **kwargs):
        context = contextvars.copy_context()  # the request id and client address, for the logs
        language = translation.get_language()
        future = _mail_executor.submit(context.run, self._send_in_background, language, args, kwargs)
        _pending_mail.append(future)
        _pending_mail[:] = [pending for pending in _pending_mail if not pending.done()]

    def _send_in_background(self, language, args, kwargs):
        try:
            with translation.override(language):
                super().send_mail(*args, **kwargs)
        except Exception:  # Django's send_mail logs SMTP errors; this catches rendering ones
            logger.exception("password reset mail could not be prepared")


class PasswordResetView(account.PasswordResetView):
    def get_form_class(self):
        return PasswordResetForm

    def post(self, request, *args, **kwargs):
        form = self.get_form()
        limited = over_limit(
            request, "password-reset:client", client_ip(request), settings.PASSWORD_RESET_RATE_PER_CLIENT
        )
        if not limited and form.is_valid():
            email = form.cleaned_data["email"].strip().lower()
            rate = settings.PASSWORD_RESET_RATE_PER_EMAIL
            limited = over_limit(request, "password-reset:email", email, rate)
            if not limited:
                return self.form_valid(form)
        if limited:
            form.errors.clear()
            form.add_error(None, TOO_MANY_RESETS)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return self.form_invalid(form)


def authenticate_with_password(request, page_view_restriction_id, page_id):
    """Wagtail's page-password view, refusing a client address after too many wrong tries."""
    if request.method != "POST":
        return wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    address = client_ip(request)
    rate = settings.VIEW_PASSWORD_RATE
    tries = usage(request, "view-password", address, rate, increment=False)
    if tries["count"] >= tries["limit"]:
        retry_after = max(tries["time_left"], 1)
        context = {"retry_minutes": -(-retry_after // 60)}
        response = render(request, "too_many_attempts.html", context, status=429)
        response["Retry-After"] = str(retry_after)
        return response
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if response.status_code != 302:  # the form again: a wrong password
        usage(request, "view-password", address, rate, increment=True)
    return response
