"""Field types for staff records: strings in, checked values out.

The strict loader hands every scalar over as a string. Each type here turns
that string into a value or raises a ``PydanticCustomError`` whose type is a
stable error code from :mod:`etalase.data.messages`, so staff get one message in
Bahasa Indonesia that names the fix.

Each type also carries the JSON Schema editors see. Editors read YAML 1.2,
where ``nib: 9120001234567`` is a number and ``harga: 15.000`` the number 15,
so wherever staff may type digits the schema allows a number as well as text.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, PlainSerializer, WithJsonSchema
from pydantic_core import PydanticCustomError

from .messages import shown

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
SLUG_RE = re.compile(SLUG_PATTERN)
MAX_SLUG = 80
# Names that would collide with the site's own folders and files.
RESERVED_SLUGS = frozenset(
    {
        "index", "cari", "semua", "halaman", "page", "feed", "feeds", "static", "theme",
        "gambar", "kartu", "qr", "data", "unduh", "tag", "category", "author", "404",
        "sitemap", "robots", "pagefind", "staf", "baru", "edit", "admin",
    }
)
INTEGER_PATTERN = r"^(?:\d+|\d{1,3}(?:\.\d{3})+)$"
RUPIAH_PATTERN = r"^(?:[Rr][Pp]\.? ?)?(?:\d+|\d{1,3}(?:\.\d{3})+)(?:,-|,00)?$"
PERCENT_PATTERN = r"^\d{1,3}(?:[.,]\d+)? ?%?$"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
URL_PATTERN = r"^https?://[^\s/?#]+[^\s]*$"
PHONE_PATTERN = r"^\+?[0-9][0-9 ().-]{6,}$"
EMAIL_PATTERN = r"^[^@\s<>\"']+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$"
INSTAGRAM_PATTERN = r"^@?[A-Za-z0-9._]{1,30}$"
# Compiled once: these run for nearly every product (``re.fullmatch(pattern, …)`` looks its cache up each time).
_INTEGER_RE = re.compile(INTEGER_PATTERN)
_RUPIAH_PREFIX_RE = re.compile(r"^rp\.?\s*", re.IGNORECASE)
_RUPIAH_SUFFIX_RE = re.compile(r",(?:-|00)$")
_CENTS_RE = re.compile(r"^(?:\d+|\d{1,3}(?:\.\d{3})+),\d{1,2}$")
_PERCENT_RE = re.compile(PERCENT_PATTERN)
_DATE_RE = re.compile(DATE_PATTERN)


class Exact:
    """Marks a type whose value is an address (an ID, a link, a file path): an invisible character in it
    changes what it points at, so the loader refuses it there (``Y14``) instead of taking it out (``Y13``)."""

    def __repr__(self) -> str:
        return "EXACT"


EXACT = Exact()


def _fail(code: str, message: str, **ctx) -> PydanticCustomError:
    return PydanticCustomError(code, message, ctx)


def _text(value: object) -> str:
    if value.__class__ is str:  # what the loader gives, nearly always
        return value
    if value is None:
        raise _fail("F12", "isian kosong")
    if isinstance(value, dict):
        raise _fail("F02", "harus berupa teks, bukan kelompok isian")
    if isinstance(value, list):
        raise _fail("F02", "harus berupa teks, bukan daftar")
    return str(value)


def suggest_slug(text: str) -> str:
    """Return the ID staff probably meant: lower case, words joined by hyphens."""
    return "-".join(re.findall(r"[a-z0-9]+", text.lower()))[:MAX_SLUG].strip("-")


def check_slug(value: object) -> str:
    """Return a valid record ID or raise; IDs become URLs and never change."""
    text = _text(value).strip()
    if not text:
        raise _fail("R05", "ID tidak boleh kosong")
    if not SLUG_RE.match(text) or len(text) > MAX_SLUG:
        hint = suggest_slug(text)
        raise _fail(
            "R04",
            "ID {value} tidak sah: pakai huruf kecil a-z, angka dan tanda hubung, maksimal 80 karakter{hint}",
            value=shown(text),
            hint=f" (mis. `{hint}`)" if hint and hint != text else "",
        )
    if text in RESERVED_SLUGS:
        raise _fail("R06", "ID {value} sudah dipakai oleh situs sendiri", value=shown(text))
    return text


def parse_yes_no(value: object) -> bool:
    """Accept only ``ya`` or ``tidak`` (no YAML yes/no/on/off guessing)."""
    text = _text(value).strip().lower()
    if text == "ya":
        return True
    if text == "tidak":
        return False
    raise _fail("F04", "{value} bukan `ya` atau `tidak`", value=shown(value))


def _whole_number(text: str) -> int | None:
    if _INTEGER_RE.fullmatch(text):
        return int(text.replace(".", ""))
    return None


def parse_integer(value: object) -> int:
    """Parse a whole number, allowing Indonesian thousands dots (15.000)."""
    text = _text(value).strip()
    number = _whole_number(text)
    if number is None:
        raise _fail("F03", "{value} bukan bilangan bulat", value=shown(text))
    return number


def parse_rupiah(value: object) -> int:
    """Parse whole rupiah: ``15000``, ``15.000``, ``Rp 15.000``, ``Rp 15.000,-`` or ``15.000,00``.

    ``,-`` and ``,00`` only mark a whole amount, as invoices write it; any other cents are refused.
    """
    text = _text(value).strip()
    plain = _RUPIAH_SUFFIX_RE.sub("", _RUPIAH_PREFIX_RE.sub("", text))
    amount = _whole_number(plain)
    if amount is None:
        if _CENTS_RE.search(plain):
            raise _fail("F05", "{value} memuat sen; harga ditulis dalam rupiah bulat", value=shown(text))
        raise _fail("F05", "{value} bukan harga rupiah bulat", value=shown(text))
    return amount


def parse_percent(value: object) -> Decimal:
    """Parse a percentage 0-100 with a dot or a comma as the decimal mark."""
    text = _text(value).strip()
    if not _PERCENT_RE.fullmatch(text):
        raise _fail("F06", "{value} bukan persentase", value=shown(text))
    number = Decimal(text.rstrip("%").strip().replace(",", "."))
    if number > 100:
        raise _fail("F06", "{value} lebih dari 100 persen", value=shown(text))
    return number.quantize(Decimal("0.01"))


def parse_date(value: object) -> dt.date:
    """Parse an ISO date ``2023-11-06``; nothing else is guessed."""
    text = _text(value).strip()
    if not _DATE_RE.fullmatch(text):
        raise _fail("F07", "{value} bukan tanggal TTTT-BB-HH", value=shown(text))
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise _fail("F07", "tanggal {value} tidak ada di kalender", value=shown(text)) from None


def check_url(value: object) -> str:
    """Allow only absolute http(s) links with a host."""
    text = _text(value).strip()
    if re.search(r"\s", text):
        raise _fail("L01", "tautan {value} mengandung spasi", value=shown(text))
    parts = urlsplit(text)
    if parts.scheme.lower() not in ("http", "https"):
        raise _fail("L01", "tautan {value} tidak diawali https:// atau http://", value=shown(text))
    try:
        host = parts.hostname
    except ValueError:  # pragma: no cover - urlsplit rejects most bad hosts earlier
        host = None
    if not host or "." not in host:
        raise _fail("L01", "tautan {value} tidak memuat nama situs", value=shown(text))
    return text


def normalise_phone(value: object) -> str:
    """Normalise an Indonesian phone number to ``+62…`` digits."""
    text = _text(value).strip()
    digits = re.sub(r"[\s().-]", "", text)
    rest = ""
    for prefix in ("+62", "62", "0"):
        if digits.startswith(prefix):
            rest = digits[len(prefix) :]
            break
    if not re.fullmatch(r"[1-9]\d{7,11}", rest):
        raise _fail("F08", "nomor telepon {value} tidak sah", value=shown(text))
    return "+62" + rest


def check_mobile(value: str) -> str:
    """WhatsApp numbers must be mobile numbers (+628…)."""
    if not value.startswith("+628"):
        raise _fail("F09", "nomor WhatsApp {value} bukan nomor seluler", value=shown(value))
    return value


def check_email(value: object) -> str:
    """A plain address check; delivery is not our business."""
    text = _text(value).strip()
    if not re.fullmatch(EMAIL_PATTERN, text):
        raise _fail("F10", "alamat email {value} tidak sah", value=shown(text))
    return text.lower()


def check_instagram(value: object) -> str:
    """An Instagram handle, with or without ``@``; stored without it."""
    text = _text(value).strip()
    if not re.fullmatch(INSTAGRAM_PATTERN, text):
        raise _fail("F11", "akun Instagram {value} tidak sah", value=shown(text))
    return text.removeprefix("@")


def digits_pattern(code: str, label: str, pattern: str):
    """Build a check for an official number such as NIB (13 digits) or NPSN."""
    compiled = re.compile(pattern)

    def check(value: object) -> str:
        text = re.sub(r"\s", "", _text(value))
        if not compiled.fullmatch(text):
            raise _fail(code, "{label} {value} tidak sah", label=label, value=shown(value))
        return text

    return check


def plain_text(value: object) -> str:
    """A one-line text: whitespace folded, never empty."""
    text = " ".join(_text(value).split())
    if not text:
        raise _fail("F12", "isian kosong")
    return text


def markdown_text(value: object) -> str:
    """A Markdown text: kept as typed (sanitised when rendered), never empty."""
    text = _text(value).strip()
    if not text:
        raise _fail("F12", "isian kosong")
    return text


def file_path(value: object) -> str:
    """A path inside catalogue_data/ as typed; the photo checks decide if it is usable."""
    return plain_text(value)


def _schema(types: str | list[str], pattern: str | None = None, **extra) -> WithJsonSchema:
    schema: dict = {"type": types, **extra}
    if pattern:
        schema["pattern"] = pattern
    return WithJsonSchema(schema)


_date_out = PlainSerializer(lambda d: d.isoformat(), return_type=str)
TEXTUAL = ["string", "number"]  # YAML 1.2 reads `kelas: 11` as a number; the loader keeps it as text.

Slug = Annotated[str, BeforeValidator(check_slug), _schema(["string", "integer"], SLUG_PATTERN, minimum=0), EXACT]
YesNo = Annotated[bool, BeforeValidator(parse_yes_no), WithJsonSchema({"enum": ["ya", "tidak"]})]
Integer = Annotated[int, BeforeValidator(parse_integer), _schema(["number", "string"], INTEGER_PATTERN, minimum=0)]
Rupiah = Annotated[int, BeforeValidator(parse_rupiah), _schema(["number", "string"], RUPIAH_PATTERN, minimum=0)]
Percent = Annotated[Decimal, BeforeValidator(parse_percent),
                    _schema(["number", "string"], PERCENT_PATTERN, minimum=0, maximum=100)]
Date = Annotated[dt.date, BeforeValidator(parse_date), _date_out, _schema("string", DATE_PATTERN)]
Url = Annotated[str, BeforeValidator(check_url), _schema("string", URL_PATTERN), EXACT]
Phone = Annotated[str, BeforeValidator(normalise_phone), _schema(["string", "integer"], PHONE_PATTERN)]
Mobile = Annotated[str, BeforeValidator(normalise_phone), AfterValidator(check_mobile),
                   _schema(["string", "integer"], PHONE_PATTERN)]
Email = Annotated[str, BeforeValidator(check_email), _schema("string", EMAIL_PATTERN), EXACT]
Instagram = Annotated[str, BeforeValidator(check_instagram), _schema(["string", "integer"], INSTAGRAM_PATTERN),
                     EXACT]
Text = Annotated[str, BeforeValidator(plain_text), _schema(TEXTUAL)]
Markdown = Annotated[str, BeforeValidator(markdown_text), _schema(TEXTUAL)]
FilePath = Annotated[str, BeforeValidator(file_path), _schema("string"), EXACT]
NIB = Annotated[str, BeforeValidator(digits_pattern("F13", "NIB", r"\d{13}")), _schema(["string", "integer"])]
NPSN = Annotated[str, BeforeValidator(digits_pattern("F13", "NPSN", r"\d{8}")), _schema(["string", "integer"])]
HalalNo = Annotated[str, BeforeValidator(digits_pattern("F13", "Nomor sertifikat halal", r"ID\d{14,20}")),
                    _schema("string", r"^ID ?[0-9 ]{14,}$")]
# BPOM registration numbers: processed food MD/ML + 12 digits, cosmetics NA-NE + 11,
# traditional medicine TR/TI/TL + 9, health supplements SD/SI/SL + 9.
BPOM_PATTERN = r"(?:MD|ML)\d{12}|N[A-E]\d{11}|T[RIL]\d{9}|S[DIL]\d{9}"
BpomNo = Annotated[str, BeforeValidator(digits_pattern("F13", "Nomor BPOM", BPOM_PATTERN)),
                   _schema("string", r"^(?:M[DL]|N[A-E]|T[RIL]|S[DIL])[0-9 ]{9,}$")]
PirtNo = Annotated[str, BeforeValidator(digits_pattern("F13", "Nomor PIRT", r"\d{13}-\d{2}|\d{15}")),
                   _schema(["string", "integer"])]


class Price(BaseModel):
    """A price: fixed, a range, or on request; whole rupiah only."""

    model_config = ConfigDict(frozen=True)
    kind: Literal["tetap", "rentang", "permintaan"]
    low: int | None = None
    high: int | None = None


ON_REQUEST = "atas permintaan"


def parse_price(value: object) -> Price:
    """Turn ``15000``, ``{dari, sampai}`` or ``atas permintaan`` into a :class:`Price`."""
    if isinstance(value, Price):
        return value
    if isinstance(value, dict):
        keys = set(value)
        if keys != {"dari", "sampai"}:
            raise PydanticCustomError("F05", "rentang harga ditulis dengan tepat dua kunci: `dari:` dan `sampai:`")
        low, high = parse_rupiah(value["dari"]), parse_rupiah(value["sampai"])
        if low >= high:
            raise PydanticCustomError(
                "F20", "rentang harga terbalik: dari {low} sampai {high}", {"low": low, "high": high}
            )
        return Price(kind="rentang", low=low, high=high)
    if isinstance(value, str) and " ".join(value.lower().split()) == ON_REQUEST:
        return Price(kind="permintaan")
    return Price(kind="tetap", low=parse_rupiah(value), high=None)


_AMOUNT = {"type": ["number", "string"], "minimum": 0, "pattern": RUPIAH_PATTERN}
PRICE_SCHEMA = {
    "anyOf": [
        _AMOUNT,
        {"const": ON_REQUEST},
        {
            "type": "object",
            "properties": {"dari": _AMOUNT, "sampai": _AMOUNT},
            "required": ["dari", "sampai"],
            "additionalProperties": False,
        },
    ],
}
PriceField = Annotated[Price, BeforeValidator(parse_price), WithJsonSchema(PRICE_SCHEMA)]
