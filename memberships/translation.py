from modeltranslation.translator import TranslationOptions, register

from .models import MembershipIndexPage, MembershipPage


@register(MembershipIndexPage)
class MembershipIndexPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(MembershipPage)
class MembershipPageTranslation(TranslationOptions):
    fields = (
        "organisation_name",
        "acronym",
        "full_name",
        "member_since_text",
        "intro",
        "body",
        "objectives",
    )
