from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from optnc_site.core.deletion_guard import refuse_if_in_use

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    """Partners in the admin: drafts, revisions, preview, locking and the « Validation
    communication » workflow come with the model's mixins (see ``Partner``)."""

    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "acronym", "category"]
    list_filter = ["category"]
    search_fields = ["name", "acronym", "full_name"]


register_snippet(PartnerViewSet)


@hooks.register("before_delete_snippet")
def refuse_partner_deletion_in_use(request, instances):
    """A partner on a live page: deleting it would silently take it off the page."""
    partners = [instance for instance in instances if isinstance(instance, Partner)]
    if not partners:
        return None
    viewset = Partner.snippet_viewset
    if len(partners) == 1:
        back_url = reverse(viewset.get_url_name("edit"), args=[partners[0].pk])
    else:
        back_url = reverse(viewset.get_url_name("list"))
    return refuse_if_in_use(request, partners, back_url)
