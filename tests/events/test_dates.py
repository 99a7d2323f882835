"""Event dates read the way each language writes them, never more precise than known."""

import datetime

import pytest

from events.dates import DAY, MONTH, YEAR, format_dates, iso_date

D = datetime.date
T = datetime.time


@pytest.mark.parametrize(
    "args,french,english",
    [
        ((D(2018, 9, 6), None, D(2018, 9, 13)), "du 6 au 13 septembre 2018", "6–13 September 2018"),
        ((D(2016, 11, 3), None, D(2016, 11, 5)), "du 3 au 5 novembre 2016", "3–5 November 2016"),
        ((D(2018, 1, 20),), "le 20 janvier 2018", "20 January 2018"),
        ((D(2018, 1, 20), None, D(2018, 1, 20)), "le 20 janvier 2018", "20 January 2018"),
        ((D(2019, 3, 1), None, D(2019, 3, 3)), "du 1er au 3 mars 2019", "1–3 March 2019"),
        (
            (D(2019, 9, 30), None, D(2019, 10, 2)),
            "du 30 septembre au 2 octobre 2019",
            "30 September – 2 October 2019",
        ),
        (
            (D(2018, 12, 30), None, D(2019, 1, 2)),
            "du 30 décembre 2018 au 2 janvier 2019",
            "30 December 2018 – 2 January 2019",
        ),
        ((D(2019, 8, 1),), "le 1er août 2019", "1 August 2019"),
        (
            (D(2019, 8, 1), T(9, 30)),
            "le 1er août 2019 à 9\u00a0h\u00a030 (heure de Nouméa)",
            "1 August 2019, 09:30 (Nouméa time)",
        ),
        (
            (D(2019, 8, 1), T(9, 0), None, T(17, 0)),
            "le 1er août 2019, de 9\u00a0h à 17\u00a0h (heure de Nouméa)",
            "1 August 2019, 09:00–17:00 (Nouméa time)",
        ),
        (
            (D(2019, 8, 1), T(9, 0), D(2019, 8, 2), T(12, 0)),
            "du 1er août 2019 à 9\u00a0h au 2 août 2019 à 12\u00a0h (heure de Nouméa)",
            "1 August 2019, 09:00 – 2 August 2019, 12:00 (Nouméa time)",
        ),
    ],
)
def test_day_precision(args, french, english):
    assert format_dates("fr", DAY, *args) == french
    assert format_dates("en", DAY, *args) == english


def test_month_and_year_precision_show_only_what_is_known():
    assert format_dates("fr", MONTH, D(2018, 1, 1)) == "janvier 2018"
    assert format_dates("en", MONTH, D(2018, 1, 1)) == "January 2018"
    assert format_dates("fr", YEAR, D(2017, 1, 1)) == "2017"
    assert format_dates("en", YEAR, D(2017, 1, 1)) == "2017"


def test_unknown_dates_say_so():
    assert format_dates("fr", DAY, None) == "dates non communiquées"
    assert format_dates("en", DAY, None) == "dates not announced"
    assert format_dates("fr", MONTH, None) == "dates non communiquées"


def test_an_unexpected_language_falls_back_to_french():
    assert format_dates("de", DAY, D(2018, 1, 20)) == "le 20 janvier 2018"


def test_iso_dates_for_schema_org():
    assert iso_date(DAY, D(2018, 9, 6)) == "2018-09-06"
    assert iso_date(DAY, D(2018, 9, 6), T(9, 0)) == "2018-09-06T09:00:00+11:00"
    assert iso_date(MONTH, D(2018, 1, 1)) == "2018-01"
    assert iso_date(YEAR, D(2017, 1, 1)) == "2017"
