"""Related pages: through-models (``ParentalKey`` + ``MultipleChooserPanel``) and lists of cards."""

from django.db.models import prefetch_related_objects


def linked_pages(relation, field_name):
    """The live, public pages that the rows of ``relation`` point to, in the editor's order.

    ``relation`` is a page's child relation (``page.membership_links``): its rows are read
    with ``.all()``, which also holds a preview's unsaved choices, then their pages are
    fetched in one query that drops drafts and restricted pages.
    """
    field = relation.model._meta.get_field(field_name)
    return public_pages_in_order(
        field.related_model.objects, [getattr(link, field.attname) for link in relation.all()]
    )


def public_pages_in_order(pages, ids):
    """The pages of ``pages`` (a page queryset or manager) with these ids, published and
    under no view restriction, in the order of ``ids``, in one query."""
    if not ids:
        return []
    by_pk = pages.filter(pk__in=ids).live().public().in_bulk()
    return [by_pk[pk] for pk in ids if pk in by_pk]


def prepare_cards(pages):
    """Fetch, in one query per page type, the relations the cards of ``pages`` show.

    Each page type names them in a ``card_prefetch()`` class method; the list's query count
    then stays the same whatever its length. Returns ``pages`` (a list).
    """
    by_type = {}
    for page in pages:
        by_type.setdefault(type(page), []).append(page)
    for page_type, group in by_type.items():
        if hasattr(page_type, "card_prefetch"):
            prefetch_related_objects(group, *page_type.card_prefetch())
    return pages
