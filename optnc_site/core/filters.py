"""The one filter pattern of list pages (news, agenda)."""

from django import forms
from django.utils.http import urlencode


class FilterForm(forms.Form):
    """The filters of a list page: a GET form whose valid values narrow a queryset.

    Each field's value is applied by ``filter_<name>(items, value)``; a value the form
    refuses (unknown, malformed) is left out, so a bad link still shows the whole list and
    nothing the visitor typed is echoed. ``query_string()`` keeps the accepted values across
    pagination links.
    """

    def __init__(self, data=None, **kwargs):
        super().__init__(data or None, **kwargs)

    def accepted(self):
        """The fields' cleaned values that passed validation and are not empty."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {
            name: value
            for name, value in self.cleaned_data.items()
            if name not in self.errors and value not in (None, "")
        }

    def filter(self, items):
        for name, value in self.accepted().items():
            items = getattr(self, f"filter_{name}")(items, value)
        return items

    def query_string(self):
        return urlencode({name: self.data[name] for name in self.accepted()})
