"""Main menu, breadcrumb and language alternates, computed in the visitor's language."""

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from django.urls import Resolver404, resolve, reverse, translate_url
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname

from .public_url import absolute_url

MENU_CACHE_KEY = "main-menu:{site_id}:{language}"
FOOTER_CACHE_KEY = "footer-links:{site_id}:{language}"
ORGANISATION_CACHE_KEY = "organisation-name:{site_id}:{language}"


def is_fallback(obj, field_name):
    """True when ``obj.field_name`` shows French because the active language has no value."""
    language = translation.get_language()
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    if not language or language == default:
        return False
    localized = getattr(obj, build_localized_fieldname(field_name, language), None)
    return not localized


def fallback_lang(obj, field_name):
    """The ``lang`` to put on an element showing ``obj.field_name``, or ``None``."""
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE if is_fallback(obj, field_name) else None


def link_item(page, request):
    return {
        "title": page.title,
        "lang": fallback_lang(page, "title"),
        "url": page.get_url(request=request),
    }


def main_menu(site, request):
    """The home page's children marked "show in menus", cached per site and language."""
    language = translation.get_language()
    key = MENU_CACHE_KEY.format(site_id=site.pk, language=language)
    items = cache.get(key)
    if items is None:
        pages = site.root_page.get_children().live().public().in_menu()
        items = [link_item(page, request) for page in pages]
        cache.set(key, items, 60 * 60)
    return items


def footer_links(identity, request):
    """The footer's published, unrestricted pages, cached per site and language like the menu."""
    language = translation.get_language()
    key = FOOTER_CACHE_KEY.format(site_id=identity.site_id, language=language)
    items = cache.get(key)
    if items is None:
        pages = identity.public_footer_links
        items = [link_item(page, request) for page in pages]
        name_accessibility_state(items, pages, request)
        cache.set(key, items, 60 * 60)
    return items


def name_accessibility_state(items, pages, request):
    """The accessibility statement's footer link names the site's state, as RGAA 4.1 asks of
    every page: « Accessibilité : non conforme »."""
    statements = set(
        apps.get_model("core", "LegalPage")
        .objects.filter(pk__in=[page.pk for page in pages], kind="accessibility")
        .values_list("pk", flat=True)
    )
    if not statements:
        return
    legal = apps.get_model("core", "LegalInformation").for_request(request)
    for item, page in zip(items, pages, strict=True):
        if page.pk in statements:
            item["title"] = translation.gettext("Accessibilité : %(state)s") % {
                "state": legal.conformity_label
            }
            item["lang"] = None


def organisation_name(request):
    """The organisation's name from the site settings, in the visitor's language, else the
    site's name; cached like the footer, so that a feed naming its author costs no query."""
    from wagtail.models import Site

    site = Site.find_for_request(request)
    key = ORGANISATION_CACHE_KEY.format(site_id=site.pk if site else 0, language=translation.get_language())
    name = cache.get(key)
    if name is None:
        identity = apps.get_model("core", "SiteIdentity").for_request(request) if site else None
        name = (identity and identity.organisation_name) or settings.WAGTAIL_SITE_NAME
        cache.set(key, name, 60 * 60)
    return name


def clear_menu_cache():
    """Forget the menus, footer links and organisation names of every site (the tree, a
    restriction or the site settings changed)."""
    from wagtail.models import Site

    keys = [
        key.format(site_id=site_id, language=code)
        for key in (MENU_CACHE_KEY, FOOTER_CACHE_KEY, ORGANISATION_CACHE_KEY)
        for site_id in Site.objects.values_list("pk", flat=True)
        for code, _name in settings.LANGUAGES
    ]
    cache.delete_many(keys)


def breadcrumb(page, request):
    ancestors = page.get_ancestors(inclusive=True).filter(depth__gte=2)
    return [link_item(ancestor, request) for ancestor in ancestors]


def language_alternates(request, page=None, not_found=False, query=""):
    """One entry per language: where the page being shown lives in it.

    ``url``, the language switch's link, carries ``query``: the search words, list filters
    and page number the page accepted (their values name no language; a value it refused
    is never echoed back). ``absolute_url``, for
    hreflang, is that page at SITE_URL without the query, like the canonical URL. Without a
    Wagtail page (the search page, a 404) the path is translated by Django's URL patterns;
    a 404 switches to the same path in the other language when that is a page, else to the
    other language's home.
    """
    current = translation.get_language()
    alternates = []
    for code, name in settings.LANGUAGES:
        if page is not None:
            with translation.override(code):
                path = page.get_url(request=request)
        elif code == current:
            path = request.path
        else:
            path = other_language_path(request, code, not_found)
        if path:
            alternates.append(
                {
                    "code": code,
                    "name": name,
                    "url": f"{path}?{query}" if query else path,
                    "absolute_url": absolute_url(path),
                    "current": code == current,
                }
            )
    return alternates


def other_language_path(request, code, not_found=False):
    """``request.path`` in language ``code``: its URL pattern reversed in that language,
    provided it leads somewhere there; else the home page of that language."""
    # translate_url resolves the path in the active language, and reverses it in ``code``.
    path = translate_url(request.path, code)
    if path == request.path or (not_found and not serves_something(request, path, code)):
        with translation.override(code):
            return reverse("wagtail_serve", args=[""])
    return path


def serves_something(request, path, code):
    """True when ``path`` is a view, or a live page, in language ``code``."""
    from wagtail.models import Site

    with translation.override(code):
        try:
            match = resolve(path)
        except Resolver404:
            return False
        if match.url_name != "wagtail_serve":
            return True
        site = Site.find_for_request(request)
        if site is None:
            return False
        try:
            site.root_page.specific.route(request, [part for part in match.args[0].split("/") if part])
        except Http404:
            return False
    return True
