"""Each product's and seller's parts of the data files (open-data JSON and CSV row, shortlist entry) and search
records, kept between builds.

A part is keyed by the digests of the sources it is made of (a product, its
seller and batches; a seller and its batches: :class:`etalase.site.sources.Sources`,
whose site digest holds the code, settings, vocabularies and today), the site
URL and licence, and the published photo URLs. An edit to one product's minimum
order re-encodes that product's parts alone; the others come from a pickle in
the build cache (:data:`FRAGMENTS` for the producers, :data:`SEARCH` for the
search records, as they are made in different processes), written atomically
with the parts this build used (so it never grows). Without a file or sources
every part is made (tests, one-off calls).
"""

from __future__ import annotations

import functools
import hashlib
import json
import pickle
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from ..data.catalogue import Listing
from ..data.models import Participant
from ..site import sources as named
from ..site.sources import Sources
from .artifacts import write_bytes_atomic
from .site import Site

#: The file in the build cache. Keys hold the plugin's code version (``Sources.site``): no version of its own.
FRAGMENTS = "fragments.pickle"
SEARCH = "search-records.pickle"
Part = TypeVar("Part")
Thing = TypeVar("Thing", Listing, Participant)
#: ``json.dumps(…, ensure_ascii=False, sort_keys=True, separators=(",", ":"))``, built once: the data files' JSON.
ENCODER = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":"))
#: Stands in for the spliced field while the rest of a document is encoded (no record holds a NUL).
_HOLE = "\0spliced\0"
_HOLE_JSON = ENCODER.encode(_HOLE).encode("utf-8")


def spliced(document: dict, field: str, text: bytes) -> bytes:
    """``document`` as compact JSON with sorted keys and a newline, with ``text`` (UTF-8 JSON already) as ``field``.

    The same bytes as encoding the document whole (no indent: the C encoder is several times faster).
    """
    before, _, after = ENCODER.encode({**document, field: _HOLE}).encode("utf-8").partition(_HOLE_JSON)
    return b"".join((before, text, after, b"\n"))


class Fragments:
    """The parts of the last build (read from ``path``) and those this build (of one site) used, by key."""

    def __init__(self, path: Path | None = None, sources: Sources | None = None):
        self.path, self.sources = path, sources
        self.new: dict[str, object] = {}
        self.keys: dict[str, str] = {}  # each product's key, shared by its parts of every kind

    @functools.cached_property
    def old(self) -> dict[str, object]:
        """The parts the last build kept (read when first needed: in the producers' process)."""
        if self.path is None or self.sources is None:
            return {}
        try:
            kept = pickle.loads(self.path.read_bytes())  # noqa: S301 - our own build cache
        except Exception:  # noqa: BLE001 - a missing, broken or foreign file is a miss, never a failed build
            return {}
        return kept if isinstance(kept, dict) else {}

    def key(self, item: Listing | Participant, site: Site) -> str | None:
        """The key of a product's or a seller's parts, or None when this build keeps no parts."""
        if self.sources is None:
            return None
        if isinstance(item, Listing):
            names = [named.product(item), named.seller(item.owner), *named.batches(item.batches)]
            photos = item.product.photos
        else:  # its batches too: the search record filters by them
            names = [named.seller(item), *named.batches(self.sources.catalogue.batches_of(item))]
            photos = [item.logo] if item.logo else []
        found = self.keys.get(names[0])
        if found is None:
            urls = [(site.photo_urls.get(p.file), site.thumb_urls.get(p.file)) for p in photos]
            parts = [self.sources.site, site.siteurl, site.licence, site.licence_url, site.today.isoformat(),
                     *map(self.sources.digest, names), repr(urls)]
            text = "\x1f".join(parts).encode("utf-8", "surrogatepass")
            found = self.keys[names[0]] = hashlib.sha1(text).hexdigest()  # noqa: S324 - a key, not a security boundary
        return found

    def each(self, kind: str, items: Iterable[Thing], site: Site,
             make: Callable[[Thing], Part]) -> tuple[dict[str, Part], int]:
        """Every item's part of ``kind`` by its ID, made only where its key is new; and how many were made."""
        found: dict[str, Part] = {}
        made = 0
        for item in items:
            key = self.key(item, site)
            key = key and f"{kind}:{key}"
            part = self.old.get(key) if key else None
            if part is None:
                part, made = make(item), made + 1
            if key:
                self.new[key] = part
            found[item.id] = part  # type: ignore[assignment]
        return found, made

    def save(self) -> bool:
        """Keep the parts this build used for the next one; False when they are the ones already kept."""
        if self.path is None or self.sources is None or self.new.keys() == self.old.keys():
            return False
        return write_bytes_atomic(self.path, pickle.dumps(self.new, protocol=pickle.HIGHEST_PROTOCOL))
