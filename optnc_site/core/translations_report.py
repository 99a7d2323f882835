"""The admin report « Traductions manquantes »: what visitors read in French on the English site,
or in an English older than the French.

A Wagtail ``ReportView`` (listing, pagination, filters, search, CSV/XLSX export) over
``TranslationState``: one row per object and status, the fields concerned gathered from the
same table. No page or snippet is loaded: the cost is the same at 100 pages or 5,000.
"""

import datetime
from dataclasses import asdict, dataclass

import django_filters
from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import ContentTypeFilter, WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from . import public_url
from .translation_state import TranslationState, translatable_fields

STATUS_LABELS = dict(TranslationState.Status.choices)


@dataclass
class ReportRow:
    title: str
    kind: str
    fields: str
    status: str
    url: str
    absolute_url: str


def _kinds_to_do(request=None):
    return ContentType.objects.filter(
        pk__in=TranslationState.objects.filter(status__in=TranslationState.TO_DO).values("content_type")
    ).order_by("model")


class TranslationReportFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(
        label=_("Statut"),
        choices=[(value, STATUS_LABELS[value]) for value in TranslationState.TO_DO],
        empty_label=_("Tous"),
    )
    content_type = ContentTypeFilter(label=_("Type"), queryset=_kinds_to_do, empty_label=_("Tous"))

    class Meta:
        model = TranslationState
        fields = ["status", "content_type"]


def groups_to_do(states=None):
    """One dict per object, language and status among ``states`` (all rows to do by default),
    sorted by title."""
    if states is None:
        states = TranslationState.objects.filter(status__in=TranslationState.TO_DO)
    return (
        states.values("content_type", "object_id", "language", "status", "title")
        .annotate(fields_count=Count("pk"))
        .order_by("title", "content_type", "object_id", "language", "status")
    )


def _group_key(group):
    return group["content_type"], group["object_id"], group["language"], group["status"]


def edit_url(model, object_id):
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[object_id])
    viewset = getattr(model, "snippet_viewset", None)
    if viewset is None:
        return ""
    return reverse(viewset.get_url_name("edit"), args=[quote(object_id)])


def report_rows(groups, absolute_url=lambda url: url):
    """The rows for ``groups`` (from ``groups_to_do``): one more query, for the fields."""
    groups = list(groups)
    if not groups:
        return []
    fields = {}
    for *key, field_name in TranslationState.objects.filter(
        status__in=TranslationState.TO_DO,
        content_type_id__in={group["content_type"] for group in groups},
        object_id__in={group["object_id"] for group in groups},
    ).values_list("content_type", "object_id", "language", "status", "field_name"):
        fields.setdefault(tuple(key), set()).add(field_name)
    rows = []
    for group in groups:
        field_names = fields.get(_group_key(group), set())
        model = ContentType.objects.get_for_id(group["content_type"]).model_class()
        if model is None:  # a model removed since: nothing to name or link to
            kind, labels, url = "", sorted(field_names), ""
        else:
            kind = str(model._meta.verbose_name)
            labels = [
                str(model._meta.get_field(name).verbose_name)
                for name in translatable_fields(model)
                if name in field_names
            ]
            url = edit_url(model, group["object_id"])
        rows.append(
            ReportRow(
                title=group["title"],
                kind=kind,
                fields=", ".join(labels),
                status=str(STATUS_LABELS[group["status"]]),
                url=url,
                absolute_url=absolute_url(url) if url else "",
            )
        )
    return rows


class MissingTranslationsReportView(ReportView):
    template_name = "core/admin/missing_translations.html"
    results_template_name = "core/admin/missing_translations_results.html"
    page_title = _("Traductions manquantes")
    header_icon = "globe"
    index_url_name = "missing_translations"
    index_results_url_name = "missing_translations_results"
    filterset_class = TranslationReportFilterSet
    is_searchable = True
    search_fields = ["title"]
    list_export = ["title", "kind", "fields", "status", "absolute_url"]
    export_headings = {
        "title": _("Titre"),
        "kind": _("Type"),
        "fields": _("Champs concernés"),
        "status": _("Statut"),
        "absolute_url": _("Lien de modification"),
    }
    # No permission_policy: any user with admin access (Rédacteurs, Responsables) may read it;
    # Wagtail requires admin access for every register_admin_urls view.

    def get_filename(self):
        return f"traductions-manquantes-{datetime.date.today().isoformat()}"

    def get_queryset(self):
        self.queryset = TranslationState.objects.filter(status__in=TranslationState.TO_DO)
        return groups_to_do(super().get_queryset())  # filtered and searched

    def decorate_paginated_queryset(self, object_list):
        return report_rows(object_list, public_url.absolute_url)


def missing_translations():
    """Everything the report lists (missing and outdated translations), as dicts."""
    return [asdict(row) for row in report_rows(groups_to_do())]
