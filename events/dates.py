"""Event dates: what "today" is, and how a date range reads in each language.

French and English do not differ by words alone ("du 6 au 13 septembre 2018" against
"6–13 September 2018", "1er" for the first of the month), so each language has its own
formatter rather than a gettext sentence. Times are Nouméa times.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.utils import timezone

EVENT_TIME_ZONE = ZoneInfo("Pacific/Noumea")

DAY, MONTH, YEAR = "day", "month", "year"

MONTHS = {
    "fr": [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def today():
    """The current date in Nouméa; tests patch it to freeze the agenda's "now"."""
    return timezone.localdate(timezone=EVENT_TIME_ZONE)


def local_datetime(day, time):
    return datetime.combine(day, time, tzinfo=EVENT_TIME_ZONE)


def _fr_day(day, with_month=True, with_year=True):
    text = "1er" if day.day == 1 else str(day.day)
    if with_month:
        text += " " + MONTHS["fr"][day.month - 1]
    if with_year:
        text += f" {day.year}"
    return text


def _fr_time(time):
    return f"{time.hour}\u00a0h" + (f"\u00a0{time.minute:02d}" if time.minute else "")


def _format_fr(start, start_time, end, end_time):
    if end is None or end == start:
        text = "le " + _fr_day(start)
        if start_time and end_time:
            return f"{text}, de {_fr_time(start_time)} à {_fr_time(end_time)}"
        return f"{text} à {_fr_time(start_time)}" if start_time else text
    if start_time and end_time:
        return f"du {_fr_day(start)} à {_fr_time(start_time)} au {_fr_day(end)} à {_fr_time(end_time)}"
    same_year = start.year == end.year
    same_month = same_year and start.month == end.month
    return f"du {_fr_day(start, not same_month, not same_year)} au {_fr_day(end)}"


def _en_day(day, with_month=True, with_year=True):
    text = str(day.day)
    if with_month:
        text += " " + MONTHS["en"][day.month - 1]
    if with_year:
        text += f" {day.year}"
    return text


def _en_time(time):
    return time.strftime("%H:%M")


def _format_en(start, start_time, end, end_time):
    if end is None or end == start:
        text = _en_day(start)
        if start_time and end_time:
            return f"{text}, {_en_time(start_time)}–{_en_time(end_time)}"
        return f"{text}, {_en_time(start_time)}" if start_time else text
    if start_time and end_time:
        return f"{_en_day(start)}, {_en_time(start_time)} – {_en_day(end)}, {_en_time(end_time)}"
    same_year = start.year == end.year
    if same_year and start.month == end.month:
        return f"{start.day}–{_en_day(end)}"
    return f"{_en_day(start, with_year=not same_year)} – {_en_day(end)}"


FORMATTERS = {"fr": _format_fr, "en": _format_en}
UNKNOWN = {"fr": "dates non communiquées", "en": "dates not announced"}
LOCAL_TIME = {"fr": "heure de Nouméa", "en": "Nouméa time"}


def format_dates(language, precision, start, start_time=None, end=None, end_time=None):
    """The dates of an event as a phrase: "du 6 au 13 septembre 2018", "janvier 2018"…"""
    language = language if language in FORMATTERS else "fr"
    if start is None:
        return UNKNOWN[language]
    if precision == YEAR:
        return str(start.year)
    if precision == MONTH:
        return f"{MONTHS[language][start.month - 1]} {start.year}"
    text = FORMATTERS[language](start, start_time, end, end_time)
    shows_time = start_time and (end is None or end == start or end_time)
    return f"{text} ({LOCAL_TIME[language]})" if shows_time else text


def iso_date(precision, day, time=None):
    """schema.org dates: ISO 8601, as precise as what is known ("2018-01", "2018")."""
    if precision == YEAR:
        return f"{day.year:04d}"
    if precision == MONTH:
        return f"{day.year:04d}-{day.month:02d}"
    return local_datetime(day, time).isoformat() if time else day.isoformat()


def first_day(precision, day):
    """The date stored for a month or a year known without its day: its first day."""
    if precision == YEAR:
        return date(day.year, 1, 1)
    if precision == MONTH:
        return date(day.year, day.month, 1)
    return day
