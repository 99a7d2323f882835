import re

from django import template
from django.http import QueryDict
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from modeltranslation.utils import build_localized_fieldname
from wagtail.images.models import Picture
from wagtail.images.shortcuts import get_renditions_or_not_found
from wagtail.models import Site

from .. import navigation
from ..public_url import absolute_url, page_url
from ..structured_data import json_ld_script, shared_image
from ..toc import page_outline

register = template.Library()


@register.simple_tag(takes_context=True)
def main_menu(context):
    request = context["request"]
    site = Site.find_for_request(request)
    if site is None:
        return []
    return navigation.main_menu(site, request)


@register.simple_tag(takes_context=True)
def footer_links(context, identity):
    return navigation.footer_links(identity, context["request"]) if identity else []


@register.simple_tag(takes_context=True)
def breadcrumb(context, page):
    return navigation.breadcrumb(page, context["request"])


@register.simple_tag(takes_context=True)
def language_alternates(context):
    request, page = context["request"], context.get("page")
    return navigation.language_alternates(
        request, page, not_found=context.get("not_found", False), query=switch_query(context)
    )


def switch_query(context):
    """What the language switch keeps: the query string of the values the page accepted
    (its ``query_string``: search words or list filters) and the page number."""
    parameters = QueryDict(context.get("query_string", ""), mutable=True)
    shown = context.get("page_obj") or context.get("results")
    number = getattr(shown, "number", 1)
    if number > 1:
        parameters["page"] = number
    return parameters.urlencode()


@register.filter
def lang_attr(obj, field_name):
    """` lang="fr"` when ``obj.field_name`` falls back to French, else nothing."""
    lang = navigation.fallback_lang(obj, field_name)
    return format_html(' lang="{}"', lang) if lang else ""


_NOTE_LINK = re.compile(r'<a href="#note-(\d+)">')


@register.filter
def footnote_refs(html, citations=None):
    """Give each link to ``#note-N`` an id for the note's way back, and a description.

    ``citations`` (``blocks.footnote_plan``) gives, in order, each link's target, id and
    the label of its notes, so that ids stay unique with several footnotes blocks or a
    note cited twice. Without it the links take the plain ids ``note-N``/``note-ref-N``.
    """
    if citations is None:
        return mark_safe(
            _NOTE_LINK.sub(
                r'<a href="#note-\1" id="note-ref-\1" class="footnote-ref" '
                r'aria-describedby="footnotes-label">',
                str(html),
            )
        )
    remaining = iter(citations)

    def cite(match):
        citation = next(remaining, None)
        if citation is None:
            return match.group(0)
        href, ref_id, label_id = citation
        return format_html(
            '<a href="{}" id="{}" class="footnote-ref" aria-describedby="{}">', href, ref_id, label_id
        )

    return mark_safe(_NOTE_LINK.sub(cite, str(html)))


PICTURE_WIDTHS = (400, 800, 1200)


@register.simple_tag
def responsive_picture(image, alt, sizes="(min-width: 50rem) 46rem, 100vw", loading="lazy"):
    """A ``<picture>`` offering AVIF and WebP with a JPEG (or PNG) fallback.

    Widths never exceed the original's, so no two candidates share a width descriptor.
    An image deleted since the page was saved renders nothing.
    """
    if image is None:
        return ""
    widths = sorted(
        {width for width in PICTURE_WIDTHS if width < image.width} | {min(image.width, PICTURE_WIDTHS[-1])}
    )
    fallback = "png" if image.file.name.lower().endswith(".png") else "jpeg"
    specs = [f"format-{fmt}|width-{width}" for fmt in ("avif", "webp", fallback) for width in widths]
    renditions = get_renditions_or_not_found(image, specs)
    attrs = {"alt": alt, "sizes": sizes, "loading": loading, "decoding": "async"}
    return Picture(renditions, attrs).__html__()


# Open Graph locales of the site's languages.
OG_LOCALES = {"fr": "fr_FR", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def page_meta(context):
    """Title, description, canonical URL, locales and sharing image of the page being shown.

    ``image`` is the page's own image, else the site's default (``shared_image``: its
    absolute URL, the rendition's real size, type and alternative text), else ``None``.
    ``locale_alternates`` are the other languages the page's title is written in.
    """
    request = context["request"]
    page = context.get("page")
    identity = context.get("identity")
    language = get_language()
    meta = {"locale": OG_LOCALES.get(language, "")}
    if page is None:
        return {**meta, "canonical": absolute_url(request.path)}
    card = page.card() if hasattr(page, "card") else {}
    choices = (
        page.get_share_image() if hasattr(page, "get_share_image") else None,
        identity.get_share_image() if identity else None,
    )
    # The first whose file can be read: a lost file falls back to the default.
    shown = (shared_image(image, alt=alt) for image, alt in filter(None, choices))
    return {
        **meta,
        "title": page.seo_title or page.title,
        "description": page.search_description or card.get("summary", ""),
        "canonical": page_url(page, request),
        "image": next(filter(None, shown), None),
        "type": "article" if getattr(page, "is_article", False) else "website",
        "locale_alternates": [
            locale
            for code, locale in OG_LOCALES.items()
            if code != language and getattr(page, build_localized_fieldname("title", code), "")
        ],
    }


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org objects (``BasePage.structured_data``), one script each."""
    page = context.get("page")
    if page is None or not hasattr(page, "structured_data"):
        return ""
    return mark_safe("".join(json_ld_script(data) for data in page.structured_data(context["request"])))


@register.simple_tag(takes_context=True)
def breadcrumb_json_ld(context, crumbs):
    return json_ld_script(
        {
            "@type": "BreadcrumbList",
            "itemListElement": [
                {
                    "@type": "ListItem",
                    "position": position,
                    "name": crumb["title"],
                    "item": absolute_url(crumb["url"]),
                }
                for position, crumb in enumerate(crumbs, start=1)
            ],
        }
    )


@register.filter
def verbose_name(model):
    return model._meta.verbose_name


@register.simple_tag
def table_of_contents(page):
    """The entries of ``page``'s in-page table of contents (core/toc.py); none for fewer
    than two, where a table would only repeat the page."""
    entries = page_outline(page)["entries"] if page is not None else []
    count = sum(1 + len(entry["children"]) for entry in entries)
    return entries if count >= 2 else []
