from django.conf import settings
from django.utils import translation


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
