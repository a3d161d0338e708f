"""Static lists for the browse view: what ``/cari/`` shows with nothing typed, without Pagefind.

Pagefind 1.5.2 loads every record that matches a filter-only search (34 s at
50,000 products for the browse view). With nothing typed, ``search.js``
instead reads small files written here, inside the bundle under ``daftar/``:

- every record gets an *ordinal*, its place in the browse order (by a hash of
  its URL: stable, and favouring no seller);
- ``kartu-<k>.json``: the cards (what a result card shows) of ordinals
  ``k*CARDS_PER_FILE`` up to the next file, as arrays (:data:`CARD_FIELDS`);
- ``<facet>/<value>.json``: the ordinals carrying that facet value, ascending
  and delta-encoded (the first, then each gap), which gzip shrinks to about
  a byte per record;
- ``urutan/<order>-<k>.json``: the ordinals in that order (name, price,
  TKDN), :data:`ORDER_CHUNK` per file, read only as far as a page needs;
  records without a value are left out and come after the listed ones;
- ``kata.json``: the words of names (products and sellers) with how
  often they occur, for "Mungkin maksud Anda" when a query finds nothing;
- ``indeks.json`` (fetched first): the number of records, the files' folder
  (a hash of their content, so a browser may cache them for ever), each facet
  value's count and each order's length.

Pure: from the search records (:mod:`etalase.search.records`) to
:class:`~etalase.outputs.artifacts.Artifact` objects, paths bundle-relative.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from ..outputs.artifacts import Artifact
from .lexicon import folded
from .order import rank_lists
from .records import CERTIFICATE, FACETS, MUST_BUY, TYPE, TYPE_SELLER, SearchRecord, revealed

#: Folder of the lists inside the bundle.
FOLDER = "daftar"
#: The manifest, fetched before anything else (no cache: its name does not change).
MANIFEST = f"{FOLDER}/indeks.json"
#: Cards per file: four steps of "Tampilkan lagi" (12 each).
CARDS_PER_FILE = 48
#: Ordinals per order file: enough for the first page of most filtered views.
ORDER_CHUNK = 2000
#: What each card array holds, in order (search.js reads them by position).
CARD_FIELDS = ("url", "title", "harga", "satuan", "penjual", "foto", "penjual?", "halal?", "pdn?")
#: Words for suggestions: at most this many, the most frequent first (a small list).
MAX_WORDS = 4000
_WORD = re.compile(r"[a-z]{3,}")


def ordinals(records: Sequence[SearchRecord]) -> list[SearchRecord]:
    """The records in browse order: by SHA-256 of their URL."""
    return sorted(records, key=lambda record: hashlib.sha256(record.url.encode("utf-8")).digest())


def card(record: SearchRecord) -> list[object]:
    """What a result card shows, as :data:`CARD_FIELDS` (the card fields Pagefind gets hidden, in clear)."""
    meta, filters = record.meta, record.filters
    shown = [revealed(meta[key]) if key in meta else "" for key in ("harga", "satuan", "penjual", "foto")]
    return [record.url, record.name, *shown, int(TYPE_SELLER in filters.get(TYPE, ())),
            int("halal" in filters.get(CERTIFICATE, ())), int(bool(filters.get(MUST_BUY)))]


def deltas(values: Sequence[int]) -> list[int]:
    """Ascending integers as the first one and then each gap."""
    return [value - (values[index - 1] if index else 0) for index, value in enumerate(values)]


def facet_sets(ordered: Sequence[SearchRecord]) -> dict[str, dict[str, list[int]]]:
    """For every facet value, the ordinals that carry it, ascending."""
    sets: dict[str, dict[str, list[int]]] = {key: {} for key in FACETS}
    for ordinal, record in enumerate(ordered):
        for key, values in record.filters.items():
            for value in values:
                sets[key].setdefault(value, []).append(ordinal)
    return sets


def order_lists(ordered: Sequence[SearchRecord]) -> dict[str, list[int]]:
    """For every order, the ordinals that have a value, ascending by it (as :func:`~.order.rank_lists` ranks)."""
    return rank_lists(ordered, {record.url: ordinal for ordinal, record in enumerate(ordered)})


def name_words(records: Iterable[SearchRecord]) -> list[list[object]]:
    """``[word, count]`` for the words of the records' titles (products and sellers), most frequent first, then A–Z."""
    counts: Counter[str] = Counter()
    for text in (record.name for record in records):
        counts.update(set(_WORD.findall(folded(text))))
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:MAX_WORDS]
    return [[word, count] for word, count in ranked]


def _compact(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def list_files(records: Sequence[SearchRecord]) -> list[Artifact]:
    """Every file of the browse lists and the suggestion words, paths relative to the bundle."""
    ordered = ordinals(records)
    files: dict[str, bytes] = {}
    for start in range(0, len(ordered), CARDS_PER_FILE):
        cards = [card(record) for record in ordered[start:start + CARDS_PER_FILE]]
        files[f"kartu-{start // CARDS_PER_FILE}.json"] = _compact(cards)
    sets = facet_sets(ordered)
    for key, values in sets.items():
        for value, members in sorted(values.items()):
            files[f"{key}/{value}.json"] = _compact(deltas(members))
    orders = order_lists(ordered)
    for key, members in orders.items():
        for start in range(0, len(members), ORDER_CHUNK):
            files[f"urutan/{key}-{start // ORDER_CHUNK}.json"] = _compact(members[start:start + ORDER_CHUNK])
    files["kata.json"] = _compact(name_words(records))
    digest = hashlib.sha256()
    for path, data in sorted(files.items()):
        digest.update(f"{path}\n{len(data)}\n".encode())
        digest.update(data)
    version = digest.hexdigest()[:12]
    manifest = {
        "folder": f"{FOLDER}/{version}/", "n": len(ordered), "perFile": CARDS_PER_FILE, "orderChunk": ORDER_CHUNK,
        "counts": {key: {value: len(members) for value, members in sorted(values.items())}
                   for key, values in sets.items()},
        "orders": {key: len(members) for key, members in orders.items()},
    }
    return [*(Artifact(f"{FOLDER}/{version}/{path}", data) for path, data in sorted(files.items())),
            Artifact(MANIFEST, _compact(manifest))]
