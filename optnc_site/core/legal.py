"""The two pages a French public body must publish, built from the site settings.

``LegalInformation`` holds what the legal notice (loi n° 2004-575 « LCEN », article 6)
and the accessibility statement (RGAA 4.1, the DINUM's model) say about the site; a
``LegalPage`` (in ``models``, with ``LegalPageMixin``) of each ``kind`` renders it, in the
model's order, so that no editor can drop or reorder a mandatory section. A page type
rather than a body block: the statement is one page per site with a fixed structure, and a
block could be put (twice) anywhere. No package of the Wagtail ecosystem publishes these
French statements.

The publisher's name, address, phone and e-mail are those of ``SiteIdentity`` (one home
for each fact, read through the app registry: ``models`` imports this module); an empty
value leaves its sentence out, and ``missing_fields`` lists for the admin's dashboard what
is still to be filled before going live.
"""

from dataclasses import dataclass

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.urls import reverse
from django.utils import formats
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField

from .public_url import page_url

TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]
LINES_HELP = _("Un élément par ligne.")

TOTAL, PARTIAL, NONE = "total", "partial", "none"
CONFORMITY_CHOICES = [
    (TOTAL, _("totalement conforme")),
    (PARTIAL, _("partiellement conforme")),
    (NONE, _("non conforme")),
]


def conformity_from_rate(rate):
    """The RGAA's rule: every criterion met, at least half of them, or fewer."""
    if rate >= 100:
        return TOTAL
    return PARTIAL if rate >= 50 else NONE


@register_setting(icon="doc-full")
class LegalInformation(BaseSiteSetting):
    """What the legal notice and the accessibility statement say (see the module)."""

    # Legal notice -------------------------------------------------------------------------
    publisher_legal_form = models.CharField(
        _("forme juridique de l’éditeur"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Par exemple « établissement public ». Nom, adresse et téléphone : identité du site."),
    )
    publication_director = models.CharField(
        _("directeur ou directrice de la publication"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Prénom et nom de la personne responsable de ce qui est publié."),
    )
    publication_director_role = models.CharField(
        _("fonction du directeur de la publication"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Par exemple « directeur général »."),
    )
    host_name = models.CharField(
        _("hébergeur"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("La société qui héberge le site (obligatoire dans les mentions légales)."),
    )
    host_address = models.TextField(
        _("adresse de l’hébergeur"),
        blank=True,
        default="",
        help_text=_("Son adresse postale complète, sur plusieurs lignes si besoin."),
    )
    host_phone = models.CharField(
        _("téléphone de l’hébergeur"),
        max_length=40,
        blank=True,
        default="",
        help_text=_("Son numéro de téléphone, avec l’indicatif du pays."),
    )
    intellectual_property = RichTextField(
        _("propriété intellectuelle"),
        blank=True,
        default="",
        features=TEXT_FEATURES,
        help_text=_("Droits sur les textes, images et logos, et conditions de réutilisation."),
    )
    personal_data = RichTextField(
        _("données personnelles"),
        blank=True,
        default="",
        features=TEXT_FEATURES,
        help_text=_("Ce que le site collecte (ou non), pourquoi, et les droits des personnes."),
    )
    personal_data_email = models.EmailField(
        _("contact pour les données personnelles"),
        blank=True,
        default="",
        help_text=_("L’adresse où exercer ses droits (délégué à la protection des données…)."),
    )

    # Accessibility statement --------------------------------------------------------------
    multiyear_plan_url = models.URLField(
        _("schéma pluriannuel de mise en accessibilité"),
        blank=True,
        default="",
        help_text=_("Adresse du schéma pluriannuel et du plan d’action de l’année."),
    )
    audit_date = models.DateField(
        _("date de l’audit"),
        null=True,
        blank=True,
        help_text=_("Laissez vide tant qu’aucun audit RGAA n’a été réalisé : la déclaration le dira."),
    )
    audit_by = models.CharField(
        _("audit réalisé par"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("L’organisme ou le service qui a mené l’audit de conformité."),
    )
    compliance_rate = models.DecimalField(
        _("taux de critères respectés (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
        help_text=_("Le résultat de l’audit : il détermine l’état de conformité."),
    )
    conformity = models.CharField(
        _("état de conformité"),
        max_length=10,
        blank=True,
        default="",
        choices=CONFORMITY_CHOICES,
        help_text=_("Laissez vide pour le déduire du taux. Sans audit, le site est déclaré non conforme."),
    )
    non_compliances = RichTextField(
        _("non-conformités"),
        blank=True,
        default="",
        features=TEXT_FEATURES,
        help_text=_("Les contenus qui ne respectent pas un critère, et leur alternative accessible."),
    )
    derogations = RichTextField(
        _("dérogations pour charge disproportionnée"),
        blank=True,
        default="",
        features=TEXT_FEATURES,
        help_text=_("Chaque dérogation, expliquée et motivée."),
    )
    exempt_contents = RichTextField(
        _("contenus non soumis à l’obligation d’accessibilité"),
        blank=True,
        default="",
        help_text=_("Par exemple les documents bureautiques publiés avant le 23 septembre 2018."),
        features=TEXT_FEATURES,
    )
    statement_date = models.DateField(
        _("date d’établissement de la déclaration"),
        null=True,
        blank=True,
        help_text=_("La date à laquelle cette déclaration a été établie."),
    )
    statement_updated = models.DateField(
        _("date de mise à jour de la déclaration"),
        null=True,
        blank=True,
        help_text=_("La date de sa dernière mise à jour, après un nouvel audit par exemple."),
    )
    technologies = models.CharField(
        _("technologies utilisées"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Par exemple « HTML, CSS, JavaScript »."),
    )
    test_environment = models.TextField(
        _("environnement de test"),
        blank=True,
        default="",
        help_text=_("Navigateurs et technologies d’assistance, avec leurs versions. Un élément par ligne."),
    )
    evaluation_tools = models.TextField(
        _("outils pour évaluer l’accessibilité"), blank=True, default="", help_text=LINES_HELP
    )
    audited_pages = models.TextField(
        _("pages ayant fait l’objet de la vérification"), blank=True, default="", help_text=LINES_HELP
    )
    accessibility_email = models.EmailField(
        _("adresse de contact pour l’accessibilité"),
        blank=True,
        default="",
        help_text=_("Où signaler un défaut d’accessibilité et demander une alternative."),
    )
    accessibility_form_url = models.URLField(
        _("formulaire de contact pour l’accessibilité"),
        blank=True,
        default="",
        help_text=_("L’adresse d’un formulaire où signaler un défaut d’accessibilité (facultatif)."),
    )

    edit_handler = TabbedInterface(
        [
            ObjectList(
                [
                    FieldPanel("publisher_legal_form"),
                    MultiFieldPanel(
                        [FieldPanel("publication_director"), FieldPanel("publication_director_role")],
                        heading=_("Directeur de la publication"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("host_name"), FieldPanel("host_address"), FieldPanel("host_phone")],
                        heading=_("Hébergeur"),
                    ),
                    FieldPanel("intellectual_property"),
                    FieldPanel("personal_data"),
                    FieldPanel("personal_data_email"),
                ],
                heading=_("Mentions légales"),
            ),
            ObjectList(
                [
                    FieldPanel("multiyear_plan_url"),
                    MultiFieldPanel(
                        [
                            FieldPanel("audit_date"),
                            FieldPanel("audit_by"),
                            FieldPanel("compliance_rate"),
                            FieldPanel("conformity"),
                        ],
                        heading=_("Audit et état de conformité"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("non_compliances"),
                            FieldPanel("derogations"),
                            FieldPanel("exempt_contents"),
                        ],
                        heading=_("Contenus non accessibles"),
                    ),
                    MultiFieldPanel(
                        [
                            FieldPanel("statement_date"),
                            FieldPanel("statement_updated"),
                            FieldPanel("technologies"),
                            FieldPanel("test_environment"),
                            FieldPanel("evaluation_tools"),
                            FieldPanel("audited_pages"),
                        ],
                        heading=_("Établissement de la déclaration"),
                    ),
                    MultiFieldPanel(
                        [FieldPanel("accessibility_email"), FieldPanel("accessibility_form_url")],
                        heading=_("Retour d’information et contact"),
                    ),
                ],
                heading=_("Déclaration d’accessibilité"),
            ),
        ]
    )

    class Meta:
        verbose_name = _("informations légales")

    def clean(self):
        """No conformity claimed without an audit, and none the audit's rate contradicts."""
        super().clean()
        errors = {}
        if (self.compliance_rate is not None or self.conformity) and not self.audit_date:
            errors["audit_date"] = _("Un taux ou un état de conformité vient d’un audit : indiquez sa date.")
        if (
            self.conformity
            and self.compliance_rate is not None
            and self.conformity != conformity_from_rate(self.compliance_rate)
        ):
            errors["conformity"] = _(
                "Cet état ne correspond pas au taux : 100 % totalement, au moins 50 % partiellement, "
                "moins de 50 % non conforme. Laissez vide pour le déduire du taux."
            )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """A rich text emptied in the editor keeps an empty paragraph: store it as empty, so
        that its section is left out and the dashboard still lists it."""
        for model_field in self._meta.concrete_fields:
            value = getattr(self, model_field.attname)
            if isinstance(model_field, RichTextField) and value and not strip_tags(value).strip():
                setattr(self, model_field.attname, "")
        super().save(*args, **kwargs)

    @property
    def audited(self):
        return self.audit_date is not None

    @property
    def conformity_state(self):
        """``total``, ``partial`` or ``none``: without an audit, always ``none``."""
        if not self.audited:
            return NONE
        if self.conformity:
            return self.conformity
        if self.compliance_rate is not None:
            return conformity_from_rate(self.compliance_rate)
        return NONE

    @property
    def compliance_rate_display(self):
        """The rate as the audit gives it, in the visitor's number format: 62,5 and 100."""
        rate = self.compliance_rate
        rate = rate.quantize(1) if rate == rate.to_integral_value() else rate.normalize()
        return formats.number_format(rate)

    @property
    def conformity_label(self):
        return dict(CONFORMITY_CHOICES)[self.conformity_state]

    @staticmethod
    def lines(text):
        return [line.strip() for line in (text or "").splitlines() if line.strip()]

    @property
    def test_environment_lines(self):
        return self.lines(self.test_environment)

    @property
    def evaluation_tools_lines(self):
        return self.lines(self.evaluation_tools)

    @property
    def audited_pages_lines(self):
        return self.lines(self.audited_pages)

    @property
    def has_inaccessible_contents(self):
        return bool(self.non_compliances or self.derogations or self.exempt_contents)


def site_identity_model():
    return apps.get_model("core", "SiteIdentity")


@dataclass
class MissingField:
    label: str
    url: str


def missing_fields(site):
    """What the legal pages of ``site`` still lack to be published, in the pages' order.

    The French values are checked: the site is French first, and the missing translations
    report covers the English ones.
    """
    identity = site_identity_model().for_site(site)
    legal = LegalInformation.for_site(site)
    identity_url = reverse("wagtailsettings:edit", args=["core", "siteidentity", site.pk])
    legal_url = reverse("wagtailsettings:edit", args=["core", "legalinformation", site.pk])

    def french(instance, name):
        return getattr(instance, build_localized_fieldname(name, settings.MODELTRANSLATION_DEFAULT_LANGUAGE))

    checks = [
        (french(identity, "organisation_name"), _("Nom de l’éditeur (identité du site)"), identity_url),
        (french(legal, "publisher_legal_form"), _("Forme juridique de l’éditeur"), legal_url),
        (french(identity, "address"), _("Adresse postale de l’éditeur (identité du site)"), identity_url),
        (identity.phone, _("Téléphone de l’éditeur (identité du site)"), identity_url),
        (identity.email, _("Adresse électronique de l’éditeur (identité du site)"), identity_url),
        (legal.publication_director, _("Directeur ou directrice de la publication"), legal_url),
        (legal.host_name, _("Nom de l’hébergeur"), legal_url),
        (legal.host_address, _("Adresse de l’hébergeur"), legal_url),
        (legal.host_phone, _("Téléphone de l’hébergeur"), legal_url),
        (legal.personal_data_email, _("Contact pour les données personnelles"), legal_url),
        (legal.multiyear_plan_url, _("Schéma pluriannuel de mise en accessibilité"), legal_url),
        (legal.audited, _("Audit de conformité au RGAA (date, auditeur, taux)"), legal_url),
    ]
    if legal.audited:
        checks.append((legal.audit_by, _("Auteur de l’audit de conformité"), legal_url))
        checks.append(
            (legal.compliance_rate is not None, _("Taux de critères respectés de l’audit"), legal_url)
        )
        if legal.conformity_state != TOTAL:
            checks.append(
                (french(legal, "non_compliances"), _("Non-conformités relevées par l’audit"), legal_url)
            )
    checks += [
        (legal.statement_date, _("Date d’établissement de la déclaration d’accessibilité"), legal_url),
        (legal.technologies, _("Technologies utilisées"), legal_url),
        (
            legal.accessibility_email or legal.accessibility_form_url,
            _("Contact pour l’accessibilité (adresse ou formulaire)"),
            legal_url,
        ),
    ]
    return [MissingField(str(label), url) for value, label, url in checks if not value]


KINDS = [
    ("accessibility", _("déclaration d’accessibilité")),
    ("legal_notice", _("mentions légales")),
]


class LegalPageMixin(models.Model):
    """What ``models.LegalPage`` (an ``EditorialPage``) adds: its ``kind``, one page of each,
    and the kind's sections from ``LegalInformation`` before the page's own body (the
    site's purpose, for instance). A mixin, so that this module never imports the page
    models that import it."""

    kind = models.CharField(
        _("type de page légale"),
        max_length=20,
        choices=KINDS,
        help_text=_("Ce que la page affiche des informations légales : une seule page de chaque type."),
    )

    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count = len(KINDS)  # one of each kind
    template = "core/legal_page.html"

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.kind and type(self).objects.filter(kind=self.kind).exclude(pk=self.pk).exists():
            raise ValidationError({"kind": _("Le site a déjà une page de ce type.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["legal"] = LegalInformation.for_request(request)
        context["identity"] = site_identity_model().for_request(request)
        # The statement applies to the site as visitors reach it, in their language.
        context["site_url"] = page_url(self.get_parent(), request)
        return context
