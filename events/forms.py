from django import forms
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from optnc_site.core.filters import FilterForm


class AgendaFilterForm(FilterForm):
    """The agenda's filters: a year that has events, and the OPT-NC's role."""

    year = forms.TypedChoiceField(label=_("Année"), required=False, coerce=int, empty_value=None)
    role = forms.ChoiceField(label=_("Rôle de l’OPT-NC"), required=False)

    def __init__(self, data=None, *, years, roles):
        super().__init__(data)
        self.fields["year"].choices = [("", _("Toutes les années"))] + [(year, year) for year in years]
        self.fields["role"].choices = [("", _("Tous les rôles"))] + [
            (value, capfirst(label)) for value, label in roles
        ]

    def filter_year(self, events, year):
        return events.filter(start_date__year=year)

    def filter_role(self, events, role):
        return events.filter(role=role)
