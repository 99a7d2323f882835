"""Translating in the admin: « Préparer la version anglaise » and the FR / EN toggle's panels.

« Préparer la version anglaise » copies the French blocks into empty English StreamFields.

The translator then edits the English text in place instead of rebuilding every block.
wagtail-modeltranslation's own copy endpoint is unsafe (no CSRF, no permission check) and
removed (see wagtail_hooks.py); this one is a POST behind a confirmation page, checks that
the user may edit the page, never touches an English field that has content, saves a new
draft revision (the live page is unchanged until it is published through validation) and
logs the action in the page's history.
"""

import copy
import uuid

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.widgets import Button
from wagtail.fields import StreamField
from wagtail.log_actions import log
from wagtail.models import Page

ACTION = "optnc.prepare_english"


def fields_to_prepare(page):
    """The translated StreamFields whose French has blocks and whose English has none."""
    try:
        names = translator.get_options_for_model(type(page)).all_fields
    except NotRegistered:
        return []
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    fields = []
    for name in sorted(names):
        if not isinstance(page._meta.get_field(name), StreamField):
            continue
        french = getattr(page, build_localized_fieldname(name, default))
        english = getattr(page, build_localized_fieldname(name, "en"))
        if len(french.raw_data) and not len(english.raw_data):
            fields.append(page._meta.get_field(name))
    return fields


def _with_new_ids(data):
    """A copy of raw stream data whose blocks get ids of their own."""
    if isinstance(data, list):
        return [_with_new_ids(item) for item in data]
    if isinstance(data, dict):
        copied = {key: _with_new_ids(value) for key, value in data.items()}
        if "id" in copied and "value" in copied:
            copied["id"] = str(uuid.uuid4())
        return copied
    return copy.deepcopy(data)


def _editable_draft(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page, page.get_latest_revision_as_object()


@require_http_methods(["GET", "POST"])
def prepare_english(request, page_id):
    page, draft = _editable_draft(request, page_id)
    fields = fields_to_prepare(draft)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        if not fields:
            messages.warning(request, _("Rien à préparer : le contenu anglais n’est pas vide."))
            return redirect(edit_url)
        default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        for field in fields:
            french = getattr(draft, build_localized_fieldname(field.name, default))
            setattr(draft, build_localized_fieldname(field.name, "en"), _with_new_ids(list(french.raw_data)))
        revision = draft.save_revision(user=request.user, log_action=False)
        log(instance=draft, action=ACTION, user=request.user, revision=revision)
        messages.success(
            request,
            _("Version anglaise préparée : les blocs français sont copiés, traduisez-les maintenant."),
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "core/admin/prepare_english.html",
        {"page": page, "fields": fields, "edit_url": edit_url},
    )


@hooks.register("register_admin_urls")
def register_prepare_english_url():
    return [path("pages/<int:page_id>/preparer-anglais/", prepare_english, name="prepare_english")]


@hooks.register("register_page_header_buttons")
def prepare_english_button(page, user, view_name, next_url=None):
    if view_name == "edit" and page.permissions_for_user(user).can_edit():
        yield Button(
            _("Préparer la version anglaise"),
            reverse("prepare_english", args=[page.pk]),
            icon_name="globe",
            priority=25,
        )


@hooks.register("register_log_actions")
def register_prepare_english_action(actions):
    actions.register_action(
        ACTION, _("Préparer la version anglaise"), _("Version anglaise préparée à partir du français")
    )


@hooks.register("insert_global_admin_css")
def language_toggle_panels_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin/language-toggles.css"))
