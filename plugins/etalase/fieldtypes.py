"""Field types for staff records: strings in, checked values out.

The strict loader hands every scalar over as a string. Each type here turns
that string into a value or raises a ``PydanticCustomError`` whose type is a
stable error code from :mod:`etalase.messages`, so staff get one message in
Bahasa Indonesia that names the fix.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Annotated
from urllib.parse import urlsplit

from pydantic import AfterValidator, BeforeValidator, Field, PlainSerializer
from pydantic_core import PydanticCustomError

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_SLUG = 80
# Names that would collide with the site's own folders and files.
RESERVED_SLUGS = frozenset(
    {
        "index", "cari", "semua", "halaman", "page", "feed", "feeds", "static", "theme",
        "gambar", "kartu", "qr", "data", "unduh", "tag", "category", "author", "404",
        "sitemap", "robots", "pagefind", "staf", "baru", "edit", "admin",
    }
)


def _fail(code: str, message: str, **ctx) -> PydanticCustomError:
    return PydanticCustomError(code, message, ctx)


def _text(value: object) -> str:
    if isinstance(value, (dict, list)):
        raise _fail("F02", "harus berupa teks, bukan daftar atau kelompok isian")
    return str(value)


def check_slug(value: object) -> str:
    """Return a valid record ID or raise; IDs become URLs and never change."""
    text = _text(value)
    if not text:
        raise _fail("R05", "ID tidak boleh kosong")
    if not SLUG_RE.match(text) or len(text) > MAX_SLUG:
        raise _fail(
            "R04",
            "ID '{value}' tidak sah: pakai huruf kecil a-z, angka dan tanda hubung, "
            "maksimal 80 karakter",
            value=text,
        )
    if text in RESERVED_SLUGS:
        raise _fail("R06", "ID '{value}' dipakai oleh situs sendiri", value=text)
    return text


def parse_yes_no(value: object) -> bool:
    """Accept only ``ya`` or ``tidak`` (no YAML yes/no/on/off guessing)."""
    text = _text(value).strip().lower()
    if text == "ya":
        return True
    if text == "tidak":
        return False
    raise _fail("F04", "'{value}' bukan pilihan ya/tidak", value=str(value))


def parse_integer(value: object) -> int:
    """Parse a whole number, allowing Indonesian thousands dots (15.000)."""
    text = _text(value).strip()
    if re.fullmatch(r"\d+", text) or re.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        return int(text.replace(".", ""))
    raise _fail("F03", "'{value}' bukan bilangan bulat", value=text)


def parse_rupiah(value: object) -> int:
    """Parse whole rupiah: ``15000``, ``15.000`` or ``Rp 15.000``."""
    text = _text(value).strip()
    stripped = re.sub(r"^rp\.?\s*", "", text, flags=re.IGNORECASE)
    try:
        amount = parse_integer(stripped)
    except PydanticCustomError:
        raise _fail("F05", "'{value}' bukan harga rupiah bulat", value=text) from None
    return amount


def parse_percent(value: object) -> Decimal:
    """Parse a percentage 0-100 with a dot or a comma as the decimal mark."""
    text = _text(value).strip().rstrip("%").strip().replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        raise _fail("F06", "'{value}' bukan persentase", value=str(value)) from None
    if not number.is_finite() or not 0 <= number <= 100:
        raise _fail("F06", "'{value}' bukan persentase", value=str(value))
    return number.quantize(Decimal("0.01"))


def parse_date(value: object) -> dt.date:
    """Parse an ISO date ``2023-11-06``; nothing else is guessed."""
    text = _text(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        try:
            return dt.date.fromisoformat(text)
        except ValueError:
            pass
    raise _fail("F07", "'{value}' bukan tanggal TTTT-BB-HH", value=text)


def check_url(value: object) -> str:
    """Allow only absolute http(s) links with a host."""
    text = _text(value).strip()
    parts = urlsplit(text)
    if parts.scheme not in ("http", "https") or not parts.hostname or " " in text:
        raise _fail("L01", "tautan '{value}' tidak sah", value=text)
    return text


def normalise_phone(value: object) -> str:
    """Normalise an Indonesian phone number to ``+62…`` digits."""
    text = _text(value).strip()
    digits = re.sub(r"[\s().-]", "", text)
    if digits.startswith("+62"):
        rest = digits[3:]
    elif digits.startswith("62"):
        rest = digits[2:]
    elif digits.startswith("0"):
        rest = digits[1:]
    else:
        rest = ""
    if not re.fullmatch(r"[1-9]\d{7,11}", rest):
        raise _fail("F08", "nomor telepon '{value}' tidak sah", value=text)
    return "+62" + rest


def check_mobile(value: str) -> str:
    """WhatsApp numbers must be mobile numbers (+628…)."""
    if not value.startswith("+628"):
        raise _fail("F09", "nomor WhatsApp '{value}' bukan nomor seluler", value=value)
    return value


def check_email(value: object) -> str:
    """A plain address check; delivery is not our business."""
    text = _text(value).strip()
    if not re.fullmatch(r"[^@\s<>\"']+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+", text):
        raise _fail("F10", "alamat email '{value}' tidak sah", value=text)
    return text.lower()


def check_instagram(value: object) -> str:
    """An Instagram handle, with or without ``@``; stored without it."""
    text = _text(value).strip().removeprefix("@")
    if not re.fullmatch(r"[A-Za-z0-9._]{1,30}", text):
        raise _fail("F11", "akun Instagram '{value}' tidak sah", value=str(value))
    return text


def digits_pattern(code: str, label: str, pattern: str):
    """Build a check for an official number such as NIB (13 digits) or NPSN."""
    compiled = re.compile(pattern)

    def check(value: object) -> str:
        text = re.sub(r"\s", "", _text(value))
        if not compiled.fullmatch(text):
            raise _fail(code, "{label} '{value}' tidak sah", label=label, value=str(value))
        return text

    return check


def plain_text(value: object) -> str:
    """A one-line text: stripped, no control characters, never empty."""
    text = " ".join(_text(value).split())
    if not text:
        raise _fail("F12", "teks tidak boleh kosong")
    return text


def markdown_text(value: object) -> str:
    """A Markdown text: kept as typed (sanitised when rendered), never empty."""
    text = _text(value).strip()
    if not text:
        raise _fail("F12", "teks tidak boleh kosong")
    return text


_date_out = PlainSerializer(lambda d: d.isoformat(), return_type=str)

Slug = Annotated[str, BeforeValidator(check_slug)]
YesNo = Annotated[bool, BeforeValidator(parse_yes_no), Field(json_schema_extra={"enum": ["ya", "tidak"]})]
Integer = Annotated[int, BeforeValidator(parse_integer)]
Rupiah = Annotated[int, BeforeValidator(parse_rupiah), Field(ge=0)]
Percent = Annotated[Decimal, BeforeValidator(parse_percent)]
Date = Annotated[dt.date, BeforeValidator(parse_date), _date_out]
Url = Annotated[str, BeforeValidator(check_url)]
Phone = Annotated[str, BeforeValidator(normalise_phone)]
Mobile = Annotated[str, BeforeValidator(normalise_phone), AfterValidator(check_mobile)]
Email = Annotated[str, BeforeValidator(check_email)]
Instagram = Annotated[str, BeforeValidator(check_instagram)]
Text = Annotated[str, BeforeValidator(plain_text)]
Markdown = Annotated[str, BeforeValidator(markdown_text)]
NIB = Annotated[str, BeforeValidator(digits_pattern("F13", "NIB", r"\d{13}"))]
NPSN = Annotated[str, BeforeValidator(digits_pattern("F13", "NPSN", r"\d{8}"))]
HalalNo = Annotated[str, BeforeValidator(digits_pattern("F13", "Nomor sertifikat halal", r"ID\d{14,20}"))]
BpomNo = Annotated[str, BeforeValidator(digits_pattern("F13", "Nomor BPOM", r"(?:MD|ML)\d{12}"))]
PirtNo = Annotated[str, BeforeValidator(digits_pattern("F13", "Nomor PIRT", r"\d{13}-\d{2}|\d{15}"))]
