"""Search record shortcuts give what the long way gives: summaries from a prefix, ASCII name keys."""

from __future__ import annotations

import unicodedata

import pytest
from etalase.outputs.text import plain_text
from etalase.search.records import name_key, summary

TEXTS = ["a" * 500, "a " * 300, " " * 600 + "b", "x" * 239 + "\n\n" + "y" * 10, "w " * 119 + "zz", "",
         "Kopi **robusta** dari Temanggung.\n\n- sangrai sedang\n- giling kasar\n\n" * 12, "kata " * 47 + "akhir"]


def whole(markdown: str, width: int) -> str:
    """The summary cut from the whole text (as before the prefix)."""
    text = " ".join(plain_text(markdown).split()) if markdown else ""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width + 1)
    return text[:cut] if cut > 0 else text[:width]


@pytest.mark.parametrize("width", [1, 5, 20, 239, 240, 241, 600])
def test_summary_equals_cutting_the_whole_text(width):
    assert [summary(text, width) for text in TEXTS] == [whole(text, width) for text in TEXTS]


@pytest.mark.parametrize("name", ["Kopi  Robusta", " Tas\tAnyaman ", "Éclair Café", "ＫＯＰＩ ｂａｔｉｋ", "Straße"])
def test_name_key_equals_the_unicode_folding(name):
    decomposed = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
    assert name_key(name) == " ".join(folded.split())
