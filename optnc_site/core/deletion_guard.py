"""Nothing used on the public site may be deleted from the admin.

An image, a document or a snippet that a live page (or a live snippet, such as a partner
showing a logo) uses cannot be deleted, by anyone: the refusal lists where it is used, from
Wagtail's reference index. Wagtail 7.4 has ``before_delete_snippet`` and
``before_bulk_action`` hooks, but its image and document delete views run no hook: their
URLs are shadowed below (the same paths, registered before Wagtail's; Django answers with
the first match) by subclasses of Wagtail's views that refuse first. Apps guard their own
snippets with ``refuse_if_in_use`` in a ``before_delete_snippet`` hook.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext
from wagtail import hooks
from wagtail.documents import get_document_model
from wagtail.documents.views import documents as document_views
from wagtail.documents.views import multiple as document_multiple_views
from wagtail.images import get_image_model
from wagtail.images.views import images as image_views
from wagtail.images.views import multiple as image_multiple_views
from wagtail.models import DraftStateMixin, Page, ReferenceIndex


def public_uses(obj):
    """Where ``obj`` is used on the public site: the live pages and live partners whose
    content refers to it, as labels (« page « Titre » »)."""
    uses = []
    for source, _references in ReferenceIndex.get_grouped_references_to(obj):
        # Drafts, and sources with no draft state (images and documents refer only to
        # collections and users), are not public content.
        if not (isinstance(source, DraftStateMixin) and source.live):
            continue
        if isinstance(source, Page):
            uses.append(gettext("page « %(title)s »") % {"title": source.title})
        else:
            uses.append(f"{source._meta.verbose_name} « {source} »")
    return uses


def in_use_message(obj, uses):
    return gettext(
        "Suppression impossible : le site public utilise « %(object)s » (%(uses)s). "
        "Retirez cet élément de ces contenus et publiez-les avant de le supprimer."
    ) % {"object": obj, "uses": ", ".join(uses)}


class RefuseDeletionInUse:
    """For Wagtail's generic delete views: after its permission check, refuse (GET and POST)
    when the object is used on the public site, back to its edit view with the message."""

    refused_url_name = None

    def get(self, request, *args, **kwargs):
        return self.refusal() or super().get(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        return self.refusal() or super().post(request, *args, **kwargs)

    def refusal(self):
        uses = public_uses(self.object)
        if not uses:
            return None
        messages.error(self.request, in_use_message(self.object, uses))
        return redirect(reverse(self.refused_url_name, args=[self.object.pk]))


class ImageDeleteView(RefuseDeletionInUse, image_views.DeleteView):
    refused_url_name = "wagtailimages:edit"


class DocumentDeleteView(RefuseDeletionInUse, document_views.DeleteView):
    refused_url_name = "wagtaildocs:edit"


class RefuseMultipleDeletionInUse:
    """For the multiple-upload screens' delete button (JSON): same refusal, as a 403."""

    def post(self, request, *args, **kwargs):
        obj = get_object_or_404(self.get_model(), pk=kwargs[self.pk_url_kwarg])
        if not self.permission_policy.user_has_permission_for_instance(request.user, "delete", obj):
            raise PermissionDenied
        uses = public_uses(obj)
        if uses:
            return JsonResponse({"success": False, "error_message": in_use_message(obj, uses)}, status=403)
        return super().post(request, *args, **kwargs)


class ImageMultipleDeleteView(RefuseMultipleDeletionInUse, image_multiple_views.DeleteView):
    pass


class DocumentMultipleDeleteView(RefuseMultipleDeletionInUse, document_multiple_views.DeleteView):
    pass


@hooks.register("register_admin_urls", order=-1)
def shadow_media_delete_views():
    """Wagtail's paths (``wagtail.images.admin_urls``, ``wagtail.documents.admin_urls``), so
    that Wagtail's URL names (``wagtailimages:delete``…) lead to these views."""
    return [
        path("images/<int:image_id>/delete/", ImageDeleteView.as_view()),
        path("images/multiple/<int:image_id>/delete/", ImageMultipleDeleteView.as_view()),
        path("documents/delete/<int:document_id>/", DocumentDeleteView.as_view()),
        path("documents/multiple/<int:doc_id>/delete/", DocumentMultipleDeleteView.as_view()),
    ]


def refuse_if_in_use(request, objects, back_url):
    refusals = [in_use_message(obj, uses) for obj in objects if (uses := public_uses(obj))]
    if not refusals:
        return None
    for refusal in refusals:
        messages.error(request, refusal)
    return redirect(back_url)


@hooks.register("before_bulk_action")
def refuse_bulk_deletion_in_use(request, action_type, objects, action_class_instance):
    media_models = (get_image_model(), get_document_model())
    if action_type != "delete" or action_class_instance.model not in media_models:
        return None
    return refuse_if_in_use(request, objects, action_class_instance.next_url)
