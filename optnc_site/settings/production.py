"""Production: every secret from the environment, HTTPS everywhere."""

import os

from .base import *  # noqa: F403
from .base import env_bool

DEBUG = False
if not os.environ.get("SECRET_KEY"):
    # A clear message rather than a traceback: the service must not start with a guessable key.
    raise SystemExit(
        "SECRET_KEY n'est pas défini : la configuration de production refuse de démarrer "
        "sans clé secrète. Définissez la variable d'environnement SECRET_KEY "
        "(au moins 50 caractères aléatoires)."
    )
SECRET_KEY = os.environ["SECRET_KEY"]

# INSTANCES: how many copies of the site serve it at once (machines, containers), all on one
# database. Their cache must then be one too (Redis): a per-machine cache keeps serving the
# menu and page links it held before a change published through another instance.
try:
    INSTANCES = int(os.environ.get("INSTANCES") or "1")
except ValueError:
    raise SystemExit(
        f"INSTANCES vaut « {os.environ['INSTANCES']} » : indiquez le nombre d'instances du site "
        "(1 par défaut)."
    ) from None
PER_MACHINE_CACHES = {
    "django.core.cache.backends.filebased.FileBasedCache",
    "django.core.cache.backends.locmem.LocMemCache",
}
if INSTANCES > 1 and any(cache["BACKEND"] in PER_MACHINE_CACHES for cache in CACHES.values()):  # noqa: F405
    raise SystemExit(
        f"INSTANCES={INSTANCES} : plusieurs instances du site partagent la base de données, mais "
        "leur cache est propre à chaque machine (fichiers ou mémoire) ; chacune servirait encore "
        "les menus et les liens d'avant une publication faite sur une autre. Définissez REDIS_URL "
        "(un même Redis pour toutes les instances)."
    )

SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# A load balancer's probe speaks plain HTTP to the instance: /healthz answers it directly.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# Behind a TLS-terminating proxy (the usual deployment), trust its scheme header.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SERVE_MEDIA = False

EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
