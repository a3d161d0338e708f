"""One exhibitor file as the sheet would leave it: a new record, or an existing one with the sheet's changes.

A draft knows which values it changes in an existing record (shown as a diff,
and refused without ``--perbarui`` when a person edited the file), which
products it adds, the text it would write, and which cell each path of the
record came from (so that a problem the validator finds is told at its cell).
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from pydantic_core import PydanticCustomError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from ...data.fieldtypes import check_slug
from ...data.loader import LoadResult
from ...data.messages import shown
from ...data.models import Exhibitor
from ...data.yamlload import value_at
from .columns import EXHIBITOR, PRODUCT, RECORD_ID, column_at
from .documents import put
from .leaves import Leaf, leaves, origins
from .rows import NAME, CellRef, Group, Problem, ProductRow, Reading, derived_id
from .yamltext import dump_text, finish_new, load_text, marked, space_new_product, unedited


@dataclass(frozen=True)
class Change:
    """A value the sheet changes in an existing record (``old`` or ``new`` None: added or removed)."""

    path: tuple
    old: object
    new: object
    ref: CellRef
    product: str = ""


@dataclass
class Draft:
    """One exhibitor file as the import would write it."""

    record_id: str
    rel: str
    group: Group
    document: CommentedMap
    original: str | None = None
    changes: list[Change] = field(default_factory=list)
    added: list[tuple[str, int]] = field(default_factory=list)
    origin: dict[tuple, CellRef] = field(default_factory=dict)
    text: str = ""
    seen: set = field(default_factory=set)

    @property
    def is_new(self) -> bool:
        """Whether the file does not exist yet."""
        return self.original is None

    @property
    def edited(self) -> bool:
        """Whether a person changed the existing file since the importer wrote it (or it never did)."""
        return self.original is not None and not unedited(self.original)

    @property
    def touched(self) -> bool:
        """Whether the file changes at all."""
        return self.original is None or self.text != self.original


def _by_name(result: LoadResult) -> dict[str, Exhibitor]:
    return {" ".join(r.name.split()).casefold(): r for r in result.records(Exhibitor)}


def id_ref(reading: Reading, group: Group) -> CellRef:
    """The cell an exhibitor's ID comes from: its "ID eksibitor" cell, else its "Nama eksibitor" cell."""
    column = column_at(EXHIBITOR, RECORD_ID if group.values.get(RECORD_ID) else NAME)
    return reading.ref(column, group.rows.get(column.path, group.first_row))


def record_id(reading: Reading, group: Group, result: LoadResult) -> tuple[str | None, Problem | None]:
    """The exhibitor's ID: as given, else the existing record of that name, else made from the name."""
    given, name = group.values.get(RECORD_ID), group.values.get(NAME)
    ref = id_ref(reading, group)
    if not given and name and (found := _by_name(result).get(" ".join(name.split()).casefold())):
        return found.id, None
    try:
        return check_slug(given if given else derived_id(name)), None
    except PydanticCustomError as exc:
        message = exc.message() if given else (f"tidak ada ID yang bisa dibuat dari nama {shown(name)}: isi kolom "
                                               "\"ID eksibitor\"")
        return None, Problem(exc.type, message, ref)


def _product_id(row: ProductRow, existing: list) -> str | None:
    given, name = row.values.get(("id",)), row.values.get(("nama",))
    if given:
        return given
    folded = " ".join((name or "").split()).casefold()
    for product in existing:
        if isinstance(product, dict) and " ".join(str(product.get("nama", "")).split()).casefold() == folded:
            return str(product.get("id"))
    return derived_id(name) or None


def make_draft(reading: Reading, group: Group, record: str, root: Path, plain: dict | None = None) -> Draft:
    """Apply one exhibitor's rows to its file (or to a new record) and work out what changes.

    ``plain`` is the file as the strict loader read it: the rows are tried on a copy of it first, and the
    file is parsed for a round trip (ruamel.yaml, 20 times slower) only when they change something.
    """
    rel = f"eksibitor/{record}.yaml"
    path = Path(root) / rel
    original = path.read_text(encoding="utf-8") if path.is_file() else None
    if original is not None and isinstance(plain, dict):
        tried = _applied(reading, Draft(record, rel, group, copy.deepcopy(plain), original))
        if not tried.changes and not tried.added:
            tried.text = original
            return tried
    document = load_text(original) if original is not None else CommentedMap()
    draft = _applied(reading, Draft(record, rel, group, document, original))
    draft.text = _text(draft)
    return draft


def _applied(reading: Reading, draft: Draft) -> Draft:
    group, document = draft.group, draft.document
    rows = {**group.rows, "<first>": group.first_row}
    draft.origin = origins(reading, EXHIBITOR, group.values, rows)
    _apply(draft, leaves(reading, EXHIBITOR, group.values, rows), ())
    if "kontak" not in document:
        put(document, ("kontak",), {})
    for row in group.products:
        _add_product(reading, draft, row)
    return draft


def _apply(draft: Draft, found: list[Leaf], prefix: tuple, product: str = "", track: bool = True) -> None:
    """Set or remove each leaf that differs from the record; note the change when the record existed."""
    for leaf in found:
        path = (*prefix, *leaf.path)
        old = value_at(draft.document, path)
        if leaf.value is None or leaf.same(old):
            continue  # an empty cell never removes what a record holds
        put(draft.document, path, leaf.value)
        if track and not draft.is_new:
            draft.changes.append(Change(path, _shown(old), _shown(leaf.value), leaf.ref, product))


def _shown(value: object) -> object:
    if isinstance(value, dict):
        return {key: str(item) for key, item in value.items()}
    return None if value is None else str(value)


def _add_product(reading: Reading, draft: Draft, row: ProductRow) -> None:
    products = draft.document.get("produk")
    existing = list(products) if isinstance(products, list) else []
    product_id = _product_id(row, existing)
    values = row.values
    index = next((n for n, item in enumerate(existing) if isinstance(item, dict) and product_id is not None
                  and str(item.get("id", "")).casefold() == product_id.casefold()), None)
    track = index is not None and product_id not in draft.seen
    if not track:  # a new product, or the same ID twice in the sheet (then told as a duplicate ID)
        index = len(existing)
        put(draft.document, ("produk", index, "id") if product_id else ("produk", index), product_id or {})
        draft.added.append((product_id or "", row.row))
        if not draft.is_new and isinstance(draft.document["produk"], CommentedSeq):
            space_new_product(draft.document["produk"], index)
    draft.seen.add(product_id)
    draft.origin.update(origins(reading, PRODUCT, values, row.row, ("produk", index)))
    draft.origin[("produk", index)] = CellRef(row.row)
    _apply(draft, [leaf for leaf in leaves(reading, PRODUCT, values, row.row) if leaf.path != ("id",)],
           ("produk", index), product_id or "", track)


def _text(draft: Draft) -> str:
    if draft.is_new:
        return finish_new(draft.document)
    if not draft.changes and not draft.added:
        return draft.original  # unchanged: not even the layout ruamel would normalise (trailing spaces)
    text = dump_text(draft.document)
    return marked(text) if unedited(draft.original) else text
