"""The columns of the registration spreadsheet, derived from the record models.

One row is one product; the exhibitor's columns come first and repeat (or are
filled down) on every row of its products. Each column names a path inside the
exhibitor record or inside one product, and takes from the model the field's
description, whether it is required, and the kind of value it holds (which
decides how a spreadsheet-typed cell is read, :mod:`.cells`). Headers are made
from the YAML keys (the field aliases), so they follow the models.
"""

from __future__ import annotations

import typing
from dataclasses import dataclass
from functools import cache
from typing import Annotated

from pydantic import BaseModel, TypeAdapter, ValidationError
from pydantic.fields import FieldInfo

from ...data import fieldtypes
from ...data.models import Exhibitor, Product

EXHIBITOR, PRODUCT = "eksibitor", "produk"
PHOTO_SLOTS = 3
MARKETPLACE_SLOTS = 3
#: The record ID (the file name) is not a model field; this is its column's own path.
RECORD_ID = ("<id>",)
RECORD_ID_DESCRIPTION = ("ID eksibitor: nama berkas di eksibitor/ dan tautan /eksibitor/<id>/; kosongkan untuk "
                         "dibuat dari nama eksibitor")
#: The upper end of a price range: ``harga`` is then ``{dari: <Harga>, sampai: <Harga sampai>}``.
PRICE_TO = ("harga", "sampai")
PRICE_TO_DESCRIPTION = "Harga tertinggi bila harganya rentang (kolom Harga berisi harga terendah)"

# Paths inside an exhibitor record, then inside a product, in the order of the sheet.
_EXHIBITOR_PATHS: tuple[tuple, ...] = (
    RECORD_ID, ("nama",), ("jenis",), ("kota",), ("kecamatan",), ("alamat",), ("deskripsi",),
    ("nib",), ("siinas",), ("jakpreneur",),
    ("kontak", "whatsapp"), ("kontak", "telepon"), ("kontak", "email"), ("kontak", "situs"),
    ("kontak", "instagram"),
    *(("kontak", "marketplace", n, key) for n in range(MARKETPLACE_SLOTS) for key in ("nama", "tautan")),
    ("kontak", "ekatalog"), ("kontak", "eorder"), ("logo", "berkas"), ("logo", "alt"),
)
_PRODUCT_PATHS: tuple[tuple, ...] = (
    ("id",), ("nama",), ("kategori",), ("deskripsi",), ("harga",), PRICE_TO, ("satuan",), ("min_pesan",),
    *(("foto", n, key) for n in range(PHOTO_SLOTS) for key in ("berkas", "alt")),
    *(("sertifikasi", kind, key) for kind in ("halal", "bpom", "pirt") for key in ("nomor", "berlaku_sampai")),
    ("sertifikasi", "sni", "nomor"), ("sertifikasi", "sni", "standar"), ("sertifikasi", "sni", "berlaku_sampai"),
    ("tkdn", "persen"), ("tkdn", "bmp"), ("tkdn", "nomor_sertifikat"), ("tkdn", "berlaku_sampai"),
    ("unggulan",),
)

# How a YAML key reads in a header; containers that need no word of their own are left out.
_WORDS = {"id": "ID", "nib": "NIB", "siinas": "SIINas", "whatsapp": "WhatsApp", "ekatalog": "e-Katalog",
          "eorder": "e-Order", "bpom": "BPOM", "pirt": "P-IRT", "sni": "SNI", "tkdn": "TKDN", "bmp": "BMP"}
_SILENT = {"kontak", "sertifikasi"}
# Keys both an exhibitor and a product have: their header names the group.
_SHARED = {"id", "nama", "deskripsi"}
# The kind of value a field's validator expects, by validator.
_KINDS = {
    fieldtypes.parse_yes_no: "yesno", fieldtypes.normalise_phone: "phone", fieldtypes.parse_rupiah: "rupiah",
    fieldtypes.parse_price: "rupiah", fieldtypes.parse_integer: "integer", fieldtypes.parse_percent: "percent",
    fieldtypes.parse_date: "date", fieldtypes.check_slug: "slug", fieldtypes.markdown_text: "markdown",
}
#: Columns whose IDs come from catalogue_data/kosakata/ (drop-downs in the template; names are accepted too).
VOCABULARY = {(EXHIBITOR, ("kota",)): "kota", (EXHIBITOR, ("kecamatan",)): "kecamatan",
              (PRODUCT, ("kategori",)): "kategori"}


@dataclass(frozen=True)
class Column:
    """One column of the sheet: where its value goes in the record, and what the model says of it."""

    group: str
    path: tuple
    label: str
    description: str
    kind: str
    required: bool
    choices: tuple[str, ...] = ()

    def same(self, old: object, new: object) -> bool:
        """Whether two texts of this column mean the same value (``45.000`` is ``45000``), else are equal."""
        if old is None or new is None or self.path == RECORD_ID:
            return old == new
        try:
            adapter = _adapter(self.group, ("harga",) if self.path == PRICE_TO else self.path)
            return adapter.validate_python(_plain(old)) == adapter.validate_python(_plain(new))
        except ValidationError:
            return _plain(old) == _plain(new)

    @property
    def vocabulary(self) -> str | None:
        """``kategori``, ``kota`` or ``kecamatan`` when the column's IDs come from the vocabulary."""
        return VOCABULARY.get((self.group, self.path))


def _inner(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    return next((found for arg in typing.get_args(annotation) if (found := _inner(arg))), None)


def field_at(model: type[BaseModel], path: tuple) -> FieldInfo:
    """Return the model field a column path ends at (list indexes are skipped)."""
    current, found = model, None
    for part in path:
        if isinstance(part, int):
            continue
        found = next(f for f in current.model_fields.values() if f.alias == part)
        current = _inner(found.annotation)
    return found


@cache
def _adapter(group: str, path: tuple) -> TypeAdapter:
    field = field_at(Exhibitor if group == EXHIBITOR else Product, path)
    return TypeAdapter(Annotated[field.annotation, *field.metadata] if field.metadata else field.annotation)


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    return None if value is None else str(value)


def _validators(field: FieldInfo) -> list:
    found = [getattr(meta, "func", None) for meta in field.metadata]
    for arg in typing.get_args(field.annotation):
        found += [getattr(meta, "func", None) for meta in getattr(arg, "__metadata__", ())]
    return [func for func in found if func is not None]


def _kind(field: FieldInfo) -> tuple[str, tuple[str, ...]]:
    literal = [arg for arg in (field.annotation, *typing.get_args(field.annotation))
               if typing.get_origin(arg) is typing.Literal]
    if literal:
        return "choice", typing.get_args(literal[0])
    for func in _validators(field):
        if func in _KINDS:
            return _KINDS[func], ()
        if func.__qualname__.startswith("digits_pattern."):
            return "digits", ()
    return "text", ()


def _label(group: str, path: tuple) -> str:
    if path == RECORD_ID:
        return "ID eksibitor"
    words = [str(part + 1) if isinstance(part, int) else _WORDS.get(part, part.replace("_", " "))
             for part in path if part not in _SILENT]
    if len(path) == 1 and path[0] in _SHARED:
        words.append(group)
    text = " ".join(words)
    return text[0].upper() + text[1:]


def _column(group: str, path: tuple) -> Column:
    model = Exhibitor if group == EXHIBITOR else Product
    label = _label(group, path)
    if path == RECORD_ID:
        return Column(group, path, label, RECORD_ID_DESCRIPTION, "slug", False)
    if path == PRICE_TO:
        return Column(group, path, label, PRICE_TO_DESCRIPTION, "rupiah", False)
    field = field_at(model, path)
    kind, choices = _kind(field)
    # Required when the field and every mapping above it are (a certificate's number only once it is given),
    # in the first item of a list (a product needs one photo, not three); an ID is made from the name when empty.
    required = path != ("id",) and all(
        part == 0 if isinstance(part, int) else field_at(model, path[: n + 1]).is_required()
        for n, part in enumerate(path))
    description = field.description or ""
    if path == ("id",):
        description += "; kosongkan untuk dibuat dari nama produk"
    if path[-1] == "berkas":
        description += "; atau nama berkas di folder foto yang disebut dengan --foto"
    return Column(group, path, label, description, kind, required, choices)


@cache
def columns() -> tuple[Column, ...]:
    """Every column of the registration sheet, in order."""
    return (*(_column(EXHIBITOR, p) for p in _EXHIBITOR_PATHS), *(_column(PRODUCT, p) for p in _PRODUCT_PATHS))


def header_key(text: str) -> str:
    """How a header is compared: case, spaces and a trailing ``*`` do not matter."""
    return " ".join(str(text).replace("*", " ").split()).casefold()


@cache
def by_header() -> dict[str, Column]:
    """Columns by :func:`header_key` of their label."""
    return {header_key(column.label): column for column in columns()}


@cache
def column_at(group: str, path: tuple) -> Column:
    """The column of ``group`` (eksibitor or produk) at ``path``."""
    return next(column for column in columns() if column.group == group and column.path == path)
