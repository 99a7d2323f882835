from modeltranslation.translator import TranslationOptions, register

from .models import EventIndexPage, EventPage


@register(EventIndexPage)
class EventIndexPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(EventPage)
class EventPageTranslation(TranslationOptions):
    fields = ("place", "city", "country", "organisers", "intro", "body", "image_alt")
