import re
import sys

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse, HttpResponseServerError
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.http import urlencode
from django.views.decorators.cache import cache_control
from wagtail.admin.views.account import LogoutView as WagtailLogoutView
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend

from . import faults
from .public_url import absolute_url, page_url
from .search import highlights

SEARCH_PER_PAGE = 10
MAX_QUERY_LENGTH = 200
# NUL and other control characters: PostgreSQL refuses them, and nobody means them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


# What reaches the search backend: words only. Quotes, operators and punctuation mean
# something to SQLite's FTS5 and PostgreSQL's tsquery parsers, and nothing to a visitor.
NON_WORD = re.compile(r"[^\w'’]+")


def clean_query(raw):
    return " ".join(CONTROL_CHARACTERS.sub("", raw).split())[:MAX_QUERY_LENGTH]


def search_terms(query):
    return " ".join(NON_WORD.sub(" ", query).lower().split())


def search(request):
    """Results in the visitor's language: stemmed in it, with excerpts marking the terms.

    Never indexed by search engines (``X-Robots-Tag`` here, the ``robots`` meta in the page).
    """
    query = clean_query(request.GET.get("q", ""))
    language = translation.get_language()
    site = Site.find_for_request(request)
    results_page = None
    terms = search_terms(query)
    if terms and site is not None:
        pages = Page.objects.live().public().descendant_of(site.root_page, inclusive=True)
        backend = get_search_backend(LANGUAGE=language)
        paginator = Paginator(backend.search(terms, pages, operator="and"), SEARCH_PER_PAGE)
        try:
            results_page = paginator.get_page(request.GET.get("page"))
        except EmptyPage:  # no results at all: get_page's fallback to the last page fails too
            results_page = paginator.page(1)
        ids = [page.pk for page in results_page.object_list]
        specific = Page.objects.filter(pk__in=ids).specific().in_bulk()
        found = [specific[pk] for pk in ids if pk in specific]
        marked = highlights(found, terms, language)
        results_page.object_list = [{"page": page, **marked[page.pk]} for page in found]
    response = render(
        request,
        "core/search.html",
        {
            "query": query,
            "searched": bool(terms),
            "results": results_page,
            "query_string": urlencode({"q": query}) if query else "",
        },
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@cache_control(max_age=3600)
def sitemap(request):
    """Every live public page in each language, with its hreflang alternates."""
    site = Site.find_for_request(request)
    pages = (
        (
            Page.objects.live()
            .public()
            .descendant_of(site.root_page, inclusive=True)
            .order_by("path")
            .specific()
        )
        if site
        else []
    )
    entries = []
    for page in pages:
        alternates = []
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                alternates.append({"code": code, "url": page_url(page, request)})
        for alternate in alternates:
            entries.append(
                {"url": alternate["url"], "alternates": alternates, "lastmod": page.last_published_at}
            )
    return render(
        request, "core/sitemap.xml", {"entries": entries}, content_type="application/xml; charset=utf-8"
    )


def robots(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /documents/*/preview/",
        f"Sitemap: {absolute_url(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def page_not_found(request, exception=None):
    """The 404 page in the language of the address's prefix (``/en/…``: English, whatever
    the visitor's cookie or browser says), its language switch on the other language's page."""
    language = translation.get_language_from_path(request.path_info)
    if language:
        translation.activate(language)  # also what LocaleMiddleware says in Content-Language
    return render(request, "404.html", {"not_found": True}, status=404)


def server_error(request, *args, **kwargs):
    """The 500 page in the visitor's language, rendered without touching the database.

    A database that does not answer is not a bug of the site: it gets the 503 answer
    (optnc_site/core/faults.py), also when a middleware met it after the view.
    """
    unavailable = faults.database_unavailable_response(request, sys.exc_info()[1])
    if unavailable is not None:
        return unavailable
    _language, body = faults.render_error_page(request, "500.html")
    return HttpResponseServerError(body)


class AdminLogoutView(WagtailLogoutView):
    """The admin's logout, which only a POST performs.

    Django's LogoutView answers anything but POST (and OPTIONS) with 405, but Wagtail's adds
    its "logged out" message and deletes the session cookie after whatever Django answered:
    a GET (a link, a prefetch, an ``<img src>`` on another site) cleared the browser's
    cookie while the session stayed valid on the server. Here any other method gets
    Django's answer alone, and leaves the session and its cookie as they were.
    """

    def dispatch(self, request, *args, **kwargs):
        if request.method == "POST":
            return super().dispatch(request, *args, **kwargs)
        # Django's LogoutView.dispatch (CSRF, never_cache, then 405 or OPTIONS), not Wagtail's.
        return super(WagtailLogoutView, self).dispatch(request, *args, **kwargs)
