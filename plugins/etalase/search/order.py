"""Result orders other than relevance (name, price, TKDN) as small files loaded only when a visitor picks one.

Pagefind can sort by itself (``sort`` on a record), but it keeps the full page
order of every sort key in its metadata file, which every first query
downloads: at 10,000 products the three orders would add 48 KB (gzip) to
a 180 KB budget. Instead the build writes one list per order (Pagefind page
IDs, ascending) under ``pagefind/urutan/``, listed in the bundle's manifest
(``pagefind/cari.json``, which also names the sentinel's page ID, see
:mod:`etalase.search.sentinel`), and ``search.js`` reorders the result IDs it
already has.

Records without a value (a product priced on request when ordering by price,
a seller, a product without TKDN) are left out of a list; the search page
shows them after the listed ones in both directions, in relevance order.
Pure: the page IDs come from :mod:`etalase.search.index`.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from typing import TypeVar

from ..outputs.artifacts import Artifact
from .records import BY_NAME, ORDERS, SearchRecord

T = TypeVar("T")

#: Folder inside the Pagefind bundle that holds the order lists.
FOLDER = "urutan"
#: Manifest inside the Pagefind bundle: ``{"urutan": {order key: content-addressed file}, ...extra}``.
MANIFEST = "cari.json"


def rank_lists(records: Iterable[SearchRecord], page_ids: Mapping[str, T]) -> dict[str, list[T]]:
    """For each order, the IDs (``page_ids[url]``) of the records that have a value, ascending; ties by name, URL."""
    records = list(records)
    lists: dict[str, list[str]] = {}
    for key in ORDERS:
        keyed = sorted(
            (record.order[key], record.order.get(BY_NAME, ""), record.url)
            for record in records
            if key in record.order
        )
        lists[key] = [page_ids[url] for _, _, url in keyed]
    return lists


def _compact(value: object) -> bytes:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False, sort_keys=True).encode("utf-8")


def order_files(lists: Mapping[str, list[str]], extra: Mapping[str, str] | None = None) -> list[Artifact]:
    """The order lists as content-addressed JSON files plus the manifest (with ``extra`` keys), bundle-relative."""
    files: list[Artifact] = []
    manifest: dict[str, str] = {}
    for key in sorted(lists):
        data = _compact(lists[key])
        name = f"{FOLDER}/{key}.{hashlib.sha256(data).hexdigest()[:10]}.json"
        manifest[key] = name
        files.append(Artifact(name, data))
    files.append(Artifact(MANIFEST, _compact({"urutan": manifest, **(extra or {})})))
    return files
