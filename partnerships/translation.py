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
    fields = ("summary", "body")


@register(ConventionDocument)
class ConventionDocumentTranslation(TranslationOptions):
    fields = ("title",)


@register(NewsIndexPage)
class NewsIndexPageTranslation(TranslationOptions):
    fields = ("intro",)


@register(NewsArticlePage)
class NewsArticlePageTranslation(TranslationOptions):
    fields = ("lead", "image_alt", "body", "signature")
