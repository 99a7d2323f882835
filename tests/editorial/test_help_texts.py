"""Every field an editor fills in comes with French help text."""

import sys
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings
from modelcluster.fields import ParentalKey
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page, get_page_models
from wagtail.snippets.models import get_snippet_models

# Fields every Wagtail page or orderable has, documented by Wagtail itself.
INHERITED = {field.name for field in Page._meta.get_fields()} | {"sort_order", "id"}


def site_apps():
    """The installed apps written for this site: those in the repository, not in a virtualenv."""
    base, environment = Path(settings.BASE_DIR), Path(sys.prefix)
    return [
        config
        for config in apps.get_app_configs()
        if Path(config.path).is_relative_to(base) and not Path(config.path).is_relative_to(environment)
    ]


def edited_in_the_admin(model):
    """Pages, snippets, site settings and the rows of a page's inline panels."""
    return (
        issubclass(model, Page | BaseSiteSetting)
        or model in get_snippet_models()
        or any(isinstance(field, ParentalKey) for field in model._meta.get_fields())
    )


def editor_fields():
    for config in site_apps():
        for model in filter(edited_in_the_admin, config.get_models()):
            for field in model._meta.get_fields():
                if (
                    field.auto_created
                    or not field.concrete
                    or not field.editable
                    or field.name in INHERITED
                    or isinstance(field, ParentalKey)
                    or field.name.endswith(("_fr", "_en"))
                    or field.name == "site"
                ):
                    continue
                yield f"{model._meta.label}.{field.name}", field


def test_every_app_with_pages_is_checked():
    with_pages = {model._meta.app_config for model in get_page_models() if model is not Page}
    assert with_pages and with_pages <= set(site_apps())


@pytest.mark.parametrize(
    "label,field", list(editor_fields()), ids=lambda value: value if isinstance(value, str) else ""
)
def test_field_has_help_text(label, field):
    assert str(field.help_text).strip(), f"{label} has no help text"
