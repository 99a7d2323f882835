"""schema.org data (JSON-LD): the one way a page's structured data reaches its HTML.

Pages describe themselves with ``BasePage.structured_data(request)``; ``base.html`` renders
that list once through the ``structured_data`` template tag.
"""

import json

from django.utils.safestring import mark_safe


def json_ld_script(data):
    """A JSON-LD script; ``<``, ``>`` and ``&`` escaped so the data cannot close the tag."""
    data = {"@context": "https://schema.org", **data}
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
