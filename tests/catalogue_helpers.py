"""Helpers for the catalogue validation tests: copy a tiny root, break it, read the issues."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from etalase.data.catalogue import Catalogue, load_catalogue
from etalase.errors import DataError

ROOTS = Path(__file__).parent / "roots"
EXHIBITOR = "eksibitor/kopi-contoh.yaml"
SCHOOL = "sekolah/smk-contoh.yaml"
BATCH = "batch/batch-1.yaml"

Found = tuple[str, str, str, str]  # (file:line:column, code, field path, message)


def copy_root(tmp_path: Path, name: str = "catalogue-minimal") -> Path:
    """Copy ``tests/roots/<name>`` to ``tmp_path/catalogue_data`` and return it."""
    target = tmp_path / "catalogue_data"
    shutil.copytree(ROOTS / name, target, symlinks=True)
    return target


def edit(root: Path, rel: str, old: str, new: str) -> None:
    """Replace the one occurrence of ``old`` in a staff file."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {rel}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(root: Path, rel: str, content: str | bytes) -> Path:
    """Write a staff file (text is dedented), creating its folder."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(textwrap.dedent(content), encoding="utf-8")
    return path


def issues(root: Path) -> list[Found]:
    """Return every problem ``load_catalogue`` reports, as plain tuples (empty when valid)."""
    try:
        load_catalogue(root)
    except DataError as exc:
        return [(i.location(), i.code, i.field_path, i.message) for i in exc.issues]
    return []


def only_issue(root: Path) -> Found:
    """Return the single problem reported, failing if there are none or several."""
    found = issues(root)
    assert len(found) == 1, found
    return found[0]


def valid(root: Path) -> Catalogue:
    """Load a catalogue that must be valid."""
    found = issues(root)
    assert found == [], found
    return load_catalogue(root)
