"""One iCalendar file (RFC 5545) per batch: an all-day event people add to their calendar.

Written by hand so the bytes are ours: CRLF line ends, lines folded at 75
octets without splitting a UTF-8 character, TEXT values escaped. ``DTSTAMP``
is the batch's first day at 00:00 UTC, so a rebuild writes the same bytes.

Nothing in it depends on the build's "today": an entry someone saved must not
change because a day passed. ``STATUS`` is ``CONFIRMED`` before, during and
after a batch (RFC 5545 has TENTATIVE, CONFIRMED and CANCELLED; an event held
as planned stays confirmed once it is over, as its JSON-LD stays
EventScheduled), and the batch pages say whether it is coming, running or over.
"""

from __future__ import annotations

import datetime as dt

from ..data.catalogue import Catalogue
from ..data.models import Batch
from ..site import urls
from .artifacts import Artifact
from .site import Site, SiteLike, site_of
from .text import clean, plain_text

PRODID = "-//Dinas PPKUKM DKI Jakarta//Etalase//ID"
TIMEZONE = "Asia/Jakarta"
MAX_OCTETS = 75


def escape_text(value: str) -> str:
    """Escape a TEXT value: backslash, semicolon, comma and newline (RFC 5545 §3.3.11)."""
    value = clean(value)
    for raw, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        value = value.replace(raw, escaped)
    return value


def fold(line: str) -> str:
    """Fold a content line into pieces of at most 75 octets joined by CRLF and a space."""
    pieces: list[str] = []
    current, size, limit = [], 0, MAX_OCTETS
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            pieces.append("".join(current))
            current, size, limit = [], 0, MAX_OCTETS - 1
        current.append(char)
        size += width
    pieces.append("".join(current))
    return "\r\n ".join(pieces)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def location(catalogue: Catalogue, batch: Batch) -> str:
    """Return the venue as ``name, address, city``."""
    city = catalogue.cities.get(batch.venue.city)
    return ", ".join([batch.venue.name, batch.venue.address, city.name if city else batch.venue.city])


def description(batch: Batch, page_url: str) -> str:
    """Return the batch summary and activities as plain text, then the batch page's URL."""
    parts = [plain_text(batch.summary)]
    if batch.activities:
        parts.append("\n".join(["Kegiatan:", *(f"- {a.name}" for a in batch.activities)]))
    parts.append(page_url)
    return "\n\n".join(parts)


def event_lines(catalogue: Catalogue, batch: Batch, site: Site) -> list[str]:
    """Return the unfolded content lines of one batch's calendar."""
    page_url = site.url(urls.batch(batch.id))
    # URL must be an absolute URI; a local build (no SITEURL) leaves it out.
    link = [f"URL;VALUE=URI:{page_url}"] if site.is_absolute else []
    return [
        "BEGIN:VCALENDAR",
        f"PRODID:{PRODID}",
        "VERSION:2.0",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(batch.title)}",
        f"X-WR-TIMEZONE:{TIMEZONE}",
        "BEGIN:VEVENT",
        f"UID:{batch.id}@{site.host}",
        f"DTSTAMP:{_date(batch.start)}T000000Z",
        f"DTSTART;VALUE=DATE:{_date(batch.start)}",
        f"DTEND;VALUE=DATE:{_date(batch.end + dt.timedelta(days=1))}",
        f"SUMMARY:{escape_text(batch.title)}",
        f"LOCATION:{escape_text(location(catalogue, batch))}",
        f"DESCRIPTION:{escape_text(description(batch, page_url))}",
        *link,
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
        "END:VCALENDAR",
    ]


def batch_calendar(catalogue: Catalogue, batch: Batch, site: Site) -> bytes:
    """Return one batch's ``.ics`` bytes: folded lines, each ended by CRLF."""
    return "".join(fold(line) + "\r\n" for line in event_lines(catalogue, batch, site)).encode("utf-8")


def produce_calendars(catalogue: Catalogue, site: SiteLike) -> list[Artifact]:
    """Producer: ``batch/<id>/jadwal.ics`` for every batch."""
    info = site_of(site)
    return [Artifact(urls.batch_calendar(b.id), batch_calendar(catalogue, b, info)) for b in catalogue.batches]
