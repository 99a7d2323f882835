"""The in-page table of contents of a page, built from its body's blocks.

Its entries are the body's headings (levels 2 and 3) and its "Lire la suite" sections that
name their topic; a heading inside a section is listed under it. Each entry links to an id
the block renders: a heading's own anchor when the editor gave one, otherwise one made from
its words, unique in the page. No package does this: wagtail's StreamField knows nothing of
a page outline, and the ids must agree with what the blocks' templates write.
"""

from django.utils.text import capfirst, slugify
from wagtail import blocks

# Ids that templates and other blocks write (base.html, the pages' own sections, expandable
# sections, footnotes, lists): a made-up anchor never takes one of them.
TAKEN_IDS = {
    "contenu",
    "site-search",
    "search-query",
    "toc-title",
    "footnotes-label",
    "page-list-title",
    "adhesions-liees",
    "conventions-title",
    "documents-title",
    "evenements-lies",
    "news-title",
    "organisation",
    "partenaires",
    "partners-title",
    "role-opt-nc",
}
TAKEN_PREFIXES = ("note-", "section-", "toggle-", "topic-", "page-list-", "figures-", "portee-", "agenda-")


def page_outline(page):
    """``{"entries": [{"id", "text", "children"}, …], "ids": {block id: anchor}}``, worked
    out once per page and language."""
    key = "_page_outline"
    cached = page.__dict__.get(key)
    if cached is not None:
        return cached
    outline = {"entries": [], "ids": {}}
    used = set()
    body = getattr(page, "body", None) or []
    _reserve_editor_anchors(body, used)
    _walk(body, outline, outline["entries"], used, nested=False)
    page.__dict__[key] = outline
    return outline


def _reserve_editor_anchors(stream, used):
    for child in stream:
        if child.block_type == "heading" and child.value.get("anchor"):
            used.add(child.value["anchor"])
        elif isinstance(child.value, blocks.StructValue):
            for part in child.value.values():
                if isinstance(part, blocks.StreamValue):
                    _reserve_editor_anchors(part, used)


def _anchor(text, used):
    base = slugify(text)[:60].strip("-") or "partie"
    if base in TAKEN_IDS or base.startswith(TAKEN_PREFIXES):
        base = f"partie-{base}"
    anchor, number = base, 2
    while anchor in used:
        anchor, number = f"{base}-{number}", number + 1
    used.add(anchor)
    return anchor


def _walk(stream, outline, entries, used, nested):
    for child in stream:
        block_id = str(getattr(child, "id", "") or "")
        if child.block_type == "heading":
            value = child.value
            anchor = value.get("anchor") or _anchor(value["text"], used)
            outline["ids"][block_id] = anchor
            entry = {"id": anchor, "text": value["text"], "children": []}
            # A level 3 heading goes under the level 2 before it; inside a section, under it.
            if value.get("level") == "h2" and not nested:
                entries.append(entry)
            elif value.get("level") in ("h2", "h3"):
                (entries[-1]["children"] if entries and not nested else entries).append(entry)
        elif child.block_type == "expandable_section":
            value = child.value
            children = []
            if value.get("label"):
                anchor = _anchor(value["label"], used)
                outline["ids"][block_id] = anchor
                entries.append({"id": anchor, "text": capfirst(value["label"]), "children": children})
            target = children if value.get("label") else entries
            _walk(value["teaser"], outline, target, used, nested=bool(value.get("label")))
            _walk(value["content"], outline, target, used, nested=bool(value.get("label")))


def anchor_for(parent_context):
    """The id the block being rendered takes in its page's outline, if it has one."""
    context = parent_context or {}
    page = context.get("page")
    block_id = context.get("block_id")
    if page is None or not block_id or not hasattr(page, "_meta"):
        return None
    return page_outline(page)["ids"].get(str(block_id))
