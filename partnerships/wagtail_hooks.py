from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Partner


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partenaires")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "acronym", "category"]
    list_filter = ["category"]
    search_fields = ["name", "acronym", "full_name"]


register_snippet(PartnerViewSet)
