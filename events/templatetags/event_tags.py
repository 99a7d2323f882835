from urllib.parse import urlencode

from django import template

register = template.Library()


@register.simple_tag
def agenda_query(filters, page_number):
    """The query string of an agenda page: only the filters the page accepted, never raw input."""
    return urlencode({**filters, "page": page_number})
