"""Every event and membership page type, in both languages (to merge into pages.py)."""

PAGES_EVENTS_MEMBERSHIPS = {
    "event-index-fr": "/fr/evenements/",
    "event-index-en": "/en/events/",
    "event-index-filtered-fr": "/fr/evenements/?year=2018&role=participant",
    "event-index-no-result-en": "/en/events/?year=2016&role=organiser",
    "event-fr": "/fr/evenements/conference-apnic-46/",
    "event-en": "/en/events/apnic-46-conference/",
    "event-undated-fr": "/fr/evenements/smartday/",
    "event-undated-en": "/en/events/smartday/",
    "membership-index-fr": "/fr/adhesions-internationales/",
    "membership-index-en": "/en/international-memberships/",
    "membership-fr": "/fr/adhesions-internationales/apnic/",
    "membership-en": "/en/international-memberships/apnic/",
}
