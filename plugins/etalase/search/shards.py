"""How the search index is split into shards, so that one edit reindexes only the shard that holds it.

Pagefind has no incremental mode: a bundle is written whole, and at 10,000
products that takes 15 s. The records are therefore split by a hash of their
URL into :func:`shard_count` shards (a power of two, about
:data:`SHARD_RECORDS` records each), and each shard is its own Pagefind
bundle, cached by the hash of its records (:mod:`etalase.search.cache`).
Renaming a product changes one shard; the others are reused as they are.

Shards cost visitors: a typed query loads one index chunk (10-20 KB gzip) per
shard and term, so at 10,000 products eight shards make a first query
260-410 KB instead of 160-185 KB (docs/search.md, "Shards"). Shards of
:data:`SHARD_RECORDS` are therefore for local builds (``invoke serve``,
``./run build``), where one edit must show fast; a publish build
(``ETALASE_PUBLISH``, the public site) writes one index up to
:data:`PUBLISH_SHARD_RECORDS` records, and past that as many bundles of at
most that many, which a query's scoring pays for less than the bytes.

Shard 0 is the primary bundle, at ``pagefind/`` (with ``pagefind.js`` and
the wasm); shard *k* > 0 is at ``pagefind/s/<k>/`` and ``search.js`` merges it
with Pagefind's ``mergeIndex`` (which loads only its metadata and chunks: the
wasm is the primary's). Every shard holds its own sentinel (Pagefind falls back
to a short word per index, see :mod:`etalase.search.sentinel`) and carries the
synthetic filter ``bagian=<k>`` so that ``search.js`` can set aside the shards
where a query fell back. Pure.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from .records import SearchRecord

#: Records per shard, about: the number of shards doubles when the records pass a multiple of this. A renamed
#: product's shard is indexed, compacted and linked again: at 1,000 products (8 shards of about 140 records)
#: that took 0.5 s of a 1.4 s rebuild, against 1.7 s of 2.5 s with 1,000 (2 shards of about 550; bench, 2026-12-04).
SHARD_RECORDS = 250
#: Records per bundle in a publish build, at most: it splits only past this. Pagefind 1.5.2 scores a word's
#: matches in time that grows with their square, so at 50,000 products four merged bundles showed ``kopi`` in
#: 2.0 s instead of 4.6 s and ``membatik`` in 2.7 s instead of 9.9 s, for 15-20 % more bytes (docs/search.md).
PUBLISH_SHARD_RECORDS = 16_000
#: At most this many shards (beyond 16,000 records shards grow instead).
MAX_SHARDS = 64
#: Folder of the shards other than the primary, inside the bundle.
FOLDER = "s"
#: The synthetic filter that tells the shards apart (``mergeFilter`` in search.js).
SHARD_FILTER = "bagian"


def shard_count(records: int, per_shard: int | None = None) -> int:
    """How many shards ``records`` records get: the smallest power of two with at most ``per_shard`` each,
    and at most :data:`MAX_SHARDS`."""
    per_shard = per_shard or SHARD_RECORDS
    count = 1
    while records > count * per_shard and count < MAX_SHARDS:
        count *= 2
    return count


def shard_of(url: str, count: int) -> int:
    """The shard of a record: its URL's SHA-256, modulo the number of shards (stable between builds)."""
    return int.from_bytes(hashlib.sha256(url.encode("utf-8")).digest()[:8], "big") % count


def split(records: Sequence[SearchRecord], per_shard: int | None = None) -> list[list[SearchRecord]]:
    """The records of each shard, in their given order."""
    count = shard_count(len(records), per_shard)
    shards: list[list[SearchRecord]] = [[] for _ in range(count)]
    for record in records:
        shards[shard_of(record.url, count)].append(record)
    return shards


def prefix(shard: int) -> str:
    """Where a shard's files go inside the bundle: the primary at its root, the others under ``s/<k>/``."""
    return f"{FOLDER}/{shard}/" if shard else ""
