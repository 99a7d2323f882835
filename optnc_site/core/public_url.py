"""The site's one public address: every absolute URL it gives out starts with ``SITE_URL``.

Left to themselves, Wagtail builds absolute URLs from its Site record (a hostname and a
port, hence ``http://`` on any port but 443) and Django (``build_absolute_uri``, the
syndication framework's ``add_domain``) from the request's Host header: reached through
nginx and Varnish, as ``127.0.0.1`` or under another name, a page then gave two addresses
for itself. ``settings.SITE_URL`` is the address visitors should share; ``absolute_url``
is the one place a path becomes an absolute URL (canonical, hreflang, Open Graph, sitemap,
robots.txt, feeds, JSON-LD, iCalendar), and ``sync_site`` keeps the Site record on the same
host and port for what Wagtail builds itself (``page.full_url`` in the admin's e-mails). The
admin's own links in e-mails come from ``WAGTAILADMIN_BASE_URL``, which the settings derive
from ``SITE_URL``.
"""

from urllib.parse import urlsplit

from django.conf import settings


def parse_site_url(value):
    """``value`` as ``scheme://host[:port]`` (default port left out), else ``ValueError``."""
    parts = urlsplit(value.strip())
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (
        parts.scheme not in {"http", "https"}
        or not parts.hostname
        or port == -1
        or parts.username is not None
        or parts.path not in {"", "/"}
        or parts.query
        or parts.fragment
    ):
        raise ValueError(value)
    host = f"[{parts.hostname}]" if ":" in parts.hostname else parts.hostname
    if port is not None and port != default_port(parts.scheme):
        host = f"{host}:{port}"
    return f"{parts.scheme}://{host}"


def default_port(scheme):
    return 443 if scheme == "https" else 80


def allowed_host(site_url):
    """The host name of ``site_url`` as ``ALLOWED_HOSTS`` spells it (``[::1]`` for IPv6)."""
    hostname = urlsplit(site_url).hostname
    return f"[{hostname}]" if ":" in hostname else hostname


def absolute_url(url):
    """``url`` (a path such as ``Page.get_url`` or ``reverse`` give) at ``SITE_URL``.

    A URL naming its own host is returned as it is: media on a storage bucket's domain
    (``AWS_S3_CUSTOM_DOMAIN``) really live elsewhere.
    """
    if not url:
        return ""
    if urlsplit(url).scheme:
        return url
    return settings.SITE_URL + ("" if url.startswith("/") else "/") + url


def page_url(page, request=None):
    """The absolute URL of ``page`` in the active language, or ``""`` if it has none."""
    parts = page.get_url_parts(request=request)
    return absolute_url(parts[2]) if parts and parts[2] is not None else ""


def sync_site(site):
    """Give the Wagtail Site ``site`` the host and port of ``SITE_URL``; True if it changed.

    Wagtail's ``Site.root_url`` derives the scheme from the port (443: https, else http):
    ``https://`` on another port than 443 cannot be said there, and only the URLs Wagtail
    builds itself (the admin's "view live" links) then differ from ``SITE_URL``.
    """
    parts = urlsplit(settings.SITE_URL)
    hostname, port = parts.hostname, parts.port or default_port(parts.scheme)
    if (site.hostname, site.port) == (hostname, port):
        return False
    site.hostname, site.port = hostname, port
    return True


def sync_default_site(**kwargs):
    """``post_migrate``: the default Site answers at ``SITE_URL`` (each ``migrate``, so at
    every start of ``bin/start``, ``make run`` and ``make stack``)."""
    from wagtail.models import Site

    site = Site.objects.filter(is_default_site=True).first()
    if site is not None and sync_site(site):
        site.save(update_fields=["hostname", "port"])  # Wagtail's signal forgets the root paths
        forget_site_root_paths()


def forget_site_root_paths():
    """wagtail-modeltranslation caches the site root paths per language, under its own keys."""
    from django.core.cache import cache

    cache.delete_many([f"wagtail_site_root_paths_{code}" for code, _name in settings.LANGUAGES])
