"""Every field an editor fills in comes with French help text."""

import pytest
from django.apps import apps
from modelcluster.fields import ParentalKey
from wagtail.models import Orderable, Page

OUR_APPS = ("core", "partnerships", "events", "memberships")
# Fields every Wagtail page or orderable has, documented by Wagtail itself.
INHERITED = {field.name for field in Page._meta.get_fields()} | {"sort_order", "id"}


def editor_fields():
    for app_label in OUR_APPS:
        for model in apps.get_app_config(app_label).get_models():
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


@pytest.mark.parametrize(
    "label,field", list(editor_fields()), ids=lambda value: value if isinstance(value, str) else ""
)
def test_field_has_help_text(label, field):
    assert str(field.help_text).strip(), f"{label} has no help text"


def test_orderables_are_covered():
    assert any(issubclass(model, Orderable) for model in apps.get_app_config("partnerships").get_models())
