"""What each page reads, declared, and the key of a page made from it: an edit re-renders only the pages it shows on.

Every :class:`~etalase.site.pages.Page` lists its sources when it is planned
(:mod:`etalase.site.plan`), Lektor-style, as names:

==================  ==================================================================
``product:<id>``     a product in full (its own page)
``card:<id>``        what a product card shows (name, price, unit, first photo, seller,
                     badges): listings, seller pages, "more from this seller"
``seller:<kind>/<id>``  an exhibitor or school without its products (name, contacts, logo…)
``batch:<id>``       a batch
``facts:<text>``     values the page shows that no record holds alone (counts, a status)
==================  ==================================================================

:class:`Sources` turns each name into a digest of exactly that (computed once
per build, when a page first asks), and :meth:`Sources.key` a page into the
hash of its template, URL, title, pagination and its sources' digests, plus
the *site* digest every page shares (templates and theme, settings, today, the
programme and vocabularies, the plugin's code). Editing a product's minimum
order changes ``product:<id>`` only: one page is rendered again. Renaming it
changes its card too: its listings, its seller's page and its siblings' pages.
The digests are of the validated records (pydantic's JSON), not of the files,
so a comment or a reordered key re-renders nothing. Pure: no Pelican.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from ..data import certificates
from ..data.catalogue import Catalogue, Listing
from ..data.models import Participant, School
from ..data.recordcache import code_version
from .pages import Page

#: Settings that name where this build writes, not what it writes.
PLACE_SETTINGS = frozenset({"OUTPUT_PATH", "ETALASE_PREVIOUS_OUTPUT"})
#: Staff folders whose files are records of their own; every other staff file (programme, vocabularies) is shared.
RECORD_FOLDERS = ("batch", "eksibitor", "sekolah")


def product(item: Listing) -> str:
    """The source name of a product in full."""
    return f"product:{item.id}"


def cards(items: Iterable[Listing]) -> tuple[str, ...]:
    """The source names of the cards of ``items``."""
    return tuple(f"card:{item.id}" for item in items)


def seller(participant: Participant) -> str:
    """The source name of an exhibitor or school (without its products)."""
    return f"seller:{'sekolah' if isinstance(participant, School) else 'eksibitor'}/{participant.id}"


def sellers(participants: Iterable[Participant]) -> tuple[str, ...]:
    """The source names of several sellers."""
    return tuple(seller(participant) for participant in participants)


def batches(records: Iterable) -> tuple[str, ...]:
    """The source names of batches."""
    return tuple(f"batch:{batch.id}" for batch in records)


def facts(value: object) -> str:
    """A source that is a value itself (counts, a status): its ``repr``, which must not depend on the run."""
    return f"facts:{value!r}"


class Sources:
    """The digests of one build's sources, and the keys of its pages."""

    def __init__(self, catalogue: Catalogue, photo_keys: Mapping[str, str], site: str, today: dt.date):
        self.catalogue, self.photo_keys, self.today = catalogue, photo_keys, today
        shared = [digest for name, digest in sorted(catalogue.sources.items()) if not _per_record(name)]
        self.site = _hash([site, code_version(), *shared])
        self.listings = {item.id: item for item in catalogue.listings}
        self.sellers = {seller(p): p for p in [*catalogue.exhibitors.values(), *catalogue.schools.values()]}
        self.batches = {f"batch:{batch.id}": batch for batch in catalogue.batches}
        self.digests: dict[str, str] = {}

    @property
    def whole(self) -> str:
        """Every staff file and photo, with the site: what outputs made from the whole catalogue depend on."""
        files = [f"{name}={digest}" for name, digest in sorted(self.catalogue.sources.items())]
        return _hash([self.site, *files, *sorted(f"{name}={key}" for name, key in self.photo_keys.items())])

    def key(self, page: Page, extra: object = None) -> str:
        """The key of a page: what it is and the digest of everything it declares; ``extra``: its preview card."""
        parts = [self.site, page.template, page.url, page.kind, page.title, page.record_id, repr(page.pagination)]
        parts += [self.digest(name) for name in page.sources]
        parts.append(repr(extra))
        return _hash(parts)

    def digest(self, name: str) -> str:
        """The digest of one source (computed once per build)."""
        found = self.digests.get(name)
        if found is None:
            found = self.digests[name] = _hash([name, self._text(name)])
        return found

    def _text(self, name: str) -> str:
        """What a source is, as text."""
        kind, _, ident = name.partition(":")
        if kind == "facts":
            return ident
        if kind == "product":
            item = self.listings[ident]
            return item.product.model_dump_json() + self._photos(item.product.photos) + self._status(item)
        if kind == "card":
            return self._card(self.listings[ident])
        if kind == "seller":
            found = self.sellers[name]
            return found.model_dump_json(exclude={"products"}) + self._photos([found.logo] if found.logo else [])
        if kind == "batch":
            return self.batches[name].model_dump_json()
        raise KeyError(f"unknown source {name!r}")

    def _card(self, item: Listing) -> str:
        """What a product card shows: name (and English name), price, unit, first photo, seller and city, the minimum
    order its "Simpan ke daftar" toggle saves, badges as of today."""
        product_, owner = item.product, item.owner
        shown = [product_.name, product_.price.model_dump_json(), product_.unit, owner.name, owner.city,
                 product_.photos[0].file, product_.photos[0].alt, product_.name_en, owner.name_en,  # English: /en/
                 product_.min_order]
        return json.dumps(shown, ensure_ascii=False) + self._photos(product_.photos[:1]) + self._status(item)

    def _photos(self, photos) -> str:
        """The cache keys of photos (a changed photo changes the pages that show it)."""
        return "|".join(self.photo_keys.get(photo.file, photo.file) for photo in photos)

    def _status(self, item: Listing) -> str:
        """The certificates a product holds and whether it must be bought, as of today."""
        return f"|{certificates.held(item.product, self.today)}|{certificates.must_buy(item.product, self.today)}"


def _per_record(name: str) -> bool:
    """Whether a staff file is a record of its own (batch, exhibitor, school) rather than shared by every page."""
    return any(f"/{folder}/" in f"/{name}" for folder in RECORD_FOLDERS)


def _hash(parts: list[str]) -> str:
    """SHA-1 of the parts joined (a key, not a security boundary)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8", "surrogatepass")).hexdigest()  # noqa: S324


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
