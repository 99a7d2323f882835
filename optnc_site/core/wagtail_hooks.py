from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.userbar import ContentCheckerItem
from wagtail_modeltranslation import wagtail_hooks as modeltranslation_hooks

from .rich_text import CachedPageLinkHandler
from .translations_report import missing_translations

# wagtail-modeltranslation's "copy StreamField content" admin endpoint is CSRF-exempt,
# checks no permission and crashes on GET: remove it and the editor buttons that call it.
_UNSAFE_HOOKS = {
    "register_admin_urls": modeltranslation_hooks.copy_streamfields_content,
    "insert_editor_js": modeltranslation_hooks.streamfields_translation_copy,
}
for _name, _function in _UNSAFE_HOOKS.items():
    hooks._hooks[_name] = [entry for entry in hooks._hooks.get(_name, []) if entry[0] is not _function]


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


@permission_required("wagtailadmin.access_admin")
def missing_translations_view(request):
    return render(request, "core/admin/missing_translations.html", {"rows": missing_translations()})


@hooks.register("register_admin_urls")
def register_missing_translations_url():
    return [path("reports/traductions-manquantes/", missing_translations_view, name="missing_translations")]


@hooks.register("register_reports_menu_item")
def register_missing_translations_menu_item():
    return MenuItem(
        _("Traductions manquantes"), reverse("missing_translations"), icon_name="globe", order=900
    )


@hooks.register("register_rich_text_features", order=1000)
def cache_page_links(features):
    """After Wagtail's own registration (order 0), so that this handler wins."""
    features.register_link_type(CachedPageLinkHandler)
