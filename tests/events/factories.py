import factory
import wagtail_factories

from events.models import EventIndexPage, EventPage


class EventIndexPageFactory(wagtail_factories.PageFactory):
    title = title_fr = "Événements"
    title_en = "Events"
    slug = slug_fr = "evenements"
    slug_en = "events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Événement {n}")
    title_fr = factory.SelfAttribute("title")
    title_en = factory.Sequence(lambda n: f"Event {n}")
    slug = factory.Sequence(lambda n: f"evenement-{n}")
    slug_fr = factory.SelfAttribute("slug")
    slug_en = factory.Sequence(lambda n: f"event-{n}")
    summary_fr = "Résumé de l’événement."
    summary_en = "Summary of the event."

    class Meta:
        model = EventPage
