"""Plain text from staff Markdown: no markup left, paragraphs and list items kept apart."""

from __future__ import annotations

import re

import pytest
from etalase.outputs.text import clean, plain_text
from hypothesis import assume, given, settings
from hypothesis import strategies as st


@pytest.mark.parametrize(("source", "expected"), [
    ("Kopi **robusta** dan *arabika*.", "Kopi robusta dan arabika."),
    ("Baris satu\nbaris dua.", "Baris satu baris dua."),
    ("Paragraf satu.\n\nParagraf dua.", "Paragraf satu.\n\nParagraf dua."),
    ("Intro:\n\n- satu\n- dua\n\nPenutup.", "Intro:\n\n- satu\n- dua\n\nPenutup."),
    ("1. satu\n2. dua", "- satu\n- dua"),
    ("[Toko](https://contoh.invalid) & `kode` < 5", "Toko & kode < 5"),
    ("A<script>alert(1)</script>B <b>tebal</b>", "AB tebal"),
    ("# Judul\nIsi", "Judul\n\nIsi"),
])
def test_plain_text(source, expected):
    assert plain_text(source) == expected


def test_clean_drops_control_characters_and_normalises_line_ends():
    assert clean("a\x00b\x1bc\r\nd\re\tf") == "abc\nd\ne\tf"


# Text with none of these is plain prose to Markdown: no inline syntax, entities, escapes or tab, and no line
# that starts a list, quote or code block, is a rule or heading underline, or ends in a hard break.
MARKUP_RE = re.compile(r"[*_`\[\]<>&#\\!|~\t]|^ |^(?:\d+[.)]|[-+=])(?: |$)|^(?:- *)+$|^=+ *$|  $", re.MULTILINE)


def prose(text: str) -> str:
    """Plain prose as a reader sees it: each paragraph on one line, single spaces, blank lines between."""
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return "\n\n".join(" ".join(p.split()) for p in paragraphs if p.split())


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="aZé☕ \n\t.,;:?()'\"-+=1/%$^{}\u00a0", max_size=80))
def test_plain_prose_comes_out_as_itself(source):
    source = clean(source)
    assume(not MARKUP_RE.search(source))
    assert plain_text(source) == prose(source)
