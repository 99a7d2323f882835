from django import forms
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.documents import get_document_model_string
from wagtail.fields import StreamField
from wagtail.images import get_image_model
from wagtail.models import Orderable, Page
from wagtail.search import index

from optnc_site.core.models import BODY_HELP, BasePage
from optnc_site.core.navigation import fallback_lang

from .blocks import PartnershipBodyBlock

NEWS_PER_PAGE = 10
INTRO_HELP = _("Une ou deux phrases sous le titre de la page.")


class PartnerCategory(models.TextChoices):
    LOCAL_DIGITAL = "local_digital", _("Acteurs locaux du numérique")
    FRAMEWORK = "framework", _("Institutions et entreprises liées par un accord-cadre")
    EDUCATION = "education", _("Enseignement et recherche")


class Partner(Orderable, index.Indexed, models.Model):
    """An organisation the OPT-NC works with (a snippet, ordered by hand in the admin)."""

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

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire")
        verbose_name_plural = _("partenaires")

    def __str__(self):
        return self.name

    @property
    def label(self):
        """What stands for the partner where its logo would: acronym, else name."""
        return self.acronym or self.name

    @property
    def anchor(self):
        return f"partenaire-{self.pk}"


class PartnershipIndexPage(BasePage):
    """/fr/partenariats/: the partners by category and the conventions signed."""

    intro = models.TextField(_("introduction"), blank=True, default="", help_text=INTRO_HELP)
    body = StreamField(
        PartnershipBodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = ["partnerships.ConventionPage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("index des partenariats")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        live_conventions = ConventionPage.objects.child_of(self).live().public().order_by("path")
        partners = Partner.objects.select_related("logo").prefetch_related(
            models.Prefetch("conventions", queryset=live_conventions)
        )
        context["partner_groups"] = [
            {"label": label, "partners": [p for p in partners if p.category == value]}
            for value, label in PartnerCategory.choices
        ]
        context["partner_groups"] = [g for g in context["partner_groups"] if g["partners"]]
        context["conventions"] = live_conventions.prefetch_related("partners")
        return context


class ConventionKind(models.TextChoices):
    CONVENTION = "convention", _("Convention")
    FRAMEWORK = "framework", _("Accord-cadre")


class ConventionStatus(models.TextChoices):
    SIGNED = "signed", _("Signée")
    IN_PREPARATION = "in_preparation", _("En préparation")
    ENDED = "ended", _("Arrivée à échéance")


class ConventionPage(BasePage):
    """A convention or framework agreement signed by the OPT-NC."""

    kind = models.CharField(
        _("nature"),
        max_length=20,
        choices=ConventionKind.choices,
        default=ConventionKind.CONVENTION,
        help_text=_("Convention précise ou accord-cadre."),
    )
    partners = ParentalManyToManyField(
        Partner,
        verbose_name=_("partenaires"),
        related_name="conventions",
        blank=True,
        help_text=_("Les signataires autres que l'OPT-NC."),
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
    summary = models.TextField(
        _("résumé"),
        blank=True,
        default="",
        help_text=_("Ce que prévoit la convention, en une ou deux phrases."),
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
                FieldPanel("partners", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("La convention"),
        ),
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("documents", label=_("Documents joints")),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("convention")
        verbose_name_plural = _("conventions")

    def card(self):
        return {
            "meta": self.get_kind_display(),
            "summary": self.summary,
            "summary_lang": fallback_lang(self, "summary"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners_list"] = list(self.partners.all())
        context["documents"] = self.documents.select_related("document")
        context["news"] = (
            NewsArticlePage.objects.live().public().filter(conventions=self).order_by("-date", "-pk")[:3]
        )
        return context


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


class NewsIndexPage(RoutablePageMixin, BasePage):
    """/fr/actualites/: the news about conventions, newest first, with RSS and Atom feeds."""

    intro = models.TextField(_("introduction"), blank=True, default="", help_text=INTRO_HELP)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["partnerships.NewsArticlePage"]
    max_count = 1

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = BasePage.search_fields + [index.SearchField("intro")]

    class Meta:
        verbose_name = _("index des actualités")

    def articles(self):
        return NewsArticlePage.objects.child_of(self).live().public().order_by("-date", "-pk")

    def block_listing(self, limit):
        """The latest articles, for a list of pages placed elsewhere (the home page)."""
        return self.articles()[:limit]

    @path("")
    def index_route(self, request):
        from .forms import NewsFilterForm

        form = NewsFilterForm(request.GET or None, news_index=self)
        articles = form.filter(self.articles())
        articles = articles.select_related("image").prefetch_related(
            "image__renditions",
            models.Prefetch("conventions", queryset=ConventionPage.objects.live()),
        )
        page = Paginator(articles, NEWS_PER_PAGE).get_page(request.GET.get("page"))
        return self.render(
            request,
            context_overrides={
                "filter_form": form,
                "articles": page,
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


class NewsArticlePage(BasePage):
    """A news article about one or more conventions."""

    date = models.DateField(
        _("date de publication"),
        default=timezone.localdate,
        help_text=_(
            "La date affichée et qui ordonne les actualités ; "
            "pour programmer la mise en ligne, utilisez l'onglet "
            "Paramètres."
        ),
    )
    lead = models.TextField(
        _("chapô"),
        blank=True,
        default="",
        help_text=_("L'essentiel en une ou deux phrases, repris dans les listes et les flux."),
    )
    image = models.ForeignKey(
        get_image_model(),
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Montrée en tête d'article, dans la liste et au partage sur les réseaux."),
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Obligatoire avec une image : ce qu'elle montre, pour qui ne la voit pas."),
    )
    body = StreamField(
        PartnershipBodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP
    )
    conventions = ParentalManyToManyField(
        ConventionPage,
        verbose_name=_("conventions liées"),
        related_name="news",
        blank=True,
        help_text=_("L'article apparaîtra sur la page de chacune de ces conventions."),
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
        FieldPanel("lead"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image principale")),
        FieldPanel("body"),
        FieldPanel("conventions", widget=forms.CheckboxSelectMultiple),
        FieldPanel("signature"),
    ]
    search_fields = BasePage.search_fields + [index.SearchField("lead"), index.SearchField("body")]

    is_article = True

    class Meta:
        verbose_name = _("actualité")
        verbose_name_plural = _("actualités")

    def get_share_image(self):
        return self.image

    def clean(self):
        super().clean()
        from django.core.exceptions import ValidationError

        if self.image_id and not self.image_alt:
            raise ValidationError({"image_alt": _("Décrivez l'image pour qui ne la voit pas.")})

    def card(self):
        from django.utils.formats import date_format

        return {
            "meta": date_format(self.date, "j F Y"),
            "summary": self.lead,
            "summary_lang": fallback_lang(self, "lead"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # .all() also works on a preview's unsaved relations, which are not a real queryset.
        context["related_conventions"] = [c for c in self.conventions.all() if c.live]
        context["news_index"] = NewsIndexPage.objects.ancestor_of(self).first()
        context["news_article"] = self.json_ld(request)
        return context

    def json_ld(self, request):
        """schema.org NewsArticle, for search engines."""
        from django.utils.translation import get_language

        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title,
            "datePublished": self.date.isoformat(),
            "inLanguage": get_language(),
            "mainEntityOfPage": self.get_full_url(request),
            "publisher": {"@type": "Organization", "name": "OPT-NC"},
        }
        if self.lead:
            data["description"] = self.lead
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if self.image:
            rendition = self.image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = request.build_absolute_uri(rendition.url)
        if self.signature:
            data["author"] = {"@type": "Organization", "name": self.signature}
        return data
