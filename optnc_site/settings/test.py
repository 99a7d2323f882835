"""Settings for pytest: fast hashing, in-memory mail, static files without a manifest."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
SERVE_MEDIA = True
# The host the tests' client names (tests/conftest.py); tests/core/test_public_url.py
# changes it to prove that nothing else leaks into the URLs.
SITE_URL = "http://localhost"
WAGTAILADMIN_BASE_URL = SITE_URL
# Uploads and renditions made by the tests never land in the working tree.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="optnc-test-media-"))
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="optnc-test-static-"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test"},
    "renditions": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "test-renditions"},
}
