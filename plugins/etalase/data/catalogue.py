"""The validated catalogue as one object, with the indexes pages are built from.

:func:`load_catalogue` is the single entry point: it loads every file, runs
every check and either returns a :class:`Catalogue` or raises
:class:`~etalase.errors.DataError` listing every problem at once.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import DataError, Issue
from .checks import run_checks
from .loader import LoadResult, load_files
from .models import Batch, Categories, Category, City, Exhibitor, Participant, Product, Programme, Regions, School
from .notices import certificate_issues, placeholder_issues

if TYPE_CHECKING:
    from .recordcache import RecordCache


@dataclass(frozen=True)
class Listing:
    """A product together with who sells it and which batches showed it."""

    product: Product
    owner: Participant
    batches: tuple[Batch, ...]
    #: Reading order: the product's name (case folded), then its ID; made once, sorted by often.
    reading: tuple[str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "reading", (self.product.name.casefold(), self.product.id))

    @property
    def id(self) -> str:
        """The product's ID."""
        return self.product.id

    @property
    def owner_kind(self) -> str:
        """``eksibitor`` or ``sekolah``: the URL folder of the seller."""
        return "sekolah" if isinstance(self.owner, School) else "eksibitor"


@dataclass
class Catalogue:
    """Everything that gets published, plus withdrawn records for redirects and checks."""

    root: Path
    programme: Programme
    categories: dict[str, Category]
    cities: dict[str, City]
    batches: list[Batch]
    exhibitors: dict[str, Exhibitor]
    schools: dict[str, School]
    listings: list[Listing] = field(default_factory=list)
    withdrawn: list[tuple[str, str]] = field(default_factory=list)
    #: SHA-256 of every staff file by the path staff see (``record.source``), for pages' fingerprints.
    sources: dict[str, str] = field(default_factory=dict)
    #: Where each staff file is, by the path staff see.
    files: dict[str, Path] = field(default_factory=dict)
    #: Warnings about valid records (:mod:`etalase.data.notices`): placeholders, and lapsing certificates when asked.
    notices: list[Issue] = field(default_factory=list)

    def district_name(self, city_id: str, district_id: str) -> str:
        """Return a kecamatan's display name."""
        for district in self.cities[city_id].districts:
            if district.id == district_id:
                return district.name
        return district_id

    def batches_of(self, participant: Participant) -> list[Batch]:
        """Return the batches a participant took part in, oldest first."""
        key = "schools" if isinstance(participant, School) else "exhibitors"
        return list(self._batch_index()[key].get(participant.id, ()))

    def _batch_index(self) -> dict[str, dict[str, list[Batch]]]:
        """Batches by the exhibitor and school IDs they list, rebuilt when ``batches`` changes.

        Asking every batch's list for every participant was quadratic: 1 s of planning at 50,000 products.
        """
        stamp = (id(self.batches), len(self.batches))
        cached = self.__dict__.get("_batch_indexes")
        if cached is None or cached[0] != stamp:
            index: dict[str, dict[str, list[Batch]]] = {"exhibitors": defaultdict(list), "schools": defaultdict(list)}
            for batch in self.batches:
                for key, ids in (("exhibitors", batch.exhibitors), ("schools", batch.schools)):
                    for record_id in dict.fromkeys(ids):
                        index[key][record_id].append(batch)
            cached = self.__dict__["_batch_indexes"] = (stamp, index)
        return cached[1]

    def participants_of(self, batch: Batch) -> list[Participant]:
        """Return the published exhibitors then schools of a batch, in listed order."""
        people = [self.exhibitors[i] for i in batch.exhibitors if i in self.exhibitors]
        return people + [self.schools[i] for i in batch.schools if i in self.schools]

    def listings_of(self, participant: Participant) -> list[Listing]:
        """Return the published products of one seller."""
        return list(self._index("owner").get(id(participant), ()))

    def listings_in_batch(self, batch: Batch) -> list[Listing]:
        """Return the published products shown at a batch."""
        return list(self._index("batch").get(id(batch), ()))

    def _index(self, kind: str) -> dict[int, list[Listing]]:
        """Listings grouped by ``id()`` of their owner or of each batch, rebuilt when ``listings`` changes."""
        stamp = (id(self.listings), len(self.listings))
        cached = self.__dict__.get("_indexes")
        if cached is None or cached[0] != stamp:
            by_owner: dict[int, list[Listing]] = defaultdict(list)
            by_batch: dict[int, list[Listing]] = defaultdict(list)
            for item in self.listings:
                by_owner[id(item.owner)].append(item)
                for batch in item.batches:
                    by_batch[id(batch)].append(item)
            cached = self.__dict__["_indexes"] = (stamp, {"owner": by_owner, "batch": by_batch})
        return cached[1][kind]

    def listings_by(self, key) -> dict[str, list[Listing]]:
        """Group listings by ``key(listing)``; keys keep first-seen order."""
        groups: dict[str, list[Listing]] = defaultdict(list)
        for item in self.listings:
            groups[key(item)].append(item)
        return dict(groups)

    def current_batch(self, today: dt.date) -> Batch | None:
        """Return the batch running or next after ``today``, else the latest one."""
        upcoming = [b for b in self.batches if b.end >= today]
        if upcoming:
            return upcoming[0]
        return self.batches[-1] if self.batches else None

    def product(self, product_id: str) -> Listing | None:
        """Find a published product by ID."""
        return next((item for item in self.listings if item.id == product_id), None)


def _published(records):
    return {r.id: r for r in records if not r.withdrawn}


def build_catalogue(result: LoadResult) -> Catalogue:
    """Assemble a :class:`Catalogue` from a load result that has no issues."""
    batches = sorted(result.records(Batch), key=lambda b: b.number)
    exhibitors = _published(result.records(Exhibitor))
    schools = _published(result.records(School))
    catalogue = Catalogue(
        root=result.root,
        programme=result.single(Programme),
        categories={c.id: c for c in result.single(Categories).categories},
        cities={c.id: c for c in result.single(Regions).cities},
        batches=batches,
        exhibitors=exhibitors,
        schools=schools,
        sources={loaded.shown: loaded.digest for loaded in result.files.values()},
        files={loaded.shown: loaded.path for loaded in result.files.values()},
    )
    withdrawn: list[tuple[str, str]] = []
    for record in [*result.records(Exhibitor), *result.records(School)]:
        folder = "sekolah" if isinstance(record, School) else "eksibitor"
        if record.withdrawn:
            withdrawn.append((folder, record.id))
        shown = tuple(catalogue.batches_of(record))
        for product in record.products:
            if record.withdrawn or product.withdrawn:
                withdrawn.append(("produk", product.id))
                continue
            catalogue.listings.append(Listing(product, record, shown))
    catalogue.listings.sort(key=lambda item: item.id)
    catalogue.withdrawn = sorted(withdrawn)
    return catalogue


def load_catalogue(root: Path, cache: RecordCache | Path | None = None, publish: bool = False,
                   today: dt.date | None = None) -> Catalogue:
    """Load, validate and check ``root``; raise :class:`DataError` with every problem.

    With ``cache`` (a :class:`~etalase.data.recordcache.RecordCache`, or the folder of one), files whose
    bytes were loaded before come from it instead of being parsed again; its ``stats`` say how many were
    parsed. Scaffold placeholders are errors when ``publish``, else :attr:`Catalogue.notices`; the
    notices also hold the loader's and the checks' warnings and, with ``today``, certificates that
    lapse within 60 days or have lapsed.
    """
    from .recordcache import RecordCache  # it writes through outputs/, which imports this module

    if cache is not None and not isinstance(cache, RecordCache):
        cache = RecordCache(Path(cache))
    with paused_gc():
        result = load_files(Path(root), cache)
        run_checks(result)
        if cache is not None:
            cache.save()
        notices = placeholder_issues(result, publish)
        if publish:
            result.issues += notices
            notices = []
        if result.issues:
            raise DataError(result.issues)
        notices += result.warnings  # invisible characters taken out, animated photos shown still
        if today is not None:
            notices += certificate_issues(result, today)
        catalogue = build_catalogue(result)
        catalogue.notices = sorted(notices)
        return catalogue


@contextlib.contextmanager
def paused_gc():
    """Pause the cyclic garbage collector: loading makes millions of objects and no cycles worth collecting.

    With it running, CPython scans the growing heap again and again (loading 10,000 products took twice as long).
    On the way out what was made goes straight to the oldest generation (a freeze then an unfreeze, two list
    splices), as it would after surviving two collections: otherwise the first young collection walks every
    record once more (a quarter of a second at 10,000 products). Skipped when something else holds frozen
    objects, so that they stay frozen.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if not gc.get_freeze_count():
                gc.freeze()
                gc.unfreeze()
            gc.enable()
