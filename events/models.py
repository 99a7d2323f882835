"""The agenda: events the OPT-NC organises or takes part in, and their index.

Dates may be known to the day (with or without times, in Nouméa time), to the month, to
the year, or not at all; nothing is ever shown more precisely than it is known. Related
memberships (pages) and partners (snippets) are chosen in StreamFields, which the demo
loader sets like any other field.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.snippets.blocks import SnippetChooserBlock

from optnc_site.core.blocks import BodyBlock
from optnc_site.core.models import BODY_HELP, BasePage
from optnc_site.core.navigation import fallback_lang
from optnc_site.core.structured_data import json_ld_script, live_chosen_pages

from . import dates, ical

UPCOMING, PAST, UNDATED = 0, 1, 2
SECTION_NAMES = {UPCOMING: "upcoming", PAST: "past", UNDATED: "undated"}


class EventIndexPage(RoutablePageMixin, BasePage):
    """The agenda: upcoming events first, then past events by year, then undated ones."""

    intro = models.TextField(
        _("chapô"),
        blank=True,
        default="",
        help_text=_("Résumé en une ou deux phrases, repris dans les listes de pages."),
    )
    body = StreamField(BodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP)

    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    per_page = 10

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("body")]
    search_fields = BasePage.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        verbose_name = _("agenda des événements")
        verbose_name_plural = _("agendas des événements")

    def events(self):
        return EventPage.objects.child_of(self).live().public()

    def block_listing(self, limit):
        """What core's page_list block shows of this agenda: next events first, then the latest."""
        return list(agenda_order(self.events(), dates.today())[:limit])

    @path("ical/", name="ical")
    def ical_route(self, request):
        """The whole agenda: every event known to the day."""
        events = self.events().filter(date_precision=dates.DAY, start_date__isnull=False)
        return ical.calendar_response(
            list(events.order_by("start_date", "start_time", "path")),
            request,
            get_language(),
            self.title,
            f"{self.slug}.ics",
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        events = self.events()
        years = [
            day.year
            for day in events.filter(start_date__isnull=False).dates("start_date", "year", order="DESC")
        ]
        # Only values offered by the form reach the query; anything else is ignored.
        year = _choice(request.GET.get("year"), {str(value): value for value in years})
        role = _choice(request.GET.get("role"), {value: value for value in EventPage.Role.values})
        if year is not None:
            events = events.filter(start_date__year=year)
        if role is not None:
            events = events.filter(role=role)
        paginator = Paginator(agenda_order(events, dates.today()), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        filters = {key: value for key, value in (("year", year), ("role", role)) if value is not None}
        context.update(
            {
                "years": years,
                "roles": EventPage.Role.choices,
                "year": year,
                "role": role,
                "filters": filters,
                "page_obj": page_obj,
                "sections": agenda_sections(page_obj),
            }
        )
        return context


def _choice(raw, allowed):
    return allowed.get(raw) if isinstance(raw, str) else None


def agenda_order(events, today):
    """Upcoming first (soonest first), then past (latest first), then undated events.

    An event known to the month or the year stays upcoming until its month or year is over.
    """
    upcoming = (
        Q(date_precision=dates.DAY, last_day__gte=today)
        | Q(date_precision=dates.MONTH, start_date__gte=today.replace(day=1))
        | Q(date_precision=dates.YEAR, start_date__year__gte=today.year)
    )
    return (
        events.annotate(last_day=Coalesce("end_date", "start_date"))
        .annotate(
            period=Case(
                When(start_date__isnull=True, then=Value(UNDATED)),
                When(upcoming, then=Value(UPCOMING)),
                default=Value(PAST),
            )
        )
        .annotate(
            soonest=Case(When(period=UPCOMING, then=F("start_date"))),
            latest=Case(When(period=PAST, then=F("start_date"))),
        )
        .order_by(
            "period",
            F("soonest").asc(nulls_last=True),
            F("latest").desc(nulls_last=True),
            "start_time",
            "path",
        )
    )


def agenda_sections(page_obj):
    """The page's events cut into "upcoming", one section per past year, and "undated"."""
    sections = []
    for event in page_obj.object_list:
        key = (event.period, event.start_date.year if event.period == PAST else None)
        if not sections or sections[-1]["key"] != key:
            sections.append({"key": key, "name": SECTION_NAMES[event.period], "year": key[1], "events": []})
        sections[-1]["events"].append(event)
    return sections


class EventPage(RoutablePageMixin, BasePage):
    class Kind(models.TextChoices):
        CONFERENCE = "conference", _("conférence")
        TRADE_SHOW = "trade_show", _("salon")
        WORKSHOP = "workshop", _("atelier")
        MEETING = "meeting", _("réunion")
        FORUM = "forum", _("forum")
        OTHER = "other", _("autre")

    class Role(models.TextChoices):
        ORGANISER = "organiser", _("organisateur")
        CO_ORGANISER = "co_organiser", _("co-organisateur")
        PARTICIPANT = "participant", _("participant")
        PARTNER = "partner", _("partenaire")

    class Precision(models.TextChoices):
        DAY = dates.DAY, _("au jour près")
        MONTH = dates.MONTH, _("mois seulement")
        YEAR = dates.YEAR, _("année seulement")

    kind = models.CharField(
        _("type d'événement"),
        max_length=20,
        choices=Kind.choices,
        blank=True,
        default="",
        help_text=_("Laissez vide si les sources ne le précisent pas."),
    )
    role = models.CharField(
        _("rôle de l'OPT-NC"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        default="",
        help_text=_("Laissez vide si les sources ne le précisent pas."),
    )
    date_precision = models.CharField(
        _("précision des dates"),
        max_length=10,
        choices=Precision.choices,
        default=dates.DAY,
        help_text=_(
            "Si seul le mois ou l'année est connu, choisissez-le et saisissez n'importe "
            "quel jour de ce mois ou de cette année : seul ce qui est connu s'affiche."
        ),
    )
    start_date = models.DateField(
        _("date de début"),
        null=True,
        blank=True,
        help_text=_(
            "Laissez vide si les dates ne sont pas connues : la page affichera « dates non communiquées »."
        ),
    )
    start_time = models.TimeField(
        _("heure de début"),
        null=True,
        blank=True,
        help_text=_("Heure de Nouméa. Laissez vide pour un événement sur la journée entière."),
    )
    end_date = models.DateField(
        _("date de fin"), null=True, blank=True, help_text=_("Laissez vide pour un événement d'un seul jour.")
    )
    end_time = models.TimeField(_("heure de fin"), null=True, blank=True, help_text=_("Heure de Nouméa."))
    place = models.CharField(
        _("lieu"),
        max_length=200,
        blank=True,
        default="",
        help_text=_("Salle, bâtiment ou site (ex. : CPS, Anse-Vata)."),
    )
    city = models.CharField(
        _("ville"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("Laissez vide si elle n'est pas connue."),
    )
    country = models.CharField(
        _("pays"),
        max_length=100,
        blank=True,
        default="",
        help_text=_("Laissez vide si le pays n'est pas connu."),
    )
    organisers = models.TextField(
        _("organisateurs"),
        blank=True,
        default="",
        help_text=_("Un par ligne, hors OPT-NC (son rôle est indiqué plus haut)."),
    )
    participants = models.PositiveIntegerField(
        _("nombre de participants"),
        null=True,
        blank=True,
        help_text=_("Seulement un chiffre publié par une source ; sinon laissez vide."),
    )
    countries = models.PositiveIntegerField(
        _("nombre de pays représentés"),
        null=True,
        blank=True,
        help_text=_("Seulement un chiffre publié par une source ; sinon laissez vide."),
    )
    summary = models.TextField(
        _("résumé"),
        blank=True,
        default="",
        help_text=_(
            "Une ou deux phrases, reprises dans l'agenda, les listes et l'agenda électronique (.ics)."
        ),
    )
    body = StreamField(BodyBlock(), blank=True, default=list, verbose_name=_("contenu"), help_text=BODY_HELP)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Montrée en tête de page ; son texte alternatif est obligatoire."),
    )
    image_alt = models.CharField(
        _("texte alternatif de l'image"),
        max_length=250,
        blank=True,
        default="",
        help_text=_("Décrivez ce que montre l'image pour les personnes qui ne la voient pas."),
    )
    external_url = models.URLField(
        _("site de l'événement"),
        blank=True,
        default="",
        help_text=_("Adresse complète, commençant par https://"),
    )
    memberships = StreamField(
        [
            (
                "membership",
                blocks.PageChooserBlock(page_type="memberships.MembershipPage", label=_("Adhésion")),
            )
        ],
        blank=True,
        default=list,
        verbose_name=_("adhésions liées"),
        help_text=_("Les organisations internationales concernées (APNIC, PITA…)."),
    )
    partners = StreamField(
        [("partner", SnippetChooserBlock("partnerships.Partner", label=_("Partenaire")))],
        blank=True,
        default=list,
        verbose_name=_("partenaires"),
        help_text=_("Les partenaires locaux associés à l'événement."),
    )

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("kind"), FieldPanel("role")]),
        MultiFieldPanel(
            [
                FieldPanel("date_precision"),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("start_time")]),
                FieldRowPanel([FieldPanel("end_date"), FieldPanel("end_time")]),
            ],
            heading=_("Dates"),
        ),
        MultiFieldPanel([FieldPanel("place"), FieldPanel("city"), FieldPanel("country")], heading=_("Lieu")),
        FieldPanel("organisers"),
        FieldRowPanel([FieldPanel("participants"), FieldPanel("countries")], heading=_("Chiffres")),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("external_url"),
        FieldPanel("body"),
        FieldPanel("memberships"),
        FieldPanel("partners"),
    ]
    search_fields = BasePage.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("place"),
        index.SearchField("city"),
    ]

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    def clean(self):
        super().clean()
        errors = {}
        day_precision = self.date_precision == dates.DAY
        if self.start_date is None:
            for name in ("end_date", "start_time", "end_time"):
                if getattr(self, name) is not None:
                    errors[name] = _("Indiquez d'abord la date de début.")
        elif not day_precision:
            for name in ("end_date", "start_time", "end_time"):
                if getattr(self, name) is not None:
                    errors[name] = _("Sans jour connu, laissez ce champ vide.")
            self.start_date = dates.first_day(self.date_precision, self.start_date)
        else:
            end = self.end_date or self.start_date
            if end < self.start_date:
                errors["end_date"] = _("La fin ne peut pas précéder le début.")
            if self.end_time is not None and self.start_time is None:
                errors["end_time"] = _("Indiquez aussi l'heure de début.")
            elif self.start_time is not None and end > self.start_date and self.end_time is None:
                errors["end_time"] = _(
                    "Un événement de plusieurs jours avec une heure de début a aussi une heure de fin."
                )
            elif self.end_time is not None and end == self.start_date and self.end_time < self.start_time:
                errors["end_time"] = _("La fin ne peut pas précéder le début.")
        default_alt = build_localized_fieldname("image_alt", settings.MODELTRANSLATION_DEFAULT_LANGUAGE)
        if self.image_id and not getattr(self, default_alt):
            errors[default_alt] = _("Décrivez l'image pour les personnes qui ne la voient pas.")
        if errors:
            raise ValidationError(errors)

    # What visitors read ------------------------------------------------------------------

    def lang_of(self, field_name):
        return fallback_lang(self, field_name)

    @property
    def is_calendar_ready(self):
        """Known to the day: it can go in a calendar."""
        return self.start_date is not None and self.date_precision == dates.DAY

    @property
    def date_text(self):
        return dates.format_dates(
            get_language(),
            self.date_precision,
            self.start_date,
            self.start_time,
            self.end_date,
            self.end_time,
        )

    def location_parts(self):
        return [
            {"text": getattr(self, name), "lang": self.lang_of(name)}
            for name in ("place", "city", "country")
            if getattr(self, name)
        ]

    def organiser_names(self):
        names = [line.strip() for line in self.organisers.splitlines() if line.strip()]
        if self.role in (self.Role.ORGANISER, self.Role.CO_ORGANISER):
            names.insert(0, "OPT-NC")
        return names

    def card(self):
        return {"meta": self.date_text, "summary": self.summary, "summary_lang": self.lang_of("summary")}

    def structured_data(self, request):
        """The schema.org Event of this page, as a ``<script type="application/ld+json">``."""
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "url": self.get_full_url(request),
            "inLanguage": get_language(),
        }
        if self.summary:
            data["description"] = self.summary
        if self.start_date:
            data["startDate"] = dates.iso_date(self.date_precision, self.start_date, self.start_time)
            # A start time without an end time leaves the end unknown.
            if self.is_calendar_ready and (self.end_time or not self.start_time):
                data["endDate"] = dates.iso_date(dates.DAY, self.end_date or self.start_date, self.end_time)
        if self.place or self.city or self.country:
            address = {"@type": "PostalAddress"}
            if self.city:
                address["addressLocality"] = self.city
            if self.country:
                address["addressCountry"] = self.country
            data["location"] = {
                "@type": "Place",
                "name": ", ".join(part["text"] for part in self.location_parts()),
                "address": address,
            }
        organisers = self.organiser_names()
        if organisers:
            data["organizer"] = [{"@type": "Organization", "name": name} for name in organisers]
        return json_ld_script(data)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["structured_data"] = self.structured_data(request)
        return context

    def related_memberships(self):
        return live_chosen_pages(self.memberships, "membership")

    @path("ical/", name="ical")
    def ical_route(self, request):
        if not self.is_calendar_ready:
            raise Http404
        return ical.calendar_response([self], request, get_language(), self.title, f"{self.slug}.ics")
