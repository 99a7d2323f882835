"""The production settings, as the app servers of tests/ops run them.

Only what a test run cannot have changes: static files are named without collectstatic's
manifest (the tests do not run collectstatic), and Django serves the media, which nginx
serves in production, so that the backup tests can fetch them over HTTP.
"""

from optnc_site.settings.production import *  # noqa: F403

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True
