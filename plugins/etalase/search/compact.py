"""Make a Pagefind bundle lighter for a first query: short page IDs, cheap word positions, slim fragments.

A typed query's first visit downloads Pagefind's script and wasm, its metadata
file (every page's ID and word count), the index chunks of its words and one
fragment per shown result. Pagefind 1.5.2 writes those for every use of its
API; this site uses a part of it, so after Pagefind writes a bundle (and before
:mod:`etalase.search.stable`), :func:`compact` rewrites it to say the same to
the search in fewer bytes:

- **Page IDs.** Each page ID becomes ``<folder>/<number in base 36>``
  (``0k3f/2s`` instead of a random ``id_7d1474d``). The folder is a hash of
  every fragment's bytes, so a changed bundle does not reuse a fragment URL a
  browser may have kept. Pages keep Pagefind's order, which is the order the
  records were sent in: :mod:`etalase.search.index` sends them by word count,
  so the metadata's word counts come in runs (9 KB less at 10,000 products);
  the order of results with equal scores is Pagefind's own for that input.
- **Word positions.** Pagefind stores where each word stands on each page. A
  search without quotes (``search.js`` never sends quotes) uses positions only
  to count a word's occurrences and to see which matched words share one
  position (the parts of ``ondel-ondel``); excerpts use them too, but result
  cards show none. So each page's positions are relabelled, one to one: a
  position takes the slot of the first word standing there (``slot``), or the
  next free one on that page. A word then has nearly the same position on
  every page, which compresses to almost nothing, and every score is the
  same (``tests/test_browser_search_compact.py`` compares them in Chromium).
  In metadata fields (the title) a search uses only which fields a word is in:
  one position per field is kept.
- **Fragments** (one per shown result) keep what a card needs: URL, filters
  named in ``filters``, and metadata through ``card`` (``records.card_meta``:
  the stored card fields in clear); the indexed text (Pagefind's excerpt
  source) goes.

The format read here is Pagefind 1.5.2's (``pagefind_web/src/index.rs``,
``metadata.rs``): a change fails ``tests/test_search_index.py`` and the browser
tests, not silently.
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Callable, Collection, Mapping
from pathlib import Path

import zopfli.gzip

from ..errors import SearchError
from .postings import read_chunk, write_chunk
from .stable import SIGNATURE, encode, read

#: Slots a word position can take: small enough that Pagefind's excerpt code (an array as long as the
#: largest position, per shown result) stays cheap.
SLOTS = 8192
#: Slots between two words' first positions, so a word's second occurrence rarely takes another word's slot.
STRIDE = 2
_DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz"
#: Fragment folders (four base-36 digits): two builds share one by chance once in 1.7 million.
FOLDERS = 36**4
#: Zopfli iterations for the files a first query always loads (the metadata, the wasm): a third smaller
#: metadata than gzip -9, for about a second per 200 KB at the build.
SQUEEZE = 5

Card = Callable[[Mapping[str, str]], Mapping[str, str]]


def base36(number: int) -> str:
    """``number`` in base 36, the digits of a page ID."""
    text = ""
    while True:
        number, digit = divmod(number, 36)
        text = _DIGITS[digit] + text
        if not number:
            return text


def slot(word: int) -> int:
    """The position a word takes on every page where it is free (``word``: its place in the sorted vocabulary)."""
    return word * STRIDE % SLOTS


def _places(words: list[list], pages: int) -> list[dict[int, int]]:
    """Each page's new position for each old one: one to one, the first word's slot where free."""
    owner: list[dict[int, int]] = [{} for _ in range(pages)]
    for number, (_, postings) in enumerate(words):
        for page, locations, _ in postings:
            for _, position in locations:
                owner[page].setdefault(position, number)
    places = []
    for positions in owner:
        taken: set[int] = set()
        place = {}
        for position, word in sorted(positions.items(), key=lambda item: (item[1], item[0])):
            new = slot(word)
            while new in taken:
                new += 1
            taken.add(new)
            place[position] = new
        places.append(place)
    return places


def _chunks(bundle: Path, meta: list, language: str) -> list[list[str]]:
    """Rewrite every index chunk with relabelled positions; the metadata's new chunk list."""
    chunks = []
    for start, end, name in meta[2]:
        path = bundle / "index" / f"{name}.pf_index"
        data = gzip.decompress(path.read_bytes())
        if not data.startswith(SIGNATURE):
            raise SearchError(f"unexpected Pagefind file format: {path.name}")
        path.unlink()
        chunks.append((start, end, read_chunk(data[len(SIGNATURE):])))
    places = _places([word for _, _, words in chunks for word in words], len(meta[1]))
    listed = []
    for start, end, words in chunks:
        data = SIGNATURE + write_chunk(words, places.__getitem__)
        name = f"{language}_{hashlib.sha256(data).hexdigest()[:10]}"
        (bundle / "index" / f"{name}.pf_index").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
        listed.append([start, end, name])
    return listed


def _fragments(bundle: Path, meta: list, filters: Collection[str], card: Card, suffix: str) -> list[str]:
    """Write the slim fragments under their new IDs (old ones removed); the new IDs in page order."""
    folder = bundle / "fragment"
    slim = []
    for old, _ in meta[1]:
        path = folder / f"{old}.pf_fragment"
        data = json.loads(gzip.decompress(path.read_bytes())[len(SIGNATURE):])
        path.unlink()
        kept = {
            "url": data["url"], "content": "", "word_count": data["word_count"],
            "filters": {key: values for key, values in data["filters"].items() if key in filters},
            "meta": dict(card(data["meta"])), "anchors": [],
        }
        slim.append(SIGNATURE + json.dumps(kept, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))
    digest = int.from_bytes(hashlib.sha256(b"\0".join(slim)).digest()[:4], "big")
    name = base36(digest % FOLDERS).rjust(4, "0") + suffix
    (folder / name).mkdir()
    ids = []
    for number, data in enumerate(slim):
        ids.append(f"{name}/{base36(number)}")
        (folder / f"{ids[-1]}.pf_fragment").write_bytes(gzip.compress(data, compresslevel=9, mtime=0))
    return ids


def squeeze(bundle: Path) -> None:
    """Compress the metadata and wasm files again with Zopfli (the same gzip format, fewer bytes)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_bytes())
    for index in entry["languages"].values():
        paths = [bundle / f"pagefind.{index['hash']}.pf_meta", bundle / f"wasm.{index['wasm']}.pagefind"]
        for path in (path for path in paths if path.exists()):  # a merged shard has no wasm
            data = gzip.decompress(path.read_bytes())
            path.write_bytes(zopfli.gzip.compress(data, numiterations=SQUEEZE))


def compact(bundle: Path, filters: Collection[str], card: Card, suffix: str = "") -> None:
    """Rewrite the Pagefind bundle in ``bundle`` (one language) as described above, in place. ``suffix`` ends the
    fragment folder's name: each shard merged in one page gets its own, so no two shards share a page ID."""
    entry = json.loads((bundle / "pagefind-entry.json").read_bytes())
    for language, index in entry["languages"].items():
        meta_path = bundle / f"pagefind.{index['hash']}.pf_meta"
        meta = read(meta_path)
        meta[2] = _chunks(bundle, meta, language)
        ids = _fragments(bundle, meta, filters, card, suffix)
        meta[1] = [[page_id, words] for page_id, (_, words) in zip(ids, meta[1], strict=True)]
        meta_path.write_bytes(gzip.compress(SIGNATURE + encode(meta), compresslevel=9, mtime=0))
