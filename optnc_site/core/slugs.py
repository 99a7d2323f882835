"""Slugs from French titles: an apostrophe separates words, as a space does.

Wagtail (its admin's ``w-slug`` Stimulus controller, from the title; Django's ``slugify`` on
the server) drops apostrophes: « Politique d’ouverture d’une île » gave
``politique-douverture-dune-ile``. The site's addresses read ``politique-d-ouverture-d-une-ile``.

- In the editor, Wagtail's ``SlugInput`` widget takes ``formatters``: regex replacements that
  its controller applies before it slugifies, both when the title fills the slug and when the
  slug field itself is left. ``FrenchSlugsMixin`` gives every slug field of the page form the
  apostrophe → hyphen one.
- On the server the same form turns a posted slug holding an apostrophe (no script, a paste)
  into the same slug, instead of refusing it as invalid.
"""

import re

from django import forms
from django.conf import settings
from django.utils.text import slugify
from wagtail.admin.widgets.slug import SlugInput

# Typewriter apostrophe, typographic apostrophe (right single quotation mark), the modifier
# letter apostrophe, and the left single quotation mark sometimes typed for it.
APOSTROPHES = re.compile("['\u2019\u02bc\u2018]")

# (pattern, replacement) pairs, as SlugInput takes them.
SLUG_FORMATTERS = [(APOSTROPHES.pattern, "-")]
# The attribute that carries them to the w-slug controller, as SlugInput writes it.
FORMATTERS_ATTRIBUTE = "data-w-slug-formatters-value"
FORMATTERS_VALUE = SlugInput(formatters=SLUG_FORMATTERS).attrs[FORMATTERS_ATTRIBUTE]


def french_slugify(value, allow_unicode=None):
    """Django's ``slugify``, apostrophes first turned into hyphens."""
    if allow_unicode is None:
        allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
    return slugify(APOSTROPHES.sub("-", str(value)), allow_unicode=allow_unicode)


class FrenchSlugsMixin:
    """For a Wagtail admin form (before ``WagtailAdminPageForm`` in the bases): its slug
    fields turn apostrophes into hyphens, in the browser and on the server."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        slug_fields = [name for name, field in self.fields.items() if isinstance(field, forms.SlugField)]
        for name in slug_fields:
            widget = self.fields[name].widget
            if isinstance(widget, SlugInput):
                widget.attrs[FORMATTERS_ATTRIBUTE] = FORMATTERS_VALUE
        if self.is_bound:
            self._slugify_apostrophes(slug_fields)

    def _slugify_apostrophes(self, slug_fields):
        """A posted slug with an apostrophe becomes the slug its controller would have made
        (a slug without one is left as the editor wrote it)."""
        changed = {}
        for name in slug_fields:
            key = self.add_prefix(name)
            value = self.data.get(key)
            if value and APOSTROPHES.search(value):
                changed[key] = french_slugify(value.strip())
        if changed:
            data = self.data.copy()
            for key, value in changed.items():
                data[key] = value
            self.data = data
