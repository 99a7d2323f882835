from events.models import EventIndexPage, EventPage
from tests.core.factories import TranslatedPageFactory


class EventIndexPageFactory(TranslatedPageFactory):
    title = "Événements"
    title_en = "Events"

    class Meta:
        model = EventIndexPage


class EventPageFactory(TranslatedPageFactory):
    class Params:
        label_fr = "Événement"
        label_en = "Event"

    intro_fr = "Résumé de l’événement."
    intro_en = "Summary of the event."

    class Meta:
        model = EventPage
