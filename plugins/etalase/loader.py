"""Read ``catalogue_data/`` into validated records, collecting every problem.

One file per record: the file's stem is the record's ID. Each file is read
with the strict loader, validated against its model, and every problem becomes
an :class:`~etalase.errors.Issue` located at the line of the offending key.
Cross-record checks live in :mod:`etalase.checks`.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from . import messages
from .errors import Issue, display_path
from .fieldtypes import SLUG_RE
from .models import Batch, Categories, Exhibitor, Programme, RecordModel, Regions, School
from .yamlload import Document, YamlLoadError, load_yaml

log = logging.getLogger(__name__)

# Where each kind of record lives inside catalogue_data/.
SINGLE_FILES: dict[str, type[RecordModel]] = {
    "program.yaml": Programme,
    "kosakata/kategori.yaml": Categories,
    "kosakata/wilayah.yaml": Regions,
}
FOLDERS: dict[str, type[RecordModel]] = {
    "batch": Batch,
    "eksibitor": Exhibitor,
    "sekolah": School,
}
MEDIA_FOLDERS = ("foto",)


@dataclass
class LoadedFile:
    """One staff file: its path for messages, parsed document and validated record."""

    path: Path
    shown: str
    document: Document | None = None
    record: RecordModel | None = None


@dataclass
class LoadResult:
    """Every record that loaded, plus every problem found on the way."""

    root: Path
    files: dict[str, LoadedFile] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def records(self, model: type[RecordModel]) -> list[RecordModel]:
        """Return the loaded records of one model, sorted by ID."""
        found = [f.record for f in self.files.values() if isinstance(f.record, model)]
        return sorted(found, key=lambda r: r.id)

    def single(self, model: type[RecordModel]) -> RecordModel | None:
        """Return the one record of a single-file model, if it loaded."""
        found = self.records(model)
        return found[0] if found else None

    def add(self, loaded: LoadedFile, code: str, path: tuple, message: str) -> None:
        """Record a problem at ``path`` inside a loaded file."""
        mark = loaded.document.mark_of(path) if loaded.document else None
        line, column = (mark.line, mark.column) if mark else (1, 1)
        self.issues.append(make_issue(loaded.shown, line, column, code, path, message))


def format_path(path: tuple) -> str:
    """Render a field path the way staff read it: ``produk[2].harga``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif str(part).startswith("<"):
            continue
        else:
            out += ("." if out else "") + str(part)
    return out or "(berkas)"


def make_issue(shown: str, line: int, column: int, code: str, path: tuple, message: str) -> Issue:
    """Build an :class:`Issue` with the fix text registered for ``code``."""
    return Issue(shown, line, column, code, format_path(path), message, messages.fix(code))


def _pydantic_issue(loaded: LoadedFile, error: dict) -> Issue:
    loc = tuple(error["loc"])
    kind = error["type"]
    if kind in messages.CODES:
        code, message = kind, error["msg"]
    elif kind in messages.PYDANTIC_TYPES:
        code, template = messages.PYDANTIC_TYPES[kind]
        ctx = dict(error.get("ctx") or {})
        ctx.setdefault("field", str(loc[-1]) if loc else "")
        ctx.setdefault("input", error.get("input"))
        message = template.format(**ctx)
    else:  # pragma: no cover - a pydantic type we have not translated yet
        code, message = "F02", f"isian tidak sah ({kind})"
    mark = loaded.document.mark_of(loc)
    if kind == "missing":  # point at the mapping that lacks the key
        mark = loaded.document.mark_of(loc[:-1])
    return make_issue(loaded.shown, mark.line, mark.column, code, loc, message)


def _read(result: LoadResult, path: Path, model: type[RecordModel]) -> None:
    shown = display_path(path, result.root)
    loaded = LoadedFile(path, shown)
    result.files[shown] = loaded
    if path.is_symlink():
        result.issues.append(make_issue(shown, 1, 1, "R15", (), "berkas ini adalah symlink"))
        return
    try:
        loaded.document = load_yaml(path.read_bytes())
    except YamlLoadError as exc:
        for problem in exc.problems:
            result.issues.append(
                make_issue(shown, problem.mark.line, problem.mark.column, problem.code,
                           problem.path, _load_message(problem))
            )
        return
    data = loaded.document.data
    if not isinstance(data, dict):
        result.add(loaded, "F19", (), "isi berkas bukan kelompok isian `kunci: nilai`")
        return
    try:
        record = model.model_validate(data)
    except ValidationError as exc:
        result.issues.extend(_pydantic_issue(loaded, err) for err in exc.errors())
        return
    loaded.record = record.bind(path.stem, shown)


def _load_message(problem) -> str:
    params = problem.params
    texts = {
        "Y01": "berkas berisi byte yang bukan UTF-8",
        "Y02": "ada tanda BOM (U+FEFF) di tengah berkas",
        "Y03": f"kunci `{params.get('key')}` sudah ada di baris {params.get('first_line')}",
        "Y04": f"anchor/alias `{params.get('anchor')}` tidak didukung",
        "Y05": f"tag `{params.get('tag')}` tidak didukung",
        "Y06": "kunci bukan teks",
        "Y07": "berkas berisi lebih dari satu dokumen YAML",
        "Y08": f"berkas berukuran {params.get('size')} byte",
        "Y09": "isian bertingkat lebih dari 12 tingkat",
        "Y10": f"YAML tidak bisa dibaca: {params.get('problem')}",
    }
    return texts[problem.code]


def _record_files(root: Path, result: LoadResult) -> list[tuple[Path, type[RecordModel]]]:
    """List every record file, reporting misplaced files and invalid names."""
    found: list[tuple[Path, type[RecordModel]]] = []
    for rel, model in SINGLE_FILES.items():
        path = root / rel
        if path.exists() or path.is_symlink():
            found.append((path, model))
        else:
            result.issues.append(make_issue(display_path(path, root), 1, 1, "F14", (),
                                            f"berkas wajib {rel} belum ada"))
    for folder, model in FOLDERS.items():
        for path in sorted((root / folder).glob("*")):
            shown = display_path(path, root)
            if path.suffix != ".yaml":
                if not path.name.startswith("."):
                    result.issues.append(make_issue(shown, 1, 1, "R16", (), f"`{path.name}` bukan berkas .yaml"))
                continue
            if not SLUG_RE.match(path.stem) or len(path.stem) > 80:
                result.issues.append(make_issue(shown, 1, 1, "R10", (), f"`{path.name}` bukan nama berkas yang sah"))
                continue
            found.append((path, model))
    known = {p for p, _ in found}
    for path in sorted(root.rglob("*.y*ml")):
        top = path.relative_to(root).parts[0]
        if path not in known and top not in FOLDERS and top not in MEDIA_FOLDERS:
            result.issues.append(make_issue(display_path(path, root), 1, 1, "R14", (),
                                            "berkas ini tidak dibaca dari folder ini"))
    return found


def load_files(root: Path) -> LoadResult:
    """Load and validate every staff file under ``root``; checks across records come later."""
    result = LoadResult(root=root)
    for path, model in _record_files(root, result):
        _read(result, path, model)
    log.debug("%s: loaded %d files, %d issues", root, len(result.files), len(result.issues))
    return result
