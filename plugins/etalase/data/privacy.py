"""Refuse personal data in free text: NIK-like numbers and phone numbers.

Phone numbers may appear only in the public contact fields; official numbers
(NIB, NPSN, certificate numbers) only in their own fields. Everything else a
staff member types is scanned before it can be published.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

# Field names whose values are allowed to hold long digit runs or phone numbers.
ALLOWED_KEYS = frozenset(
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
# Indonesian phone numbers: +62/62/0 then 8-12 more digits, with common separators.
PHONE_RE = re.compile(r"(?<![\w+])(?:\+62|62|\(?0)[\d()\s.-]{8,17}\d(?![\w])")
# An amount with thousands dots (625.000.000) or right after "Rp" is money, not a phone number.
AMOUNT_RE = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+")
RUPIAH_BEFORE_RE = re.compile(r"rp\.?\s*$", re.IGNORECASE)
# Both patterns above need at least nine digits with only these characters between them (a NIK has 16, a
# phone number that counts 9 to 14): a text without such a run is skipped without running them.
_DIGIT_RUN = re.compile(r"\d(?:[()\s.+-]*\d){8}")


def scan_text(text: str) -> Iterator[tuple[str, str, int]]:
    """Yield ``(code, excerpt, offset)`` for every NIK-like or phone-like number in ``text``."""
    if not _DIGIT_RUN.search(text):
        return
    niks = [match.span() for match in NIK_RE.finditer(text)]
    for match in NIK_RE.finditer(text):
        yield "P01", match.group(0), match.start()
    for match in PHONE_RE.finditer(text):
        found = match.group(0).strip()
        digits = re.sub(r"\D", "", found)
        money = AMOUNT_RE.fullmatch(found) or RUPIAH_BEFORE_RE.search(text, 0, match.start())
        inside_nik = any(start < match.end() and match.start() < end for start, end in niks)
        if 9 <= len(digits) <= 14 and not money and not inside_nik:
            yield "P02", found, match.start() + len(match.group(0)) - len(match.group(0).lstrip())


def scan_data(data: object, path: tuple = ()) -> Iterator[tuple[tuple, str, str, int]]:
    """Walk plain loaded data and yield ``(path, code, excerpt, offset)`` for each finding."""
    if isinstance(data, str):
        for code, excerpt, offset in scan_text(data):
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
        if key in ALLOWED_KEYS:  # list indexes are never in it
            continue
        if value.__class__ is str:
            if _DIGIT_RUN.search(value):
                for code, excerpt, offset in scan_text(value):
                    yield (*path, key), code, excerpt, offset
        else:
            yield from scan_data(value, (*path, key))


def mask(excerpt: str) -> str:
    """Show only the last three digits of a number in messages and logs."""
    digits = re.sub(r"\D", "", excerpt)
    return "•" * max(len(digits) - 3, 0) + digits[-3:]
