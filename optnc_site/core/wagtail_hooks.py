from django.http import Http404
from django.urls import path, re_path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.userbar import ContentCheckerItem
from wagtail.models import Site
from wagtail_modeltranslation import wagtail_hooks as modeltranslation_hooks

from .legal import missing_fields
from .rich_text import CachedPageLinkHandler
from .translations_report import MissingTranslationsReportView

# wagtail-modeltranslation's "copy StreamField content" admin endpoint is CSRF-exempt, checks
# no permission and crashes on GET; its editor script adds buttons that call it.


def _closed_endpoint(request, page_id):
    raise Http404


@hooks.register("register_admin_urls", order=-1)
def shadow_copy_streamfields_content():
    """The same path as wagtail-modeltranslation's endpoint, registered before it (hooks run by
    ``order``, and Django answers with the first matching pattern): 404 to any request."""
    return [re_path(r"^pages/(?P<page_id>\d+)/edit/copy_translation_content/$", _closed_endpoint)]


# The editor script (js.cookie.js, copy_stream_fields.js) has no public off switch:
# wagtail-modeltranslation 0.16 reads no setting for it (its settings.py knows only the
# custom panels, TRANSLATE_SLUGS and LOCALE_PICKER*), wagtail.hooks has register() and
# get_hooks() but no way to unregister, and the editor template's {% hook_output
# 'insert_editor_js' %} joins every registered function's output, so a hook of ours can add
# markup but never remove some. The public alternative, overriding Wagtail's
# wagtailadmin/pages/_editor_js.html, would mean keeping a copy of an admin template in step
# with each Wagtail release. So this edits Wagtail's private registry, for that one function;
# tests/editorial/test_translations_report.py fails if the script comes back.
hooks._hooks["insert_editor_js"] = [
    entry
    for entry in hooks._hooks.get("insert_editor_js", [])
    if entry[0] is not modeltranslation_hooks.streamfields_translation_copy
]


class ContentChecks(ContentCheckerItem):
    """The editor's checks (userbar and preview panel), with more of the WCAG rules an
    editor's content can break than Wagtail's defaults."""

    axe_run_only = [
        *ContentCheckerItem.axe_run_only,
        "image-alt",
        "duplicate-id-aria",
        "list",
        "listitem",
        "link-in-text-block",
        "document-title",
    ]


@hooks.register("construct_wagtail_userbar")
def use_site_content_checks(request, items, page):
    items[:] = [ContentChecks() if isinstance(item, ContentCheckerItem) else item for item in items]


@hooks.register("register_admin_urls")
def register_missing_translations_report():
    return [
        path(
            "reports/traductions-manquantes/",
            MissingTranslationsReportView.as_view(),
            name="missing_translations",
        ),
        path(
            "reports/traductions-manquantes/results/",
            MissingTranslationsReportView.as_view(results_only=True),
            name="missing_translations_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MenuItem(
        _("Traductions manquantes"),
        reverse("missing_translations"),
        name="missing-translations",
        icon_name="globe",
        order=900,
    )


@hooks.register("register_rich_text_features", order=1000)
def cache_page_links(features):
    """After Wagtail's own registration (order 0), so that this handler wins."""
    features.register_link_type(CachedPageLinkHandler)


class MissingLegalInformationPanel(Component):
    """The dashboard's list of what the legal pages still lack, for those who may fill it."""

    name = "missing_legal_information"
    template_name = "core/admin/legal_missing_panel.html"
    order = 50

    def get_context_data(self, parent_context):
        site = Site.find_for_request(parent_context["request"])
        return {"missing": missing_fields(site) if site else []}


@hooks.register("construct_homepage_panels")
def add_missing_legal_information_panel(request, panels):
    if request.user.has_perm("core.change_legalinformation"):
        panels.append(MissingLegalInformationPanel())
