"""Where each translation stands against its French: the table behind « Traductions manquantes ».

One row per translated field of each page and snippet, and per translation language. Every
save of the page's or snippet's own row records:

- ``source_hash``: a hash of the French value now;
- ``translation_hash``: a hash of the translated value now;
- ``translated_source_hash``: the French value's hash when the translation last changed.

``status`` follows from them: *missing* when the French has text and the translation none,
*outdated* when the translation exists but the French changed since the translation was last
saved, *ok* otherwise. The report is then a filter on ``status``: its cost does not grow with
the number of pages.

Drafts do not count: visitors read what is saved on the page's row. A revision saved without
publishing saves the page with ``update_fields`` that leave its content out; publishing saves
it whole. Saves of a page through the base ``Page`` class update the fields ``Page`` knows.

Rows exist from the first save after this module is loaded; ``manage.py
refresh_translation_states`` records the content saved before (it keeps existing rows).
"""

import hashlib
import json
from functools import cache

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import StreamField
from wagtail.models import Page

# Wagtail's own translated fields that a visitor never reads, or that follow from others.
UNTRACKED_FIELDS = {"url_path", "slug"}


class TranslationState(models.Model):
    class Status(models.TextChoices):
        OK = "ok", _("à jour")
        MISSING = "missing", _("manquante")
        OUTDATED = "outdated", _("à mettre à jour")

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=255)
    field_name = models.CharField(max_length=100)
    language = models.CharField(max_length=10)
    # The page's or snippet's French title, for the report to list and sort without joins.
    title = models.CharField(max_length=255)
    source_hash = models.CharField(max_length=32, blank=True)
    translation_hash = models.CharField(max_length=32, blank=True)
    translated_source_hash = models.CharField(max_length=32, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices)

    TO_DO = (Status.MISSING, Status.OUTDATED)

    class Meta:
        app_label = "core"
        verbose_name = _("état d'une traduction")
        verbose_name_plural = _("états des traductions")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field_name", "language"],
                name="core_translationstate_one_per_field",
            )
        ]
        indexes = [models.Index(fields=["status"], name="core_translationstate_status")]

    def __str__(self):
        return f"{self.title} · {self.field_name}_{self.language} · {self.get_status_display()}"


def translatable_fields(model):
    """The translated fields of ``model`` a visitor reads (base names: ``title``, ``body``…)."""
    options = translator.get_options_for_model(model)
    return [name for name in options.all_fields if name not in UNTRACKED_FIELDS]


def source_language():
    return settings.MODELTRANSLATION_DEFAULT_LANGUAGE


def target_languages():
    return [code for code, _name in settings.LANGUAGES if code != source_language()]


@cache
def _translated_models():
    return frozenset(translator.get_registered_models(abstract=False))


def is_tracked(model):
    """Whether saves of ``model`` update the table: translated page models and snippets."""
    if model not in _translated_models():
        return False
    # Imported here: this module loads with core's models, before Wagtail's snippets are ready.
    from wagtail.snippets.models import get_snippet_models

    return issubclass(model, Page) or model in get_snippet_models()


def tracked_models():
    """The specific models whose objects the report covers (not ``Page`` itself)."""
    return [model for model in _translated_models() if model is not Page and is_tracked(model)]


def _columns(model):
    names = translatable_fields(model)
    languages = [source_language(), *target_languages()]
    return set(names) | {build_localized_fieldname(name, code) for name in names for code in languages}


def _key(instance):
    """(content type id, object id) of the object a row describes; ``None`` if untracked."""
    if isinstance(instance, Page):
        # The specific type, whatever class saved the row; Wagtail's root is no content.
        if instance.content_type_id is None or instance.specific_class in (None, Page):
            return None
        return instance.content_type_id, str(instance.pk)
    return ContentType.objects.get_for_model(type(instance)).pk, str(instance.pk)


def _without_block_ids(data):
    """Stream data minus the blocks' ids, which say nothing about the text."""
    if isinstance(data, list):
        return [_without_block_ids(item) for item in data]
    if isinstance(data, dict):
        is_block = "type" in data and "value" in data
        return {
            key: _without_block_ids(value) for key, value in data.items() if not (is_block and key == "id")
        }
    return data


def _digest(instance, column):
    """A hash of the saved value of ``column``; ``""`` when it is empty."""
    field = instance._meta.get_field(column)
    value = field.value_from_object(instance)
    if isinstance(field, StreamField):
        data = field.get_prep_value(value) if value is not None else []
        if isinstance(data, str):  # raw text kept by Wagtail for an unparsable value
            data = [] if not data.strip() else data
        if not data:
            return ""
        text = json.dumps(_without_block_ids(data), sort_keys=True, cls=DjangoJSONEncoder, ensure_ascii=False)
    else:
        text = "" if value is None else str(field.get_prep_value(value))
        if not text.strip():
            return ""
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def _title(instance):
    if isinstance(instance, Page):
        title = getattr(instance, build_localized_fieldname("title", source_language()), "") or instance.title
    else:
        with translation.override(source_language()):
            title = str(instance)
    return (title or "")[:255]


def _status(source, translation_hash, translated_source):
    if source and not translation_hash:
        return TranslationState.Status.MISSING
    if translation_hash and translated_source != source:
        return TranslationState.Status.OUTDATED
    return TranslationState.Status.OK


def record(instance):
    """Bring the rows of ``instance`` in step with its values (as saved): 2 queries at most."""
    key = _key(instance)
    if key is None:
        return
    content_type_id, object_id = key
    names = translatable_fields(type(instance))
    existing = {
        (state.field_name, state.language): state
        for state in TranslationState.objects.filter(
            content_type_id=content_type_id, object_id=object_id, field_name__in=names
        )
    }
    title = _title(instance)
    changed = []
    for name in names:
        source = _digest(instance, build_localized_fieldname(name, source_language()))
        for code in target_languages():
            translation_hash = _digest(instance, build_localized_fieldname(name, code))
            state = existing.get((name, code))
            if state is None or state.translation_hash != translation_hash:
                # New, or the translation changed in this save: it answers the French as it is.
                translated_source = source
            else:
                translated_source = state.translated_source_hash
            values = {
                "title": title,
                "source_hash": source,
                "translation_hash": translation_hash,
                "translated_source_hash": translated_source,
                "status": _status(source, translation_hash, translated_source),
            }
            if state is not None and all(getattr(state, attr) == value for attr, value in values.items()):
                continue
            changed.append(
                TranslationState(
                    content_type_id=content_type_id,
                    object_id=object_id,
                    field_name=name,
                    language=code,
                    **values,
                )
            )
    if changed:
        TranslationState.objects.bulk_create(
            changed,
            update_conflicts=True,
            unique_fields=["content_type", "object_id", "field_name", "language"],
            update_fields=["title", "source_hash", "translation_hash", "translated_source_hash", "status"],
        )


@receiver(post_save, dispatch_uid="core_translation_state_on_save")
def record_on_save(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or not is_tracked(sender):
        return
    if update_fields is not None:
        if not _columns(sender) & set(update_fields):
            return  # e.g. a draft revision: the page's content on its row did not change
        # Only some columns were written: the instance may hold unsaved (draft) values.
        instance = sender._base_manager.get(pk=instance.pk)
    record(instance)


@receiver(post_delete, dispatch_uid="core_translation_state_on_delete")
def forget_on_delete(sender, instance, **kwargs):
    # Deleting a page always deletes its base Page row; the specific rows follow it.
    if sender is not Page and (issubclass(sender, Page) or not is_tracked(sender)):
        return
    key = _key(instance)
    if key is not None:
        TranslationState.objects.filter(content_type_id=key[0], object_id=key[1]).delete()


def refresh(everything=False):
    """Record the objects that have no rows yet (all of them if ``everything``); forget rows
    whose object is gone. Returns the number of objects recorded."""
    recorded = 0
    tracked_types = []
    for model in tracked_models():
        content_type = ContentType.objects.get_for_model(model)
        tracked_types.append(content_type.pk)
        states = TranslationState.objects.filter(content_type=content_type)
        known = set(states.values_list("object_id", flat=True).distinct())
        objects = model._default_manager.all()
        if issubclass(model, Page):
            objects = objects.exact_type(model)
        pks = {str(pk) for pk in objects.values_list("pk", flat=True)}
        states.filter(object_id__in=known - pks).delete()
        if not everything:
            objects = objects.exclude(pk__in=[model._meta.pk.to_python(pk) for pk in known & pks])
        for instance in objects.iterator(chunk_size=500):
            record(instance)
            recorded += 1
    TranslationState.objects.exclude(content_type__in=tracked_types).delete()
    return recorded
