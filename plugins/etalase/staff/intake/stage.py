"""Validate the files an import would write, with the very loader and checks of ``validate``.

The catalogue is loaded as it is on disk; each draft's text then takes the
place of its file (or joins as a new file), and every cross-record check runs.
A problem in a drafted file is told at the spreadsheet cell its path came
from; one in another file (a product ID the sheet reuses, say) only when the
draft caused it. Nothing is written here.
"""

from __future__ import annotations

import copy
import dataclasses
import re
from dataclasses import dataclass, field
from pathlib import Path

from ...data.checks import run_checks
from ...data.loader import LoadedFile, LoadResult, add_file, load_files
from ...data.models import Exhibitor
from ...data.yamlload import value_at
from ...errors import Issue, display_path
from .documents import put
from .drafts import Draft
from .rows import CellRef, Problem
from .yamltext import dump_text

_PART = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def parse_path(text: str) -> tuple:
    """Turn ``produk[2].harga`` back into ``("produk", 2, "harga")``; ``(berkas)`` is the whole record."""
    if text == "(berkas)":
        return ()
    return tuple(int(index) if index else name for name, index in _PART.findall(text))


def issue_key(issue: Issue) -> tuple:
    """What makes a problem the same problem before and after an import."""
    return issue.file, issue.code, issue.field_path, issue.message


def catalogue_problems(root: Path) -> tuple[LoadResult, list[Issue]]:
    """The catalogue as it is, checked: its records, and every problem it already has."""
    result = load_files(Path(root))
    run_checks(result)
    return result, list(result.issues)


@dataclass
class Staged:
    """The problems of the drafts, at their cells, and those they cause in other files."""

    problems: list[Problem] = field(default_factory=list)
    elsewhere: list[Issue] = field(default_factory=list)


def locate(origin: dict[tuple, CellRef], path: tuple) -> CellRef | None:
    """The cell a record path came from: itself, else the first column below it (a missing mapping's first key),
    else the nearest path above it."""
    if path in origin:
        return origin[path]
    below = next((ref for key, ref in origin.items() if len(key) > len(path) and key[: len(path)] == path), None)
    if below is not None:
        return below
    return next((origin[path[:n]] for n in range(len(path) - 1, -1, -1) if path[:n] in origin), None)


def _swap_in(root: Path, drafts: list[Draft]) -> tuple[LoadResult, dict[str, tuple[Draft, LoadedFile]]]:
    """The catalogue on disk with each draft's text in place of its file (or as a new file)."""
    result = load_files(root)
    staged: dict[str, tuple[Draft, LoadedFile]] = {}
    for draft in drafts:
        name = display_path(root / draft.rel, root)
        result.files.pop(name, None)
        result.issues = [issue for issue in result.issues if issue.file != name]
        staged[name] = (draft, add_file(result, root / draft.rel, name, draft.text.encode("utf-8"), Exhibitor))
    return result, staged


def stage(root: Path, drafts: list[Draft], before: list[Issue], photos: dict[str, None], sheet_place) -> Staged:
    """Check ``drafts`` in place of their files; ``photos`` are copies already probed (destination: None).

    A draft whose record does not validate is checked a second time with stand-ins for its bad values, so
    that the checks across records (category, kecamatan, duplicate IDs, photos) are told in the same run.
    """
    root = Path(root)
    found = _stage_once(root, drafts, before, photos, sheet_place)
    stand_ins = [stand_in for draft in drafts if (stand_in := _stand_in(root, draft)) is not None]
    if stand_ins:
        told = {(p.ref.row, p.ref.number, p.code) for p in found.problems}
        spared = {draft.rel: paths for draft, paths in stand_ins}
        again = _stage_once(root, [draft for draft, _ in stand_ins] + [d for d in drafts if d.rel not in spared],
                            before, photos, sheet_place, spared)
        found.problems += [p for p in again.problems if (p.ref.row, p.ref.number, p.code) not in told]
    return found


def _stage_once(root: Path, drafts: list[Draft], before: list[Issue], photos: dict, sheet_place,
                spared: dict[str, set] | None = None) -> Staged:
    result, staged = _swap_in(root, drafts)
    run_checks(result, dict(photos))
    known = {issue_key(issue) for issue in before}
    found = Staged()
    for issue in result.issues:
        if issue.file in staged:
            draft, loaded = staged[issue.file]
            path = parse_path(issue.field_path)
            if spared is not None and any(path[: len(s)] == s for s in spared.get(draft.rel, ())):
                continue  # a stand-in's own value
            ref = locate(draft.origin, path) or CellRef(draft.group.first_row)
            found.problems.append(Problem(issue.code, _cells_named(issue.message, staged, sheet_place), ref))
        elif issue_key(issue) not in known:
            found.elsewhere.append(issue)
    return found


#: Values that pass their field's check, put in place of a bad one to check the rest of a record.
STAND_INS = {"text": "-", "markdown": "-", "slug": "x", "rupiah": "0", "integer": "1", "percent": "0",
             "date": "2000-01-01", "yesno": "tidak"}
MAX_STAND_IN_ROUNDS = 4


def _stand_in(root: Path, draft: Draft) -> tuple[Draft, set] | None:
    """A copy of ``draft`` whose bad values are replaced (required) or left out (optional), if one validates."""
    copy_ = dataclasses.replace(draft, document=copy.deepcopy(draft.document))
    spared: set[tuple] = set()
    for _ in range(MAX_STAND_IN_ROUNDS):
        copy_.text = dump_text(copy_.document)
        probe = LoadResult(root=root)
        loaded = add_file(probe, root / draft.rel, draft.rel, copy_.text.encode("utf-8"), Exhibitor)
        if loaded.record is not None:
            return (copy_, spared) if spared else None
        for issue in loaded.issues:
            path = parse_path(issue.field_path)
            target = _column_path(draft.origin, path)
            if target is None or target in spared or issue.code.startswith("Y"):
                return None
            ref = draft.origin[target]
            value = ref.column.choices[0] if ref.column.kind == "choice" else STAND_INS.get(ref.column.kind)
            if ref.column.required and value is not None:
                put(copy_.document, target, value)
            else:
                parent = value_at(copy_.document, target[:-1])
                if isinstance(parent, dict):
                    parent.pop(target[-1], None)
            spared.add(target)
    return None


def _column_path(origin: dict[tuple, CellRef], path: tuple) -> tuple | None:
    """The path of the column a problem's path stands in: itself, or the first column below it."""
    if path in origin and origin[path].column is not None:
        return path
    return next((key for key, ref in origin.items() if len(key) > len(path) and key[: len(path)] == path
                 and ref.column is not None), None)


def _cells_named(message: str, staged: dict, sheet_place) -> str:
    """Say ``pendaftaran.xlsx › … › A3`` where a message names a line of a file not yet written."""
    for name, (draft, loaded) in staged.items():
        if name not in message or loaded.document is None:
            continue

        def cell(match: re.Match, draft=draft, loaded=loaded) -> str:
            line = int(match.group(1))
            paths = [path for path, mark in loaded.document.key_marks.items() if mark.line == line]
            ref = locate(draft.origin, paths[0]) if paths else None
            return sheet_place(ref) if ref is not None else match.group(0)

        message = re.sub(re.escape(name) + r" baris (\d+)", cell, message)
    return message
