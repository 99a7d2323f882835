"""Error reporting to Sentry, only when ``SENTRY_DSN`` is set.

Called from the settings, before Django is set up. No personal data is sent
(``send_default_pii`` off: no cookies, no user, no client address; the SDK also drops the
``Authorization``, ``Cookie`` and forwarding headers). Each event carries the request id of
``RequestContextMiddleware`` as a tag, so an error matches its log lines. The release and
environment come from ``SENTRY_RELEASE`` and ``SENTRY_ENVIRONMENT``; performance tracing is
off unless ``SENTRY_TRACES_SAMPLE_RATE`` asks for it.
"""

import os


def init_sentry(environ=os.environ):
    dsn = environ.get("SENTRY_DSN", "")
    if not dsn:
        return False
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        send_default_pii=False,
        release=environ.get("SENTRY_RELEASE") or None,
        environment=environ.get("SENTRY_ENVIRONMENT") or "production",
        traces_sample_rate=float(environ.get("SENTRY_TRACES_SAMPLE_RATE") or 0),
    )
    return True
