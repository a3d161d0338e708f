"""Refuse personal data in what the site publishes: NIK numbers anywhere, phone numbers outside the contact fields.

Every string field is scanned for a NIK (a KTP number), certificate numbers and
links too: a NIK has no business anywhere in a public catalogue. Phone numbers
may appear only in the public contact fields; official numbers (NIB, NPSN,
certificate numbers), amounts, links and file paths hold digit runs that look
like phone numbers, so only free text is scanned for those.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Field names whose values may hold phone-like digit runs: they are not scanned for phone numbers (every field
# is scanned for NIK).
PHONE_ALLOWED_KEYS = frozenset(
    {
        "whatsapp",
        "telepon",
        "nib",
        "npsn",
        "nomor",
        "nomor_sertifikat",
        "standar",
        "berkas",
        "tautan",
        "situs",
        "ekatalog",
        "eorder",
        "tautan_sumber",
        "realisasi",
        "komitmen",
        "harga",
        "dari",
        "sampai",
    }
)

# 16 digits, optionally grouped by spaces, dots or dashes (how a KTP number is copied).
NIK_RE = re.compile(r"(?<![\d])\d(?:[ .-]?\d){15}(?![\d])")
# The first two digits of a NIK: the province (Dukcapil codes, the Papua provinces of 2022 included).
PROVINCES = frozenset(
    {11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
     71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96}
)
# Indonesian phone numbers: +62/62/0 then 8-12 more digits, with common separators.
PHONE_RE = re.compile(r"(?<![\w+])(?:\+62|62|\(?0)[\d()\s.-]{8,17}\d(?![\w])")
# An amount with thousands dots (625.000.000) or right after "Rp" is money, not a phone number.
AMOUNT_RE = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
RUPIAH_BEFORE_RE = re.compile(r"rp\.?\s*$", re.IGNORECASE)
# Both patterns above need at least nine digits with only these characters between them (a NIK has 16, a
# phone number that counts 9 to 14): a text without such a run is skipped without running them.
_DIGIT_RUN = re.compile(r"\d(?:[()\s.+-]*\d){8}")


def is_nik(digits: str) -> bool:
    """Whether 16 digits can be a NIK: a province code, then regency and district, then the birth date as
    DDMMYY (the day plus 40 for women, so 01-31 or 41-71, and a month 01-12), then a serial number."""
    day, month = int(digits[6:8]), int(digits[8:10])
    return int(digits[:2]) in PROVINCES and (1 <= day <= 31 or 41 <= day <= 71) and 1 <= month <= 12


def scan_text(text: str, phones: bool = True) -> Iterator[tuple[str, str, int]]:
    """Yield ``(code, excerpt, offset)`` for every NIK (and, with ``phones``, phone-like number) in ``text``."""
    if not _DIGIT_RUN.search(text):
        return
    niks = [match for match in NIK_RE.finditer(text) if is_nik(re.sub(r"\D", "", match.group(0)))]
    for match in niks:
        yield "P01", match.group(0), match.start()
    if not phones:
        return
    spans = [match.span() for match in niks]
    for match in PHONE_RE.finditer(text):
        found = match.group(0).strip()
        digits = re.sub(r"\D", "", found)
        money = AMOUNT_RE.fullmatch(found) or RUPIAH_BEFORE_RE.search(text, 0, match.start())
        inside_nik = any(start < match.end() and match.start() < end for start, end in spans)
        if 9 <= len(digits) <= 14 and not money and not inside_nik:
            yield "P02", found, match.start() + len(match.group(0)) - len(match.group(0).lstrip())


def scan_data(data: object, path: tuple = (), phones: bool = True) -> Iterator[tuple[tuple, str, str, int]]:
    """Walk plain loaded data and yield ``(path, code, excerpt, offset)`` for each finding."""
    if isinstance(data, str):
        for code, excerpt, offset in scan_text(data, phones):
            yield path, code, excerpt, offset
        return
    if isinstance(data, dict):
        items = data.items()
    elif isinstance(data, list):
        items = enumerate(data)
    else:
        return
    # Strings are checked here rather than one call deeper: this walk visits every value of the catalogue.
    for key, value in items:
        scan_phones = phones and key not in PHONE_ALLOWED_KEYS  # list indexes are never in it
        if value.__class__ is str:
            if _DIGIT_RUN.search(value):
                for code, excerpt, offset in scan_text(value, scan_phones):
                    yield (*path, key), code, excerpt, offset
        else:
            yield from scan_data(value, (*path, key), scan_phones)


def mask(excerpt: str) -> str:
    """Show only the last three digits of a number in messages and logs."""
    digits = re.sub(r"\D", "", excerpt)
    return "•" * max(len(digits) - 3, 0) + digits[-3:]
