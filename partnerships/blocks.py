from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from optnc_site.core.blocks import BodyBlock


class PartnerLogosBlock(blocks.StructBlock):
    """A row of partners, each shown by its logo, or its acronym when it has none."""

    heading = blocks.CharBlock(label=_("Titre"), required=False, max_length=120)
    partners = blocks.ListBlock(
        SnippetChooserBlock("partnerships.Partner", label=_("Partenaire")), label=_("Partenaires")
    )

    class Meta:
        icon = "group"
        label = _("Logos de partenaires")
        template = "partnerships/blocks/partner_logos.html"


class PartnershipBodyBlock(BodyBlock):
    """The shared vocabulary, plus the blocks only partnership pages need."""

    partner_logos = PartnerLogosBlock()
