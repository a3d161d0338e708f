"""One conversion per text gives the same HTML, plain text and summaries as converting on demand."""

from __future__ import annotations

import inspect
import re
from pathlib import Path

import pytest
from etalase import markdowncache, markup
from etalase.outputs import text as outputs_text
from etalase.social import structured

from tests.test_markdowncache import clear, empty_store  # noqa: F401 - an autouse fixture

THEME = Path(__file__).resolve().parent.parent / "theme"
# Markdown whose HTML (or XHTML) has void elements, raw HTML, control characters, carriage returns.
EDGES = [
    "Kopi **robusta**.\n\n- satu\n- dua",
    "baris  \nputus *tebal*",
    "atas\n\n---\n\nbawah",
    "![foto](http://contoh.id/a.png) teks",
    "<div>mentah</div>\n\nsesudah",
    "    kode\n    blok",
    "# Judul\n\nisi",
    "satu\r\ndua **tiga**",
    "kendali\x01huruf *x*",
    "[a](javascript:alert(1)) [b](http://contoh.id \"judul\")",
    "<script>jahat</script>sisa",
    "&amp; &lt; &#169; *a*",
    "kata-dengan-tanda-hubung " * 80,
    "Teks biasa saja tanpa markup.",
]


@pytest.mark.parametrize("text", EDGES)
def test_entries_equal_conversion_on_demand(text):
    entries = dict(markdowncache.entries(text))
    assert list(entries) == markdowncache.keys_of(text)
    assert entries[markup.text_key(text)] == markup.convert(text)
    assert entries[outputs_text.plain_key(text)] == outputs_text.plain_of(text)
    assert entries[outputs_text.plain_key(text)] == outputs_text.rendered_text(outputs_text.clean(text)) \
        or not outputs_text.MARKUP_RE.search(outputs_text.clean(text))
    for width in markup.STORED_WIDTHS:
        assert entries[markup.summary_key(text, width)] == markup.plain_summary(text, width)


def test_prerendered_store_serves_every_reader():
    markdowncache.prerender(EDGES, workers=1)
    stored = dict(markup.STORE)
    prerendered = [read(text) for text in EDGES]
    assert stored == markup.STORE  # nothing computed again
    clear()
    assert [read(text) for text in EDGES] == prerendered


def read(text: str) -> tuple[str, str, str]:
    """What pages, open data and structured data read of a text."""
    return markup.render_markdown(text), outputs_text.plain_text(text), markup.plain_summary(text, 1000)


def test_every_summary_width_the_site_asks_for_is_prerendered():
    templates = "\n".join(path.read_text(encoding="utf-8") for path in THEME.glob("templates/*.html"))
    widths = {int(width or inspect.signature(markup.plain_summary).parameters["width"].default)
              for width in re.findall(r"\|\s*summary\b(?:\((\d+)\))?", templates)}
    assert widths | {structured.DESCRIPTION_CHARS} <= set(markup.STORED_WIDTHS)


def test_save_skips_an_unchanged_store_and_keeps_only_shown_texts(tmp_path):
    path = tmp_path / "markdown.pickle"
    markdowncache.prerender(EDGES, workers=1)
    markdowncache.LOADED["entries"] = -1
    markdowncache.save(path, EDGES[:3])
    clear()
    assert markdowncache.load(path) == 3 * len(markdowncache.keys_of(EDGES[0]))
    path.unlink()
    markdowncache.save(path, EDGES[:3])
    assert not path.exists()  # nothing added since the load
