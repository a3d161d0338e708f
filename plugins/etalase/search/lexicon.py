"""The search lexicon: words the Indonesian stemmer mangles, spelling variants, and the reserved markers.

Pure data plus the few functions that apply it. The same data reaches both
sides of a search, so they cannot disagree:

- building the index (:mod:`etalase.search.records`): :func:`index_text` marks
  protected words and adds the canonical spelling of variants to the text
  Pagefind indexes; :func:`index_name` marks a card's title;
- the visitor's query (``theme/static/js/search.js``): :func:`script_lexicon`
  ships the same lists in the page's JSON config, and the script's
  ``normalise()`` does what :func:`query_terms` does here (a browser test
  compares the two word for word).

Why: Pagefind stems with the Snowball Indonesian stemmer, which strips
anything that looks like a prefix once a word has three vowels, so ``kemeja``
(shirt) is indexed and searched as ``meja`` (table) and ``terasi`` as ``asi``
(which finds ``asinan``). A protected word is indexed and searched between two
:data:`PROTECT` marks (``ǂkemejaǂ``): no Indonesian prefix starts and no suffix
ends with it, so the stemmer leaves the word whole, and it matches only itself.
See docs/search.md, "Lexicon", for how to add a word.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable

#: Put around a protected word in the index and in the query; no Indonesian affix starts or ends with it.
#: A letter (Pagefind indexes letters only) that no visitor types; ``search.js`` strips it from queries.
PROTECT = "ǂ"
#: The word every record holds and that a search with nothing typed looks for (see records.BROWSE_TERM).
#: A reserved letter the query normaliser strips, so no typed query (nor any prefix of one) reaches it.
BROWSE = "ǁ"
#: A second word every record holds, just before :data:`BROWSE` in Pagefind's byte order (U+01C0 < U+01C1 <
#: U+01C2): Pagefind closes an index chunk once it holds 20,000 entries, so from about 10,000 records on this
#: word closes the chunk before the browse word, which then sits alone in its chunk, and the protected words
#: (after it) in the next one. Without it the browse view loaded whatever words happened to share its chunk
#: (9 to 20 KB more at 10,000 products), and so did every protected-word query.
CLOSER = "ǀ"
#: Letters a visitor's query never keeps.
RESERVED = PROTECT + BROWSE + CLOSER

#: Words whose root starts like an Indonesian prefix (ke-, pe-, me-, ter-): the stemmer strips it and the
#: rest collides with another word (kemeja→meja, kebaya→baya finds pembayaran, terasi→asi finds asinan,
#: perempuan→empu finds empuk, penataan→ata finds atau). Every ke- root of the sample catalogue is here
#: (tests/test_search_lexicon.py checks the vocabulary). Lowercase; a word that begins with one of these is
#: protected too, so "kemejaxyz" finds nothing instead of falling back to "meja".
PROTECTED = (
    "kebaya", "kedai", "kedaluwarsa", "kedondong", "kelapa", "keliling", "kelompok", "kelopak", "keluarga",
    "kelulut", "kemasan", "kemeja", "kenanga", "kepada", "kepala", "keramik", "kerancang", "kerangka",
    "keranjang", "keripik", "keriting", "kerupuk", "ketoprak", "meteran", "pedada", "penataan", "pengemas",
    "penyangga", "perempuan", "pesisir", "terasi",
)

#: Spelling variants a visitor types -> the spelling the index also holds. Each text word that is a variant
#: is indexed together with its canonical form, and a query's variant is searched as the canonical one, so
#: "sambel" finds "Sambal Bu Tini" and "kerak telur" finds "Kerak Telor". Lowercase, whole words.
VARIANTS = {
    "cabe": "cabai",
    "kaos": "kaus",
    "kripik": "keripik",
    "krupuk": "kerupuk",
    "sambel": "sambal",
    "sirop": "sirup",
    "telor": "telur",
}

#: Common short words (at most two vowels, so the stemmer never changes them). A word that matches nothing
#: is never answered with records that hold one of these (Pagefind's longest-prefix fallback: "dandang"
#: would otherwise list everything with "dan"); see etalase.search.sentinel.
STOPWORDS = (
    "ada", "agar", "akan", "bagi", "baru", "bisa", "buah", "dalam", "dan", "dari", "dengan", "dua",
    "hingga", "ini", "isi", "itu", "juga", "kami", "kita", "lebih", "oleh", "pada", "para", "per", "pcs",
    "satu", "set", "siap", "tanpa", "tiga", "untuk", "yang",
)

#: A run of letters and digits: what Pagefind indexes a word or a part of a hyphenated word as.
_RUN = re.compile(r"[^\W_]+")
_TOKEN = re.compile(r"\S+")


def folded(text: str) -> str:
    """``text`` lowercased with accents dropped (as Pagefind folds diacritics), spaces and punctuation kept."""
    if not text.isascii():
        text = "".join(ch for ch in unicodedata.normalize("NFD", text) if not unicodedata.category(ch).startswith("M"))
    return text.lower()


def word_key(word: str) -> str:
    """A word as Pagefind indexes it before stemming: lowercase letters and digits only, accents dropped."""
    return "".join(ch for ch in folded(word) if ch.isalnum())


def is_protected(key: str) -> bool:
    """Whether a normalised word is protected: it is, or begins with, a protected word (kemejanya, kemejaxl)."""
    return key.startswith(PROTECTED)


def searched_form(key: str) -> str:
    """The form a normalised word is indexed and searched as: canonical spelling, marked when protected."""
    key = VARIANTS.get(key, key)
    return f"{PROTECT}{key}{PROTECT}" if is_protected(key) else key


def _mark(run: re.Match) -> str:
    return f"{PROTECT}{run.group()}{PROTECT}" if is_protected(word_key(run.group())) else run.group()


#: Tokens are looked at once per build, not once per occurrence: a catalogue's descriptions repeat their words.
@functools.lru_cache(maxsize=1 << 17)
def _indexed_token(token: str) -> str:
    marked = _RUN.sub(_mark, token)
    canonical = [searched_form(VARIANTS[key]) for key in map(word_key, _RUN.findall(token)) if key in VARIANTS]
    return " ".join([marked, *canonical])


_UNRESERVED = str.maketrans("", "", RESERVED)


def _unreserved(text: str) -> str:
    return text.translate(_UNRESERVED)


def index_text(text: str) -> str:
    """``text`` as the index gets it: protected words marked, variants followed by their canonical form."""
    return _TOKEN.sub(lambda token: _indexed_token(token.group()), _unreserved(text))


def index_name(name: str) -> str:
    """A card title as the index gets it: protected words marked (``search.js`` removes the marks to show it)."""
    return _RUN.sub(_mark, _unreserved(name))


def query_terms(query: str) -> list[str]:
    """The terms Pagefind is asked for when a visitor types ``query`` (what search.js's ``terms`` returns).

    Split on everything but letters and digits, as Pagefind splits a hyphenated word into parts it also
    indexes ("P-IRT" -> "p", "irt"); accents dropped; each term in its searched form.
    """
    return [searched_form(key) for key in _RUN.findall(folded(_unreserved(query)))]


def script_lexicon() -> dict[str, object]:
    """The lexicon as search.js reads it from the page's JSON config."""
    return {"protect": PROTECT, "reserved": RESERVED, "protected": list(PROTECTED), "variants": dict(VARIANTS),
            "stopwords": list(STOPWORDS)}


def vowels(word: str) -> int:
    """How many of a, e, i, o, u a word holds: the Snowball Indonesian stemmer leaves words with two or fewer."""
    return sum(word.count(vowel) for vowel in "aeiou")


def check_lexicon(words: Iterable[str] = ()) -> list[str]:
    """Problems with the lexicon data (a test asserts none): each entry lowercase, normalised, consistent."""
    problems = []
    for word in (*PROTECTED, *VARIANTS, *VARIANTS.values(), *STOPWORDS, *words):
        if word != word_key(word):
            problems.append(f"{word!r} is not a lowercase word of letters and digits")
    problems += [f"variant {v!r} is also protected" for v in VARIANTS if v in PROTECTED]
    problems += [f"stopword {w!r} has more than two vowels" for w in STOPWORDS if vowels(w) > 2]
    return problems
