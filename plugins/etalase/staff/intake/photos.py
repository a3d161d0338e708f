"""Photos a sheet names in a folder given with ``--foto``: checked, then copied into catalogue_data/foto/.

A photo cell names a file inside the folder (``kopi gayo.JPG`` or
``kopi/gayo.jpg``); it is checked exactly as the catalogue's photos are
(:func:`etalase.data.checks.probe`: inside the folder, no ``..``, no symlink,
a JPEG, PNG or WebP that decodes, under the pixel limit) and goes to
``foto/<exhibitor>/<name>`` with a lower-case, hyphenated name. A cell that
names no file in the folder but a photo already in catalogue_data/ keeps that
path. Nothing is copied here: :class:`PhotoPlan` lists the copies to make.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from ...data.checks import probe
from ...data.fieldtypes import suggest_slug
from ...images.probe import ImageProblem
from .columns import EXHIBITOR, PRODUCT, column_at
from .rows import CellRef, Group, Problem, Reading

PHOTO_KEY = "berkas"


@dataclass
class PhotoPlan:
    """Copies to make (destination in catalogue_data/ → source file) and what is known of each photo path."""

    folder: Path | None
    copies: dict[str, Path] = field(default_factory=dict)
    #: A photo path → its problem, or None once it is known to be usable (given to the photo check).
    probed: dict[str, ImageProblem | None] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def target_name(value: str) -> str:
    """The name a photo gets in catalogue_data/foto/<exhibitor>/: lower case, hyphens, its extension."""
    name = PurePosixPath(value.replace("\\", "/")).name
    stem, dot, suffix = name.rpartition(".")
    if not dot:
        stem, suffix = name, ""
    base = suggest_slug(stem) or "foto"
    return f"{base}.{suffix.lower()}" if suffix else base


def place(plan: PhotoPlan, root: Path, value: str, record_id: str, ref: CellRef) -> str:
    """Return the catalogue path a photo cell stands for, noting the copy, or the cell's text when it fails."""
    if plan.folder is None:
        return value
    problem = probe(plan.folder, value)
    if problem is not None:
        if problem.code == "I01" and probe(root, value) is None:
            return value  # already a photo in catalogue_data/
        plan.probed[value] = problem
        return value
    target = f"foto/{record_id}/{target_name(value)}"
    if any((Path(root) / folder).is_symlink() for folder in ("foto", f"foto/{record_id}")):
        plan.probed[value] = ImageProblem("I02", {"path": target, "reason": "outside"})
        return value  # never copy through a symlinked folder
    source = plan.folder / value
    clash = plan.copies.get(target)
    existing = Path(root) / target
    if clash is not None and clash != source or clash is None and existing.exists() and (
            existing.is_symlink() or not existing.is_file() or existing.read_bytes() != source.read_bytes()):
        message = f"`{value}` akan disalin ke {target}, tetapi di sana sudah ada foto lain"
        plan.problems.append(Problem("X08", message, ref))
        plan.probed[value] = None
        return value
    plan.copies[target] = source
    plan.probed[target] = None
    return target


def place_group(plan: PhotoPlan, reading: Reading, group: Group, record_id: str, root: Path) -> None:
    """Replace every photo cell of an exhibitor's rows (its logo, its products' photos) by its catalogue path."""
    for path, text in list(group.values.items()):
        if text is not None and path[-1] == PHOTO_KEY:
            ref = reading.ref(column_at(EXHIBITOR, path), group.rows.get(path, group.first_row))
            group.values[path] = place(plan, root, text, record_id, ref)
    for row in group.products:
        for path, text in list(row.values.items()):
            if text is not None and path[-1] == PHOTO_KEY:
                row.values[path] = place(plan, root, text, record_id, reading.ref(column_at(PRODUCT, path), row.row))
