from modeltranslation.translator import TranslationOptions, register

from .models import ContentPage, HomePage, SiteIdentity, SiteMapPage


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
