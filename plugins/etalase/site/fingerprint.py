"""A fingerprint per page: the hash of everything its template can show, so unchanged pages are not rendered.

A record's part of a fingerprint is the SHA-256 of the file it came from (and
the cache keys of its photos), not its fields: hashing 10,000 products' fields
would cost more than rendering them. So editing one product changes the
fingerprint of every page showing any product of that file: its own page, its
seller's page, its siblings' pages ("more from this seller") and each listing
page they appear on. The *site* part covers what every page shows: the
programme and vocabularies (``program.yaml``, ``kosakata/``), the templates, the
plugin's code and strings, and the settings. Pure: no Pelican.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import fields, is_dataclass
from decimal import Decimal
from pathlib import Path

from ..data.catalogue import Catalogue
from ..data.models import Participant
from ..data.recordcache import code_version
from .pages import Page

_ATOMS = frozenset({str, int, float, bool, type(None), Decimal, dt.date, dt.datetime})
#: Settings that name where this build writes, not what it writes.
PLACE_SETTINGS = frozenset({"OUTPUT_PATH", "ETALASE_PREVIOUS_OUTPUT"})


def folder_digest(folders: Iterable[Path]) -> str:
    """SHA-256 of every file's path and bytes under ``folders`` (templates, theme)."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
            digest.update(path.relative_to(folder).as_posix().encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()


def inputs_digest(folders: Iterable[Path], site: str, today: dt.date) -> str:
    """SHA-256 of everything a build reads: YAML by bytes, other files (photos) by size and mtime, ``site``, the day.

    Equal to the last build's digest means nothing can have changed: the build stops before loading anything.
    The day counts (not where it came from): a batch's status and what is wajib PDN follow it.
    """
    digest = hashlib.sha256(f"{site}\0{code_version()}\0{today.isoformat()}".encode())
    for folder in folders:
        for path in _files(Path(folder)):
            digest.update(f"\0{path}\0".encode("utf-8", "surrogateescape"))
            if path.suffix.lower() in (".yaml", ".yml"):
                digest.update(hashlib.sha256(path.read_bytes()).digest())
            else:
                info = path.stat()
                digest.update(f"{info.st_size}:{info.st_mtime_ns}".encode())
    return digest.hexdigest()


def _files(folder: Path) -> list[Path]:
    """Every file under ``folder`` (symlinks as they are), sorted."""
    found = []
    for here, dirs, names in os.walk(folder):
        dirs.sort()
        found += [Path(here) / name for name in sorted(names)]
    return found


def settings_digest(settings: Mapping[str, object]) -> str:
    """SHA-256 of the settings (objects without a stable form count by type), leaving out the output folder."""
    kept = {key: value for key, value in settings.items() if key not in PLACE_SETTINGS}
    text = json.dumps(kept, sort_keys=True, default=lambda value: f"<{type(value).__name__}>")
    return hashlib.sha256(text.encode()).hexdigest()


class Fingerprints:
    """Fingerprints of the pages of one catalogue; ``site`` is the digest every page shares."""

    def __init__(self, catalogue: Catalogue, photo_keys: Mapping[str, str], site: str):
        self.ids: dict[int, str] = {}
        sources = catalogue.sources
        shared = [sources[name] for name in sorted(sources) if not _per_record(name)]
        self.site = _hash([site, code_version(), *shared])
        for batch in catalogue.batches:
            self.ids[id(batch)] = "b" + sources.get(batch.source, batch.id)
        for participant in [*catalogue.exhibitors.values(), *catalogue.schools.values()]:
            key = "p" + _hash([sources.get(participant.source, participant.id), *_photo_keys(participant, photo_keys)])
            self.ids[id(participant)] = key
            for product in participant.products:
                self.ids[id(product)] = key
        for item in catalogue.listings:
            self.ids[id(item)] = "l" + _hash([self.ids[id(item.owner)], item.id,
                                              *(self.ids.get(id(batch), batch.id) for batch in item.batches)])
        for category in catalogue.categories.values():
            self.ids[id(category)] = "c:" + category.id
        for city in catalogue.cities.values():
            self.ids[id(city)] = "k:" + city.id
        self.ids[id(catalogue.programme)] = "programme"
        #: Every staff file and photo: what outputs made from the whole catalogue (open data, search) depend on.
        self.catalogue = _hash([self.site, *(f"{name}={sources[name]}" for name in sorted(sources)),
                                *sorted(f"{name}={key}" for name, key in photo_keys.items())])

    def page(self, page: Page, extra: object = None) -> str:
        """The fingerprint of one page; ``extra`` is anything else it shows (the preview card its head names).

        A page's head (canonical URL, JSON-LD, share links, QR code) is made
        from its own context and the site, except for its preview card, which
        may be another page's (the home card counts every product): hence
        ``extra``, so heads need not be made for pages that are not rendered.
        """
        parts = [self.site, page.template, page.url, page.kind, page.title, page.record_id, repr(page.pagination)]
        self._walk(page.context, parts)
        parts.append(repr(extra))
        return _hash(parts)

    def _walk(self, value: object, out: list[str]) -> None:
        """Append a stable text form of ``value``; records stand for the digest of their file."""
        known = self.ids.get(id(value))
        if known is not None:
            out.append(known)
            return
        kind = type(value)
        if kind in _ATOMS:
            out.append(repr(value))
        elif kind is list or kind is tuple:
            out.append("[")
            for item in value:
                self._walk(item, out)
            out.append("]")
        elif kind is dict:
            out.append("{")
            for key, item in value.items():
                out.append(repr(key))
                self._walk(item, out)
            out.append("}")
        elif is_dataclass(value):
            out.append(kind.__name__)
            for spec in fields(value):
                self._walk(getattr(value, spec.name), out)
        else:  # a model that is not a whole record (or an enum): its full text
            out.append(repr(value))


def _per_record(name: str) -> bool:
    """Whether a staff file is a record of its own (batch, exhibitor, school) rather than shared by every page."""
    return any(f"/{folder}/" in f"/{name}" for folder in ("batch", "eksibitor", "sekolah"))


def _photo_keys(participant: Participant, photo_keys: Mapping[str, str]) -> list[str]:
    """The cache keys of a participant's logo and product photos (a changed photo changes its pages)."""
    photos = [participant.logo] if participant.logo else []
    for product in participant.products:
        photos += product.photos
    return [photo_keys.get(photo.file, photo.file) for photo in photos]


def _hash(parts: list[str]) -> str:
    """SHA-1 of the parts joined (a fingerprint, not a security boundary)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()  # noqa: S324
