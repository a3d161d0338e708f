"""The search lexicon and the sentinel: protected words, variants, query terms, the sample's vocabulary."""

from __future__ import annotations

import re

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.search.lexicon import (
    BROWSE,
    CLOSER,
    PROTECT,
    PROTECTED,
    STOPWORDS,
    VARIANTS,
    check_lexicon,
    index_name,
    index_text,
    query_terms,
    vowels,
    word_key,
)
from etalase.search.records import build_records
from etalase.search.sentinel import SENTINEL_URL, sentinel_record, sentinel_words, short_words

from tests.conftest import PROJECT, TODAY_DATE

#: Prefixes the Snowball Indonesian stemmer strips from a word of three vowels or more (first and second order).
PREFIXES = ("di", "ke", "me", "pe", "te", "be")


@pytest.fixture(scope="module")
def sample_records():
    """The search records of the sample catalogue (catalogue_data/)."""
    return build_records(load_catalogue(PROJECT / "catalogue_data"), TODAY_DATE)


@pytest.fixture(scope="module")
def vocabulary(sample_records):
    """Every word a visitor can find in the sample catalogue, as Pagefind normalises it."""
    return {word_key(word) for r in sample_records for word in re.findall(r"[^\W_]+", r.content + " " + r.name)}


def test_the_lexicon_data_is_consistent():
    assert check_lexicon() == []
    assert len(set(PROTECTED)) == len(PROTECTED) and list(PROTECTED) == sorted(PROTECTED)


@pytest.mark.parametrize("word", PROTECTED)
def test_every_protected_word_is_one_the_stemmer_would_cut(word):
    # The stemmer changes only words of three vowels or more; these all start like an Indonesian prefix.
    assert vowels(word) > 2 and word.startswith(PREFIXES)


def test_every_ke_root_of_the_sample_is_protected(vocabulary):
    # ke- alone (without -an) is hardly ever a prefix in Indonesian: kemeja, kelapa, kebaya are roots.
    roots = {w for w in vocabulary if w.startswith("ke") and vowels(w) > 2 and not w.endswith("an") and w.isalpha()}
    assert roots - set(PROTECTED) == set()
    assert {"kemeja", "kelapa", "kebaya", "keripik", "kerupuk"} <= roots


def test_index_text_marks_protected_words_and_adds_canonical_variants():
    assert index_text("Kemeja batik, Kerak Telor (kelapa-muda) sambel kripik.") == (
        "ǂKemejaǂ batik, Kerak Telor telur (ǂkelapaǂ-muda) sambel sambal kripik. ǂkeripikǂ")
    assert index_text(f"kopi{PROTECT} {BROWSE}te{CLOSER}h") == "kopi teh"  # reserved letters never reach the index
    assert CLOSER.encode() < BROWSE.encode() < PROTECT.encode()  # Pagefind's order: closer, browse word, protected


def test_index_name_only_marks_and_the_mark_is_all_a_card_removes():
    assert index_name("Kemeja Batik Nusa (Kelapa) · Sambel") == "ǂKemejaǂ Batik Nusa (ǂKelapaǂ) · Sambel"
    assert index_name("Kemeja Batik").replace(PROTECT, "") == "Kemeja Batik"


@pytest.mark.parametrize(("query", "terms"), [
    ("Kemeja", ["ǂkemejaǂ"]),
    ("kemejanya kemej", ["ǂkemejanyaǂ", "kemej"]),
    ("sambel  PEDAS", ["sambal", "pedas"]),
    ("kripik", ["ǂkeripikǂ"]),
    ("kerak telur", ["kerak", "telur"]),
    ("Kerak Telor!", ["kerak", "telur"]),
    ("P-IRT", ["p", "irt"]),
    ("crème brûlée", ["creme", "brulee"]),
    ("zz", ["zz"]),
    (f"{BROWSE} {PROTECT}kemeja", ["ǂkemejaǂ"]),
    ("!!!", []),
])
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_variants_and_protected_words_meet_in_the_same_form():
    for variant, canonical in VARIANTS.items():
        assert query_terms(variant) == query_terms(canonical)
        assert query_terms(canonical)[0] in index_text(variant).split()


def test_the_sentinel_holds_every_short_token_and_the_stopwords(sample_records):
    words = sentinel_words(sample_records)
    assert {"a", "z", "0", "aa", "x9", "zz"} <= set(words) and set(STOPWORDS) <= set(words)
    assert [w for w in words if len(w) > 2] == sorted(STOPWORDS)
    assert BROWSE not in " ".join(words) and PROTECT not in " ".join(words)
    record = sentinel_record(sample_records)
    assert (record.url, record.filters, record.meta, record.order) == (SENTINEL_URL, {}, {}, {})


def test_short_words_include_hyphenated_parts_and_accented_letters():
    assert short_words(["P-IRT 30 x 40 cm", "é-Ö ke-2"]) == {"p", "30", "x", "40", "cm", "eo", "e", "o", "ke", "2"}
