from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from PIL import Image as PillowImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


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
