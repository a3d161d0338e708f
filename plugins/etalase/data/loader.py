"""Read ``catalogue_data/`` into validated records, collecting every problem.

One file per record: the file's stem is the record's ID. Each file is read
with the strict loader, validated against its model, and every problem becomes
an :class:`~etalase.errors.Issue` located at the line of the offending key.
Cross-record checks live in :mod:`etalase.data.checks`.
"""

from __future__ import annotations

import difflib
import hashlib
import logging
import os
from dataclasses import dataclass, field, replace
from decimal import Decimal
from pathlib import Path
from typing import Annotated, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import PydanticCustomError

from ..errors import Issue, display_path
from . import characters, messages
from .fieldtypes import EXACT, check_slug, suggest_slug
from .models import Batch, Categories, Exhibitor, Programme, RecordModel, Regions, School
from .yamlload import Document, Invisible, LoadProblem, Mark, YamlLoadError, load_yaml

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
# Codes whose model-level check is shown at a key inside the mapping pydantic points at.
LOC_SUFFIX: dict[str, tuple[str, ...]] = {"P03": ("persetujuan_wali",)}
WARNING = "warning"
OS_REASONS = {PermissionError: "tidak ada izin membaca", IsADirectoryError: "ini folder, bukan berkas"}


@dataclass
class LoadedFile:
    """One staff file: its path for messages, parsed document and validated record.

    A file found in the record cache (:mod:`etalase.data.recordcache`) comes back
    without its document; :attr:`document` parses ``raw`` again only when a
    check asks where something is.
    """

    path: Path
    shown: str
    _document: Document | None = field(default=None, repr=False)
    record: RecordModel | None = None
    #: The file's bytes, kept when the document was not parsed (a cache hit).
    raw: bytes | None = field(default=None, repr=False)
    #: This file's own load and validation issues, and its privacy findings once checked.
    issues: list[Issue] = field(default_factory=list)
    privacy: list[Issue] | None = None
    cached: bool = False
    #: SHA-256 of the file's bytes (pages' fingerprints and the record cache start from it).
    digest: str = ""

    @property
    def document(self) -> Document | None:
        """The parsed file (parsed on demand for a cache hit)."""
        if self._document is None and self.raw is not None:
            self._document = load_yaml(self.raw)
        return self._document

    @document.setter
    def document(self, value: Document | None) -> None:
        self._document = value


@dataclass
class LoadResult:
    """Every record that loaded, plus every problem found on the way."""

    root: Path
    files: dict[str, LoadedFile] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    #: What staff should know but need not fix (severity ``warning``): invisible characters taken out, animations.
    warnings: list[Issue] = field(default_factory=list)

    def records(self, model: type[RecordModel]) -> list[RecordModel]:
        """Return the loaded records of one model, sorted by ID."""
        found = [f.record for f in self.files.values() if isinstance(f.record, model)]
        return sorted(found, key=lambda r: r.id)

    def single(self, model: type[RecordModel]) -> RecordModel | None:
        """Return the one record of a single-file model, if it loaded."""
        found = self.records(model)
        return found[0] if found else None

    def add(self, loaded: LoadedFile, code: str, path: tuple, message: str, mark: Mark | None = None) -> None:
        """Record a problem at ``path`` inside a loaded file (at ``mark`` when given)."""
        if mark is None and loaded.document is not None:
            mark = loaded.document.mark_of(path)
        line, column = (mark.line, mark.column) if mark else (1, 1)
        self.issues.append(make_issue(loaded.shown, line, column, code, path, message))


    def warn(self, loaded: LoadedFile, code: str, path: tuple, message: str) -> None:
        """Record a warning at ``path`` inside a loaded file."""
        mark = loaded.document.mark_of(path) if loaded.document is not None else Mark(1, 1)
        self.warnings.append(_warning(make_issue(loaded.shown, mark.line, mark.column, code, path, message)))

    def split_warnings(self) -> None:
        """Move warnings that came with a file's issues (its invisible characters) to :attr:`warnings`."""
        if any(issue.severity == WARNING for issue in self.issues):
            self.warnings += [issue for issue in self.issues if issue.severity == WARNING]
            self.issues = [issue for issue in self.issues if issue.severity != WARNING]


def _warning(issue: Issue) -> Issue:
    return replace(issue, severity=WARNING)


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


def _inner_model(annotation) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def keys_at(model: type[BaseModel], loc: tuple) -> list[str]:
    """Return the YAML keys allowed in the mapping at ``loc`` inside a record of ``model``."""
    current: type[BaseModel] | None = model
    for part in loc:
        if isinstance(part, int):
            continue
        fields = {f.alias: f for f in current.model_fields.values()}
        current = _inner_model(fields[part].annotation) if part in fields else None
        if current is None:
            return []
    return [f.alias for f in current.model_fields.values() if f.alias]


def _shown_input(value: object) -> str:
    if isinstance(value, Decimal):
        return format(value.normalize(), "f").replace(".", ",")
    if isinstance(value, str):
        return messages.shown(value)
    if isinstance(value, (dict, list)):
        return messages.shape_of(value)
    return str(value)


def _ctx(error: dict, model: type[BaseModel]) -> dict:
    loc = tuple(error["loc"])
    ctx = {key: _shown_input(value) for key, value in (error.get("ctx") or {}).items()}
    ctx["field"] = str(loc[-1]) if loc else ""
    ctx["input"] = _shown_input(error.get("input"))
    ctx["shape"] = messages.shape_of(error.get("input"))
    if error["type"] in ("literal_error", "enum"):
        ctx["expected"] = messages.choices(str(error["ctx"]["expected"]))
    if error["type"] == "extra_forbidden":
        close = difflib.get_close_matches(ctx["field"].lower(), keys_at(model, loc[:-1]), n=1, cutoff=0.7)
        ctx["hint"] = f"; mungkin maksudnya `{close[0]}`?" if close else ""
    return ctx


def pydantic_message(error: dict, model: type[BaseModel]) -> tuple[str, str]:
    """Return ``(code, message)`` in Bahasa Indonesia for one pydantic error."""
    kind = error["type"]
    if error.get("input", "") is None and kind != "missing":
        code, template = messages.EMPTY_VALUE
    elif kind in messages.CODES:
        return kind, error["msg"]
    else:
        code, template = messages.PYDANTIC_TYPES.get(kind, messages.UNKNOWN_TYPE)
    return code, template.format(**_ctx(error, model))


def _carries_exact(annotation) -> bool:
    """Whether a field's type, or the item type of its list, is marked :data:`~etalase.data.fieldtypes.EXACT`."""
    if get_origin(annotation) is Annotated and any(meta is EXACT for meta in annotation.__metadata__):
        return True
    return any(_carries_exact(arg) for arg in get_args(annotation) if _inner_model(arg) is None)


def is_exact(model: type[BaseModel], loc: tuple) -> bool:
    """Whether the value at ``loc`` inside a record of ``model`` is an address (ID, link, e-mail, file path)."""
    current: type[BaseModel] | None = model
    found = None
    for part in loc:
        if isinstance(part, int):
            continue
        if current is None:
            return False
        fields = {f.alias: f for f in current.model_fields.values()}
        if part not in fields:
            return False
        found = fields[part]
        current = _inner_model(found.annotation)
    if found is None or current is not None:
        return False
    return any(meta is EXACT for meta in found.metadata) or _carries_exact(found.annotation)


def _invisible_issue(loaded: LoadedFile, found: Invisible, model: type[BaseModel]) -> Issue:
    """A warning for invisible characters taken out of a text (``Y13``), an error in an address (``Y14``)."""
    line, column = found.mark
    if not found.key and is_exact(model, found.path):
        message = messages.LOAD_MESSAGES["Y14"].format(value=messages.shown(loaded.document.value_at(found.path)),
                                                       chars=messages.hidden_chars(found.chars))
        return make_issue(loaded.shown, line, column, "Y14", found.path, message)
    removed = [char for char in found.chars if char not in characters.SEPARATORS]
    spaced = [char for char in found.chars if char in characters.SEPARATORS]
    what = [f"{messages.hidden_chars(removed)} dihapus"] if removed else []
    what += [f"{messages.hidden_chars(spaced)} diganti spasi"] if spaced else []
    message = messages.LOAD_MESSAGES["Y13"].format(what="; ".join(what))
    return _warning(make_issue(loaded.shown, line, column, "Y13", found.path, message))


def _pydantic_issue(loaded: LoadedFile, error: dict, model: type[BaseModel]) -> Issue:
    code, message = pydantic_message(error, model)
    loc = tuple(error["loc"]) + LOC_SUFFIX.get(code, ())
    # A missing key is shown at the mapping that lacks it; anything else at its own key.
    mark = loaded.document.mark_of(loc[:-1] if error["type"] == "missing" else loc)
    return make_issue(loaded.shown, mark.line, mark.column, code, loc, message)


def _read(result: LoadResult, path: Path, model: type[RecordModel], shown: str, cache=None) -> None:
    loaded = LoadedFile(path, shown)
    result.files[shown] = loaded
    if path.is_symlink():
        result.issues.append(make_issue(shown, 1, 1, "R15", (), "berkas ini adalah symlink"))
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        reason = OS_REASONS.get(type(exc), "galat sistem berkas")
        result.issues.append(make_issue(shown, 1, 1, "Y12", (), messages.load_message("Y12", {"reason": reason})))
        return
    loaded.digest = hashlib.sha256(raw).hexdigest()
    if cache is not None and cache.restore(loaded, raw, model):
        result.issues.extend(loaded.issues)
        return
    start = len(result.issues)
    _parse(result, loaded, raw, model)
    loaded.issues = result.issues[start:]


def add_file(result: LoadResult, path: Path, shown: str, raw: bytes, model: type[RecordModel]) -> LoadedFile:
    """Load ``raw`` as the bytes of ``path`` (written or not), adding the file and its issues to ``result``."""
    loaded = LoadedFile(path, shown, digest=hashlib.sha256(raw).hexdigest())
    result.files[shown] = loaded
    start = len(result.issues)
    _parse(result, loaded, raw, model)
    loaded.issues = result.issues[start:]
    return loaded


def _parse(result: LoadResult, loaded: LoadedFile, raw: bytes, model: type[RecordModel]) -> None:
    """Parse and validate one file's bytes, adding its issues to ``result``."""
    path, shown = loaded.path, loaded.shown
    try:
        loaded.document = load_yaml(raw)
    except YamlLoadError as exc:
        result.issues.extend(_load_issue(shown, problem) for problem in exc.problems)
        return
    document = loaded.document
    result.issues.extend(_load_issue(shown, problem) for problem in document.problems)
    result.issues.extend(_invisible_issue(loaded, found, model) for found in document.invisible
                         if not document.explained(found.path))
    if not isinstance(document.data, dict):
        if document.data is None and not document.explained(()):
            result.add(loaded, "F19", (), "berkas kosong; isi dengan kelompok isian `kunci: nilai`")
        elif not document.explained(()):
            shape = messages.shape_of(document.data)
            result.add(loaded, "F19", (), f"isi berkas berupa {shape}, bukan kelompok isian `kunci: nilai`")
        return
    try:
        record = model.model_validate(document.data)
    except ValidationError as exc:
        errors = [err for err in exc.errors() if not document.explained(tuple(err["loc"]))]
        result.issues.extend(_pydantic_issue(loaded, err, model) for err in errors)
        return
    if not document.problems:
        loaded.record = record.bind(path.stem, shown)


def _load_issue(shown: str, problem: LoadProblem) -> Issue:
    message = messages.load_message(problem.code, problem.params)
    return make_issue(shown, problem.mark.line, problem.mark.column, problem.code, problem.path, message)


def _is_yaml(path: Path) -> bool:
    return path.suffix.lower() in (".yaml", ".yml")


def _name_problem(path: Path) -> tuple[str, str] | None:
    """Return ``(code, message)`` when a record file's name cannot be its ID."""
    if path.suffix != ".yaml":
        what = "memakai ekstensi " + path.suffix if _is_yaml(path) else "bukan berkas .yaml"
        return "R16", f"`{path.name}` {what}"
    try:
        check_slug(path.stem)
    except PydanticCustomError as exc:
        if exc.type == "R06":
            return "R06", f"nama berkas `{path.name}` sudah dipakai oleh situs sendiri"
        hint = suggest_slug(path.stem)
        example = f" (mis. `{hint}.yaml`)" if hint else ""
        return "R10", f"nama berkas `{path.name}` bukan ID yang sah{example}"
    return None


def _walk(root: Path):
    """Yield every visible file, and every symlinked folder, under ``root`` in a stable order.

    Each comes as ``(path, parts, is_folder)``, ``parts`` being its names below ``root``.
    """
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        here = Path(folder)
        below = here.relative_to(root).parts
        for name in dirs:
            if (here / name).is_symlink():
                yield here / name, (*below, name), True
        for name in sorted(files):
            if not name.startswith("."):
                yield here / name, (*below, name), False


def _record_files(root: Path, result: LoadResult) -> list[tuple[Path, type[RecordModel], str]]:
    """List every record file with its path as staff see it, reporting misplaced files and invalid names."""
    found: list[tuple[Path, type[RecordModel], str]] = []
    for rel, model in SINGLE_FILES.items():
        path = root / rel
        shown = display_path(path, root)
        if path.exists() or path.is_symlink():
            found.append((path, model, shown))
        else:
            result.issues.append(make_issue(shown, 1, 1, "F14", (), f"berkas wajib {rel} belum ada"))
    # display_path(path, root) for a path found below root, without pathlib's cost for each of 10,000 files.
    prefix = display_path(root, root)
    for path, parts, is_folder in _walk(root):
        rel = "/".join(parts)
        shown = f"{prefix}/{rel}" if prefix != "." else display_path(path, root)
        top = parts[0]
        if rel in SINGLE_FILES or top in MEDIA_FOLDERS and not _is_yaml(path):
            continue
        if is_folder:
            result.issues.append(make_issue(shown, 1, 1, "R15", (), "folder ini adalah symlink"))
        elif len(parts) == 2 and top in FOLDERS:
            problem = _name_problem(path)
            if problem:
                result.issues.append(make_issue(shown, 1, 1, problem[0], (), problem[1]))
            else:
                found.append((path, FOLDERS[top], shown))
        elif _is_yaml(path):
            result.issues.append(make_issue(shown, 1, 1, "R14", (), "berkas ini tidak dibaca dari folder ini"))
    return found


def load_files(root: Path, cache=None) -> LoadResult:
    """Load and validate every staff file under ``root``; checks across records come later.

    ``cache`` (a :class:`etalase.data.recordcache.RecordCache`) returns files whose bytes it has seen before.
    """
    result = LoadResult(root=root)
    if not root.is_dir():
        reason = "folder tidak ditemukan"
        result.issues.append(
            make_issue(display_path(root, root), 1, 1, "Y12", (), messages.load_message("Y12", {"reason": reason}))
        )
        return result
    for path, model, shown in _record_files(root, result):
        _read(result, path, model, shown, cache)
    result.split_warnings()
    log.debug("%s: loaded %d files, %d issues", root, len(result.files), len(result.issues))
    return result
