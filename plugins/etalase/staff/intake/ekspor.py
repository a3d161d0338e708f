"""``./run ekspor BERKAS.xlsx [--batch N]``: the catalogue's exhibitors back in the registration template.

For review meetings: one row per published product, the exhibitor's columns
repeated on each, every value exactly as the YAML holds it (``45.000`` stays
``45.000``), so that importing the sheet again changes nothing. Fields the
sheet has no column for (old IDs, a fourth photo) stay in the YAML and are
kept by an import. Schools are not in the template.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from openpyxl.styles import Alignment

from ...data.catalogue import Catalogue, load_catalogue
from ...data.loader import load_files
from ...data.yamlload import value_at
from ...outputs.artifacts import write_bytes_atomic
from .columns import EXHIBITOR, PRICE_TO, RECORD_ID, Column, columns
from .leaves import PRICE
from .sheets import SHEET_NAME
from .template import new_workbook, workbook_bytes


class ExportError(Exception):
    """The export cannot be made (an unknown batch); the message says why, in Bahasa Indonesia."""


@dataclass(frozen=True)
class Exported:
    """What an export wrote."""

    path: Path
    exhibitors: int
    products: int


def exhibitors_of(catalogue: Catalogue, batch: int | None) -> list:
    """The published exhibitors, by ID, or those of batch ``batch`` in its own order."""
    if batch is None:
        return list(catalogue.exhibitors.values())
    found = next((b for b in catalogue.batches if b.number == batch), None)
    if found is None:
        known = ", ".join(str(b.number) for b in catalogue.batches)
        raise ExportError(f"batch {batch} tidak ada di katalog (yang ada: {known})")
    return [catalogue.exhibitors[i] for i in dict.fromkeys(found.exhibitors) if i in catalogue.exhibitors]


def cell_value(column: Column, record_id: str, data: dict) -> str | None:
    """The text of one column for an exhibitor (``data``) or one of its products, as the YAML has it."""
    if column.path == RECORD_ID:
        return record_id
    if column.path in (PRICE, PRICE_TO):
        price = data.get("harga")
        if isinstance(price, dict):
            return price.get("dari") if column.path == PRICE else price.get("sampai")
        return price if column.path == PRICE else None
    value = value_at(data, column.path)
    return value if isinstance(value, str) else None


def _rows(record_id: str, data: dict) -> list[list[str | None]]:
    products = [p for p in data.get("produk") or [] if isinstance(p, dict) and p.get("ditarik") != "ya"]
    own = [cell_value(c, record_id, data) if c.group == EXHIBITOR else None for c in columns()]
    if not products:
        return [own]
    return [[own[n] if column.group == EXHIBITOR else cell_value(column, record_id, product)
             for n, column in enumerate(columns())] for product in products]


def export_catalogue(root: Path, target: Path, batch: int | None = None) -> Exported:
    """Write the catalogue (or one batch) into the template at ``target``; raise DataError when it is invalid."""
    root = Path(root)
    catalogue = load_catalogue(root)
    files = load_files(root).files
    book = new_workbook(root, example=False)
    sheet = book[SHEET_NAME]
    row_number, products = 2, 0
    chosen = exhibitors_of(catalogue, batch)
    for record in chosen:
        for values in _rows(record.id, files[record.source].document.data):
            products += any(v is not None for c, v in zip(columns(), values, strict=True) if c.group != EXHIBITOR)
            for number, value in enumerate(values, start=1):
                if value is not None:
                    _write(sheet.cell(row_number, number), value)
            row_number += 1
    write_bytes_atomic(Path(target), workbook_bytes(book))
    return Exported(Path(target), len(chosen), products)


def _write(cell, value: str) -> None:
    cell.value = value
    cell.data_type = "s"  # a text that starts with "=" is not a formula
    if "\n" in value:
        cell.alignment = Alignment(wrap_text=True, vertical="top")
