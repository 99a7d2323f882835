"""Response headers that tell the browser what a page may do: CSP and CORP.

**Content-Security-Policy** (django-csp's middleware, choosing the policy by path):

- *Public pages* (everything outside ``/admin/``, signed in or not): ``default-src 'none'``
  and only what the site uses, from its own origin. The one inline script (the ``no-js`` →
  ``js`` switch at the top of ``base.html``, which must run before the first paint) is
  allowed by its SHA-256 hash, not a nonce: the header is then the same for every request,
  so a page cache may store it with the page. JSON-LD (``<script type="application/ld+json">``)
  is data, never run, and needs no allowance.
- *The admin, signed in*: Wagtail 7.4 still writes inline scripts (InlinePanel and
  MultipleChooserPanel set-up, choosers' ``render_js_init``, the date widgets,
  wagtail-modeltranslation's settings; Wagtail issue #1288) and inline ``style``
  attributes, so ``'unsafe-inline'`` for scripts and styles; still nothing from another
  host, no ``eval``, no plugins, forms only to the site, ``data:``/``blob:`` images for the
  upload previews. It may be framed by the site itself only where Wagtail allows it
  (``X-Frame-Options: SAMEORIGIN``: the preview), never by another site.
- *The admin, signed out* (login, password reset, the lockout page): the public script
  rule, without ``'unsafe-inline'``: the pages anyone can reach run no inline script.

**Cross-Origin-Resource-Policy: same-origin** on every response, static files included:
another site cannot embed the site's pages, images or files.
"""

import base64
import hashlib
from urllib.parse import urlsplit

from csp.constants import NONE, SELF, UNSAFE_INLINE
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings

# Inline scripts of the site's own templates, verbatim (tests/security checks that every
# inline script of every public page is here).
INLINE_SCRIPTS = ('document.documentElement.classList.replace("no-js", "js");',)


def script_hash(source):
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


INLINE_SCRIPT_HASHES = [script_hash(source) for source in INLINE_SCRIPTS]


def media_origins():
    """The media host when uploads live in S3-compatible storage rather than on the site."""
    storage = settings.STORAGES["default"]
    if not storage["BACKEND"].startswith("storages.backends.s3"):
        return []
    options = storage.get("OPTIONS", {})
    if options.get("custom_domain"):
        return [f"https://{options['custom_domain']}"]
    if options.get("endpoint_url"):
        parts = urlsplit(options["endpoint_url"])
        return [f"{parts.scheme}://{parts.netloc}"]
    return [f"https://{options['bucket_name']}.s3.amazonaws.com"]


def public_directives():
    return {
        "default-src": [NONE],
        "script-src": [SELF, *INLINE_SCRIPT_HASHES],
        "style-src": [SELF],
        "img-src": [SELF, *media_origins()],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }


def admin_directives(signed_in, framable):
    return {
        "default-src": [SELF],
        "script-src": [SELF, UNSAFE_INLINE] if signed_in else [SELF, *INLINE_SCRIPT_HASHES],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", *media_origins()],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [SELF] if framable else [NONE],
    }


def is_admin(request):
    return request.path_info.startswith("/admin/")


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the public or the admin policy by path (see above)."""

    def process_response(self, request, response):
        if getattr(request, "is_dummy", False):
            # Wagtail's preview runs the page through the middleware as a dummy request to
            # its public URL: the admin request that holds it chooses the policy.
            return response
        return super().process_response(request, response)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if report_only or parts.config is not None:
            # No report-only policy; a view's own @csp decorator still wins.
            return parts
        if is_admin(request):
            user = getattr(request, "user", None)
            signed_in = bool(user and user.is_authenticated)
            framable = response.get("X-Frame-Options", "").upper() == "SAMEORIGIN"
            config = admin_directives(signed_in, framable)
        else:
            config = public_directives()
        return PolicyParts(config, parts.update, parts.replace, parts.nonce)


class CrossOriginResourcePolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Cross-Origin-Resource-Policy", "same-origin")
        return response
