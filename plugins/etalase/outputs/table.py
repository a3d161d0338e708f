"""The products as one CSV table for spreadsheets: a fixed header, one row per product.

UTF-8 with a byte-order mark (so Excel reads the accents), CRLF line ends and
RFC 4180 quoting. A cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a
carriage return gets a leading apostrophe, so a spreadsheet shows it as text
instead of running it as a formula. Each row is flattened from the same
record the JSON holds (:func:`~etalase.outputs.records.product_record`).
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterable, Sequence

from ..data.catalogue import Catalogue

COLUMNS = (
    "id", "name", "url", "category", "category_name", "seller_kind", "seller_id", "seller_name",
    "city", "city_name", "district", "district_name", "price_kind", "price_low", "price_high",
    "unit", "min_order", "halal_number", "bpom_number", "pirt_number", "sni_number", "sni_standard",
    "tkdn_percent", "bmp_percent", "tkdn_bmp_combined", "tkdn_certificate", "must_buy", "featured",
    "makers", "batches", "first_shown", "photo_url", "description", "licence",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
YES, NO = "ya", "tidak"


def guard(cell: str) -> str:
    """Prefix an apostrophe to a cell a spreadsheet would read as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    return guard(str(value))


def _number(certificate: dict | None, key: str = "number") -> str | None:
    return certificate.get(key) if certificate else None


def product_row(catalogue: Catalogue, record: dict, licence: str) -> list[str]:
    """Flatten one product record into the cells of :data:`COLUMNS`, in order."""
    certs, tkdn, price = record["certifications"], record["tkdn"] or {}, record["price"]
    category = catalogue.categories.get(record["category"])
    city = catalogue.cities.get(record["city"])
    makers = "; ".join(f"{m['name']} ({m['grade']})" if m["grade"] else m["name"] for m in record["makers"])
    values = {
        **{key: record[key] for key in ("id", "name", "url", "category", "city", "district", "unit", "min_order")},
        "category_name": category.name if category else None,
        "seller_kind": record["seller"]["kind"],
        "seller_id": record["seller"]["id"],
        "seller_name": record["seller"]["name"],
        "city_name": city.name if city else None,
        "district_name": catalogue.district_name(record["city"], record["district"]) if city else None,
        "price_kind": price["kind"],
        "price_low": price["low"],
        "price_high": price["high"],
        "halal_number": _number(certs["halal"]),
        "bpom_number": _number(certs["bpom"]),
        "pirt_number": _number(certs["pirt"]),
        "sni_number": _number(certs["sni"]),
        "sni_standard": _number(certs["sni"], "standard"),
        "tkdn_percent": tkdn.get("percent"),
        "bmp_percent": tkdn.get("bmp"),
        "tkdn_bmp_combined": tkdn.get("combined"),
        "tkdn_certificate": tkdn.get("certificate"),
        "must_buy": record["must_buy"],
        "featured": record["featured"],
        "makers": makers,
        "batches": "; ".join(record["batches"]),
        "first_shown": record["first_shown"],
        "photo_url": record["photos"][0]["url"] if record["photos"] else None,
        "description": record["description"],
        "licence": licence,
    }
    return [_cell(values[column]) for column in COLUMNS]


def product_line(catalogue: Catalogue, record: dict, licence: str) -> bytes:
    """One product record as its CSV line (UTF-8, CRLF at the end)."""
    return _line(product_row(catalogue, record, licence)).encode("utf-8")


def products_csv(lines: Iterable[bytes]) -> bytes:
    """Return the CSV bytes (with BOM): the header, then the product lines (:func:`product_line`) in order."""
    return b"".join((codecs.BOM_UTF8, _line(COLUMNS).encode("utf-8"), *lines))


def _line(cells: Sequence[str]) -> str:
    """One CSV line (RFC 4180 quoting, CRLF)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL).writerow(cells)
    return buffer.getvalue()
