"""The record cache: unchanged files are not parsed again, and cached results equal fresh ones."""

from __future__ import annotations

from pathlib import Path

import pytest
from etalase.data.catalogue import LAST_LOAD, load_catalogue
from etalase.errors import DataError

from tests.catalogue_helpers import EXHIBITOR, ROOTS, copy_root, edit


def load_issues(root: Path, cache: Path, workers: int = 1) -> list[str]:
    """Every issue of a cached load, as ``file:line:column code field message`` (IDs of a valid catalogue)."""
    try:
        catalogue = load_catalogue(root, cache, workers)
    except DataError as exc:
        return [f"{i.location()} {i.code} {i.field_path} {i.message}" for i in exc.issues]
    return [item.id for item in catalogue.listings]


def test_second_load_parses_nothing_and_gives_the_same_catalogue(tmp_path):
    root = copy_root(tmp_path)
    fresh = load_catalogue(root)
    first = load_catalogue(root, tmp_path / "cache")
    assert LAST_LOAD["cache"].parsed == LAST_LOAD["cache"].written > 0
    again = load_catalogue(root, tmp_path / "cache")
    assert (LAST_LOAD["cache"].parsed, LAST_LOAD["cache"].written) == (0, 0)
    assert LAST_LOAD["cache"].hits == len(list(root.rglob("*.yaml")))
    for catalogue in (first, again):
        assert catalogue.listings == fresh.listings
        assert [p.id for p in catalogue.exhibitors.values()] == [p.id for p in fresh.exhibitors.values()]
        assert [b.source for b in catalogue.batches] == [b.source for b in fresh.batches]


def test_editing_one_file_parses_only_that_file(tmp_path):
    root = copy_root(tmp_path)
    load_catalogue(root, tmp_path / "cache")
    edit(root, EXHIBITOR, "Kopi Robusta", "Kopi Robusta Pilihan")
    catalogue = load_catalogue(root, tmp_path / "cache")
    assert LAST_LOAD["cache"].parsed == 1
    assert catalogue.product("kopi-robusta-250g").product.name.startswith("Kopi Robusta Pilihan")


@pytest.mark.parametrize("name", ["site-invalid", "site-hostile"])
def test_cached_issues_are_word_for_word_the_fresh_ones(tmp_path, name):
    root = ROOTS / name / "catalogue_data"
    fresh = load_issues(root, tmp_path / "fresh")  # a cold cache: everything parsed
    assert load_issues(root, tmp_path / "fresh") == fresh  # everything from the cache
    assert LAST_LOAD["cache"].parsed == 0


def test_a_broken_entry_is_a_miss(tmp_path):
    root = copy_root(tmp_path)
    load_catalogue(root, tmp_path / "cache")
    for entry in (tmp_path / "cache").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    load_catalogue(root, tmp_path / "cache")
    assert LAST_LOAD["cache"].hits == 0


@pytest.mark.parametrize("name", ["site-invalid", "site-hostile", "search"])
def test_parsing_on_several_processes_gives_the_same_issues_and_records(tmp_path, name, monkeypatch):
    from etalase.data import recordcache

    monkeypatch.setattr(recordcache, "PARALLEL_MIN", 1)
    monkeypatch.setattr(recordcache, "CHUNK", 2)
    root = ROOTS / name / "catalogue_data"
    assert load_issues(root, tmp_path / "parallel", workers=2) == load_issues(root, tmp_path / "serial")
    assert load_issues(root, tmp_path / "parallel", workers=2) == load_issues(root, tmp_path / "serial")


@pytest.mark.parametrize("workers", [1, 2])
def test_warnings_of_a_cached_file_come_back_with_it(tmp_path, workers, monkeypatch):
    from etalase.data import recordcache

    monkeypatch.setattr(recordcache, "PARALLEL_MIN", 1)  # parse misses in forked workers even for a few files
    root = copy_root(tmp_path)
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "nama: Kopi\u200b Contoh")

    def notices() -> list[tuple[str, str, str]]:
        return [(n.location(), n.code, n.severity) for n in load_catalogue(root, tmp_path / "cache", workers).notices]

    fresh = notices()
    assert fresh == [("catalogue_data/eksibitor/kopi-contoh.yaml:1:7", "Y13", "warning")]
    assert LAST_LOAD["cache"].parsed > 0
    assert notices() == fresh and LAST_LOAD["cache"].parsed == 0  # from the cache, not parsed again
