"""Settings shared by every environment. Everything that varies comes from env vars."""

import datetime
import os
from pathlib import Path

import dj_database_url

from optnc_site.core.observability import init_sentry
from optnc_site.core.public_url import allowed_host, parse_site_url

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
# The site's one public address (optnc_site/core/public_url.py): every absolute URL it gives
# out, the Wagtail Site record (set at each migrate) and the admin's e-mails use it. By
# default the address `make run` serves.
try:
    SITE_URL = parse_site_url(
        os.environ.get("SITE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
    )
except ValueError as error:
    raise SystemExit(
        f"SITE_URL vaut « {error} » : indiquez l'adresse publique du site, "
        "par exemple https://www.opt.nc (schéma, nom d'hôte et port éventuel, sans chemin)."
    ) from None
# The public address is always served, whatever else ALLOWED_HOSTS lists.
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
if allowed_host(SITE_URL) not in ALLOWED_HOSTS:
    ALLOWED_HOSTS.append(allowed_host(SITE_URL))
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # wagtail_modeltranslation must come before Wagtail so that its patches and its
    # migrate/makemigrations commands win (see shared notes on modeltranslation).
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "optnc_site.core",
    "partnerships",
    "events",
    "memberships",
    # Only the Wagtail and Django apps the code uses: no form builder, no oEmbed (rich
    # text and blocks list their features, without "embed"), and the sitemap is our own
    # view (optnc_site.core.views.sitemap).
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # Its French catalogue translates the admin's "2 minutes ago" (Wagtail's naturaltime).
    "django.contrib.humanize",
]

MIDDLEWARE = [
    # First, above any page cache: each response gets its own request id.
    "optnc_site.core.request_id.RequestContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # CSP, CORP and Permissions-Policy before WhiteNoise, so that static files get them too.
    "optnc_site.core.security.ContentSecurityPolicyMiddleware",
    "optnc_site.core.security.CrossOriginResourcePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A database that does not answer: 503 with Retry-After, not 500 (core/faults.py). It
    # acts on the view's exception, so any place works; a page cache answers above it.
    "optnc_site.core.faults.DatabaseUnavailableMiddleware",
    # French spaces and apostrophes on the final HTML of French pages (below: what writes it).
    "optnc_site.core.typography.FrenchTypographyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "optnc_site.core.middleware.FrenchAdminMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Malformed form data posted to the admin: 400 rather than a server error.
    "optnc_site.core.middleware.MalformedAdminPostMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the response below.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Failed logins: five tries per account and address, then fifteen minutes' wait. The same
# answer whether the account exists or not, so the login page reveals no account.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "account_locked.html"
AXES_HTTP_RESPONSE_CODE = 429
# The proxies in front of the site (nginx, a load balancer) whose X-Forwarded-For entries are
# trusted: 0 = the site is reached directly (optnc_site/core/client_ip.py).
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "optnc_site.core.client_ip.client_ip"
# Password reset and page passwords (optnc_site/core/throttling.py).
PASSWORD_RESET_RATE_PER_CLIENT = os.environ.get("PASSWORD_RESET_RATE_PER_CLIENT", "5/h")
PASSWORD_RESET_RATE_PER_EMAIL = os.environ.get("PASSWORD_RESET_RATE_PER_EMAIL", "3/h")
VIEW_PASSWORD_RATE = os.environ.get("VIEW_PASSWORD_RATE", "10/15m")

ROOT_URLCONF = "optnc_site.urls"
WSGI_APPLICATION = "optnc_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # A database host that drops packets fails a request (and /healthz) in seconds, not minutes.
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = int(
        os.environ.get("DB_CONNECT_TIMEOUT", "3")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French first (default, admin), English second.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Pacific/Noumea"

MODELTRANSLATION_DEFAULT_LANGUAGE = "fr"
MODELTRANSLATION_LANGUAGES = ("fr", "en")
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fr",)
# Wagtail's own i18n (one page tree per locale) stays off: modeltranslation holds both
# languages in one tree.
WAGTAIL_I18N_ENABLED = False
WAGTAIL_CONTENT_LANGUAGES = [("fr", "Français")]
# Raw title/slug columns follow the editor's admin language: pin it to French.
WAGTAILADMIN_PERMITTED_LANGUAGES = [("fr", "Français")]
# The copy-StreamField endpoint of wagtail-modeltranslation has no CSRF or permission
# checks: its admin URL is dropped in optnc_site.core.wagtail_hooks.
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Static files are this site's own: no Access-Control-Allow-Origin: * (whitenoise's default).
WHITENOISE_ALLOW_ALL_ORIGINS = False
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    # S3-compatible media storage; credentials and endpoint come from AWS_* env vars.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
        },
    }

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    # Django's RedisCache, for which a Redis that is down or slow is a miss, not a 500
    # (optnc_site/core/cache.py): the pages then come from the database.
    CACHES = {
        "default": {
            "BACKEND": "optnc_site.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "optnc",
        },
        "renditions": {
            "BACKEND": "optnc_site.core.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "optnc-renditions",
        },
    }
else:
    # Without Redis, files: unlike local memory they are shared by all the server's worker
    # processes, so clearing the menu or page links on publish reaches every one of them.
    CACHE_DIR = Path(os.environ.get("CACHE_DIR", BASE_DIR / "var" / "cache"))
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR / "default",
        },
        "renditions": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": CACHE_DIR / "renditions",
        },
    }

WAGTAIL_SITE_NAME = "OPT-NC"
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAILADMIN_NOTIFICATION_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# The links of the admin's e-mails (notifications, password reset).
WAGTAILADMIN_BASE_URL = SITE_URL
# On PostgreSQL each language's text is indexed and searched with its own configuration,
# folding accents (core migrations 0003 and 0009; optnc_site/core/search.py); SQLite keeps
# Wagtail's database backend, which searches more simply (README, "Search").
WAGTAILSEARCH_BACKENDS = {
    "default": {
        "BACKEND": "optnc_site.core.search",
        "SEARCH_CONFIGS": {"fr": "french_unaccent", "en": "english_unaccent"},
    }
}
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "csv", "txt", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "optnc_site.core.forms.ImageForm"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ALLOW_UNICODE_SLUGS = False
# No avatars from gravatar.com: the admin asks no other host, and sends it no hash of the
# editors' e-mail addresses (Wagtail shows its default avatar instead).
WAGTAIL_GRAVATAR_PROVIDER_URL = None

SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy and Cross-Origin-Resource-Policy: optnc_site/core/security.py.
# No "Access-Control-Allow-Origin: *" on static files: nothing else needs to read them.
WHITENOISE_ALLOW_ALL_ORIGINS = False
# Browser features no page uses, refused to the site and to anything it could embed.
PERMISSIONS_POLICY = {
    feature: []
    for feature in """accelerometer autoplay browsing-topics camera display-capture encrypted-media
    geolocation gyroscope hid idle-detection magnetometer microphone midi payment
    publickey-credentials-get screen-wake-lock serial usb xr-spatial-tracking""".split()
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # Every line names its request and client address (optnc_site/core/request_id.py).
    "filters": {"request": {"()": "optnc_site.core.request_id.RequestContextFilter"}},
    "formatters": {
        "request": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s %(client_ip)s] %(message)s"}
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["request"], "formatter": "request"}
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}

# Errors to Sentry when SENTRY_DSN is set (optnc_site/core/observability.py).
init_sentry()
