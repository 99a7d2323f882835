from modeltranslation.translator import TranslationOptions, register

from .models import (
    ConventionDocument,
    ConventionPage,
    NewsArticlePage,
    NewsIndexPage,
    Partner,
    PartnershipIndexPage,
)


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "acronym", "full_name", "description")


@register(PartnershipIndexPage)
class PartnershipIndexPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(ConventionPage)
class ConventionPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(ConventionDocument)
class ConventionDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(NewsIndexPage)
class NewsIndexPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(NewsArticlePage)
class NewsArticlePageTranslation(TranslationOptions):
    fields = ("intro", "image_alt", "body", "signature")
