"""iCalendar (RFC 5545) files for one event or the whole agenda.

Written by hand: the format needs a few dozen lines, and the ``icalendar`` library is only a
development dependency (the tests parse these files with it).
"""

from datetime import UTC, timedelta

from django.http import HttpResponse
from django.utils import timezone

from optnc_site.core.public_url import page_url

from .dates import EVENT_TIME_ZONE, local_datetime

PRODUCT_ID = "-//OPT-NC//Site ouverture et coopération//FR"
TZID = EVENT_TIME_ZONE.key
# Nouméa has kept UTC+11 all year since March 1997, so one STANDARD rule describes it for
# every event the site lists.
VTIMEZONE = [
    "BEGIN:VTIMEZONE",
    f"TZID:{TZID}",
    "BEGIN:STANDARD",
    "DTSTART:19970302T000000",
    "TZOFFSETFROM:+1100",
    "TZOFFSETTO:+1100",
    "TZNAME:+11",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def escape_text(value):
    return (
        str(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold(line):
    """Cut a content line into pieces of at most 75 octets, never inside a character."""
    pieces, current, size, limit = [], "", 0, 75
    for character in line:
        length = len(character.encode("utf-8"))
        if size + length > limit:
            pieces.append(current)
            current, size, limit = "", 0, 74  # continuation lines start with a space
        current += character
        size += length
    pieces.append(current)
    return "\r\n ".join(pieces)


def utc_stamp(moment):
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def event_lines(event, url, language):
    """The VEVENT of a page that ``EventPage.is_calendar_ready`` accepts."""
    start, end = event.start_date, event.end_date or event.start_date
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.translation_key}",
        f"DTSTAMP:{utc_stamp(event.last_published_at or timezone.now())}",
    ]
    if event.start_time:
        lines.append(f"DTSTART;TZID={TZID}:{local_datetime(start, event.start_time):%Y%m%dT%H%M%S}")
        if event.end_time:
            lines.append(f"DTEND;TZID={TZID}:{local_datetime(end, event.end_time):%Y%m%dT%H%M%S}")
    else:
        # All-day events: DTEND is the day after the last one (RFC 5545, 3.6.1).
        lines.append(f"DTSTART;VALUE=DATE:{start:%Y%m%d}")
        lines.append(f"DTEND;VALUE=DATE:{end + timedelta(days=1):%Y%m%d}")
    lines.append(text_property("SUMMARY", event.title, event.lang_of("title") or language))
    if event.intro:
        lines.append(text_property("DESCRIPTION", event.intro, event.lang_of("intro") or language))
    location = ", ".join(part["text"] for part in event.location_parts())
    if location:
        lines.append(text_property("LOCATION", location))
    lines += [f"URL;VALUE=URI:{url}", "END:VEVENT"]
    return lines


def text_property(name, value, language=None):
    parameter = f";LANGUAGE={language}" if language else ""
    return f"{name}{parameter}:{escape_text(value)}"


def calendar_response(events, request, language, name, filename):
    """``events`` are calendar-ready EventPages; ``name`` titles the calendar."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODUCT_ID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        text_property("X-WR-CALNAME", name),
    ]
    if any(event.start_time for event in events):
        lines += VTIMEZONE
    for event in events:
        lines += event_lines(event, page_url(event, request), language)
    lines.append("END:VCALENDAR")
    body = "".join(fold(line) + "\r\n" for line in lines)
    response = HttpResponse(body.encode("utf-8"), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
