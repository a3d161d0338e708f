"""What a sheet says about one record, as leaves: a path in the record, the new text, and its cell.

Only the columns the sheet has make leaves, so a sheet of three columns updates
three fields and leaves the rest of a record alone; an empty cell sets nothing
(it never removes what a record holds). List columns (``Foto 1 …``, ``Marketplace 2 …``)
fill the list in order, skipping empty slots. The two price columns make one
leaf, ``harga``: a number, ``atas permintaan`` or a ``{dari, sampai}`` range.
"""

from __future__ import annotations

from dataclasses import dataclass

from .columns import (
    EXHIBITOR,
    MARKETPLACE_SLOTS,
    PHOTO_SLOTS,
    PRICE_TO,
    PRODUCT,
    RECORD_ID,
    Column,
    column_at,
    columns,
)
from .rows import CellRef, Reading

PRICE = ("harga",)
# List columns: the path of the list, how many slots the sheet has, the keys of one item.
LISTS = {EXHIBITOR: (("kontak", "marketplace"), MARKETPLACE_SLOTS, ("nama", "tautan")),
         PRODUCT: (("foto",), PHOTO_SLOTS, ("berkas", "alt"))}


@dataclass(frozen=True)
class Leaf:
    """One value the sheet sets (or, with ``value`` None, removes) at ``path``, from the cell ``ref``."""

    path: tuple
    value: str | dict | None
    ref: CellRef
    column: Column

    def same(self, old: object) -> bool:
        """Whether ``old`` (the record's current text) means what :attr:`value` means."""
        return self.column.same(old, self.value)


def leaves(reading: Reading, group: str, values: dict[tuple, str | None], rows: dict[tuple, int] | int) -> list[Leaf]:
    """The leaves of one exhibitor's (or one product's) values; ``rows`` gives each column's row."""
    found: list[Leaf] = []
    list_path, slots, keys = LISTS[group]
    for column in columns():
        if column.group != group or column.path == RECORD_ID or (group, column.path) not in reading.present:
            continue
        if column.path[: len(list_path)] == list_path or column.path == PRICE_TO:
            continue
        ref = reading.ref(column, _row(rows, column.path))
        if column.path == PRICE:
            found.append(Leaf(PRICE, price(values), ref, column))
        else:
            found.append(Leaf(column.path, values.get(column.path), ref, column))
    if (group, PRICE_TO) in reading.present and (group, PRICE) not in reading.present:
        column = column_at(group, PRICE_TO)
        found.append(Leaf(PRICE, price(values), reading.ref(column, _row(rows, PRICE_TO)), column))
    found += _list_leaves(reading, group, values, rows)
    return found


def _row(rows: dict[tuple, int] | int, path: tuple) -> int:
    return rows if isinstance(rows, int) else rows.get(path, rows.get("<first>", 0))


def price(values: dict[tuple, str | None]) -> str | dict | None:
    """``Harga`` alone, or with ``Harga sampai`` the range ``{dari, sampai}``."""
    low, high = values.get(PRICE), values.get(PRICE_TO)
    if high is None:
        return low
    return {"dari": low, "sampai": high} if low is not None else {"sampai": high}


def _list_leaves(reading: Reading, group: str, values: dict, rows) -> list[Leaf]:
    """Slot n of a list column becomes item j, the filled slots counted in order."""
    list_path, slots, keys = LISTS[group]
    present = [n for n in range(slots) if any((group, (*list_path, n, key)) in reading.present for key in keys)]
    if not present:
        return []
    found, item = [], 0
    for slot in present:
        if not any(values.get((*list_path, slot, key)) for key in keys):
            continue
        for key in keys:
            column = column_at(group, (*list_path, slot, key))
            if (group, column.path) in reading.present:
                ref = reading.ref(column, _row(rows, column.path))
                found.append(Leaf((*list_path, item, key), values.get(column.path), ref, column))
        item += 1
    return found


def origins(reading: Reading, group: str, values: dict, rows, prefix: tuple = ()) -> dict[tuple, CellRef]:
    """Where each path of a record (or of the product at ``prefix``) came from, for every column."""
    list_path, slots, keys = LISTS[group]
    found: dict[tuple, CellRef] = {}
    filled = [n for n in range(slots) if any(values.get((*list_path, n, key)) for key in keys)]
    for column in columns():
        if column.group != group or column.path == RECORD_ID:
            continue
        path = column.path
        if path[: len(list_path)] == list_path:
            slot = path[len(list_path)]
            item = filled.index(slot) if slot in filled else len(filled) + slot
            path = (*list_path, item, path[-1])
        elif path == PRICE:
            found[(*prefix, *PRICE, "dari")] = reading.ref(column, _row(rows, column.path))
        found[(*prefix, *path)] = reading.ref(column, _row(rows, column.path))
    return found
