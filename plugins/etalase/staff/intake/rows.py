"""Read the rows of a sheet into exhibitors, each with its products, remembering every value's cell.

The header row names the columns (:mod:`.columns`); every later row is one
product. The exhibitor's columns are repeated on each row of its products or
filled down: a row that names no exhibitor belongs to the one above it, and an
empty exhibitor cell takes the value above it. Two rows of one exhibitor that
disagree are a problem (``X06``). Cells are read by :func:`.cells.cell_text`;
what it refuses is a problem of that cell. Nothing here knows the catalogue.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter

from ...data.fieldtypes import suggest_slug
from .cells import CellProblem, cell_text
from .columns import EXHIBITOR, PRODUCT, RECORD_ID, Column, by_header, column_at, header_key
from .sheets import RawCell, Sheet

NAME = ("nama",)


@dataclass(frozen=True)
class CellRef:
    """Where a value is: its row, and its column's number (``None`` when the sheet lacks the column)."""

    row: int
    column: Column | None = None
    number: int | None = None

    def where(self) -> str:
        """``C12 (kolom "Harga")``, ``baris 12 (kolom "Harga" tidak ada)`` or ``baris 12``."""
        if self.column is None:
            return f"baris {self.row}"
        if self.number is None:
            return f'baris {self.row} (kolom "{self.column.label}" tidak ada)'
        return f'{get_column_letter(self.number)}{self.row} (kolom "{self.column.label}")'


@dataclass
class Problem:
    """One problem of the sheet, at a cell (row 1 is the header)."""

    code: str
    message: str
    ref: CellRef


@dataclass
class ProductRow:
    """The product columns of one row: text by column path, and the cell of each column."""

    row: int
    values: dict[tuple, str | None] = field(default_factory=dict)


@dataclass
class Group:
    """One exhibitor: its values (filled down), where each came from, and its product rows."""

    key: str
    first_row: int
    values: dict[tuple, str | None] = field(default_factory=dict)
    rows: dict[tuple, int] = field(default_factory=dict)
    products: list[ProductRow] = field(default_factory=list)
    all_rows: list[int] = field(default_factory=list)


@dataclass
class Reading:
    """A sheet read into exhibitor groups, with the problems of its header and cells."""

    sheet: Sheet
    present: dict[tuple[str, tuple], int]
    groups: list[Group] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    example_rows: list[int] = field(default_factory=list)

    def ref(self, column: Column, row: int) -> CellRef:
        """The cell of ``column`` in ``row`` (its number is ``None`` when the sheet lacks the column)."""
        return CellRef(row, column, self.present.get((column.group, column.path)))


def read_header(sheet: Sheet, reading: Reading) -> dict[int, Column]:
    """Map column numbers to columns, reporting unknown (``X02``) and repeated (``X03``) headers."""
    found: dict[int, Column] = {}
    known = by_header()
    header = sheet.rows[0] if sheet.rows else []
    for number, cell in enumerate(header, start=1):
        text = "" if cell.value is None else " ".join(str(cell.value).split())
        if not text:
            if any(len(row) >= number and _filled(row[number - 1]) for row in sheet.rows[1:]):
                reading.problems.append(Problem("X02", "kolom tanpa judul berisi data", _header_ref(number)))
            continue
        column = known.get(header_key(text))
        if column is None:
            close = difflib.get_close_matches(header_key(text), list(known), n=1, cutoff=0.75)
            hint = f'; mungkin maksudnya "{known[close[0]].label}"?' if close else ""
            reading.problems.append(Problem("X02", f'kolom "{text}" tidak dikenal{hint}', _header_ref(number)))
        elif (column.group, column.path) in reading.present:
            first = get_column_letter(reading.present[(column.group, column.path)])
            reading.problems.append(Problem("X03", f'kolom "{column.label}" sudah ada di kolom {first}',
                                            _header_ref(number)))
        else:
            reading.present[(column.group, column.path)] = number
            found[number] = column
    return found


def _header_ref(number: int) -> CellRef:
    return CellRef(1, Column("", (), "", "", "", False), number)


def _filled(cell: RawCell) -> bool:
    return cell.value is not None and not (isinstance(cell.value, str) and not cell.value.strip())


def _row_values(reading: Reading, row_number: int, cells: list[RawCell], header: dict[int, Column],
                names) -> dict:
    values: dict[tuple[str, tuple], str | None] = {}
    for number, column in header.items():
        cell = cells[number - 1] if number <= len(cells) else RawCell(None)
        try:
            text = cell_text(column.kind, cell.value, cell.number_format)
            values[(column.group, column.path)] = names.id_of(column, text) if names is not None else text
        except CellProblem as problem:
            reading.problems.append(Problem(problem.code, problem.message, CellRef(row_number, column, number)))
            values[(column.group, column.path)] = None
    return values


def read_rows(sheet: Sheet, example: dict[tuple[str, tuple], str] | None = None, names=None) -> Reading:
    """Read every row below the header into exhibitor groups (the template's example row is left out).

    ``names`` (a :class:`.vocabulary.Vocabulary`) turns a category, city or kecamatan name into its ID.
    """
    reading = Reading(sheet, {})
    header = read_header(sheet, reading)
    by_key: dict[str, Group] = {}
    current: Group | None = None
    for row_number, cells in enumerate(sheet.rows[1:], start=2):
        if not any(_filled(cell) for cell in cells):
            continue
        values = _row_values(reading, row_number, cells, header, names)
        if example and {k: v for k, v in values.items() if v is not None} == example:
            reading.example_rows.append(row_number)
            continue
        keys = _group_keys(values)
        if not keys and current is None:
            column = column_at(EXHIBITOR, NAME)
            reading.problems.append(Problem("F14", "baris ini tidak menyebut eksibitornya: isi kolom \"ID eksibitor\" "
                                                   "atau \"Nama eksibitor\"", reading.ref(column, row_number)))
            continue
        if keys:
            current = _find(by_key, keys, values.get((EXHIBITOR, RECORD_ID)))
            if current is None:
                current = Group(keys[0], row_number)
                reading.groups.append(current)
            for key in keys:
                by_key.setdefault(key, current)
        _add_row(reading, current, row_number, values)
    return reading


def _find(by_key: dict, keys: list[str], given: str | None) -> Group | None:
    """The group a row belongs to: by its ID, else by its name unless that group has another ID."""
    for key in keys:
        group = by_key.get(key)
        if group is not None and (key.startswith("id:") or group.values.get(RECORD_ID) in (None, given)):
            return group
    return None


def _group_keys(values: dict) -> list[str]:
    """How a row names its exhibitor: by ID when it gives one (and then by name too), else by name."""
    given, name = values.get((EXHIBITOR, RECORD_ID)), values.get((EXHIBITOR, NAME))
    name_key = ["nama:" + " ".join(name.split()).casefold()] if name else []
    return ["id:" + given, *name_key] if given else name_key


def _add_row(reading: Reading, group: Group, row_number: int, values: dict) -> None:
    group.all_rows.append(row_number)
    for (kind, path), text in values.items():
        if kind != EXHIBITOR or text is None:
            continue
        before, column = group.values.get(path), column_at(EXHIBITOR, path)
        if before is None:
            group.values[path], group.rows[path] = text, row_number
        elif not column.same(before, text):
            message = f"berbeda dengan baris {group.rows[path]} ('{before}') untuk eksibitor yang sama"
            reading.problems.append(Problem("X06", message, reading.ref(column, row_number)))
    product = {path: text for (kind, path), text in values.items() if kind == PRODUCT}
    if any(text is not None for text in product.values()):
        group.products.append(ProductRow(row_number, product))


def derived_id(name: str | None) -> str:
    """The ID made from a name when the ID column is empty."""
    return suggest_slug(name or "")
