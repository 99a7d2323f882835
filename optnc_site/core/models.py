from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.blocks import ChoiceBlock, PageChooserBlock, StructBlock, StructValue, URLBlock
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.url_routing import RouteResult

from .blocks import BodyBlock, first_text
from .legal import LegalInformation, LegalPageMixin  # noqa: F401 (a setting: registered on import)
from .navigation import fallback_lang
from .public_url import page_url
from .relations import prepare_cards, public_pages_in_order
from .structured_data import LOGO_SPEC, image_object

BODY_HELP = _(
    "Paragraphes, titres, sections « Lire la suite », chiffres clés, images… "
    "Chaque image demande son texte alternatif."
)


class BasePage(Page):
    """Behaviour every page of the site shares.

    Routing: wagtail-modeltranslation's router loads every sibling to compare slugs in
    Python, one level at a time. This one first asks for the descendant whose translated
    ``url_path`` is the whole requested path (one indexed query); only paths that no page
    owns outright (a page serving sub-URLs of its own) are walked level by level, each level
    a query for the one child whose slug matches in the active language. ``CoreConfig.ready``
    puts it back on each page model after modeltranslation's patch.
    """

    # What the search results call this kind of page: a short label, not the model's name.
    search_kind = _("Page")

    # Autocomplete uses PostgreSQL's "simple" configuration: index each language's title.
    search_fields = Page.search_fields + [
        index.AutocompleteField("title_fr"),
        index.AutocompleteField("title_en"),
    ]

    class Meta:
        abstract = True

    @property
    def preview_modes(self):
        return [(code, name) for code, name in settings.LANGUAGES]

    @property
    def default_preview_mode(self):
        return settings.MODELTRANSLATION_DEFAULT_LANGUAGE

    def serve_preview(self, request, mode_name):
        """Preview in the language the editor picked, whatever the admin's language."""
        language = mode_name if mode_name in dict(settings.LANGUAGES) else self.default_preview_mode
        with translation.override(language):
            request.LANGUAGE_CODE = language
            if isinstance(self, RoutablePageMixin):
                view, args, kwargs = self.resolve_subpage("/")
                response = view(request, *args, **kwargs)
            else:
                response = super().serve_preview(request, mode_name)
            # Render now: a lazy response would be rendered after the override ends.
            if hasattr(response, "render") and not response.is_rendered:
                response.render()
        return response

    def clean(self):
        """A page in the tree may not take an address its parent serves itself (a feed…).

        A new page has no parent yet when the model is cleaned: the admin form checks it
        with the parent it is added to (``PageForm.clean``, ``reserved_slug_errors``).
        """
        super().clean()
        parent = self.get_parent() if self.path and self.depth and self.depth > 1 else None
        if parent is not None:
            slugs = {
                code: getattr(self, build_localized_fieldname("slug", code), None)
                for code, _name in settings.LANGUAGES
            }
            errors = reserved_slug_errors(parent, slugs)
            if errors:
                raise ValidationError(errors)

    def get_share_image(self):
        """The image shown when the page is shared and its alternative text, as
        ``(image, alt)``; ``None`` for the site's default (``SiteIdentity``)."""
        return None

    def card(self):
        """What a list of pages shows about this page (``components/card.html``).

        ``summary`` is the page's ``intro`` (every page type names its list summary so),
        else its search description. Page types that show more (dates, an image…) extend
        this dict: ``meta`` a short line, ``datetime`` its machine-readable date,
        ``details`` lists of ``{"text", "lang"}`` parts, ``image`` and ``image_alt``. Each
        ``*_lang`` key gives the ``lang`` of a value shown in French as a fallback.
        """
        summary_field = "intro" if getattr(self, "intro", "") else "search_description"
        return {
            "meta": "",
            "details": [],
            "summary": getattr(self, summary_field, "") or "",
            "summary_lang": fallback_lang(self, summary_field),
        }

    def structured_data(self, request):
        """The schema.org objects describing this page, rendered once by ``base.html``.

        Page types extend the list; the organisation comes from the site settings.
        """
        return []

    def route(self, request, path_components):
        if isinstance(self, RoutablePageMixin) and self.live:
            # Sub-URLs a page serves itself (feeds, calendars) come before its children.
            subpath = "/" + "".join(f"{component}/" for component in path_components)
            try:
                view, args, kwargs = self.resolve_subpage(subpath)
            except Http404:
                pass
            else:
                return RouteResult(self, args=(view, args, kwargs))
        if not path_components:
            if self.live:
                return RouteResult(self)
            raise Http404
        language = get_language() or settings.LANGUAGE_CODE
        url_path = self.url_path + "/".join(path_components) + "/"
        page = (
            Page.objects.descendant_of(self)
            .filter(**{build_localized_fieldname("url_path", language): url_path})
            .first()
        )
        if page is not None:
            return page.specific.route(request, [])
        child = self.get_children().filter(self._slug_match(path_components[0], language)).first()
        if child is None:
            raise Http404
        return child.specific.route(request, path_components[1:])

    @staticmethod
    def _slug_match(slug, language):
        slug_field = build_localized_fieldname("slug", language)
        default_field = build_localized_fieldname("slug", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        match = models.Q(**{slug_field: slug})
        if slug_field != default_field:
            untranslated = models.Q(**{f"{slug_field}__isnull": True}) | models.Q(**{slug_field: ""})
            match |= untranslated & models.Q(**{default_field: slug})
        return match


def sibling_slug_errors(slugs, parent, exclude_pk=None):
    """The slug fields whose address a sibling under ``parent`` already has.

    ``slugs`` maps each language to the slug entered for it (empty: the French one is
    used, as visitors get it). This stands in for wagtail-modeltranslation's checks, which
    load every sibling into Python (93 % of a publish among 5,000 articles): here one
    indexed ``EXISTS`` query per language.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    siblings = Page.objects.child_of(parent)
    if exclude_pk:
        siblings = siblings.exclude(pk=exclude_pk)
    errors = {}
    for language, _name in settings.LANGUAGES:
        slug = slugs.get(language) or slugs.get(default)
        if slug and siblings.filter(BasePage._slug_match(slug, language)).exists():
            errors[build_localized_fieldname("slug", language)] = _(
                "Cette adresse est déjà celle d’une autre page au même endroit : choisissez-en une autre."
            )
    return errors


def serves_subpage(page, slug):
    """Whether ``page`` answers ``slug/`` itself, by one of its RoutablePageMixin routes.

    Read from the page type's own routes: what its resolver resolves, and the first word of
    each route (``rss/…``), so that a child page never hides a feed or a calendar.
    """
    page_class = page.specific_class if isinstance(page, Page) else type(page)
    if page_class is None or not issubclass(page_class, RoutablePageMixin):
        return False
    try:
        page_class.get_resolver().resolve(f"/{slug}/")
    except Http404:
        pass
    else:
        return True
    for pattern in page_class.get_subpage_urls():
        route = str(getattr(pattern.pattern, "_route", ""))
        if route.split("/", 1)[0] == slug:
            return True
    return False


def reserved_slug_errors(parent, slugs):
    """The slug fields whose address ``parent`` serves itself (``serves_subpage``).

    ``slugs`` maps each language to the slug entered for it (empty: the French one, as
    visitors get it). Called by ``BasePage.clean`` for a page in the tree, and by the admin
    form for a new page, with the parent it is added to.
    """
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    errors = {}
    for language, _name in settings.LANGUAGES:
        slug = slugs.get(language) or slugs.get(default)
        if slug and serves_subpage(parent, slug):
            errors[build_localized_fieldname("slug", language)] = gettext(
                "L’adresse « %(slug)s » est réservée par la page parente (flux, calendrier…) : "
                "choisissez-en une autre."
            ) % {"slug": slug}
    return errors


def page_slug_errors(page):
    """``sibling_slug_errors`` for a page in the tree (what its ``clean`` checks)."""
    parent = page.get_parent() if page.path else None
    if parent is None:
        return {}
    slugs = {
        code: getattr(page, build_localized_fieldname("slug", code), None) for code, _ in settings.LANGUAGES
    }
    return sibling_slug_errors(slugs, parent, page.pk)


class PageImage(models.Model):
    """A page's own image and its alternative text, which it cannot be saved without.

    The one rule "an image needs its alt text" for every page that has an image: the error
    is put on the French field the admin form shows (``image_alt_fr``), never on the raw
    column, which the form does not have.
    """

    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Montrée en tête de page, dans les listes et au partage sur les réseaux."),
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Obligatoire avec une image : ce qu'elle montre, pour qui ne la voit pas."),
    )

    image_panel = MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        alt_field = build_localized_fieldname("image_alt", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        if self.image_id and not (getattr(self, alt_field, "") or "").strip():
            raise ValidationError({alt_field: _("Décrivez l'image pour qui ne la voit pas.")})

    def get_share_image(self):
        return (self.image, self.image_alt) if self.image else None


class EditorialPage(BasePage):
    """A lead paragraph and a body of shared blocks."""

    intro = models.TextField(
        _("chapô"),
        blank=True,
        default="",
        help_text=_("Résumé en une ou deux phrases, repris dans les listes de pages."),
    )
    body = StreamField(BodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True

    def card(self):
        """Without a lead paragraph, the opening words of the body stand in for it."""
        card = super().card()
        if not card["summary"]:
            card["summary"] = Truncator(first_text(self.body)).words(30)
            card["summary_lang"] = fallback_lang(self, "body")
        return card


class HomePage(EditorialPage):
    """The site root, one per site.

    It leaves ``subpage_types`` open on purpose: each app's index page names HomePage in
    its own ``parent_page_types``, so core never has to know the apps (apps → core only).
    """

    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    search_kind = _("Accueil")

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def structured_data(self, request):
        identity = SiteIdentity.for_request(request)
        return [
            *super().structured_data(request),
            identity.organisation(url=page_url(self, request)),
        ]


class ContentPage(EditorialPage):
    """An editorial page, such as the openness page, followed by the list of its children."""

    parent_page_types = ["core.HomePage", "core.ContentPage"]
    subpage_types = ["core.ContentPage"]

    class Meta:
        verbose_name = _("page de contenu")
        verbose_name_plural = _("pages de contenu")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = prepare_cards(list(self.get_children().live().public().specific()))
        return context


class SiteMapPage(BasePage):
    """The readable site map: every published page, as the tree orders them."""

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = 1

    search_kind = _("Plan du site")

    class Meta:
        verbose_name = _("plan du site")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        home = self.get_parent()
        pages = list(home.get_descendants().live().public().order_by("path"))
        context["tree"] = _nest(pages)
        return context


def _nest(pages):
    """Turn pages sorted by path into nested ``{"page", "children"}`` entries."""
    nodes, stack = [], []
    for page in pages:
        node = {"page": page, "children": []}
        while stack and not page.path.startswith(stack[-1]["page"].path):
            stack.pop()
        (stack[-1]["children"] if stack else nodes).append(node)
        stack.append(node)
    return nodes


class LegalPage(LegalPageMixin, EditorialPage):
    """The legal notice or the accessibility statement, from the site settings (``core.legal``)."""

    content_panels = [FieldPanel("kind"), *EditorialPage.content_panels]

    class Meta:
        verbose_name = _("page légale")
        verbose_name_plural = _("pages légales")


SOCIAL_NETWORKS = [
    ("facebook", "Facebook"),
    ("linkedin", "LinkedIn"),
    ("youtube", "YouTube"),
    ("instagram", "Instagram"),
    ("x", "X (Twitter)"),
]


class SocialLinkValue(StructValue):
    @property
    def label(self):
        return dict(SOCIAL_NETWORKS).get(self.get("network"), "")


class SocialLinkBlock(StructBlock):
    network = ChoiceBlock(label=_("Réseau"), choices=SOCIAL_NETWORKS)
    url = URLBlock(label=_("Adresse du compte"))

    class Meta:
        icon = "link"
        value_class = SocialLinkValue


@register_setting(icon="site")
class SiteIdentity(BaseSiteSetting):
    """What the header and footer of every page say."""

    organisation_name = models.CharField(
        _("nom de l'organisation"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Nom complet affiché dans l'en-tête et le pied de page."),
    )
    footer_text = RichTextField(
        _("texte du pied de page"),
        blank=True,
        default="",
        features=["bold", "italic", "link"],
        help_text=_("Quelques lignes affichées en bas de chaque page."),
    )
    address = models.TextField(
        _("adresse postale"),
        blank=True,
        default="",
        help_text=_("Laissez vide tant qu'elle n'est pas validée."),
    )
    phone = models.CharField(
        _("téléphone"),
        max_length=40,
        blank=True,
        default="",
        help_text=_("Au format international, par exemple +687 …"),
    )
    email = models.EmailField(
        _("adresse électronique de contact"),
        blank=True,
        default="",
        help_text=_("Une adresse de service plutôt que personnelle."),
    )
    footer_links = StreamField(
        [("page", PageChooserBlock(label=_("Page")))],
        blank=True,
        default=list,
        verbose_name=_("liens du pied de page"),
        help_text=_("Mentions légales, accessibilité, plan du site…"),
    )
    social_links = StreamField(
        [("link", SocialLinkBlock())],
        blank=True,
        default=list,
        verbose_name=_("réseaux sociaux"),
        help_text=_("Les comptes officiels de l'OPT-NC, affichés en pied de page."),
    )
    default_share_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image de partage par défaut"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Montrée quand une page partagée sur les réseaux n'a pas d'image à elle."),
    )
    default_share_image_alt = models.CharField(
        _("texte alternatif de l'image de partage"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Obligatoire avec une image : ce qu'elle montre, pour qui ne la voit pas."),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo de l'organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "Le logo officiel, repris par les moteurs de recherche. Laissez vide sans fichier validé."
        ),
    )

    # Every page reads both images for its sharing tags and structured data: one query.
    select_related = ["default_share_image", "logo"]

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("footer_text"),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")], heading=_("Coordonnées")
        ),
        FieldPanel("footer_links"),
        FieldPanel("social_links"),
        MultiFieldPanel(
            [FieldPanel("default_share_image"), FieldPanel("default_share_image_alt")],
            heading=_("Partage sur les réseaux"),
        ),
        FieldPanel("logo"),
    ]

    class Meta:
        verbose_name = _("identité du site")

    def clean(self):
        super().clean()
        alt_field = build_localized_fieldname(
            "default_share_image_alt", settings.MODELTRANSLATION_DEFAULT_LANGUAGE
        )
        if self.default_share_image_id and not (getattr(self, alt_field, "") or "").strip():
            raise ValidationError({alt_field: _("Décrivez l'image pour qui ne la voit pas.")})

    def get_share_image(self):
        """The default sharing image and its alternative text, as ``(image, alt)``, or ``None``."""
        return (self.default_share_image, self.default_share_image_alt) if self.default_share_image else None

    @cached_property
    def public_footer_links(self):
        """The footer's pages that visitors may see: published, under no view restriction."""
        ids = [
            child["value"]
            for child in self.footer_links.raw_data
            if child.get("type") == "page" and child.get("value")
        ]
        return public_pages_in_order(Page.objects, ids)

    def organisation(self, url=None, contact=True):
        """The schema.org Organization: the home page's subject and every article's publisher."""
        data = {
            "@type": "Organization",
            "name": self.organisation_name or settings.WAGTAIL_SITE_NAME,
            "alternateName": settings.WAGTAIL_SITE_NAME,
        }
        if url:
            data["url"] = url
        logo = self.logo and image_object(self.logo, alt=data["name"], spec=LOGO_SPEC)
        if logo:
            data["logo"] = logo
        if contact:
            for key, value in (("address", self.address), ("telephone", self.phone), ("email", self.email)):
                if value:
                    data[key] = value
        return data


# The translations report's table, loaded with the other models so that its migrations and
# its save signals exist whatever imports first.
from .translation_state import TranslationState  # noqa: E402, F401
