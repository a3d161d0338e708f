"""The record cache: unchanged files are not parsed again, and cached results equal fresh ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.data.recordcache import RecordCache
from etalase.errors import DataError

from tests.catalogue_helpers import EXHIBITOR, ROOTS, copy_root, edit


def load_issues(root: Path, cache: RecordCache) -> list[str]:
    """Every issue of a cached load, as ``file:line:column code field message`` (IDs of a valid catalogue)."""
    try:
        catalogue = load_catalogue(root, cache)
    except DataError as exc:
        return [f"{i.location()} {i.code} {i.field_path} {i.message}" for i in exc.issues]
    return [item.id for item in catalogue.listings]


def test_second_load_parses_nothing_and_gives_the_same_catalogue(tmp_path):
    root = copy_root(tmp_path)
    fresh = load_catalogue(root)
    cold, warm = RecordCache(tmp_path / "cache"), RecordCache(tmp_path / "cache")
    first = load_catalogue(root, cold)
    assert cold.stats.parsed == cold.stats.written == len(list(root.rglob("*.yaml")))
    again = load_catalogue(root, warm)
    assert (warm.stats.parsed, warm.stats.written) == (0, 0)
    assert warm.stats.hits == len(list(root.rglob("*.yaml")))
    for catalogue in (first, again):
        assert catalogue.listings == fresh.listings
        assert [p.id for p in catalogue.exhibitors.values()] == [p.id for p in fresh.exhibitors.values()]
        assert [b.source for b in catalogue.batches] == [b.source for b in fresh.batches]


def test_a_cache_given_as_a_folder_is_used(tmp_path):
    root = copy_root(tmp_path)
    load_catalogue(root, tmp_path / "cache")
    warm = RecordCache(tmp_path / "cache")
    load_catalogue(root, warm)
    assert warm.stats.parsed == 0 and warm.stats.hits == len(list(root.rglob("*.yaml")))


def test_editing_one_file_parses_only_that_file(tmp_path):
    root = copy_root(tmp_path)
    load_catalogue(root, tmp_path / "cache")
    edit(root, EXHIBITOR, "Kopi Robusta", "Kopi Robusta Pilihan")
    cache = RecordCache(tmp_path / "cache")
    catalogue = load_catalogue(root, cache)
    assert cache.stats.parsed == 1
    assert catalogue.product("kopi-robusta-250g").product.name.startswith("Kopi Robusta Pilihan")


@pytest.mark.parametrize("name", ["site-invalid", "site-hostile"])
def test_cached_issues_are_word_for_word_the_fresh_ones(tmp_path, name):
    root = ROOTS / name / "catalogue_data"
    fresh = load_issues(root, RecordCache(tmp_path / "fresh"))  # a cold cache: everything parsed
    warm = RecordCache(tmp_path / "fresh")
    assert load_issues(root, warm) == fresh  # everything from the cache
    assert warm.stats.parsed == 0 and warm.stats.hits > 0


def test_a_broken_entry_is_a_miss(tmp_path):
    root = copy_root(tmp_path)
    load_catalogue(root, tmp_path / "cache")
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    cache = RecordCache(tmp_path / "cache")
    load_catalogue(root, cache)
    assert cache.stats.hits == 0 and cache.stats.parsed == len(list(root.rglob("*.yaml")))


def test_warnings_of_a_cached_file_come_back_with_it(tmp_path):
    root = copy_root(tmp_path)
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "nama: Kopi\u200b Contoh")

    def notices(cache: RecordCache) -> list[tuple[str, str, str]]:
        return [(n.location(), n.code, n.severity) for n in load_catalogue(root, cache).notices]

    cold, warm = RecordCache(tmp_path / "cache"), RecordCache(tmp_path / "cache")
    fresh = notices(cold)
    assert fresh == [("catalogue_data/eksibitor/kopi-contoh.yaml:1:7", "Y13", "warning")]
    assert cold.stats.parsed > 0
    assert notices(warm) == fresh and warm.stats.parsed == 0  # from the cache, not parsed again
