"""The output writer and the image cache at file level: what is skipped, linked back, listed and keyed.

Work is counted (files skipped, linked), never timed.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from etalase.errors import BuildError
from etalase.images.cache import ImageCache, cache_key, extend_digest, extend_key, keyer
from etalase.outputs.incremental import BuildState, OutputWriter


def stepwise_key(data: bytes, *parts: object) -> str:
    """The documented key: SHA-256 of the data, then a NUL and the UTF-8 ``repr`` of each part, 16 hex digits."""
    digest = hashlib.sha256(data)
    for part in parts:
        digest.update(b"\x00")
        digest.update(repr(part).encode("utf-8"))
    return digest.hexdigest()[:16]


def test_keys_are_the_documented_hash_of_data_and_parts() -> None:
    parts = ("card", 1, "10.0", ("Kopi", "Rp1", "", "", "é"))
    assert cache_key(b"photo", *parts) == stepwise_key(b"photo", *parts)
    assert cache_key(b"photo") == stepwise_key(b"photo")
    assert keyer(*parts)(b"url") == stepwise_key(b"url", *parts)
    shared = extend_digest(hashlib.sha256(b"photo"), *parts[:3])
    expected = stepwise_key(b"photo", *parts)
    assert extend_key(shared, parts[3]) == extend_key(hashlib.sha256(b"photo"), *parts) == expected


def test_cache_present_lists_only_complete_files_with_the_suffix(tmp_path: Path) -> None:
    cache = ImageCache(tmp_path / "cache")
    cache.write("ab12", ".card.jpg", b"x")
    cache.write("cd34", ".qr.svg", b"y")
    assert cache.present(["ab12", "ab99", "cd34", "ef56"], ".card.jpg") == {"ab12"}
    assert cache.file("ab12", ".card.jpg") == str(cache.path("ab12", ".card.jpg"))
    assert ImageCache(tmp_path / "nothing").present(["ab12"], ".card.jpg") == set()


def linked_build(tmp_path: Path, cached: Path, state: BuildState, name: str) -> OutputWriter:
    """Link one card into a fresh staging folder against the live output ``tmp_path/live``."""
    live = tmp_path / "live"
    writer = OutputWriter(tmp_path / name, live if state.files else None, state)
    writer.link("kartu/ab12.jpg", str(cached))
    return writer


def test_a_linked_file_is_skipped_next_time_and_linked_again_when_deleted_by_hand(tmp_path: Path) -> None:
    cached = ImageCache(tmp_path / "cache").write("ab12", ".card.jpg", b"card")
    first = linked_build(tmp_path, cached, BuildState(), "live")
    assert (first.stats.linked, first.changed) == (1, ["kartu/ab12.jpg"])
    assert (tmp_path / "live" / "kartu" / "ab12.jpg").read_bytes() == b"card"
    assert first.new.files == {"kartu/ab12.jpg": "ab12.card.jpg"}

    second = linked_build(tmp_path, cached, first.new, "staging")
    assert (second.stats.skipped, second.stats.linked) == (1, 0)
    assert not (tmp_path / "staging").exists()

    (tmp_path / "live" / "kartu" / "ab12.jpg").unlink()
    third = linked_build(tmp_path, cached, first.new, "staging")
    assert (third.stats.skipped, third.stats.linked) == (0, 1)
    assert (tmp_path / "staging" / "kartu" / "ab12.jpg").read_bytes() == b"card"


def test_link_refuses_paths_outside_the_output_and_normalises_odd_ones(tmp_path: Path) -> None:
    cached = ImageCache(tmp_path / "cache").write("ab12", ".card.jpg", b"card")
    writer = OutputWriter(tmp_path / "out", None, BuildState())
    for rel in ("../ab12.jpg", "/etc/ab12.jpg", "kartu/../../ab12.jpg"):
        with pytest.raises(BuildError):
            writer.link(rel, cached)
    writer.link("kartu/./x//ab12.jpg", cached)
    assert (tmp_path / "out" / "kartu" / "x" / "ab12.jpg").read_bytes() == b"card"


def test_a_group_is_fresh_only_while_every_file_is_still_there(tmp_path: Path) -> None:
    live = tmp_path / "live"
    (live / "data").mkdir(parents=True)
    (live / "data" / "a.json").write_text("a")
    (live / "data" / "b.json").write_text("b")
    state = BuildState(files={"data/a.json": "ka", "data/b.json": "kb"},
                       groups={"artifacts": ("whole", ("data/a.json", "data/b.json"))})
    kept = OutputWriter(tmp_path / "staging", live, state)
    assert kept.group_fresh("artifacts", "whole")
    assert kept.new.files == state.files
    assert not OutputWriter(tmp_path / "staging", live, state).group_fresh("artifacts", "other")
    (live / "data" / "b.json").unlink()
    assert not OutputWriter(tmp_path / "staging", live, state).group_fresh("artifacts", "whole")
