"""French typography on the HTML the site serves in French.

Editors type, and templates hold, plain spaces before « : ; ! ? », straight apostrophes,
"1 décembre", "OPT-NC": a colon may start a line, a name breaks at its hyphen. The rules
are applied once, to the final HTML of every French page, whatever wrote the text (rich
text, plain fields, templates, dates), so no editor nor template has to think of them:

- a narrow no-break space (U+202F) before « ; : ! ? » and inside « », where there was a
  space or none (never in "12:30", "http://", "?q=", which have no space after);
- a typographic apostrophe (’) for the straight one;
- "1er" for the first day of a month ("1er décembre");
- "OPT-NC" and "Nouvelle-Calédonie" kept whole, in a ``nowrap`` span (not U+2011, which
  find-in-page and a copy then miss).

The spaces and apostrophes also go into the attributes visitors read: ``title``, ``alt``,
``aria-label``, and the content of the meta tags that repeat the title or the text
(description, ``og:title``…).

Otherwise only text nodes change: tags and their attributes (URLs, ids, JSON) stay as they are, and
nothing changes inside ``<script>``, ``<style>``, ``<pre>``, ``<code>``, ``<kbd>``,
``<samp>``, ``<textarea>``, SVG/MathML, or an element in another language (``lang="en"``).
English pages, the admin, feeds and files are not touched.

Why our own code: the packages on PyPI are English or Russian typographers (typogrify,
smartypants: curly quotes and widows the English way; chakert, django-typograph) or
template filters on one value; none knows the French spaces, and none walks a whole
response while leaving attributes, scripts and code alone. ``html.parser`` would do the
walking but costs several times more (a Python callback per token, entities split from
text); the tokenizer below is one regular expression over the tags, which is all this
needs, since only the text between them changes.
"""

import html
import re

from django.utils import translation

NNBSP = "\u202f"

# Any spacing a text may hold before a mark: space, tab, newline, no-break or narrow ones.
_SPACES = "[ \t\r\n\f\u00a0\u202f\u2009]"

# A space before « ; ! ? : », or none: the narrow no-break space. Without a space, only
# when the mark ends a word ("Attention!"), never in "?q=", "12:30" or "http://".
_SPACE_BEFORE = re.compile(_SPACES + "+(?=[;!?:»])")
_MISSING_BEFORE = re.compile(r"(?<=[^\s\u00a0\u202f\u2009;!?:«(\[])(?=[;!?:]+(?:[\s\u00a0»)\]]|$))")
_MISSING_BEFORE_CLOSING = re.compile(r"(?<=[^\s\u00a0\u202f\u2009])(?=»)")
_AFTER_OPENING = re.compile("«" + _SPACES + "*")
_APOSTROPHE = re.compile("'")
_MONTHS = "janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"
_FIRST_OF_MONTH = re.compile(r"(?<![\w.,])1(?=[ \u00a0\u202f](?:" + _MONTHS + r")\b)")
UNBREAKABLE = re.compile(r"\b(?:OPT-NC|Nouvelle-Calédonie)\b")

# Tags, comments, doctype and processing instructions; what lies between them is text.
# Quoted attribute values may hold ">".
_TOKEN = re.compile(
    r"<!--.*?-->|<![^>]*>|<\?[^>]*>|</?([a-zA-Z][^\s/>]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*)>",
    re.DOTALL,
)
# Attributes that visitors read (tooltips, image descriptions, accessible names).
_READ_ATTRIBUTES = re.compile(r"""(\s(?:title|alt|aria-label)\s*=\s*)(["'])(.*?)\2""", re.DOTALL)
# The meta tags whose content is read as text (by a search engine, in a shared link): as
# the page's title and text they repeat, so that the two stay alike.
_READ_META = re.compile(
    r"""\s(?:name|property)\s*=\s*["'](?:description|og:title|og:description|og:image:alt|"""
    r"""twitter:title|twitter:description|twitter:image:alt)["']"""
)
_META_CONTENT = re.compile(r"""(\scontent\s*=\s*)(["'])(.*?)\2""", re.DOTALL)
_LANG = re.compile(r"""\slang\s*=\s*["']?([A-Za-z-]*)""")
# Their content is raw text, to be skipped up to their end tag.
_RAW_TEXT = {"script", "style", "textarea"}
# Text in them is not French prose, or not text a reader reads as such.
_UNTOUCHED = {"pre", "code", "kbd", "samp", "var", "svg", "math", "template"}
# Text whose element takes no markup: spaces and apostrophes, but no span.
_PLAIN_TEXT = {"title", "option"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
# A text after one of these does not follow the previous one on its line.
_BREAKING = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "option", "p", "section", "table", "td", "th", "title", "tr", "ul",
}  # fmt: skip


def french_text(text, before="\n"):
    """``text`` (unescaped) with French spaces, apostrophes and "1er"; ``before`` is the last
    character of the text before it on the same line, if any, for a mark that opens ``text``."""
    text = _APOSTROPHE.sub("\u2019", text)
    text = _AFTER_OPENING.sub("«" + NNBSP, text)
    text = _SPACE_BEFORE.sub(NNBSP, text)
    # Lookbehinds see ``before`` too, so "<em>mot</em>: suite" gets its space.
    text = before + text
    text = _MISSING_BEFORE.sub(NNBSP, text)
    text = _MISSING_BEFORE_CLOSING.sub(NNBSP, text)
    text = _FIRST_OF_MONTH.sub("1er", text)
    return text[len(before) :]


def _read_attribute(match):
    value = match.group(3)
    text = html.unescape(value)
    changed = french_text(text)
    if changed == text:
        return match.group(0)
    return f"{match.group(1)}{match.group(2)}{html.escape(changed)}{match.group(2)}"


def _nowrap(match):
    return f'<span class="nowrap">{match.group(0)}</span>'


def french_html(document):
    """The HTML ``document`` with French typography in its text nodes (see the module)."""
    out = []
    position = 0
    before = "\n"
    skipped = None  # the element (name, depth) whose content is left as it is
    plain_depth = 0

    def text_node(raw):
        nonlocal before
        if skipped or not raw:
            return raw
        if raw.isspace():  # most nodes: the indentation between tags
            before = " "
            return raw
        text = html.unescape(raw) if "&" in raw else raw
        changed = french_text(text, before)
        if changed.strip():
            before = changed[-1]
        elif changed:
            before = " "
        if changed == text:
            result = raw
        else:
            result = html.escape(changed, quote=False)
        if not plain_depth and "-" in result:
            result = UNBREAKABLE.sub(_nowrap, result)
        return result

    for match in _TOKEN.finditer(document):
        start, end = match.span()
        out.append(text_node(document[position:start]))
        out.append(match.group(0))
        tag_index = len(out) - 1
        position = end
        name = match.group(1)
        if not name:
            continue
        name = name.lower()
        closing = match.group(0)[1] == "/"
        if closing:
            if skipped and skipped[0] == name:
                skipped = (name, skipped[1] - 1) if skipped[1] > 1 else None
            if name in _PLAIN_TEXT:
                plain_depth = max(plain_depth - 1, 0)
        elif name in _RAW_TEXT:
            close = re.compile(f"</{name}", re.IGNORECASE).search(document, end)
            stop = close.start() if close else len(document)
            out.append(document[end:stop])
            position = stop
        elif skipped:
            if skipped[0] == name and name not in _VOID:
                skipped = (name, skipped[1] + 1)
        elif name not in _VOID and not match.group(0).endswith("/>"):
            lang = _LANG.search(match.group(2) or "")
            if name in _UNTOUCHED or (lang and not lang.group(1).lower().startswith("fr")):
                skipped = (name, 1)
            elif name in _PLAIN_TEXT:
                plain_depth += 1
        attributes = match.group(2)
        # A substring test first: most tags have none of these attributes.
        if (
            not closing
            and not skipped
            and attributes
            and ("title" in attributes or "alt" in attributes or "label" in attributes or name == "meta")
        ):
            out[tag_index] = _READ_ATTRIBUTES.sub(_read_attribute, out[tag_index])
            if name == "meta" and _READ_META.search(attributes):
                out[tag_index] = _META_CONTENT.sub(_read_attribute, out[tag_index])
        if name in _BREAKING:
            before = "\n"
    out.append(text_node(document[position:]))
    return "".join(out)


class FrenchTypographyMiddleware:
    """Applies ``french_html`` to the French HTML pages the site serves.

    Placed above every middleware that writes a page, and below any that would compress or
    cache it, so that it sees the final HTML once. The admin is left alone (it is French, but
    its forms hold what editors typed, which must come back to them as they typed it).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if self.applies(request, response):
            charset = response.charset or "utf-8"
            response.content = french_html(response.content.decode(charset)).encode(charset)
            if response.has_header("Content-Length"):
                response.headers["Content-Length"] = str(len(response.content))
        return response

    @staticmethod
    def applies(request, response):
        return (
            not response.streaming
            and not response.has_header("Content-Encoding")
            and response.get("Content-Type", "").startswith("text/html")
            and (response.get("Content-Language") or translation.get_language() or "").startswith("fr")
            and not request.path.startswith("/admin/")
        )
