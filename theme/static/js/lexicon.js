// The query side of the search lexicon. The data comes from etalase/search/lexicon.py through the page's
// JSON config, and this does what its query_terms() does (tests/test_browser_search_sample.py compares the
// two), so what a visitor types becomes the terms the index holds: "Kemeja" -> "ǂkemejaǂ", "sambel" ->
// "sambal". See docs/search.md, "Lexicon".

// Lowercase, accents dropped, then the runs of letters and digits: Pagefind indexes a hyphenated word's
// parts as words of their own ("P-IRT" -> "p", "irt"), so a query is split the same way.
const runsOf = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

export function lexiconOf(data) {
  const variants = new Map(Object.entries(data.variants));
  const reserved = new RegExp(`[${data.reserved}]`, "gu");
  // A word is protected when it is, or begins with, a protected word (kemejanya).
  const searchedForm = (key) => {
    const word = variants.get(key) ?? key;
    return data.protected.some((root) => word.startsWith(root)) ? data.protect + word + data.protect : word;
  };
  return {
    // The terms Pagefind is asked for; reserved letters never survive, so the browse word is unreachable.
    terms: (query) => runsOf(query.replace(reserved, "")).map(searchedForm),
    // Whether a term can match the sentinel as a prefix (etalase/search/sentinel.py): if not, and the
    // sentinel is among the results all the same, Pagefind fell back to a short word: no real match.
    reachesSentinel: (term) => term.length <= 2 || data.stopwords.some((word) => word.startsWith(term)),
  };
}
