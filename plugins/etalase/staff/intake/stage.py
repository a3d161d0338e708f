"""Validate the files an import would write, with the very loader and checks of ``validate``.

The catalogue is loaded as it is on disk; each draft's text then takes the
place of its file (or joins as a new file), and every cross-record check runs.
A problem in a drafted file is told at the spreadsheet cell its path came
from; one in another file (a product ID the sheet reuses, say) only when the
draft caused it. Nothing is written here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ...data.checks import run_checks
from ...data.loader import LoadedFile, LoadResult, add_file, load_files
from ...data.models import Exhibitor
from ...errors import Issue, display_path
from .drafts import Draft
from .rows import CellRef, Problem

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


def stage(root: Path, drafts: list[Draft], before: list[Issue], photos: dict[str, None],
          sheet_place) -> Staged:
    """Check ``drafts`` in place of their files; ``photos`` are copies already probed (destination: None)."""
    root = Path(root)
    result = load_files(root)
    shown = {draft.rel: display_path(root / draft.rel, root) for draft in drafts}
    staged: dict[str, tuple[Draft, LoadedFile]] = {}
    for draft in drafts:
        name = shown[draft.rel]
        result.files.pop(name, None)
        result.issues = [issue for issue in result.issues if issue.file != name]
        loaded = add_file(result, root / draft.rel, name, draft.text.encode("utf-8"), Exhibitor)
        staged[name] = (draft, loaded)
    run_checks(result, dict(photos))
    known = {issue_key(issue) for issue in before}
    found = Staged()
    for issue in result.issues:
        if issue.file in staged:
            draft, loaded = staged[issue.file]
            ref = locate(draft.origin, parse_path(issue.field_path)) or CellRef(draft.group.first_row)
            found.problems.append(Problem(issue.code, _cells_named(issue.message, staged, sheet_place), ref))
        elif issue_key(issue) not in known:
            found.elsewhere.append(issue)
    return found


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
