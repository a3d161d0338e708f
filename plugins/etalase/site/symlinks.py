"""Symlinks that leave the repository, in every folder a build reads (content, theme, catalogue).

Pelican follows symlinks: a ``content/`` page or a ``theme/static/`` file that
links to ``/etc/…`` or a home folder would be read, and published. A build looks
for them before Pelican reads anything (:func:`etalase.generator.get_generators`)
and refuses them all at once (``R17``). A symlink that stays inside the
repository is followed as Pelican would; the catalogue is stricter still: the
loader refuses any symlinked record (``R15``) or photo (``I02``).

Pure: paths in, :class:`~etalase.errors.Issue` out.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from ..data import messages
from ..errors import Issue

#: The repository this plugin lives in (this file is plugins/etalase/site/symlinks.py in it).
PROJECT = Path(__file__).resolve().parents[3]


def _inside(target: str, project: str) -> bool:
    return target == project or target.startswith(project.rstrip(os.sep) + os.sep)


def _links(root: str, project: str) -> Iterator[tuple[str, str]]:
    """Every symlink at or under ``root`` with its resolved target; those that stay inside ``project`` are followed."""
    if os.path.islink(root):
        yield root, os.path.realpath(root)
        if not _inside(os.path.realpath(root), project):
            return
    seen: set[str] = set()
    folders = [root]
    while folders:
        folder = folders.pop()
        real = os.path.realpath(folder)
        if real in seen:
            continue
        seen.add(real)
        try:
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError:  # not a folder, or unreadable: the reader that needs it says so
            continue
        for entry in entries:
            if entry.is_symlink():
                target = os.path.realpath(entry.path)
                yield entry.path, target
                if not _inside(target, project):
                    continue
            if entry.is_dir():  # through a symlink that stays inside too: Pelican follows it
                folders.append(entry.path)


def shown_path(path: str, project: Path) -> str:
    """``path`` as staff read it: relative to the repository when inside it, else absolute."""
    absolute = Path(os.path.abspath(path))
    try:
        return PurePosixPath(*absolute.relative_to(project).parts).as_posix()
    except ValueError:
        return absolute.as_posix()


def outside_links(roots: Iterable[Path], project: Path = PROJECT) -> list[Issue]:
    """One ``R17`` issue for every symlink under ``roots`` whose target resolves outside ``project``."""
    real_project = os.path.realpath(project)
    found: dict[str, Issue] = {}
    for root in roots:
        for link, target in _links(os.path.abspath(root), real_project):
            if _inside(target, real_project) or link in found:
                continue
            message = f"symlink ini menunjuk ke `{shown_path(target, project)}`, di luar repositori"
            found[link] = Issue(shown_path(link, project), 1, 1, "R17", "(berkas)", message, messages.fix("R17"))
    return sorted(found.values())


def read_roots(settings: dict) -> list[Path]:
    """The folders a build reads: Pelican's content and theme (with template overrides) and the catalogue."""
    roots = [settings.get("PATH"), settings.get("THEME"), *settings.get("THEME_TEMPLATES_OVERRIDES", []),
             settings.get("ETALASE_CATALOGUE")]
    return [Path(str(root)) for root in roots if root]
