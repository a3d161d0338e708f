"""The URL manifest of a build, and the check that no published URL dies.

Every build writes ``manifest.json`` at the output root (:func:`manifest_bytes`,
from the files it made and the redirects it planned): its pages, redirect
pages, other files and where each record came from. Before publishing, the
manifest of the new build is compared with the manifest of the site that is
live: a page (or a record's file) that would disappear fails the check unless
a redirect replaces it or its record is marked ``ditarik: ya``. A URL that
changes is a QR code on a booth table that stops working.

Reading the staff files (for product lines) and the live manifest are the only
I/O here; the comparison itself is pure.
"""

from __future__ import annotations

import hashlib
import json
import logging
import re
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ..data.catalogue import Catalogue, build_catalogue
from ..data.loader import LoadResult, load_files
from ..data.models import Batch, Participant, School
from ..data.recordcache import code_version
from ..errors import BuildError, DataError
from ..site import editions, urls
from ..staff.report import _escape_data, _escape_property  # the one place GitHub escaping is defined

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
FORMAT = 1

#: Never listed: pages for staff that nothing public links to.
HIDDEN_PREFIXES = (f"/{urls.STAFF}",)
#: Not listed by the build either: Pagefind's own files, named afresh by every run that indexes (Pagefind #638).
UNLISTED_PREFIXES = (*HIDDEN_PREFIXES, "/pagefind/", "/en/pagefind/")
#: Listed but never checked: content-addressed or rebuilt-every-time files.
VOLATILE_PREFIXES = ("/gambar/", "/kartu/", "/pagefind/", "/en/pagefind/", "/theme/", "/static/", "/qr/")
#: Files outside record folders that people download or subscribe to, so must stay.
KEPT_FILE_SUFFIXES = (".ics", ".xml", ".atom", ".rss", ".json", ".csv", ".txt", ".pdf")
#: URL folders that belong to one record: ``/<kind>/<id>/…``.
RECORD_KINDS = (urls.PRODUCT, urls.EXHIBITOR, urls.SCHOOL, urls.BATCH)



@dataclass(frozen=True)
class Source:
    """Where a record is written: a staff file and the line of its ID."""

    file: str
    line: int


@dataclass
class Manifest:
    """Every URL of one build: pages, redirects (old URL -> target), files, record sources."""

    pages: list[str] = field(default_factory=list)
    redirects: dict[str, str] = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    records: dict[str, Source] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._served = {*self.pages, *self.files, *self.redirects}

    def serves(self, url: str) -> bool:
        """Whether ``url`` answers in this build, as a page, a redirect or a file."""
        return url in self._served


@dataclass(frozen=True)
class RecordIndex:
    """What the current data says about records: where each is, and which are withdrawn."""

    sources: dict[tuple[str, str], Source]
    withdrawn: frozenset[tuple[str, str]]


@dataclass(frozen=True)
class LostUrl:
    """A URL of the live site that the new build no longer serves."""

    url: str
    code: str
    message: str
    fix: str
    file: str = ""
    line: int = 0
    allowed: bool = False


# -- building -------------------------------------------------------------------


def url_of(rel: str) -> str:
    """The URL of an output file: ``produk/x/index.html`` -> ``/produk/x/`` (tens of thousands: no pathlib)."""
    if rel == "index.html":
        return "/"
    if rel.endswith("/index.html"):
        return f"/{rel[: -len('index.html')]}"
    return f"/{rel}"


def is_page(url: str) -> bool:
    """Pages are folders (``/x/``) and ``.html`` files."""
    return url.endswith("/") or url.endswith(".html")


def record_index(root: Path) -> RecordIndex:
    """Index the records in ``root`` by ``(kind, id)``; raise DataError when the data is invalid."""
    result = load_files(Path(root))
    if result.issues:
        raise DataError(result.issues)
    withdrawn = frozenset(build_catalogue(result).withdrawn)
    return RecordIndex(sources=_sources(result), withdrawn=withdrawn)


def _sources(result: LoadResult) -> dict[tuple[str, str], Source]:
    """Map each batch, seller and product to its file and the line where it starts."""
    found: dict[tuple[str, str], Source] = {}
    for loaded in result.files.values():
        record = loaded.record
        if isinstance(record, Batch):
            found[(urls.BATCH, record.id)] = Source(loaded.shown, 1)
        elif isinstance(record, Participant):
            kind = urls.SCHOOL if isinstance(record, School) else urls.EXHIBITOR
            found[(kind, record.id)] = Source(loaded.shown, 1)
            for index, product in enumerate(record.products):
                mark = loaded.document.mark_of(("produk", index, "id"))
                found[(urls.PRODUCT, product.id)] = Source(loaded.shown, mark.line)
    return found


#: ``- id: <product>`` at the start of a line of a seller's file (a product's first line).
_PRODUCT_ID = re.compile(rb"""^[ \t]*-[ \t]+id:[ \t]*["']?([a-z0-9-]+)""", re.MULTILINE)


def catalogue_index(catalogue: Catalogue) -> RecordIndex:
    """The record index of a loaded catalogue: products' lines found by a scan of their file, not a parse."""
    found: dict[tuple[str, str], Source] = {(urls.BATCH, b.id): Source(b.source, 1) for b in catalogue.batches}
    for participant in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
        kind = urls.SCHOOL if isinstance(participant, School) else urls.EXHIBITOR
        found[(kind, participant.id)] = Source(participant.source, 1)
        raw = catalogue.files[participant.source].read_bytes()
        lines = {m.group(1).decode(): raw.count(b"\n", 0, m.start()) + 1 for m in _PRODUCT_ID.finditer(raw)}
        for product in participant.products:
            found[(urls.PRODUCT, product.id)] = Source(participant.source, lines.get(product.id, 1))
    return RecordIndex(sources=found, withdrawn=frozenset(catalogue.withdrawn))


def manifest_key(files: Iterable[str], redirects: Mapping[str, str], index: RecordIndex) -> str:
    """What :func:`manifest_bytes` makes the manifest of (the build's files, its redirects, the record index) and
    the code, hashed. Equal keys, equal manifests: an edit that changes no file name and moves no record's line
    keeps it (encoding 100,000 file names and 20,000 records took 1 s at 10,000 products)."""
    digest = hashlib.sha256(code_version().encode())
    digest.update("\0".join(files).encode("utf-8", "surrogatepass"))
    shown = (sorted(redirects.items()), sorted(index.sources.items()), sorted(index.withdrawn))
    digest.update(repr(shown).encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def manifest_bytes(files: Iterable[str], redirects: Mapping[str, str], index: RecordIndex) -> bytes:
    """``manifest.json`` of a build from the files it made (output paths) and its redirects (URL -> target)."""
    urls_ = [url_of(rel) for rel in files
             if rel != MANIFEST_NAME and not any(part.startswith(".") for part in rel.split("/"))]
    paths = [url for url in urls_ if not url.startswith(UNLISTED_PREFIXES) and url not in redirects]
    return dumps(build_manifest(paths, redirects, index)).encode("utf-8")


def build_manifest(paths: Iterable[str], redirects: Mapping[str, str], index: RecordIndex | None) -> Manifest:
    """Assemble a manifest from the URLs a build wrote (the generator may pass them directly)."""
    pages = sorted(u for u in paths if is_page(u))
    files = sorted(u for u in paths if not is_page(u))
    records: dict[str, Source] = {}
    if index is not None:
        for (kind, record_id), source in index.sources.items():
            if (kind, record_id) not in index.withdrawn:
                records[f"{kind}/{record_id}"] = source
    return Manifest(pages=pages, redirects=dict(sorted(redirects.items())), files=files, records=records)


def dumps(manifest: Manifest) -> str:
    """Serialise a manifest as sorted, deterministic JSON."""
    data = {
        "format": FORMAT,
        "pages": manifest.pages,
        "redirects": manifest.redirects,
        "files": manifest.files,
        "records": {key: {"file": s.file, "line": s.line} for key, s in manifest.records.items()},
    }
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def loads(text: str) -> Manifest:
    """Read a manifest written by :func:`dumps`; raise BuildError when it is not one."""
    try:
        data = json.loads(text)
        records = {k: Source(v["file"], int(v["line"])) for k, v in data.get("records", {}).items()}
        return Manifest(pages=list(data["pages"]), redirects=dict(data.get("redirects", {})),
                        files=list(data.get("files", [])), records=records)
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise BuildError(f"not a URL manifest ({MANIFEST_NAME}): {exc}") from None


# -- the live site ----------------------------------------------------------------


def read_live_manifest(source: str, timeout: float = 30) -> Manifest | None:
    """Read the live manifest from a URL, a file or a folder; None when it does not exist."""
    if source.startswith(("https://", "http://")):
        url = source if source.endswith(".json") else source.rstrip("/") + "/" + MANIFEST_NAME
        request = urllib.request.Request(url, headers={"User-Agent": "etalase-check-links-kept"})  # noqa: S310 - http(s) only, checked above
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - same
                return loads(response.read().decode("utf-8"))
        except urllib.error.HTTPError as exc:
            if exc.code in (404, 410):
                return None
            raise BuildError(f"cannot fetch {url}: HTTP {exc.code}") from None
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            raise BuildError(f"cannot fetch {url}: {exc}") from None
    path = Path(source)
    if path.is_dir():
        path = path / MANIFEST_NAME
    if not path.is_file():
        return None
    return loads(path.read_text(encoding="utf-8"))


# -- comparing ------------------------------------------------------------------


def owner_of(url: str) -> tuple[str, str] | None:
    """Return the ``(kind, id)`` record a URL belongs to, e.g. ``/produk/x/`` (or the English ``/en/produk/x/``)
    -> ``("produk", "x")``."""
    parts = editions.base_url(url.strip("/") + "/").split("/")
    if len(parts) >= 2 and parts[0] in RECORD_KINDS and parts[1] != urls.PAGE_SEGMENT:
        return parts[0], parts[1]
    return None


def is_kept(url: str) -> bool:
    """Whether a URL is a promise: pages and record files yes; pagination and hashed files no."""
    if url.startswith(VOLATILE_PREFIXES) or f"/{urls.PAGE_SEGMENT}/" in url:
        return False
    return is_page(url) or owner_of(url) is not None or url.endswith(KEPT_FILE_SUFFIXES)


def compare(live: Manifest, built: Manifest, index: RecordIndex) -> list[LostUrl]:
    """List every kept live URL the new build drops; ``allowed`` ones belong to withdrawn records."""
    lost: list[LostUrl] = []
    live_urls = sorted({*live.pages, *live.files, *live.redirects})
    for url in live_urls:
        if not is_kept(url) or built.serves(url):
            continue
        lost.append(_explain(url, live, built, index))
    for old, target in sorted(built.redirects.items()):
        if not built.serves(target) or target in built.redirects:
            lost.append(LostUrl(old, "U03", f"pengalihan {old} menuju {target}, yang tidak ada di hasil build",
                                "Periksa `id_lama`: ID lama harus dicantumkan pada catatan yang masih terbit."))
    return lost


def _explain(url: str, live: Manifest, built: Manifest, index: RecordIndex) -> LostUrl:
    owner = owner_of(url)
    if owner is None:
        return LostUrl(url, "U02", f"halaman {url} ada di situs yang terbit tetapi hilang dari hasil build",
                       "Halaman ini bukan milik satu catatan: kembalikan isinya (mis. kategori di "
                       "kosakata/kategori.yaml) atau minta pengembang menambahkan pengalihan.")
    kind, record_id = owner
    what = _KIND_NAMES[kind]
    page = "/" + editions.url_in(urls.record(kind, record_id), editions.lang_of(url.lstrip("/")))
    if url != page and page in built.redirects:
        return LostUrl(url, "U00", f"{what} `{record_id}` diganti ID-nya: {page} dialihkan, {url} tidak bisa",
                       "", allowed=True)
    if owner in index.withdrawn:
        source = index.sources.get(owner)
        return LostUrl(url, "U00", f"{what} `{record_id}` ditarik (`ditarik: ya`): {url} dihapus dari situs",
                       "", source.file if source else "", source.line if source else 0, allowed=True)
    if owner in index.sources:
        source = index.sources[owner]
        return LostUrl(url, "U01", f"{what} `{record_id}` masih ada di data, tetapi {url} tidak dibuat",
                       "Ini kesalahan build, bukan data: laporkan ke pengembang.", source.file, source.line)
    old = live.records.get(f"{kind}/{record_id}")
    message = f"{url} akan hilang: {what} `{record_id}` tidak ada lagi di data"
    if old is not None:
        message += f" (sebelumnya di {old.file} baris {old.line})"
    return LostUrl(url, "U01", message, _fix(kind, record_id, old, live, index),
                   old.file if old else "", old.line if old else 0)


_KIND_NAMES = {urls.PRODUCT: "produk", urls.EXHIBITOR: "eksibitor", urls.SCHOOL: "sekolah", urls.BATCH: "batch"}


def _fix(kind: str, record_id: str, old: Source | None, live: Manifest, index: RecordIndex) -> str:
    """Tell staff the two ways out, naming the likely renamed record when there is one."""
    withdraw = ("tandai `ditarik: ya` pada catatannya (jangan hapus catatan atau berkasnya)"
                if kind != urls.BATCH else "kembalikan berkas batch ini (batch tidak bisa ditarik)")
    renamed = [
        (key, source) for key, source in sorted(index.sources.items())
        if key[0] == kind and old is not None and source.file == old.file
        and f"{key[0]}/{key[1]}" not in live.records and key not in index.withdrawn
    ]
    if renamed:
        (_, new_id), source = renamed[0]
        rename = (f"bila `{record_id}` diganti ID-nya menjadi `{new_id}` ({source.file} baris {source.line}), "
                  f"tambahkan `id_lama: [{record_id}]` pada {_KIND_NAMES[kind]} itu")
    else:
        rename = f"bila ID-nya diganti, tambahkan `id_lama: [{record_id}]` pada catatan dengan ID baru"
    return f"Pilih salah satu: {rename}; atau bila memang ditarik dari katalog, {withdraw}."


def format_lost_text(lost: list[LostUrl]) -> str:
    """One line per URL for people: problems first, then what withdrawn records removed."""
    problems = [item for item in lost if not item.allowed]
    lines = []
    for item in problems:
        where = f"{item.file}:{item.line}: " if item.file else ""
        lines.append(f"{where}[{item.code}] {item.message}")
        if item.fix:
            lines.append(f"      Cara memperbaiki: {item.fix}")
    for item in lost:
        if item.allowed:
            lines.append(f"[{item.code}] {item.message}")
    if problems:
        lines.append(f"Ditemukan {len(problems)} tautan yang akan mati. Situs tidak diterbitkan.")
    else:
        lines.append("Semua tautan situs yang terbit tetap hidup.")
    return "\n".join(lines)


def format_lost_github(lost: list[LostUrl]) -> str:
    """GitHub Actions annotations: an error on the record's line for each URL that would die."""
    lines = []
    for item in lost:
        level = "notice" if item.allowed else "error"
        props = [f"file={_escape_property(item.file)}", f"line={item.line}"] if item.file else []
        title = item.code if item.allowed else f"{item.code} Tautan akan mati"
        props.append(f"title={_escape_property(title)}")
        body = item.message + (f"\nCara memperbaiki: {item.fix}" if item.fix else "")
        lines.append(f"::{level} {','.join(props)}::{_escape_data(body)}")
    return "\n".join(lines)


@dataclass
class KeptCheck:
    """The outcome of comparing a build with the live site."""

    lost: list[LostUrl]
    note: str = ""
    passed: bool = True
    compared: bool = True


def check_links_kept(output_dir: Path, catalogue_root: Path, live_source: str | None,
                     first_deploy: bool = False) -> KeptCheck:
    """Compare the manifest the build wrote with the live one; fail when a URL would die."""
    built = read_live_manifest(str(output_dir)) if Path(output_dir).is_dir() else None
    if built is None:
        raise BuildError(f"{Path(output_dir) / MANIFEST_NAME} does not exist: build the site first "
                         "(invoke build or invoke publish)")
    index = record_index(catalogue_root)
    problem = ""
    live = None
    if not live_source:
        problem = ("tidak ada manifest situs yang terbit untuk dibandingkan: beri --live dengan alamat situs, "
                   "berkas manifest.json atau folder hasil penerbitan terakhir")
    else:
        try:
            live = read_live_manifest(live_source)
        except BuildError as exc:
            problem = f"manifest situs yang terbit tidak bisa dibaca ({exc})"
        else:
            if live is None:
                problem = f"{live_source} tidak punya {MANIFEST_NAME}"
    if live is None:
        if first_deploy:
            note = f"{problem}; --first-deploy: dianggap penerbitan pertama, tidak ada yang dibandingkan"
            return KeptCheck([], note, compared=False)
        note = f"{problem}. Bila ini penerbitan pertama, jalankan ulang dengan --first-deploy."
        return KeptCheck([], note, passed=False, compared=False)
    lost = compare(live, built, index)
    note = "--first-deploy diabaikan: situs yang terbit punya manifest, jadi dibandingkan" if first_deploy else ""
    return KeptCheck(lost, note, passed=not any(not item.allowed for item in lost))
