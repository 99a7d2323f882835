from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "optnc_site.core"
    label = "core"
    verbose_name = _("Socle du site")

    def ready(self):
        from django.db.models.signals import post_migrate
        from wagtail.models import get_page_models
        from wagtail_modeltranslation import patch_wagtailadmin

        from . import deletion_guard, review, signals, translation_tools  # noqa: F401 - handlers, admin hooks
        from .forms import PageForm
        from .models import BasePage, page_slug_errors
        from .public_url import sync_default_site

        # Each migrate (every start of the site) puts the Wagtail Site at SITE_URL.
        post_migrate.connect(sync_default_site, sender=self, dispatch_uid="core.sync_default_site")

        # wagtail-modeltranslation (ready before us) replaced `route` on every translated
        # page model with one that loads all siblings; restore the indexed lookup. Pages
        # mixing in RoutablePageMixin would also get its route and preview before ours, which
        # know about routable pages and add languages.
        for model in get_page_models():
            if issubclass(model, BasePage):
                model.route = BasePage.route
                model.serve_preview = BasePage.serve_preview
                # Its admin form class re-checks slugs by loading every sibling: ours asks the
                # database (new pages, whose place in the tree the model does not know yet).
                model.base_form_class = PageForm
        # Its patched ``clean`` looks ``_validate_slugs`` up at call time: the indexed check
        # replaces the one that loads every sibling (it has no setting to turn it off).
        patch_wagtailadmin._validate_slugs = page_slug_errors
