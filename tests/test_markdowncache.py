"""The Markdown cache: texts converted once, kept between builds, the same on one core or several."""

from __future__ import annotations

import pytest
from etalase import markdowncache, markup
from etalase.outputs.text import plain_text

TEXTS = [f"Kopi **robusta** nomor {n}.\n\n- satu\n- dua {n}" for n in range(12)] + ["Teks biasa saja."]


@pytest.fixture(autouse=True)
def empty_store():
    """Each test starts from an empty store (cleared in place: modules hold it by name) and empty caches."""
    saved = dict(markup.STORE)
    clear()
    yield
    clear()
    markup.STORE.update(saved)


def clear() -> None:
    """Empty the store and the per-process caches in front of it."""
    markup.STORE.clear()
    markup.render_markdown.cache_clear()
    markup.plain_summary.cache_clear()
    plain_text.cache_clear()


def test_prerendered_html_and_plain_text_equal_direct_conversion(monkeypatch):
    monkeypatch.setattr(markdowncache, "PARALLEL_MIN", 1)
    markdowncache.prerender(TEXTS, workers=2)
    assert markdowncache.prerender(TEXTS, workers=2) == 0  # nothing new the second time
    cached = [(markup.render_markdown(t), markup.plain_summary(t, 40)) for t in TEXTS]
    clear()
    assert [(markup.convert(t), markup.plain_summary(t, 40)) for t in TEXTS] == cached


def test_saved_entries_come_back_without_converting(tmp_path):
    markdowncache.prerender(TEXTS, workers=1)
    markdowncache.LOADED["entries"] = -1
    markdowncache.save(tmp_path / "markdown.pickle", TEXTS)
    clear()
    assert markdowncache.load(tmp_path / "markdown.pickle") > len(TEXTS)
    before = markup.RENDERED["markdown"]
    assert markdowncache.prerender(TEXTS, workers=1) == 0
    assert markup.RENDERED["markdown"] == before


def test_a_broken_cache_file_is_an_empty_cache(tmp_path):
    (tmp_path / "markdown.pickle").write_bytes(b"broken")
    assert markdowncache.load(tmp_path / "markdown.pickle") == 0
