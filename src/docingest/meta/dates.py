"""Dates as pages write them → a timezone-aware ``datetime`` or a bare ``date``, never a naive datetime.

A value with a time but no offset becomes its date: the day is what the page says, the hour's timezone is
unknown. Nothing is ever taken from "now": a string that is not a date gives ``None``.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

#: Dates before this year are taken for noise (copyright lines, placeholders such as 1970-01-01).
MIN_YEAR = 1995

_ISO = re.compile(
    r"(?<!\d)(\d{4})-(\d{1,2})-(\d{1,2})"
    r"(?:[T\s]+(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|GMT|[+-]\d{2}(?::?\d{2})?)?)?(?!\d)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:T?(\d{2})(\d{2})(\d{2})?)?(Z|[+-]\d{2}:?\d{2})?$")
_SLASHED = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")
_DMY_DOTS = re.compile(r"(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})(?!\d)")

_MONTHS = {
    "ene": 1, "abr": 4, "ago": 8, "dic": 12,  # Spanish/Italian abbreviations ("04-ago-2021")
    "jan": 1, "january": 1, "janvier": 1, "januar": 1, "enero": 1, "gennaio": 1, "janeiro": 1,
    "feb": 2, "february": 2, "février": 2, "fevrier": 2, "februar": 2, "febrero": 2, "febbraio": 2,
    "fevereiro": 2,
    "mar": 3, "march": 3, "mars": 3, "märz": 3, "marz": 3, "marzo": 3, "março": 3, "marco": 3,
    "apr": 4, "april": 4, "avril": 4, "abril": 4, "aprile": 4,
    "may": 5, "mai": 5, "mayo": 5, "maggio": 5, "maio": 5,
    "jun": 6, "june": 6, "juin": 6, "juni": 6, "junio": 6, "giugno": 6, "junho": 6,
    "jul": 7, "july": 7, "juillet": 7, "juli": 7, "julio": 7, "luglio": 7, "julho": 7,
    "aug": 8, "august": 8, "août": 8, "aout": 8, "agosto": 8,
    "sep": 9, "sept": 9, "september": 9, "septembre": 9, "septiembre": 9, "settembre": 9, "setembro": 9,
    "oct": 10, "october": 10, "octobre": 10, "oktober": 10, "octubre": 10, "ottobre": 10, "outubro": 10,
    "nov": 11, "november": 11, "novembre": 11, "noviembre": 11, "novembro": 11,
    "dec": 12, "december": 12, "décembre": 12, "decembre": 12, "dezember": 12, "diciembre": 12,
    "dicembre": 12, "dezembro": 12,
}  # fmt: skip
_MONTH = "|".join(sorted(map(re.escape, _MONTHS), key=len, reverse=True))
# "March 5, 2024", "Mar. 5th 2024", "5 March 2024", "5. März 2024", "5 de marzo de 2024"
_MDY = re.compile(rf"(?<![\w])({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})(?!\d)", re.IGNORECASE)
_YMD_DOTS = re.compile(r"(?<![\d.])(\d{4})\.(\d{2})\.(\d{2})(?![\d.])")  # "2025.12.17"
# "04-Aug-2021", "2023 Jan 7" (citations)
_DMY_DASHES = re.compile(rf"(?<![\w-])(\d{{1,2}})-({_MONTH})\.?-(\d{{4}})(?!\d)", re.IGNORECASE)
_YMD_WORDS = re.compile(rf"(?<![\d.])(\d{{4}})\s+({_MONTH})\.?\s+(\d{{1,2}})(?![\d:])", re.IGNORECASE)
_DMY = re.compile(
    rf"(?<![\w])(\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:de\s+)?({_MONTH})\.?,?\s+(?:de\s+)?(\d{{4}})(?!\d)",
    re.IGNORECASE,
)


def _tz(text: str | None) -> timezone | None:
    if not text:
        return None
    t = text.upper()
    if t in ("Z", "UTC", "GMT"):
        return UTC
    sign = -1 if t[0] == "-" else 1
    digits = t[1:].replace(":", "")
    hours = int(digits[:2])
    minutes = int(digits[2:4]) if len(digits) >= 4 else 0
    if hours > 14 or minutes > 59:
        return None
    return timezone(sign * timedelta(hours=hours, minutes=minutes))


def _plausible(day: date) -> bool:
    today = datetime.now(UTC).date()
    return day.year >= MIN_YEAR and day <= today + timedelta(days=2)


def _make(  # noqa: PLR0917
    year: int, month: int, day: int, hour: int | None = None, minute: int = 0, second: int = 0,
    tz: timezone | None = None,
) -> date | datetime | None:  # fmt: skip
    try:
        d = date(year, month, day)
        if not _plausible(d):
            return None
        if hour is None or tz is None:
            return d
        return datetime(year, month, day, hour, minute, second, tzinfo=tz)
    except ValueError:
        return None


def parse_date(value: str | None) -> date | datetime | None:
    """A machine-readable date (ISO 8601, RFC 2822, ``YYYYMMDD``, ``YYYY/MM/DD``) or a written one
    ("March 5, 2024", "5 mars 2024", "05.03.2024", "2025.12.17", "04-Aug-2021", "2023 Jan 7"); ``None`` when
    ``value`` holds none.

    Numeric ``dd/mm/yyyy`` and ``mm/dd/yyyy`` are not read: their order is a locale's, which the page does not
    state, and even the unambiguous ones (a part above 12) found fewer dates than they invented on the
    held-out pages of wcxb-dev.
    """
    if not value:
        return None
    text = value.strip()
    if not text or len(text) > 200 or _DIGIT.search(text) is None:  # every form holds a digit
        return None
    if m := _ISO.search(text):
        hour = int(m.group(4)) if m.group(4) else None
        return _make(
            int(m.group(1)), int(m.group(2)), int(m.group(3)), hour,
            int(m.group(5) or 0), int(m.group(6) or 0), _tz(m.group(7)),
        )  # fmt: skip
    if m := _COMPACT.match(text):
        hour = int(m.group(4)) if m.group(4) else None
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)), hour, int(m.group(5) or 0),
                     int(m.group(6) or 0), _tz(m.group(7)))  # fmt: skip
    if text[:3].isalpha() and "," in text[:5] and ":" in text:
        try:
            rfc = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            rfc = None
        if rfc is not None:
            if not _plausible(rfc.date()):
                return None
            return rfc if rfc.tzinfo is not None else rfc.date()
    if m := _SLASHED.search(text):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if m := _MDY.search(text):
        return _make(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    if m := _DMY.search(text):
        return _make(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    if m := _DMY_DASHES.search(text):
        return _make(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    if m := _YMD_WORDS.search(text):
        return _make(int(m.group(1)), _MONTHS[m.group(2).lower()], int(m.group(3)))
    if m := _DMY_DOTS.search(text):
        return _make(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    if m := _YMD_DOTS.search(text):
        return _make(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    return None


_URL_DATE = re.compile(r"/((?:19|20)\d{2})([/-])(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?:[/_+.?#-]|$)")


def date_from_url(url: str | None) -> date | None:
    """The date of a URL with an unambiguous ``/YYYY/MM/DD/`` path or a segment starting ``YYYY-MM-DD``
    ("/posts/2024-03-05-title"), else ``None``."""
    if not url:
        return None
    m = _URL_DATE.search(url)
    if m is None:
        return None
    found = _make(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    return found if isinstance(found, date) and not isinstance(found, datetime) else None


def day_of(value: date | datetime | None) -> date | None:
    """The calendar day of a date or datetime (as written: no timezone conversion)."""
    if isinstance(value, datetime):
        return value.date()
    return value
