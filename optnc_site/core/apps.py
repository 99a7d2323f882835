from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "optnc_site.core"
    label = "core"
    verbose_name = _("Socle du site")

    def ready(self):
        from wagtail.models import get_page_models

        from . import signals  # noqa: F401
        from .models import BasePage

        # wagtail-modeltranslation (ready before us) replaced `route` on every translated
        # page model with one that loads all siblings; restore the indexed lookup. Pages
        # mixing in RoutablePageMixin would also get its route and preview before ours, which
        # know about routable pages and add languages.
        for model in get_page_models():
            if issubclass(model, BasePage):
                model.route = BasePage.route
                model.serve_preview = BasePage.serve_preview
