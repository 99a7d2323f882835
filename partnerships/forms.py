from django import forms
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from .models import ConventionPage, Partner


class NewsFilterForm(forms.Form):
    """Filters of the news list. An unknown or malformed value filters everything out."""

    convention = forms.ModelChoiceField(
        queryset=ConventionPage.objects.none(), required=False, label=_("Convention"), empty_label=_("Toutes")
    )
    partner = forms.ModelChoiceField(
        queryset=Partner.objects.none(), required=False, label=_("Partenaire"), empty_label=_("Tous")
    )

    def __init__(self, data=None, *, news_index):
        super().__init__(data)
        conventions = ConventionPage.objects.live().public().order_by("path")
        self.fields["convention"].queryset = conventions
        self.fields["convention"].label_from_instance = lambda page: page.title
        self.fields["partner"].queryset = Partner.objects.all()

    def filter(self, articles):
        if not self.is_bound:
            return articles
        if not self.is_valid():
            return articles.none()
        if self.cleaned_data["convention"]:
            articles = articles.filter(conventions=self.cleaned_data["convention"])
        if self.cleaned_data["partner"]:
            articles = articles.filter(conventions__partners=self.cleaned_data["partner"])
        return articles.distinct()

    def query_string(self):
        """The active filters, to keep them across pagination links."""
        if not self.is_bound or not self.is_valid():
            return ""
        params = {name: value.pk for name, value in self.cleaned_data.items() if value}
        return urlencode(params)
