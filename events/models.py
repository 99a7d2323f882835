"""The agenda: events the OPT-NC organises or takes part in, and their index.

Dates may be known to the day (with or without times, in Nouméa time), to the month, to
the year, or not at all; nothing is ever shown more precisely than it is known. Related
memberships (pages) and partners (snippets) are chosen through ``EventMembership`` and
``EventPartner`` rows, so that Wagtail's reference index knows them and the membership
page can list its events.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, F, Q, Value, When
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, MultipleChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Orderable, Page
from wagtail.search import index

from optnc_site.core.models import EditorialPage, PageImage
from optnc_site.core.navigation import fallback_lang
from optnc_site.core.public_url import page_url
from optnc_site.core.relations import linked_pages
from optnc_site.core.structured_data import image_object

from . import dates, ical
from .forms import AgendaFilterForm

UPCOMING, PAST, UNDATED = 0, 1, 2
# ISO 3166 codes of the countries events are held in, by their French name as editors write
# it: schema.org's addressCountry wants the code. A country not listed is left out.
COUNTRY_CODES = {
    "Nouvelle-Calédonie": "NC",
    "France": "FR",
    "États-Unis": "US",
    "États-Unis (Hawaï)": "US",
    "Australie": "AU",
    "Nouvelle-Zélande": "NZ",
    "Fidji": "FJ",
    "Vanuatu": "VU",
    "Polynésie française": "PF",
    "Wallis-et-Futuna": "WF",
    "Papouasie-Nouvelle-Guinée": "PG",
    "Samoa": "WS",
    "Tonga": "TO",
    "Îles Salomon": "SB",
    "Singapour": "SG",
    "Japon": "JP",
}
SECTION_NAMES = {UPCOMING: "upcoming", PAST: "past", UNDATED: "undated"}


class EventIndexPage(RoutablePageMixin, EditorialPage):
    """The agenda: upcoming events first, then past events by year, then undated ones."""

    parent_page_types = ["core.HomePage"]
    subpage_types = ["events.EventPage"]
    per_page = 10

    search_kind = _("Agenda")

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
        form = AgendaFilterForm(request.GET, years=years, roles=EventPage.Role.choices)
        paginator = Paginator(agenda_order(form.filter(events), dates.today()), self.per_page)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            {
                "filter_form": form,
                "query_string": form.query_string(),
                "page_obj": page_obj,
                "sections": agenda_sections(page_obj),
            }
        )
        return context


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


class EventPage(RoutablePageMixin, PageImage, EditorialPage):
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
    external_url = models.URLField(
        _("site de l'événement"),
        blank=True,
        default="",
        help_text=_("Adresse complète, commençant par https://"),
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
        FieldPanel("intro"),
        PageImage.image_panel,
        FieldPanel("external_url"),
        FieldPanel("body"),
        MultipleChooserPanel(
            "membership_links",
            chooser_field_name="membership",
            label=_("Adhésions liées"),
            help_text=_("Les organisations internationales concernées (APNIC, PITA…)."),
        ),
        MultipleChooserPanel(
            "partner_links",
            chooser_field_name="partner",
            label=_("Partenaires"),
            help_text=_("Les partenaires locaux associés à l'événement."),
        ),
    ]
    search_fields = EditorialPage.search_fields + [index.SearchField("place"), index.SearchField("city")]

    search_kind = _("Événement")

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
        parts = self.location_parts()
        details = [[{"text": capfirst(self.get_kind_display()), "lang": None}]] if self.kind else []
        if parts:
            details.append(parts)
        if self.role:
            role = gettext("OPT-NC : %(role)s") % {"role": self.get_role_display()}
            details.append([{"text": role, "lang": None}])
        return {**super().card(), "meta": self.date_text, "details": details}

    def structured_data(self, request):
        """The schema.org Event, for an event with a known date only (search engines need one)."""
        if not self.start_date:
            return super().structured_data(request)
        data = {
            "@type": "Event",
            "name": self.title,
            "url": page_url(self, request),
            "inLanguage": get_language(),
            "eventStatus": "https://schema.org/EventScheduled",
            "startDate": dates.iso_date(self.date_precision, self.start_date, self.start_time),
        }
        if self.intro:
            data["description"] = self.intro
        # A start time without an end time leaves the end unknown.
        if self.is_calendar_ready and (self.end_time or not self.start_time):
            data["endDate"] = dates.iso_date(dates.DAY, self.end_date or self.start_date, self.end_time)
        if self.place or self.city or self.country:
            address = {"@type": "PostalAddress"}
            if self.city:
                address["addressLocality"] = self.city
            country_code = COUNTRY_CODES.get(
                getattr(self, f"country_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}")
            )
            if country_code:
                address["addressCountry"] = country_code
            # A known venue: people met there in person.
            data["eventAttendanceMode"] = "https://schema.org/OfflineEventAttendanceMode"
            data["location"] = {
                "@type": "Place",
                "name": ", ".join(part["text"] for part in self.location_parts()),
            }
            if len(address) > 1:  # an unknown locality and country leave no address
                data["location"]["address"] = address
        image = self.image and image_object(self.image, alt=self.image_alt)
        if image:
            data["image"] = image
        organisers = self.organiser_names()
        if organisers:
            data["organizer"] = [{"@type": "Organization", "name": name} for name in organisers]
        return [*super().structured_data(request), data]

    def related_memberships(self):
        """The live memberships chosen for this event, in the editor's order."""
        return linked_pages(self.membership_links, "membership")

    def related_partners(self):
        """The live partners chosen for this event (a partner waiting for approval stays hidden)."""
        return [link.partner for link in self.partner_links.select_related("partner") if link.partner.live]

    @path("ical/", name="ical")
    def ical_route(self, request):
        if not self.is_calendar_ready:
            raise Http404
        return ical.calendar_response([self], request, get_language(), self.title, f"{self.slug}.ics")


class EventMembership(Orderable):
    """A membership an event belongs to (APNIC 46 → APNIC), listed on both pages."""

    page = ParentalKey(EventPage, related_name="membership_links", on_delete=models.CASCADE)
    membership = models.ForeignKey(
        "memberships.MembershipPage",
        verbose_name=_("adhésion"),
        help_text=_("L’organisation internationale dont relève l’événement."),
        on_delete=models.CASCADE,
        related_name="event_links",
    )

    panels = [FieldPanel("membership")]

    class Meta(Orderable.Meta):
        verbose_name = _("adhésion liée")
        verbose_name_plural = _("adhésions liées")


class EventPartner(Orderable):
    """A local partner associated with an event."""

    page = ParentalKey(EventPage, related_name="partner_links", on_delete=models.CASCADE)
    partner = models.ForeignKey(
        "partnerships.Partner",
        verbose_name=_("partenaire"),
        help_text=_("Un partenaire local associé à l’événement."),
        on_delete=models.CASCADE,
        related_name="event_links",
    )

    panels = [FieldPanel("partner")]

    class Meta(Orderable.Meta):
        verbose_name = _("partenaire de l'événement")
        verbose_name_plural = _("partenaires de l'événement")
