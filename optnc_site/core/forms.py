from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname
from PIL import Image as PillowImage
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from .models import reserved_slug_errors, sibling_slug_errors
from .slugs import FrenchSlugsMixin


class CheckedImageField(WagtailImageField):
    """Wagtail's image field, which also refuses files whose content is damaged.

    Wagtail only reads a file's header before saving it: a truncated or corrupt PNG then
    crashes the upload (a server error) or every later rendition. Reading it whole here
    turns that into the field's usual "not a valid image" message.
    """

    def to_python(self, data):
        uploaded = super().to_python(data)
        if uploaded is None:
            return None
        try:
            with PillowImage.open(uploaded) as image:
                image.verify()
        except Exception as exc:  # noqa: BLE001 - any decoding failure means a bad file
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc
        finally:
            uploaded.seek(0)
        return uploaded

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - the header promised an image it does not hold
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from exc


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Made per form, so that the upload limits follow the settings of the moment.
        self.fields["file"] = CheckedImageField(label=_("Fichier"))


class PageForm(FrenchSlugsMixin, WagtailAdminPageForm):
    """The admin form of every page: apostrophes in slugs become hyphens (``slugs.py``), and a
    new page's address is checked against its siblings.

    An existing page's own ``clean`` checks it (``page_slug_errors``); a new page has no
    place in the tree until it is saved, so the form asks with the parent it is added to.
    """

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is None and self.parent_page is not None:
            slugs = {
                code: cleaned_data.get(build_localized_fieldname("slug", code))
                for code, _ in settings.LANGUAGES
            }
            for field, message in sibling_slug_errors(slugs, self.parent_page).items():
                if field in self.fields:
                    self.add_error(field, message)
            for field, message in reserved_slug_errors(self.parent_page, slugs).items():
                if field in self.fields:
                    self.add_error(field, message)
        return cleaned_data
