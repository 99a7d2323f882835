from modeltranslation.translator import TranslationOptions, register

from .legal import LegalInformation
from .models import ContentPage, HomePage, LegalPage, SiteIdentity, SiteMapPage


@register(HomePage)
class HomePageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(ContentPage)
class ContentPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(SiteIdentity)
class SiteIdentityTranslation(TranslationOptions):
    fields = ("organisation_name", "footer_text", "address", "default_share_image_alt")


@register(SiteMapPage)
class SiteMapPageTranslation(TranslationOptions):
    fields = ()


@register(LegalPage)
class LegalPageTranslation(TranslationOptions):
    fields = ("intro", "body")


@register(LegalInformation)
class LegalInformationTranslation(TranslationOptions):
    fields = (
        "publisher_legal_form",
        "publication_director_role",
        "intellectual_property",
        "personal_data",
        "non_compliances",
        "derogations",
        "exempt_contents",
        "test_environment",
        "evaluation_tools",
        "audited_pages",
    )
