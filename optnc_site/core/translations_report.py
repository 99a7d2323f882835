"""What still lacks its English translation: the admin report "Traductions manquantes"."""

from django.conf import settings
from django.urls import reverse
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.models import Page
from wagtail.snippets.models import get_snippet_models


def _is_empty(value):
    if value is None:
        return True
    if hasattr(value, "raw_data"):  # a StreamValue
        return len(value.raw_data) == 0
    return not str(value).strip()


def missing_fields(instance, field_names):
    """Labels of the fields filled in French but not in English."""
    default = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
    missing = []
    for name in field_names:
        french = getattr(instance, build_localized_fieldname(name, default), None)
        for code, _name in settings.LANGUAGES:
            if code == default:
                continue
            translated = getattr(instance, build_localized_fieldname(name, code), None)
            if not _is_empty(french) and _is_empty(translated):
                missing.append(str(instance._meta.get_field(name).verbose_name))
    return missing


def translatable_fields(model):
    options = translator.get_options_for_model(model)
    # Wagtail's own fields a visitor never reads, or that follow from others.
    return [name for name in options.all_fields if name not in {"url_path", "slug"}]


def missing_translations():
    rows = []
    page_models = [
        model
        for model in translator.get_registered_models(abstract=False)
        if issubclass(model, Page) and model is not Page
    ]
    for model in page_models:
        fields = translatable_fields(model)
        for page in model.objects.order_by("path"):
            missing = missing_fields(page, fields)
            if missing:
                rows.append(
                    {
                        "title": page.title,
                        "kind": model._meta.verbose_name,
                        "fields": missing,
                        "url": reverse("wagtailadmin_pages:edit", args=[page.pk]),
                    }
                )
    for model in get_snippet_models():
        if model not in translator.get_registered_models(abstract=False):
            continue
        fields = translatable_fields(model)
        for snippet in model.objects.all():
            missing = missing_fields(snippet, fields)
            if missing:
                rows.append(
                    {
                        "title": str(snippet),
                        "kind": model._meta.verbose_name,
                        "fields": missing,
                        "url": reverse(
                            f"wagtailsnippets_{model._meta.app_label}_{model._meta.model_name}:edit",
                            args=[snippet.pk],
                        ),
                    }
                )
    return rows
