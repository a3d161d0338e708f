"""The one incremental layer at file level: generations, their state, what is kept, written, linked and deleted.

Work is counted (files kept, written, linked, deleted), never timed.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from etalase.errors import BuildError
from etalase.images.cache import ImageCache
from etalase.outputs.state import Generations, Output, State, drop_state, load_state, save_state, seed, state_path


@pytest.fixture
def cached(tmp_path: Path) -> Path:
    """One card in a content-addressed cache."""
    return ImageCache(tmp_path / "cache").write("ab12", ".card.jpg", b"card")


def test_a_linked_file_is_kept_next_time_and_linked_again_when_deleted_by_hand(tmp_path, cached):
    folder = tmp_path / "gen"
    first = Output(folder, None)
    first.link("kartu/ab12.jpg", cached)
    assert (first.stats.linked, first.changed) == (1, ["kartu/ab12.jpg"])
    assert (folder / "kartu" / "ab12.jpg").read_bytes() == b"card"
    state = first.finish("inputs", {})
    assert state.files == {"kartu/ab12.jpg": str(cached)}

    second = Output(folder, state)
    second.link("kartu/ab12.jpg", cached)
    assert (second.stats.kept, second.stats.linked) == (1, 0)

    (folder / "kartu" / "ab12.jpg").unlink()
    third = Output(folder, state)
    third.link("kartu/ab12.jpg", cached)
    assert (third.stats.kept, third.stats.linked) == (0, 1)
    assert (folder / "kartu" / "ab12.jpg").read_bytes() == b"card"


def test_paths_outside_the_folder_are_refused_and_odd_ones_normalised(tmp_path, cached):
    out = Output(tmp_path / "out", None)
    for rel in ("../ab12.jpg", "/etc/ab12.jpg", "kartu/../../ab12.jpg"):
        with pytest.raises(BuildError):
            out.link(rel, cached)
    out.link("kartu/./x//ab12.jpg", cached)
    assert (tmp_path / "out" / "kartu" / "x" / "ab12.jpg").read_bytes() == b"card"


def test_two_files_at_one_path_are_refused(tmp_path):
    out = Output(tmp_path / "out", None)
    out.write("data/a.json", b"1")
    with pytest.raises(BuildError, match="two outputs want the same file: data/a.json"):
        out.write("data/a.json", b"2")


def test_same_bytes_under_a_new_key_are_not_rewritten(tmp_path):
    folder = tmp_path / "gen"
    first = Output(folder, None)
    first.write("index.html", b"<p>x</p>", key="k1")
    state = first.finish("", {})
    stamp = (folder / "index.html").stat().st_mtime_ns
    second = Output(folder, state)
    assert not second.write("index.html", b"<p>x</p>", key="k2")
    assert (second.stats.unchanged, second.stats.written) == (1, 0)
    assert (folder / "index.html").stat().st_mtime_ns == stamp
    third = Output(folder, second.finish("", {}))
    assert third.write("index.html", b"<p>y</p>", key="k3")
    assert (folder / "index.html").read_bytes() == b"<p>y</p>"


def test_files_no_longer_made_are_deleted_with_their_empty_folders(tmp_path):
    folder = tmp_path / "gen"
    first = Output(folder, None)
    first.write("produk/a/index.html", b"a")
    first.write("produk/b/index.html", b"b")
    state = first.finish("", {})
    second = Output(folder, state)
    second.write("produk/a/index.html", b"a")
    second.finish("", {})
    assert second.stats.deleted == 1
    assert not (folder / "produk" / "b").exists() and (folder / "produk" / "a" / "index.html").is_file()
    assert sorted(p.name for p in (folder / "produk").iterdir()) == ["a"]


def test_a_group_is_kept_only_while_every_file_is_still_there(tmp_path):
    folder = tmp_path / "gen"
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "a.json").write_text("a")
    (folder / "data" / "b.json").write_text("b")
    state = State(files={"data/a.json": "ka", "data/b.json": "kb"},
                  groups={"artifacts": ("whole", ("data/a.json", "data/b.json"))})
    kept = Output(folder, state)
    assert kept.keep_group("artifacts", "whole")
    assert kept.new.files == state.files and kept.stats.kept == 2
    assert not Output(folder, state).keep_group("artifacts", "other")
    (folder / "data" / "b.json").unlink()
    assert not Output(folder, state).keep_group("artifacts", "whole")


def test_state_is_saved_beside_the_folder_and_forgotten_while_it_is_written(tmp_path):
    folder = tmp_path / ".output.a"
    folder.mkdir()
    assert load_state(folder) is None
    save_state(folder, State(files={"x": "k"}, inputs="i"))
    assert state_path(folder) == tmp_path / ".output.a.state"
    assert load_state(folder).files == {"x": "k"}
    drop_state(folder)
    assert load_state(folder) is None
    state_path(folder).write_bytes(b"not a pickle")
    assert load_state(folder) is None


def test_a_commit_points_the_output_at_the_new_generation_in_one_rename(tmp_path):
    sites = Generations(tmp_path / "output")
    first = sites.prepare()
    assert first == tmp_path / ".output.a" and sites.live() is None
    (first / "index.html").write_text("satu")
    sites.commit(first)
    assert (tmp_path / "output").is_symlink() and os.readlink(tmp_path / "output") == ".output.a"
    assert (tmp_path / "output" / "index.html").read_text() == "satu"
    assert sites.target() == tmp_path / ".output.b"
    second = sites.prepare()
    (second / "index.html").write_text("dua")
    sites.commit(second)
    assert os.readlink(tmp_path / "output") == ".output.b"
    assert (tmp_path / "output" / "index.html").read_text() == "dua"


def test_an_output_built_as_a_plain_folder_is_replaced_by_the_link(tmp_path):
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "lama.html").write_text("lama")
    sites = Generations(tmp_path / "output")
    assert sites.live() == tmp_path / "output"
    target = sites.prepare()
    (target / "index.html").write_text("baru")
    sites.commit(target)
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.a", "output"]
    assert [p.name for p in (tmp_path / "output").iterdir()] == ["index.html"]


def test_an_unknown_generation_is_emptied_then_seeded_from_the_live_one_and_never_written_through(tmp_path):
    sites = Generations(tmp_path / "output")
    live = sites.prepare()
    out = Output(live, None)
    out.write("produk/a/index.html", b"lama")
    save_state(live, out.finish("i", {}))
    sites.commit(live)
    (tmp_path / ".output.b").mkdir()
    (tmp_path / ".output.b" / "sisa.html").write_text("dari build yang mati")  # no state: unknown
    (tmp_path / ".output.link-99").symlink_to(".output.b")  # a killed build's leftover link
    target = sites.prepare()
    assert target == tmp_path / ".output.b"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.a", ".output.a.state", ".output.b", "output"]
    assert list(target.iterdir()) == []
    assert seed(live, target, load_state(live).files) == 1
    page = Path("produk", "a", "index.html")
    assert (target / page).stat().st_ino == (live / page).stat().st_ino  # a hard link, not a copy
    update = Output(target, load_state(live))
    assert update.write("produk/a/index.html", b"baru")
    assert (target / "produk" / "a" / "index.html").read_bytes() == b"baru"
    assert (live / "produk" / "a" / "index.html").read_bytes() == b"lama"  # the live site is untouched


def test_a_cache_on_another_file_system_is_copied_not_linked(tmp_path):
    shm = Path("/dev/shm")
    if not shm.is_dir() or os.stat(shm).st_dev == os.stat(tmp_path).st_dev:
        pytest.skip("needs /dev/shm on a file system of its own")
    cached = ImageCache(Path(tempfile.mkdtemp(dir=shm))).write("cd34", ".card.jpg", b"kartu")
    out = Output(tmp_path / "gen", None)
    assert out.link("kartu/cd34.jpg", cached)
    copied = tmp_path / "gen" / "kartu" / "cd34.jpg"
    assert copied.read_bytes() == b"kartu" and copied.stat().st_ino != cached.stat().st_ino
    assert copied.stat().st_mode & 0o777 == 0o644
    shutil.rmtree(cached.parent.parent)
