"""Read a registration spreadsheet (.xlsx or .csv) into rows of raw cells.

An .xlsx file is read with openpyxl (values, not formulas; each cell with its
number format, which tells a percentage from a plain number). A .csv file is
read in the encoding it was saved in: UTF-8 (with or without a BOM), UTF-16
(what Excel's "Unicode Text" writes, tab-separated) or Windows-1252 (what
Excel writes as plain "CSV" on Windows), with a comma, semicolon (Excel in the
Indonesian locale) or tab between fields. :attr:`Sheet.how` says which, in
Bahasa Indonesia, so staff know how their file was understood.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

#: The sheet the template names; another workbook is read from its first sheet.
SHEET_NAME = "Pendaftaran"
MAX_BYTES = 20_000_000
DELIMITERS = {",": "koma", ";": "titik koma", "\t": "tab"}
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


class SheetError(Exception):
    """The file cannot be read as a spreadsheet at all; the message says why, in Bahasa Indonesia."""


@dataclass(frozen=True)
class RawCell:
    """A cell as the file holds it: a str, int, float, bool, date/time or None, and its number format."""

    value: object
    number_format: str = "General"


@dataclass
class Sheet:
    """The rows of one sheet, the header row first; rows and columns count from 1 in messages."""

    source: str
    title: str | None
    how: str
    rows: list[list[RawCell]] = field(default_factory=list)

    def prefix(self) -> str:
        """``pendaftaran.xlsx › Pendaftaran`` (or the CSV file's name): where every cell is."""
        return f"{self.source} › {self.title}" if self.title else self.source


def read_sheet(path: Path) -> Sheet:
    """Read ``path`` by its extension; raise :class:`SheetError` when it cannot be read."""
    path = Path(path)
    suffix = path.suffix.lower()
    try:
        size = path.stat().st_size
    except OSError:
        raise SheetError(f"berkas {path} tidak ditemukan") from None
    if size > MAX_BYTES:
        raise SheetError(f"berkas berukuran {size} byte, lebih dari batas {MAX_BYTES} byte")
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return read_csv(path.name, path.read_bytes())
    if suffix in (".xls", ".ods", ".numbers"):
        raise SheetError(f"format {suffix} tidak didukung; simpan ulang sebagai Excel Workbook (.xlsx) atau CSV")
    raise SheetError(f"`{path.name}` bukan berkas .xlsx atau .csv")


def read_xlsx(path: Path) -> Sheet:
    """Read the "Pendaftaran" sheet of a workbook (else its first sheet), values only."""
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise SheetError(f"`{path.name}` bukan berkas Excel .xlsx yang utuh ({type(exc).__name__})") from None
    try:
        sheet = book[SHEET_NAME] if SHEET_NAME in book.sheetnames else book.worksheets[0]
        rows = [[RawCell(cell.value, getattr(cell, "number_format", None) or "General") for cell in row]
                for row in sheet.iter_rows()]
        title = sheet.title
    finally:
        book.close()
    return Sheet(path.name, title, f'lembar "{title}"', _trimmed(rows))


def decode_csv(raw: bytes) -> tuple[str, str]:
    """Return the text of CSV bytes and the name of the encoding it was in."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return _decode(raw[3:], "utf-8", "UTF-8 dengan BOM")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        order = "le" if raw.startswith(b"\xff\xfe") else "be"
        return _decode(raw[2:], f"utf-16-{order}", "UTF-16")
    if raw[:200].count(0) * 4 > len(raw[:200]):  # UTF-16 without a BOM: every other byte is 0 in ASCII text
        order = "le" if raw[1:200:2].count(0) > raw[0:200:2].count(0) else "be"
        return _decode(raw, f"utf-16-{order}", "UTF-16")
    try:
        return raw.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    return _decode(raw, "cp1252", "Windows-1252 (cp1252)")


def _decode(raw: bytes, codec: str, name: str) -> tuple[str, str]:
    try:
        return raw.decode(codec), name
    except UnicodeDecodeError as exc:
        raise SheetError(f"berkas berisi byte 0x{raw[exc.start]:02X} yang tidak bisa dibaca sebagai {name}; "
                         "simpan ulang sebagai CSV UTF-8") from None


def sniff_delimiter(text: str) -> str:
    """The delimiter the header line uses most: comma, semicolon or tab (outside quotes)."""
    line = re.sub(r'"[^"]*"', "", text.split("\n", 1)[0])
    counts = {delimiter: line.count(delimiter) for delimiter in DELIMITERS}
    best = max(counts, key=lambda delimiter: counts[delimiter])
    return best if counts[best] else ","


def read_csv(name: str, raw: bytes) -> Sheet:
    """Read CSV bytes in whatever encoding and delimiter they came in; every cell is text."""
    text, encoding = decode_csv(raw)
    delimiter = sniff_delimiter(text)
    try:
        rows = [[RawCell(_CONTROL.sub(" ", value)) for value in row]
                for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)]
    except csv.Error as exc:
        raise SheetError(f"CSV tidak bisa dibaca: {exc}") from None
    return Sheet(name, None, f"CSV {encoding}, pemisah {DELIMITERS[delimiter]}", _trimmed(rows))


def _blank(cell: RawCell) -> bool:
    return cell.value is None or isinstance(cell.value, str) and not cell.value.strip()


def _trimmed(rows: list[list[RawCell]]) -> list[list[RawCell]]:
    """Drop empty rows at the end and empty cells at the end of each row."""
    out = []
    for row in rows:
        while row and _blank(row[-1]):
            row = row[:-1]
        out.append(list(row))
    while out and not out[-1]:
        out.pop()
    return out
