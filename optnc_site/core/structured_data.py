"""schema.org data (JSON-LD): the one way a page's structured data reaches its HTML.

Pages describe themselves with ``BasePage.structured_data(request)``; ``base.html`` renders
that list once through the ``structured_data`` template tag.
"""

import json
import mimetypes

from django.utils.safestring import mark_safe
from wagtail.images.models import SourceImageIOError

from .public_url import absolute_url


def json_ld_script(data):
    """A JSON-LD script; ``<``, ``>`` and ``&`` escaped so the data cannot close the tag."""
    data = {"@context": "https://schema.org", **data}
    text = json.dumps(data, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')


# The one rendition pages are shared with: 1200×630, the size Open Graph readers crop to
# (smaller originals give a smaller rendition; its own size is what the tags say).
SHARE_IMAGE_SPEC = "fill-1200x630|format-jpeg"
# A logo is never cropped; it keeps its format (a PNG's transparency).
LOGO_SPEC = "max-600x600"


def shared_image(image, alt="", spec=SHARE_IMAGE_SPEC):
    """``url``, ``width``, ``height``, ``type`` and ``alt`` of a rendition of ``image``.

    ``None`` when the original file is gone: the page still renders, without the image.
    """
    try:
        rendition = image.get_rendition(spec)
    except SourceImageIOError:
        return None
    return {
        "url": absolute_url(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "type": mimetypes.guess_type(rendition.file.name)[0] or "",
        "alt": alt,
    }


def image_object(image, alt="", spec=SHARE_IMAGE_SPEC):
    """The schema.org ImageObject of a rendition of ``image`` (by default the shared one),
    or ``None`` (``shared_image``)."""
    shared = shared_image(image, alt, spec)
    if shared is None:
        return None
    data = {
        "@type": "ImageObject",
        "url": shared["url"],
        "contentUrl": shared["url"],
        "width": shared["width"],
        "height": shared["height"],
    }
    if shared["type"]:
        data["encodingFormat"] = shared["type"]
    if alt:
        data["caption"] = alt
    return data
