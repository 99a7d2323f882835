from django.contrib.contenttypes.fields import GenericRelation
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    Page,
    PreviewableMixin,
    RevisionMixin,
    WorkflowMixin,
)
from wagtail.search import index

from optnc_site.core.models import BODY_HELP, EditorialPage, PageImage, SiteIdentity
from optnc_site.core.navigation import fallback_lang
from optnc_site.core.public_url import page_url
from optnc_site.core.relations import linked_pages, prepare_cards
from optnc_site.core.structured_data import image_object

from .blocks import PartnershipBodyBlock
from .forms import NewsFilterForm

NEWS_PER_PAGE = 10


class PartnerCategory(models.TextChoices):
    LOCAL_DIGITAL = "local_digital", _("Acteurs locaux du numérique")
    FRAMEWORK = "framework", _("Institutions et entreprises liées par un accord-cadre")
    EDUCATION = "education", _("Enseignement et recherche")


class Partner(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    Orderable,
    index.Indexed,
    models.Model,
):
    """An organisation the OPT-NC works with (a snippet, ordered by hand in the admin).

    Partners go through the same validation as pages (the « Validation communication »
    workflow, assigned to this model by core migration 0006): an editor's changes are
    saved as revisions, and the row only changes when a manager publishes them. The row
    therefore holds the live values, and visitors only ever see partners with
    ``live=True`` (``Partner.objects.filter(live=True)``, or ``partner.live`` on a
    related partner): a partner created by an editor stays hidden until approved.
    """

    name = models.CharField(
        _("nom"), max_length=120, help_text=_("Nom usuel, tel qu'il s'affiche (ex. : CCI-NC).")
    )
    acronym = models.CharField(
        _("sigle"),
        max_length=30,
        blank=True,
        help_text=_("Affiché à la place du logo quand il n'y en a pas."),
    )
    full_name = models.CharField(
        _("nom complet"),
        max_length=255,
        blank=True,
        help_text=_("Laissez vide si le nom développé n'est pas connu."),
    )
    category = models.CharField(
        _("catégorie"),
        max_length=30,
        choices=PartnerCategory.choices,
        help_text=_("Le groupe sous lequel le partenaire est présenté."),
    )
    logo = models.ForeignKey(
        get_image_model(),
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Facultatif : sans logo, le sigle s'affiche. Son texte alternatif est le nom du partenaire."
        ),
    )
    website = models.URLField(
        _("site internet"), blank=True, help_text=_("Adresse complète, commençant par https://")
    )
    description = models.TextField(
        _("description courte"), blank=True, default="", help_text=_("Une ou deux phrases sur ce partenaire.")
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("acronym"),
        FieldPanel("full_name"),
        FieldPanel("category"),
        FieldPanel("logo"),
        FieldPanel("website"),
        FieldPanel("description"),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("acronym"),
        index.SearchField("full_name"),
        index.AutocompleteField("name"),
    ]

    # Wagtail's snippet mixins (docs: Snippets, "Optional features"): related queries on
    # revisions and workflow states.
    _revisions = GenericRelation("wagtailcore.Revision", related_query_name="partner")
    workflow_states = GenericRelation(
        "wagtailcore.WorkflowState",
        content_type_field="base_content_type",
        object_id_field="object_id",
        related_query_name="partner",
        for_concrete_model=False,
    )

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")

    def __str__(self):
        return self.name

    @property
    def revisions(self):
        return self._revisions

    def get_preview_template(self, request, mode_name):
        return "partnerships/partner_preview.html"

    def get_preview_context(self, request, mode_name):
        return {**super().get_preview_context(request, mode_name), "partner": self}

    @property
    def label(self):
        """What stands for the partner where its logo would: acronym, else name."""
        return self.acronym or self.name

    @property
    def anchor(self):
        return f"partenaire-{self.pk}"


class PartnershipIndexPage(EditorialPage):
    """/fr/partenariats/: the partners by category and the conventions signed."""

    body = StreamField(
        PartnershipBodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["partnerships.ConventionPage"]
    max_count = 1

    search_kind = _("Partenariats")

    class Meta:
        verbose_name = _("index des partenariats")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live_conventions = ConventionPage.objects.child_of(self).live().public().order_by("path")
        partners = (
            Partner.objects.filter(live=True)
            .select_related("logo")
            .prefetch_related(
                models.Prefetch(
                    "convention_links",
                    queryset=ConventionPartner.objects.filter(page__in=live_conventions)
                    .select_related("page")
                    .order_by("page__path"),
                    to_attr="live_convention_links",
                )
            )
        )
        groups = [
            {"label": label, "partners": [p for p in partners if p.category == value]}
            for value, label in PartnerCategory.choices
        ]
        context["partner_groups"] = [group for group in groups if group["partners"]]
        context["conventions"] = prepare_cards(list(live_conventions))
        return context


class ConventionKind(models.TextChoices):
    CONVENTION = "convention", _("Convention")
    FRAMEWORK = "framework", _("Accord-cadre")


class ConventionStatus(models.TextChoices):
    SIGNED = "signed", _("Signée")
    IN_PREPARATION = "in_preparation", _("En préparation")
    ENDED = "ended", _("Arrivée à échéance")


class ConventionPage(EditorialPage):
    """A convention or framework agreement signed by the OPT-NC."""

    kind = models.CharField(
        _("nature"),
        max_length=20,
        choices=ConventionKind.choices,
        default=ConventionKind.CONVENTION,
        help_text=_("Convention précise ou accord-cadre."),
    )
    signed_on = models.DateField(
        _("date de signature"),
        null=True,
        blank=True,
        help_text=_("Laissez vide si la date n'est pas connue : la page n'en affichera aucune."),
    )
    status = models.CharField(
        _("état"),
        max_length=20,
        choices=ConventionStatus.choices,
        default=ConventionStatus.SIGNED,
        help_text=_("Où en est la convention aujourd'hui."),
    )
    body = StreamField(
        PartnershipBodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP
    )

    parent_page_types = ["partnerships.PartnershipIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("kind"),
                FieldPanel("status"),
                FieldPanel("signed_on"),
            ],
            heading=_("La convention"),
        ),
        MultipleChooserPanel(
            "partner_links",
            chooser_field_name="partner",
            label=_("Partenaires"),
            help_text=_("Les signataires autres que l'OPT-NC."),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Documents joints")),
    ]

    @classmethod
    def card_prefetch(cls):
        return [
            models.Prefetch("partner_links", queryset=ConventionPartner.objects.select_related("partner"))
        ]

    search_kind = _("Convention")

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")

    def partners(self):
        """The live partners signing this convention (an editor's new partner waits for approval)."""
        return [link.partner for link in self.partner_links.all() if link.partner.live]

    def card(self):
        meta = self.get_kind_display()
        if self.signed_on:
            signed = date_format(self.signed_on, "j F Y")
            meta += " · " + gettext("signée le %(date)s") % {"date": signed}
        partners = [
            {"text": partner.name, "lang": fallback_lang(partner, "name")} for partner in self.partners()
        ]
        return {**super().card(), "meta": meta, "details": [partners] if partners else []}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners_list"] = [
            link.partner for link in self.partner_links.select_related("partner") if link.partner.live
        ]
        context["documents"] = self.documents.select_related("document")
        context["news"] = prepare_cards(
            list(
                NewsArticlePage.objects.live()
                .public()
                .filter(convention_links__convention=self)
                .order_by("-date", "-pk")[:3]
            )
        )
        return context


class ConventionPartner(Orderable):
    """A signatory of a convention, other than the OPT-NC."""

    page = ParentalKey(ConventionPage, related_name="partner_links", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partenaire"),
        on_delete=models.CASCADE,
        related_name="convention_links",
        help_text=_("Un signataire de la convention, autre que l’OPT-NC."),
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("signataire")
        verbose_name_plural = _("signataires")


class ConventionDocument(Orderable):
    page = ParentalKey(ConventionPage, related_name="documents", on_delete=models.CASCADE)
    document = models.ForeignKey(
        get_document_model_string(),
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Le texte signé, une annexe… Son format et sa taille s'affichent à côté du lien."),
    )
    title = models.CharField(
        _("intitulé"), max_length=255, blank=True, help_text=_("Par défaut, le titre du document.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    @property
    def label(self):
        return self.title or self.document.title


class NewsIndexPage(RoutablePageMixin, EditorialPage):
    """/fr/actualites/: the news about conventions, newest first, with RSS and Atom feeds."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["partnerships.NewsArticlePage"]
    max_count = 1

    search_kind = _("Actualités")

    class Meta:
        verbose_name = _("index des actualités")

    def articles(self):
        return NewsArticlePage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def block_listing(self, limit):
        """The latest articles, for a list of pages placed elsewhere (the home page)."""
        return self.articles()[:limit]

    @path("")
    def index_route(self, request):
        form = NewsFilterForm(
            request.GET,
            conventions=ConventionPage.objects.live().public().order_by("path"),
            partners=Partner.objects.filter(live=True),
        )
        page_obj = Paginator(form.filter(self.articles()), NEWS_PER_PAGE).get_page(request.GET.get("page"))
        page_obj.object_list = prepare_cards(list(page_obj.object_list))
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "page_obj": page_obj,
                "query_string": form.query_string(),
            },
        )

    @path("rss/", name="rss")
    def rss_route(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_route(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsArticlePage(PageImage, EditorialPage):
    """A news article about one or more conventions."""

    date = models.DateField(
        _("date de publication"),
        default=timezone.localdate,
        help_text=_(
            "La date affichée et qui ordonne les actualités ; pour programmer la mise en ligne, "
            "utilisez « Programmer la publication » dans le panneau « Statut »."
        ),
    )
    body = StreamField(
        PartnershipBodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP
    )
    signature = models.CharField(
        _("signature"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Par exemple : le service communication."),
    )

    parent_page_types = ["partnerships.NewsIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldPanel("date"),
        FieldPanel("intro"),
        PageImage.image_panel,
        FieldPanel("body"),
        MultipleChooserPanel(
            "convention_links",
            chooser_field_name="convention",
            label=_("Conventions liées"),
            help_text=_("L'article apparaîtra sur la page de chacune de ces conventions."),
        ),
        FieldPanel("signature"),
    ]

    @classmethod
    def card_prefetch(cls):
        return ["image__renditions"]

    is_article = True

    search_kind = _("Actualité")

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def card(self):
        return {
            **super().card(),
            "meta": date_format(self.date, "j F Y"),
            "datetime": self.date.isoformat(),
            "image": self.image,
            "image_alt": self.image_alt,
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_conventions"] = linked_pages(self.convention_links, "convention")
        context["news_index"] = NewsIndexPage.objects.ancestor_of(self).first()
        return context

    def structured_data(self, request):
        identity = SiteIdentity.for_request(request)
        data = {
            "@type": "NewsArticle",
            "headline": self.title,
            "datePublished": self.date.isoformat(),
            "inLanguage": get_language(),
            "mainEntityOfPage": page_url(self, request),
            "publisher": identity.organisation(contact=False),
        }
        if self.intro:
            data["description"] = self.intro
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        image = self.image and image_object(self.image, alt=self.image_alt)
        if image:
            data["image"] = image
        if self.signature:
            data["author"] = {"@type": "Organization", "name": self.signature}
        return [*super().structured_data(request), data]


class NewsConvention(Orderable):
    """A convention a news article is about; the article is listed on the convention's page."""

    page = ParentalKey(NewsArticlePage, related_name="convention_links", on_delete=models.CASCADE)
    convention = models.ForeignKey(
        ConventionPage,
        verbose_name=_("convention"),
        on_delete=models.CASCADE,
        related_name="news_links",
        help_text=_("Une convention dont parle l’article."),
    )

    panels = [FieldPanel("convention")]

    class Meta(Orderable.Meta):
        verbose_name = _("convention liée")
        verbose_name_plural = _("conventions liées")
