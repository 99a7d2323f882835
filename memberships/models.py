"""International memberships of the OPT-NC (APNIC, PITA, UIT…) and their index."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from optnc_site.core.blocks import BodyBlock
from optnc_site.core.models import EditorialPage
from optnc_site.core.navigation import fallback_lang


class MembershipIndexPage(EditorialPage):
    """Every membership, regional organisations first, then international ones."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["memberships.MembershipPage"]

    search_kind = _("Adhésions")

    class Meta:
        verbose_name = _("index des adhésions")
        verbose_name_plural = _("index des adhésions")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        memberships = list(MembershipPage.objects.child_of(self).live().public().order_by("path"))
        groups = [
            {
                "scope": scope,
                "heading": heading,
                "memberships": [item for item in memberships if item.scope == scope],
            }
            for scope, heading in (
                (MembershipPage.Scope.REGIONAL, _("Organisations régionales")),
                (MembershipPage.Scope.INTERNATIONAL, _("Organisations internationales")),
            )
        ]
        context["groups"] = [group for group in groups if group["memberships"]]
        return context


class MembershipPage(EditorialPage):
    class Scope(models.TextChoices):
        REGIONAL = "regional", _("régionale")
        INTERNATIONAL = "international", _("internationale")

    organisation_name = models.CharField(
        _("nom de l'organisation"),
        max_length=160,
        blank=True,
        default="",
        help_text=_("Tel qu'on le cite (ex. : APNIC, UIT). Si vide, le titre de la page."),
    )
    acronym = models.CharField(
        _("sigle"), max_length=30, blank=True, default="", help_text=_("Ex. : APNIC, PITA, UIT.")
    )
    full_name = models.CharField(
        _("nom développé"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Ex. : Asia Pacific Network Information Centre."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Facultatif. Son texte alternatif est le nom de l'organisation."),
    )
    website = models.URLField(
        _("site web"), blank=True, default="", help_text=_("Adresse complète, commençant par https://")
    )
    member_since_year = models.PositiveSmallIntegerField(
        _("membre depuis (année)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1900), MaxValueValidator(2100)],
        help_text=_("L'année d'adhésion, quand elle est connue."),
    )
    member_since_text = models.CharField(
        _("membre depuis (formulation)"),
        max_length=120,
        blank=True,
        default="",
        help_text=_(
            "Seulement si l'année n'est pas connue, la formulation des sources, "
            "à la suite de « Membre » (ex. : depuis une quinzaine d'années)."
        ),
    )
    scope = models.CharField(
        _("portée"),
        max_length=20,
        choices=Scope.choices,
        default=Scope.INTERNATIONAL,
        help_text=_("Régionale (Pacifique) ou internationale."),
    )
    body = StreamField(
        BodyBlock(),
        blank=True,
        default=list,
        verbose_name=_("ce que fait l'organisation"),
        help_text=_("Son rôle et son périmètre, en quelques paragraphes."),
    )
    objectives = StreamField(
        BodyBlock(),
        blank=True,
        default=list,
        verbose_name=_("ce que l'OPT-NC y fait"),
        help_text=_("Les objectifs de l'OPT-NC au sein de l'organisation."),
    )

    parent_page_types = ["memberships.MembershipIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("organisation_name"),
                FieldRowPanel([FieldPanel("acronym"), FieldPanel("full_name")]),
                FieldPanel("logo"),
                FieldPanel("website"),
            ],
            heading=_("Organisation"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("member_since_year"), FieldPanel("member_since_text")]),
                FieldPanel("scope"),
            ],
            heading=_("Adhésion"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("objectives"),
    ]
    search_fields = EditorialPage.search_fields + [
        index.SearchField("organisation_name"),
        index.SearchField("acronym"),
        index.SearchField("full_name"),
        index.SearchField("objectives"),
    ]

    search_kind = _("Adhésion")

    class Meta:
        verbose_name = _("adhésion internationale")
        verbose_name_plural = _("adhésions internationales")

    def clean(self):
        super().clean()
        text_field = build_localized_fieldname(
            "member_since_text", settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        )
        if self.member_since_year and getattr(self, text_field):
            raise ValidationError({text_field: _("L'année est connue : laissez la formulation vide.")})

    def lang_of(self, field_name):
        return fallback_lang(self, field_name)

    @property
    def name(self):
        return self.organisation_name or self.title

    @property
    def name_lang(self):
        return self.lang_of("organisation_name" if self.organisation_name else "title")

    @property
    def member_since(self):
        """ "depuis 2002", or the sources' wording; "" when nothing is known."""
        if self.member_since_year:
            return gettext("depuis %(year)s") % {"year": self.member_since_year}
        return self.member_since_text

    @property
    def member_since_lang(self):
        return None if self.member_since_year else self.lang_of("member_since_text")

    def card(self):
        since = self.member_since
        card = super().card()
        if since:
            card["meta"] = gettext("Membre %(since)s") % {"since": since}
            card["meta_lang"] = self.member_since_lang
        return card

    def related_events(self):
        """The live events that name this membership, in the agenda's order (newest first)."""
        links = self.event_links.filter(page__in=Page.objects.live().public()).select_related("page")
        return [link.page for link in links.order_by("-page__start_date", "page__path")]
