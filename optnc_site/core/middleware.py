import logging
import traceback

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.utils import translation
from django.utils.datastructures import MultiValueDictKeyError

logger = logging.getLogger(__name__)


class FrenchAdminMiddleware:
    """The admin speaks French, whatever the browser asks for.

    Wagtail applies an editor's language only once the editor has a profile; before that,
    the browser's Accept-Language wins, and an editor saving in English would write English
    into Wagtail's raw ``title``/``slug`` columns. Runs after LocaleMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path.startswith("/admin/"):
            translation.activate(settings.LANGUAGE_CODE)
            request.LANGUAGE_CODE = settings.LANGUAGE_CODE
        return self.get_response(request)


class MalformedAdminPostMiddleware:
    """A POST to the admin whose form data no browser would send answers 400, not 500.

    Wagtail reads a StreamField or a rich-text field straight from the submitted data: a
    missing ``body_fr-count`` or ``body_fr-0-order`` raises ``MultiValueDictKeyError``, a
    count that is not a number ``ValueError``, and rich text that is not JSON
    ``JSONDecodeError``, all before the form is validated, so nothing has been saved. Only
    these are answered 400, and logged as a warning:

    - ``MultiValueDictKeyError``: a key missing from the submitted data itself;
    - ``ValueError``, ``TypeError``, ``KeyError``, ``IndexError`` raised while a widget or a
      block reads the submitted data (a ``value_from_datadict`` in the traceback).

    Any other exception, or one raised elsewhere (saving, rendering, a hook), or outside the
    admin's POSTs, stays the server error it is. (A missing management form of a Django
    formset is already a form error; Wagtail drops a comments formset without one.)
    """

    DATA_ERRORS = (ValueError, TypeError, KeyError, IndexError)
    READING_FRAMES = frozenset({"value_from_datadict"})

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if request.method != "POST" or not request.path.startswith("/admin/"):
            return None
        if not self.is_malformed_data(exception):
            return None
        logger.warning(
            "Malformed admin POST to %s by user %s: %r",
            request.path,
            getattr(getattr(request, "user", None), "pk", None),
            exception,
            exc_info=exception,
        )
        return HttpResponseBadRequest(
            "Le formulaire envoyé est incomplet ou altéré : rechargez la page et recommencez.",
            content_type="text/plain; charset=utf-8",
        )

    @classmethod
    def is_malformed_data(cls, exception):
        if isinstance(exception, MultiValueDictKeyError):
            return True
        if not isinstance(exception, cls.DATA_ERRORS):
            return False
        frames = traceback.walk_tb(exception.__traceback__)
        return any(frame.f_code.co_name in cls.READING_FRAMES for frame, _line in frames)
