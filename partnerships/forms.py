from django import forms
from django.utils.translation import gettext_lazy as _

from optnc_site.core.filters import FilterForm


class NewsFilterForm(FilterForm):
    """Filters of the news list: one convention, or the conventions of one partner."""

    convention = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Convention"), empty_label=_("Toutes")
    )
    partner = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Partenaire"), empty_label=_("Tous")
    )

    def __init__(self, data=None, *, conventions, partners):
        super().__init__(data)
        self.fields["convention"].queryset = conventions
        self.fields["convention"].label_from_instance = lambda page: page.title
        self.fields["partner"].queryset = partners

    def filter_convention(self, articles, convention):
        return articles.filter(convention_links__convention=convention).distinct()

    def filter_partner(self, articles, partner):
        return articles.filter(convention_links__convention__partner_links__partner=partner).distinct()
