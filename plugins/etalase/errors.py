"""The exception tree and the issue record every check reports.

Staff read the messages (in Bahasa Indonesia); developers read the codes.
Every problem found in a run becomes one :class:`Issue`; a run collects all of
them and raises :class:`CatalogueError` once, the way MkDocs aborts a build
after listing every configuration error.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath


@dataclass(frozen=True, order=True)
class Issue:
    """One problem in one staff file, located as precisely as we can."""

    file: str
    line: int
    column: int
    code: str
    field_path: str
    message: str
    fix: str = ""
    severity: str = field(default="error", compare=False)
    #: Where the problem is when it is not a line of a text file, e.g. a spreadsheet cell
    #: (``pendaftaran.xlsx › Pendaftaran › C12 (kolom "Harga")``); ``line`` and ``column`` then only sort.
    place: str = field(default="", compare=False)

    def location(self) -> str:
        """Return ``file:line:column`` as editors and terminals link it (or :attr:`place` when set)."""
        return self.place or f"{self.file}:{self.line}:{self.column}"


class EtalaseError(Exception):
    """Base of every error this project raises on purpose."""


class CatalogueError(EtalaseError):
    """The catalogue data has problems; ``issues`` lists every one of them."""

    def __init__(self, issues: list[Issue]):
        self.issues = sorted(issues)
        files = {issue.file for issue in self.issues}
        super().__init__(f"{len(self.issues)} masalah di {len(files)} berkas katalog")


class DataError(CatalogueError):
    """A record does not load or does not match its model."""


class ImageError(CatalogueError):
    """A photo or logo cannot be published (missing, broken, too big, wrong type)."""


class SearchError(EtalaseError):
    """The search index could not be built."""


class BuildError(EtalaseError):
    """The site could not be built; the previous output is left as it was."""


def display_path(path, root) -> str:
    """Return ``path`` relative to the parent of ``root`` in POSIX form, for messages."""
    try:  # absolute, not resolved: a symlink is named by its own path, not by its target
        rel = PurePosixPath(*Path(os.path.abspath(path)).relative_to(Path(os.path.abspath(root)).parent).parts)
    except ValueError:
        rel = PurePosixPath(*path.parts)
    return str(rel)
