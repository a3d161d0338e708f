"""Checks across records: references, unique IDs, photos and privacy.

Runs after every file loaded on its own; adds problems to the same
:class:`~etalase.data.loader.LoadResult` so that a run reports everything at once.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from ..errors import Issue
from ..images.probe import ImageInfo, ImageProblem, probe_image
from . import privacy
from .loader import LoadedFile, LoadResult
from .models import Batch, Categories, Exhibitor, Participant, Regions, School

MAX_PIXELS = 40_000_000


def _photos(record: Participant):
    """Yield ``(path, photo)`` for the logo and every product photo of a record."""
    if record.logo:
        yield ("logo",), record.logo
    for index, product in enumerate(record.products):
        for number, photo in enumerate(product.photos):
            yield ("produk", index, "foto", number), photo


I02_REASONS = {
    "absolute": "ditulis sebagai jalur mutlak",
    "parent": "memakai `..` sehingga keluar dari catalogue_data/",
    "symlink": "berupa symlink",
    "outside": "berada di luar catalogue_data/",
}


def image_message(problem: ImageProblem, file: str) -> str:
    """What is wrong with the photo ``file``, in Bahasa Indonesia, for an :class:`ImageProblem`."""
    params = problem.params
    size = f"berukuran {params.get('width')}×{params.get('height')} piksel" if params.get("width") else "terlalu besar"
    fmt = params.get("format") if params.get("format") not in (None, "unknown") else "tak dikenal"
    texts = {
        "I01": f"berkas `{file}` tidak ada"
        + (f"; mungkin maksudnya `{params['suggestion']}`?" if params.get("suggestion") else ""),
        "I02": f"`{file}` {I02_REASONS.get(params.get('reason'), 'berada di luar catalogue_data/')}",
        "I03": f"`{file}` berformat {fmt}, bukan JPEG, PNG, WebP atau GIF",
        "I04": f"`{file}` rusak atau terpotong",
        "I05": f"`{file}` {size}, lebih dari 40 megapiksel",
    }
    return texts.get(problem.code, f"`{file}` tidak bisa dipakai")


def inspect(root: Path, file: str) -> ImageInfo | ImageProblem:
    """What the photo ``file`` under ``root`` is (size, format, animated), or its problem (not found, outside,
    not a photo, broken, too big)."""
    try:
        return probe_image(root, file, MAX_PIXELS)
    except ImageProblem as problem:
        return problem
    except (OSError, ValueError, SyntaxError) as exc:  # a decoder's own complaint about a hostile file
        return ImageProblem("I04", {"path": file, "detail": str(exc)[:200]})


def probe(root: Path, file: str) -> ImageProblem | None:
    """The problem of the photo ``file`` under ``root``, or None when it can be published."""
    found = inspect(root, file)
    return found if isinstance(found, ImageProblem) else None


def check_photos(result: LoadResult, probe_cache: dict | None = None) -> None:
    """Every photo must exist inside catalogue_data/, decode fully and stay under the pixel limit.

    ``probe_cache`` maps a photo's path to what :func:`inspect` found (None: usable), for photos already
    probed. An animated photo is published as its first frame, with a warning (``I06``).
    """
    seen: dict[str, ImageInfo | ImageProblem] = {} if probe_cache is None else probe_cache
    for loaded in result.files.values():
        if not isinstance(loaded.record, Participant):
            continue
        for path, photo in _photos(loaded.record):
            if photo.file not in seen:
                seen[photo.file] = inspect(result.root, photo.file)
            found = seen[photo.file]
            if isinstance(found, ImageProblem):
                result.add(loaded, found.code, (*path, "berkas"), image_message(found, photo.file))
            elif found is not None and found.animated:  # None: checked already, usable
                shown = f"`{photo.file}` adalah gambar bergerak ({found.format})"
                result.warn(loaded, "I06", (*path, "berkas"), f"{shown}; situs menampilkan gambar pertamanya saja")


def check_privacy(result: LoadResult) -> None:
    """Refuse a NIK in any field and phone numbers outside the contact fields (kept per file by the record cache)."""
    for loaded in result.files.values():
        if loaded.privacy is None:
            loaded.privacy = privacy_issues(loaded)
        result.issues.extend(loaded.privacy)


def privacy_issues(loaded: LoadedFile) -> list[Issue]:
    """The privacy findings of one file: they depend on its bytes alone."""
    document = loaded.document
    if document is None:
        return []
    found = LoadResult(root=Path())
    for path, code, excerpt, offset in privacy.scan_data(document.data):
        # A NIK is refused in every field (the field path says which); a phone number only in free text.
        what = f"nomor mirip NIK {privacy.mask(excerpt)}" if code == "P01" else \
            f"nomor telepon {privacy.mask(excerpt)} di teks bebas"
        found.add(loaded, code, path, what, document.mark_in(path, offset))
    return found.issues


def _vocab(result: LoadResult):
    categories = result.single(Categories)
    regions = result.single(Regions)
    category_ids = {c.id for c in categories.categories} if categories else None
    districts = {c.id: {d.id for d in c.districts} for c in regions.cities} if regions else None
    return category_ids, districts


def check_places(result: LoadResult) -> None:
    """Cities and districts come from kosakata/wilayah.yaml, and must match each other."""
    _, districts = _vocab(result)
    if districts is None:
        return
    for loaded in result.files.values():
        record = loaded.record
        if isinstance(record, Batch) and record.venue.city not in districts:
            result.add(loaded, "R08", ("tempat", "kota"), f"kota `{record.venue.city}` tidak dikenal")
        if not isinstance(record, Participant):
            continue
        if record.city not in districts:
            result.add(loaded, "R08", ("kota",), f"kota `{record.city}` tidak dikenal")
        elif record.district not in districts[record.city]:
            result.add(loaded, "R09", ("kecamatan",),
                       f"kecamatan `{record.district}` tidak ada di kota `{record.city}`")


def check_products(result: LoadResult) -> None:
    """Categories exist, product IDs are unique, student makers only on school products."""
    category_ids, _ = _vocab(result)
    owners: dict[str, tuple] = {}
    for loaded in result.files.values():
        record = loaded.record
        if not isinstance(record, Participant):
            continue
        for index, product in enumerate(record.products):
            where = ("produk", index)
            if category_ids is not None and product.category not in category_ids:
                result.add(loaded, "R03", (*where, "kategori"), f"kategori `{product.category}` tidak dikenal")
            if product.makers and not isinstance(record, School):
                result.add(loaded, "P04", (*where, "pembuat"), "produk eksibitor tidak boleh mencantumkan siswa")
            key = product.id.casefold()
            if key in owners:
                result.add(loaded, "R07", (*where, "id"), f"ID produk `{product.id}` sudah dipakai di {owners[key][0]}")
            else:
                owners[key] = (_Where(loaded, (*where, "id")), product)
    _check_old_ids(result, owners, _product_old_ids(result))


class _Where:
    """``file baris N`` of a value, worked out only when a message needs it (a cached file is not parsed)."""

    def __init__(self, loaded: LoadedFile, path: tuple):
        self.loaded, self.path = loaded, path

    def __str__(self) -> str:
        return f"{self.loaded.shown} baris {self.loaded.document.mark_of(self.path).line}"


def _product_old_ids(result: LoadResult):
    for loaded in result.files.values():
        if isinstance(loaded.record, Participant):
            for index, product in enumerate(loaded.record.products):
                for number, old in enumerate(product.old_ids):
                    yield loaded, ("produk", index, "id_lama", number), old


def _record_old_ids(result: LoadResult, model):
    for loaded in result.files.values():
        if isinstance(loaded.record, model):
            for number, old in enumerate(loaded.record.old_ids):
                yield loaded, ("id_lama", number), old


def _check_old_ids(result: LoadResult, current: dict, old_ids) -> None:
    claimed: dict[str, str] = {}
    for loaded, path, old in old_ids:
        key = old.casefold()
        if key in current:
            result.add(loaded, "R11", path, f"ID lama `{old}` masih dipakai sebagai ID di {current[key][0]}")
        elif key in claimed:
            result.add(loaded, "R11", path, f"ID lama `{old}` sudah menjadi ID lama di {claimed[key]}")
        else:
            claimed[key] = loaded.shown


def check_records(result: LoadResult) -> None:
    """Record IDs (file names) and old IDs are unique per kind; batch numbers too."""
    for model in (Batch, Exhibitor, School):
        current = {r.id.casefold(): (r.source, r) for r in result.records(model)}
        _check_old_ids(result, current, _record_old_ids(result, model))
    numbers: dict[int, str] = {}
    for loaded in result.files.values():
        if isinstance(loaded.record, Batch):
            number = loaded.record.number
            if number in numbers:
                result.add(loaded, "R12", ("nomor",), f"batch nomor {number} sudah ada di {numbers[number]}")
            else:
                numbers[number] = loaded.shown


def check_batches(result: LoadResult) -> None:
    """Every exhibitor and school a batch lists exists, once."""
    exhibitors = {r.id for r in result.records(Exhibitor)}
    schools = {r.id for r in result.records(School)}
    loaded_stems = defaultdict(set)
    for loaded in result.files.values():
        loaded_stems[loaded.path.parent.name].add(loaded.path.stem)
    for loaded in result.files.values():
        if not isinstance(loaded.record, Batch):
            continue
        for key, code, known, folder in (("eksibitor", "R01", exhibitors, "eksibitor"),
                                         ("sekolah", "R02", schools, "sekolah")):
            seen: set[str] = set()
            for index, ref in enumerate(getattr(loaded.record, "exhibitors" if key == "eksibitor" else "schools")):
                if ref in seen:
                    result.add(loaded, "R13", (key, index), f"`{ref}` sudah disebut di daftar ini")
                elif ref not in known and ref not in loaded_stems[folder]:
                    result.add(loaded, code, (key, index), f"{key} `{ref}` tidak ditemukan")
                seen.add(ref)


def run_checks(result: LoadResult, probe_cache: dict | None = None) -> None:
    """Run every cross-record check, adding problems to ``result`` (``probe_cache``: see :func:`check_photos`)."""
    check_records(result)
    check_batches(result)
    check_places(result)
    check_products(result)
    check_photos(result, probe_cache)
    check_privacy(result)
