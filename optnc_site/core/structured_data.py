"""schema.org data (JSON-LD) and pages chosen in StreamFields, shared by every app."""

import json

from django.utils.safestring import mark_safe


def json_ld_script(data):
    """A JSON-LD script; ``<``, ``>`` and ``&`` escaped so the data cannot close the tag."""
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


def live_chosen_pages(stream, block_type):
    """The live, public pages chosen in ``stream``'s ``block_type`` page choosers, in the
    editor's order, in one query (the choosers name their page type)."""
    ids = [block["value"] for block in stream.raw_data if block["type"] == block_type and block["value"]]
    if not ids:
        return []
    model = stream.stream_block.child_blocks[block_type].target_model
    by_pk = model.objects.filter(pk__in=ids).live().public().in_bulk()
    return [by_pk[pk] for pk in ids if pk in by_pk]
