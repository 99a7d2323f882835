"""Local development and `make run`: SQLite unless DATABASE_URL says otherwise."""

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
# A throwaway key for this machine only; production refuses to start without its own.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-used-in-production"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# `make run` serves the site as visitors see it (DEBUG off): Django then serves media
# uploads itself, since there is no front web server on a developer's machine.
SERVE_MEDIA = True
