"""``./run impor BERKAS``: turn a registration spreadsheet into exhibitor records, or say what is wrong.

Every problem of the run is collected (the sheet's headers and cells, then
whatever ``validate`` finds in the files the import would write) and told at
its cell. Nothing is written while any remains, unless ``--lewati-baris-salah``
leaves the rows at fault out (a product's row, or every row of an exhibitor
whose own cells are at fault). A record a person edited changes only with
``--perbarui``; new products may always join an existing exhibitor.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path

from ...data.loader import LoadResult
from ...data.messages import cell_fix
from ...errors import Issue, display_path
from ...outputs.artifacts import write_bytes_atomic
from .columns import PRODUCT
from .drafts import Draft, id_ref, make_draft, record_id
from .photos import PhotoPlan, place_group
from .rows import Group, Problem, Reading, read_rows
from .sheets import Sheet, SheetError, read_sheet
from .stage import catalogue_problems, stage
from .template import example_values
from .vocabulary import Vocabulary

MAX_ROUNDS = 8


@dataclass(frozen=True)
class Options:
    """What ``impor`` was asked to do."""

    update: bool = False
    skip_bad_rows: bool = False
    dry_run: bool = False
    photos: Path | None = None


@dataclass
class Outcome:
    """What an import found and did."""

    sheet: Sheet | None
    reading: Reading | None = None
    issues: list[Issue] = field(default_factory=list)
    drafts: list[Draft] = field(default_factory=list)
    skipped: dict[int, list[Issue]] = field(default_factory=dict)
    copies: dict[str, Path] = field(default_factory=dict)
    written: list[str] = field(default_factory=list)
    root: Path = Path("catalogue_data")

    @property
    def ok(self) -> bool:
        """Whether the import may write (or, in a dry run, would)."""
        return self.sheet is not None and not self.issues


def cell_issue(sheet: Sheet, problem: Problem) -> Issue:
    """A problem as an :class:`Issue` located at its cell: ``BERKAS › Lembar › C12 (kolom "Harga")``."""
    ref = problem.ref
    return Issue(sheet.prefix(), ref.row, ref.number or 0, problem.code, "", problem.message,
                 cell_fix(problem.code), place=f"{sheet.prefix()} › {ref.where()}")


@dataclass
class _Round:
    """One pass over the groups left in: their drafts, photos and problems."""

    drafts: list[Draft] = field(default_factory=list)
    plan: PhotoPlan | None = None
    problems: list[Problem] = field(default_factory=list)
    elsewhere: list[Issue] = field(default_factory=list)


def _groups_left(reading: Reading, left_out: set[int]) -> list[Group]:
    """The groups still in, each without its products' rows that are left out."""
    groups = []
    for group in copy.deepcopy(reading.groups):
        own_rows = set(group.all_rows) - {row.row for row in group.products}
        if set(group.all_rows) <= left_out or own_rows & left_out:
            continue  # all its rows are at fault, or one of the exhibitor's own: all of it stays out
        group.products = [row for row in group.products if row.row not in left_out]
        groups.append(group)
    return groups


def _draft_all(reading: Reading, groups: list[Group], root: Path, result: LoadResult, before: list[Issue],
               options: Options) -> _Round:
    done = _Round(plan=PhotoPlan(options.photos))
    taken: dict[str, int] = {}
    broken = {issue.file for issue in before}
    for group in groups:
        found, problem = record_id(reading, group, result)
        if problem is not None:
            done.problems.append(problem)
            continue
        ref = id_ref(reading, group)
        if found in taken:
            done.problems.append(Problem("R07", f"eksibitor `{found}` sudah ada di baris {taken[found]}", ref))
            continue
        taken[found] = group.first_row
        shown = display_path(root / f"eksibitor/{found}.yaml", root)
        if shown in broken:
            count = sum(issue.file == shown for issue in before)
            done.problems.append(Problem("X09", f"{shown} sudah ada dan belum sah ({count} masalah)", ref))
            continue
        place_group(done.plan, reading, group, found, root)
        loaded = result.files.get(shown)
        plain = loaded.document.data if loaded is not None and loaded.document is not None else None
        done.drafts.append(make_draft(reading, group, found, root, plain))
    done.problems += done.plan.problems
    for draft in done.drafts:
        if draft.edited and not options.update:
            done.problems += [_refused(draft, change, root) for change in draft.changes]
    return done


def _refused(draft: Draft, change, root: Path) -> Problem:
    old = "kosong" if change.old is None else f"berisi {_value(change.old)}"
    new = "kosong" if change.new is None else f"berisi {_value(change.new)}"
    return Problem("X07", f"{display_path(root / draft.rel, root)} {old}, spreadsheet {new}", change.ref)


def _value(value: object) -> str:
    if isinstance(value, dict):
        return f"'dari {value.get('dari', '?')} sampai {value.get('sampai', '?')}'"
    return f"'{value}'"


def _rows_at_fault(reading: Reading, problems: list[Problem]) -> set[int] | None:
    """The rows to leave out for these problems; None when one cannot be left out (the header, another file)."""
    rows: set[int] = set()
    by_row = {row: group for group in reading.groups for row in group.all_rows}
    for problem in problems:
        ref = problem.ref
        if ref.row <= 1 or ref.row not in by_row:
            return None
        group = by_row[ref.row]
        product_row = any(row.row == ref.row for row in group.products)
        if product_row and (ref.column is None or ref.column.group == PRODUCT):
            rows.add(ref.row)
        else:
            rows |= set(group.all_rows)
    return rows


def run_import(path: Path, root: Path, options: Options) -> Outcome:
    """Read the sheet at ``path``, draft and check every record it makes, and write them when all is well."""
    root = Path(root)
    try:
        sheet = read_sheet(path)
    except SheetError as exc:
        outcome = Outcome(None, root=root)
        name = Path(path).name
        outcome.issues.append(Issue(name, 0, 0, "X01", "", str(exc), cell_fix("X01"), place=name))
        return outcome
    result, before = catalogue_problems(root)
    reading = read_rows(sheet, example_values(), Vocabulary(result))
    outcome = Outcome(sheet, reading, root=root)
    left_out: set[int] = set()
    for _ in range(MAX_ROUNDS):
        done = _draft_all(reading, _groups_left(reading, left_out), root, result, before, options)
        staged = stage(root, done.drafts, before, done.plan.probed, lambda ref: f"{sheet.prefix()} › {ref.where()}")
        done.problems += staged.problems
        done.elsewhere = staged.elsewhere
        told = [p for p in reading.problems if p.ref.row not in left_out]
        cells = {(p.ref.row, p.ref.number) for p in told}  # a refused cell is not also told as empty
        problems = told + [p for p in done.problems if (p.ref.row, p.ref.number) not in cells]
        if not problems and not done.elsewhere:
            outcome.drafts, outcome.copies = done.drafts, done.plan.copies
            break
        more = _rows_at_fault(reading, problems) if options.skip_bad_rows and not done.elsewhere else None
        if not more or more <= left_out:
            outcome.issues = sorted([cell_issue(sheet, p) for p in problems] + done.elsewhere)
            return outcome
        for problem in problems:
            if problem.ref.row in more:
                outcome.skipped.setdefault(problem.ref.row, []).append(cell_issue(sheet, problem))
        left_out |= more
    if outcome.issues or options.dry_run:
        return outcome
    write(outcome)
    return outcome


def write(outcome: Outcome) -> None:
    """Copy the photos, then write every file that changes."""
    for target, source in sorted(outcome.copies.items()):
        if write_bytes_atomic(outcome.root / target, source.read_bytes()):
            outcome.written.append(target)
    for draft in outcome.drafts:
        if draft.touched:
            write_bytes_atomic(outcome.root / draft.rel, draft.text.encode("utf-8"))
            outcome.written.append(draft.rel)
