from django.db import models


class DateField(models.DateField):
    """A DateField that also serialises a value still held as an ISO string.

    The demo loader (``optnc_site.core.demo``) assigns fixture values as they are written,
    "2018-09-06", and compares fields through ``value_to_string`` before saving; Django's
    DateField calls ``isoformat()`` on the raw value there and fails on a string.
    """

    def value_to_string(self, obj):
        value = self.to_python(self.value_from_object(obj))
        return "" if value is None else value.isoformat()
