"""The sentinel: one hidden search record that tells ``search.js`` when a query matched nothing.

Pagefind 1.5.2 answers a word no indexed word starts with by falling back to
the *longest indexed word that begins it* (``find_word_extensions`` in its
wasm): "xyzzy" finds everything holding "x" (from "30 x 40 cm"), "sambel"
everything holding "s", "dandang" everything holding "dan". Nothing in the
results says a fallback happened, so the index gets one more record, the
sentinel, holding every word such a fallback can land on that is no real
match: every one- and two-character token (``[a-z0-9]{1,2}`` and the short
words of the catalogue) and the lexicon's stop words.

``search.js`` then knows: when the sentinel is among the (unfiltered) results
of a query with a term it cannot match as a prefix (longer than two characters
and no prefix of a stop word), some term fell back, and the page shows "no
result". The sentinel itself is never shown or counted: it carries no facet
value (so no filtered search returns it) and ``search.js`` drops it by its
page ID, which the build writes into the bundle's manifest
(:mod:`etalase.search.index`). A fallback to a longer content word stays
allowed ("kopiz" finds kopi).
"""

from __future__ import annotations

import string
from collections.abc import Iterable

from .lexicon import RESERVED, STOPWORDS, word_key
from .records import SearchRecord

#: The sentinel's URL: never linked, never shown.
SENTINEL_URL = "/cari/penjaga/"
#: Characters of the tokens every fallback to one or two characters can land on.
ALPHABET = string.ascii_lowercase + string.digits


#: Punctuation that ends or starts a word without making a part of its own.
_EDGES = ".,;:!?()\"'"


def short_words(texts: Iterable[str]) -> set[str]:
    """The words of one or two characters Pagefind indexes from ``texts`` (whole words and hyphenated parts).

    The reserved letters (the browse word) are left out: the sentinel never matches a search with nothing typed.
    """
    found = set()
    for text in texts:
        for word in text.split():
            core = word.strip(_EDGES)
            if len(core) > 2 and core.isalnum():  # most words: one part with a key as long (accents fold to letters)
                continue
            parts = [word, *word.replace("-", " ").replace("/", " ").replace(".", " ").split()]
            found.update(key for key in map(word_key, parts) if 0 < len(key) <= 2 and not set(key) & set(RESERVED))
    return found


def sentinel_words(records: Iterable[SearchRecord]) -> list[str]:
    """Every word the sentinel holds, sorted: all short tokens, the catalogue's short words, the stop words."""
    tokens = set(ALPHABET) | {a + b for a in ALPHABET for b in ALPHABET}
    # The content and the title; the other card fields are unsearchable (no words: records.unsearchable).
    texts = (text for record in records for text in (record.content, record.meta.get("title", "")))
    return sorted(tokens | short_words(texts) | set(STOPWORDS))


def sentinel_url(shard: int) -> str:
    """The sentinel's URL in shard ``shard`` (each shard of the index has its own, see etalase.search.shards)."""
    return SENTINEL_URL if not shard else f"{SENTINEL_URL}{shard}/"


def sentinel_record(records: Iterable[SearchRecord], shard: int = 0) -> SearchRecord:
    """The sentinel record for an index (shard) of ``records``: no title, no facet value, no order key."""
    return SearchRecord(url=sentinel_url(shard), content=" ".join(sentinel_words(records)), meta={}, filters={})
