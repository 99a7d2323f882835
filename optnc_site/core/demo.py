"""Load the demo content described by the JSON files of ``fixtures/demo/``.

Each file lists ``images``, ``snippets``, ``pages`` and ``settings``. Images, snippets and
pages carry a ``key`` that other entries refer to with ``{"$image": key}``,
``{"$snippet": key}`` or ``{"$page": key}`` (and ``$page:key`` inside rich text, as in
``<a linktype="page" id="$page:key">``). Files load in name order, but every key of every
file is known before any page's content is set, so pages may refer to each other freely.
Models are named by label (``core.ContentPage``): core reads the apps' content without
importing them.

Loading is idempotent: an existing page is found by its parent and French slug, a snippet
by its ``lookup`` fields, an image by its file's hash, and nothing is saved when the stored
values already match.
"""

import json
import re
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.files.images import ImageFile
from django.db import models, transaction
from django.utils import translation
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.utils.file import hash_filelike

from .navigation import clear_menu_cache
from .public_url import forget_site_root_paths, sync_site

PAGE_REFERENCE = re.compile(r"\$page:([a-z0-9-]+)")
BLOCK_KEY = re.compile(r'data-block-key="[^"]*"')
FIXTURES_DIR = Path(settings.BASE_DIR) / "fixtures"
BLOCK_ID_NAMESPACE = uuid.UUID("6f1c2a44-3c1e-4a8e-9a52-0b7e2d5f9c10")


@dataclass
class Report:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.updated)


class DemoLoader:
    def __init__(self, fixtures_dir=FIXTURES_DIR):
        self.fixtures_dir = Path(fixtures_dir)
        self.images = {}
        self.snippets = {}
        self.pages = {}
        self.report = Report()

    def load(self):
        specs = [
            json.loads(path.read_text(encoding="utf-8"))
            for path in sorted((self.fixtures_dir / "demo").glob("*.json"))
        ]
        with translation.override(settings.MODELTRANSLATION_DEFAULT_LANGUAGE), transaction.atomic():
            for spec in specs:
                for image_spec in spec.get("images", []):
                    self.images[image_spec["key"]] = self.ensure_image(image_spec)
            for spec in specs:
                for snippet_spec in spec.get("snippets", []):
                    self.snippets[snippet_spec["key"]] = self.update_snippet(snippet_spec)
            page_specs = [page for spec in specs for page in spec.get("pages", [])]
            # Two passes, so that a page may link to one created after it.
            for page_spec in page_specs:
                self.pages[page_spec["key"]] = self.ensure_page(page_spec)
            for page_spec in page_specs:
                self.update_page(self.pages[page_spec["key"]], page_spec)
            self.ensure_site(self.pages[page_specs[0]["key"]])
            for spec in specs:
                for setting_spec in spec.get("settings", []):
                    self.update_setting(setting_spec)
        if self.report.changed:
            clear_menu_cache()
        return self.report

    # Images ------------------------------------------------------------------------------

    def ensure_image(self, spec):
        image_model = get_image_model()
        path = self.fixtures_dir / spec["file"]
        with path.open("rb") as handle:
            digest = hash_filelike(handle)
        image = image_model.objects.filter(file_hash=digest).first()
        if image is None:
            with path.open("rb") as handle:
                image = image_model(title=spec["title"], file=ImageFile(handle, name=path.name))
                image._set_image_file_metadata()
                image.save()
            self.report.created.append(f"image {spec['key']}")
        return image

    # Snippets ----------------------------------------------------------------------------

    def update_snippet(self, spec):
        model = apps.get_model(spec["model"])
        instance = model.objects.filter(**spec["lookup"]).first()
        values = with_raw_columns(model, self.resolve({**spec["lookup"], **spec["fields"]}, spec["key"]))
        if instance is None:
            instance = model()
            for name, value in values.items():
                assign(instance, name, value)
            instance.save()
            self.report.created.append(f"snippet {spec['key']}")
            return instance
        before = self.serialise(instance, values)
        for name, value in values.items():
            assign(instance, name, value)
        if self.serialise(instance, values) != before:
            instance.save()
            self.report.updated.append(f"snippet {spec['key']}")
        return instance

    # Pages -------------------------------------------------------------------------------

    def ensure_page(self, spec):
        model = apps.get_model(spec["model"])
        fields = spec["fields"]
        if spec.get("parent"):
            parent = self.pages[spec["parent"]]
        else:
            parent = Page.get_first_root_node()
        slug = fields["slug_fr"]
        existing = parent.get_children().filter(slug_fr=slug).first()
        if existing is not None:
            if existing.specific_class is model:
                return existing.specific
            # A demo page whose type changed (the legal pages became LegalPage): made anew.
            existing.delete()
            self.report.updated.append(f"page {spec['key']} (new type)")
        if not spec.get("parent"):
            self.remove_wagtail_welcome_page(parent)
        page = model(title=fields["title_fr"], slug=slug, **self.plain_fields(model, fields))
        parent.add_child(instance=page)
        self.report.created.append(f"page {spec['key']}")
        return page

    @staticmethod
    def remove_wagtail_welcome_page(root):
        """Wagtail's first migration leaves a bare "Welcome" page where our home goes."""
        for child in root.get_children().filter(depth=2):
            if type(child.specific) is Page and not child.get_children().exists():
                child.delete()

    @staticmethod
    def plain_fields(model, fields):
        return {
            name: value
            for name, value in fields.items()
            if not isinstance(model._meta.get_field(name), StreamField | models.ManyToManyField)
            and not _is_child_relation(model, name)
            and not _has_reference(value)
        }

    def update_page(self, page, spec):
        page = Page.objects.get(pk=page.pk).specific
        values = with_raw_columns(page, self.resolve(spec["fields"], spec["key"]))
        values = editor_form(page, values, spec["key"])
        before = self.serialise(page, values)
        for name, value in values.items():
            assign(page, name, value)
        if self.serialise(page, values) == before and page.live and not page.has_unpublished_changes:
            self.pages[spec["key"]] = page
            return
        page.save_revision().publish()
        self.pages[spec["key"]] = page
        self.report.updated.append(f"page {spec['key']}")

    @staticmethod
    def serialise(instance, names):
        """Field values in a comparable form (PostgreSQL's jsonb reorders keys: parse it)."""
        values = {}
        for name in names:
            model_field = instance._meta.get_field(name)
            if _is_child_relation(instance, name):
                values[name] = [_row_values(row) for row in getattr(instance, name).all()]
                continue
            if isinstance(model_field, models.ManyToManyField):
                values[name] = sorted(related.pk for related in getattr(instance, name).all())
                continue
            value = model_field.value_to_string(instance)
            values[name] = json.loads(value) if isinstance(model_field, StreamField) else value
        return values

    def resolve(self, value, path):
        """Replace references with primary keys and give stream blocks stable ids."""
        if isinstance(value, str) and "$page:" in value:
            return PAGE_REFERENCE.sub(lambda match: str(self.pages[match[1]].pk), value)
        if isinstance(value, dict):
            if set(value) == {"$image"}:
                return self.images[value["$image"]].pk
            if set(value) == {"$snippet"}:
                return self.snippets[value["$snippet"]].pk
            if set(value) == {"$page"}:
                return self.pages[value["$page"]].pk
            resolved = {key: self.resolve(item, f"{path}/{key}") for key, item in value.items()}
            if "type" in resolved and "value" in resolved and "id" not in resolved:
                resolved["id"] = str(uuid.uuid5(BLOCK_ID_NAMESPACE, path))
            return resolved
        if isinstance(value, list):
            return [self.resolve(item, f"{path}/{index}") for index, item in enumerate(value)]
        return value

    # Site and settings -------------------------------------------------------------------

    def ensure_site(self, home):
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            site = Site(is_default_site=True)
        moved = sync_site(site)  # at SITE_URL, as migrate leaves it
        if moved or site.root_page_id != home.pk or site.site_name != settings.WAGTAIL_SITE_NAME:
            site.root_page = home
            site.site_name = settings.WAGTAIL_SITE_NAME
            site.save()
            forget_site_root_paths()
            self.report.updated.append("site")
        self.site = site

    def update_setting(self, spec):
        model = apps.get_model(spec["model"])
        instance = model.for_site(self.site)
        values = editor_form(instance, self.resolve(spec["fields"], spec["model"]), spec["model"])
        before = self.serialise(instance, values)
        for name, value in values.items():
            assign(instance, name, value)
        if self.serialise(instance, values) != before or instance.pk is None:
            instance.save()
            self.report.updated.append(f"setting {spec['model']}")


def editor_form(instance, values, path):
    """Rich text as the editor writes it back, so that opening an editor changes nothing.

    Draftail stores paragraphs with a ``data-block-key``: HTML written without them would
    differ from what the editor's form holds, and every opened editor would save a draft.
    Keys are derived from the content's place, so loading twice gives the same text.
    """
    converted = {}
    for name, value in values.items():
        model_field = instance._meta.get_field(name)
        if isinstance(model_field, StreamField):
            value = [_stream_child(model_field.stream_block, child, f"{path}/{name}") for child in value]
        elif isinstance(model_field, RichTextField) and value:
            value = _draftail_html(value, model_field.features, f"{path}/{name}")
        converted[name] = value
    return converted


def _stream_child(stream_block, child, path):
    block = stream_block.child_blocks[child["type"]]
    return {**child, "value": _block_value(block, child["value"], f"{path}/{child.get('id', '')}")}


def _block_value(block, value, path):
    if isinstance(block, blocks.RichTextBlock):
        return _draftail_html(value, block.features, path) if value else value
    if isinstance(block, blocks.StreamBlock):
        return [_stream_child(block, child, path) for child in value]
    if isinstance(block, blocks.StructBlock):
        return {
            key: _block_value(block.child_blocks[key], item, f"{path}/{key}")
            if key in block.child_blocks
            else item
            for key, item in value.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": _block_value(block.child_block, item["value"], f"{path}/{index}")}
            if isinstance(item, dict) and "value" in item
            else _block_value(block.child_block, item, f"{path}/{index}")
            for index, item in enumerate(value)
        ]
    return value


def _draftail_html(html, features, path):
    converter = ContentstateConverter(features)
    converted = converter.to_database_format(converter.from_database_format(html))
    kept = set(BLOCK_KEY.findall(html))  # keys the text had survive the round trip
    keys = iter(range(1_000))

    def stable_key(match):
        if match[0] in kept:
            return match[0]
        return 'data-block-key="{}"'.format(uuid.uuid5(BLOCK_ID_NAMESPACE, f"{path}#{next(keys)}").hex[:5])

    return BLOCK_KEY.sub(stable_key, converted)


def assign(instance, name, value):
    """Set a field from its fixture form: ISO dates, related objects' primary keys."""
    model_field = instance._meta.get_field(name)
    if _is_child_relation(instance, name):
        # Rows of a through-model (``ParentalKey``): each a dict of its fields.
        row_model = model_field.related_model
        rows = []
        for row_values in value:
            row = row_model()
            for row_field, row_value in row_values.items():
                assign(row, row_field, row_value)
            rows.append(row)
        setattr(instance, name, rows)
    elif isinstance(model_field, models.ManyToManyField):
        setattr(instance, name, list(model_field.related_model.objects.filter(pk__in=value)))
    elif isinstance(model_field, models.ForeignKey):
        setattr(instance, model_field.attname, value)
    elif isinstance(model_field, StreamField):
        setattr(instance, name, value)
    else:
        setattr(instance, name, model_field.to_python(value))


def with_raw_columns(model, values):
    """Fill the untranslated column of each French value given (the admin's language)."""
    suffix = f"_{settings.MODELTRANSLATION_DEFAULT_LANGUAGE}"
    field_names = {f.name for f in model._meta.get_fields()}
    raw = {
        name.removesuffix(suffix): value
        for name, value in values.items()
        if name.endswith(suffix) and name.removesuffix(suffix) in field_names
    }
    return {**raw, **values}


def _is_child_relation(model, name):
    """``name`` is a child relation of a clusterable model (through-model rows)."""
    model_field = model._meta.get_field(name)
    return model_field.one_to_many and model_field.auto_created


def _row_values(row):
    """A through-model row's own values, without its key, parent and order."""
    skip = {"id", "sort_order"}
    return {
        model_field.attname: model_field.value_from_object(row)
        for model_field in row._meta.concrete_fields
        if model_field.name not in skip and not isinstance(model_field, ParentalKey)
    }


def _has_reference(value):
    if isinstance(value, str):
        return "$page:" in value
    if isinstance(value, dict):
        return bool({"$page", "$image", "$snippet"} & set(value)) or any(map(_has_reference, value.values()))
    if isinstance(value, list):
        return any(map(_has_reference, value))
    return False
