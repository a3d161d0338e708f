"""Incremental builds: a second build with nothing changed builds nothing; an edit rebuilds only what shows it.

Work is counted (pages rendered, files written, records parsed, Markdown
rendered, images encoded, search indexed), never timed: speed lives in
benchmarks/bench_build.py.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

import pytest
from etalase.build import build
from etalase.settings import Today, epoch_of
from etalase.site import renderer

from tests.catalogue_helpers import edit
from tests.conftest import PROJECT, ROOTS
from tests.site_helpers import soup, tree

SELLER = "eksibitor/batik-rawamangun.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A copy of tests/roots/search/catalogue_data (four sellers, paginated listings at two per page)."""
    target = tmp_path / "catalogue_data"
    shutil.copytree(ROOTS / "search" / "catalogue_data", target)
    return target


@pytest.fixture
def site(tmp_path: Path, image_cache: Path):
    """``site(data, name, **overrides)``: build ``data`` into ``tmp_path/name`` with caches of its own."""

    def run(data: Path, name: str = "output", **overrides):
        settings = {
            "OUTPUT_PATH": str(tmp_path / name),
            "ETALASE_CATALOGUE": str(data),
            "ETALASE_IMAGE_CACHE": str(image_cache),
            "ETALASE_IMAGE_WORKERS": 1,
            "ETALASE_SEARCH_CACHE": str(tmp_path / "search"),  # shared: Pagefind's own output is not byte-stable
            "ETALASE_BUILD_CACHE": str(tmp_path / f"{name}-build"),
            "ETALASE_PER_PAGE": 2,
            "ETALASE_TODAY": "2023-11-09",
            "ETALASE_RENDER_WORKERS": 1,
        }
        return build(PROJECT / "pelicanconf.py", {**settings, **overrides})

    return run


def mtimes(output: Path) -> dict[str, int]:
    """Every file's modification time, in nanoseconds."""
    return {p.relative_to(output).as_posix(): p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}


def test_second_build_with_nothing_changed_builds_nothing(site, data):
    first = site(data)
    assert not first.work.incremental and first.work.pages.rendered == first.work.pages.planned > 20
    before, stamps = tree(first.output), mtimes(first.output)
    second = site(data)
    work = second.work
    assert work.incremental
    assert (work.pages.rendered, work.files_written, work.files_deleted) == (0, 0, 0)
    assert (work.records_parsed, work.markdown_rendered, work.search_indexed) == (0, 0, False)
    assert (second.media.photos_encoded, second.media.cards_encoded, second.media.qr_encoded) == (0, 0, 0)
    assert tree(second.output) == before
    assert mtimes(second.output) == stamps  # nothing rewritten: a deploy uploads nothing


def test_editing_one_product_rebuilds_only_the_pages_that_show_it(site, data):
    before = tree(site(data).output)
    edit(data, SELLER, "Syal Batik Cap", "Syal Batik Cap Sutra")
    result = site(data)
    work, after = result.work, tree(result.output)
    rendered = set(work.pages.files)
    assert {"produk/syal-batik-cap/index.html", "eksibitor/batik-rawamangun/index.html",
            "produk/kain-batik-tulis-ondel-ondel/index.html"} <= rendered  # its page, its seller, its sibling
    assert "kategori/fesyen/index.html" in rendered
    assert not any(f.startswith(("produk/kopi-", "eksibitor/kopi-", "eksibitor/bank-")) for f in rendered)
    assert len(rendered) < work.pages.planned / 2
    assert work.records_parsed == 1 and work.search_indexed  # the name is searchable
    changed = {rel for rel, data in after.items() if before.get(rel) != data}
    assert work.files_written == len(changed) > 0  # exactly the files whose bytes changed, nothing else
    assert work.files_deleted == len(set(before) - set(after))


def test_editing_what_no_card_shows_renders_exactly_that_products_page(site, data):
    site(data)
    edit(data, SELLER, "nomor_sertifikat: TKDN-CONTOH-0003", "nomor_sertifikat: TKDN-CONTOH-0033")  # its page only
    work = site(data).work
    # the product's page and the printed catalogues of its batches (they declare each product in full), each with
    # its English twin (same sources, same plan entry in the other edition)
    own = ["batch/batch-8/cetak/index.html", "batch/batch-9/cetak/index.html", "produk/syal-batik-cap/index.html"]
    assert work.pages.files == [*own, *(f"en/{page}" for page in own)]
    assert not work.search_indexed  # a certificate number is not searchable: the same records, the same bundle


def test_a_minimum_order_edit_renders_the_cards_whose_save_toggle_holds_it(site, data):
    site(data)
    edit(data, SELLER, "    satuan: pcs\n", "    satuan: pcs\n    min_pesan: 7\n")
    result = site(data)
    assert {"produk/syal-batik-cap/index.html", "eksibitor/batik-rawamangun/index.html",
            "kategori/fesyen/index.html"} <= set(result.work.pages.files)
    assert 'data-save="syal-batik-cap" data-name="Syal Batik Cap Tumpal" data-min="7"' in (
        result.output / "kategori" / "fesyen" / "index.html").read_text(encoding="utf-8")
    assert not result.work.search_indexed  # the minimum order is not searchable


def test_an_edited_build_is_byte_identical_to_a_cold_build_of_the_same_data(site, data):
    site(data)
    edit(data, SELLER, "Syal Batik Cap", "Syal Batik Cap Sutra")
    incremental = site(data).output
    cold = site(data, "cold").output
    assert tree(incremental) == tree(cold)


#: Edits of each kind of thing a page shows: every incremental build must equal a cold build of the same data.
EDITS = {
    "a price (cards, product page, open data)": (SELLER, "    harga: 150000", "    harga: 175000"),
    "a photo's alt text (cards)": (SELLER, "alt: Syal batik cap bermotif tumpal", "alt: Syal tumpal biru"),
    "a seller's name (every card of theirs)": (SELLER, "nama: Batik Rawamangun\n", "nama: Batik Rawamangun Jaya\n"),
    "a seller's contact (its pages)": (SELLER, "email: halo@batik-contoh.id", "email: sapa@batik-contoh.id"),
    "a batch title": ("batch/batch-8.yaml", "judul: Business Matching Batch 8", "judul: Business Matching Ke-8"),
    "a batch's exhibitors": ("batch/batch-8.yaml", "  - batik-rawamangun\n", ""),
    "a certificate's expiry (status as of today)": (SELLER, "      persen: 20\n",
                                                    "      persen: 20\n      berlaku_sampai: 2023-01-01\n"),
}


@pytest.mark.parametrize("change", EDITS.values(), ids=EDITS.keys())
def test_every_kind_of_edit_gives_what_a_cold_build_gives(site, data, change):
    site(data)
    edit(data, *change)
    incremental = site(data)
    assert 0 < incremental.work.pages.rendered < incremental.work.pages.planned
    assert tree(incremental.output) == tree(site(data, "cold").output)


def test_a_removed_product_loses_its_page(site, data):
    site(data)
    path = data / SELLER
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: syal-batik-cap")], encoding="utf-8")
    result = site(data)
    assert result.work.files_deleted >= 1
    assert not (result.output / "produk" / "syal-batik-cap").exists()
    assert tree(result.output) == tree(site(data, "cold").output)


def test_a_page_whose_only_change_is_its_preview_card_is_rendered_again(site, data):
    """A category page of another seller shows the home card, which counts the products: one fewer, a new card."""
    unrelated = "kategori/minuman/index.html"
    before = (site(data).output / unrelated).read_text(encoding="utf-8")
    assert "batik-rawamangun" not in before and "syal-batik-cap" not in before
    path = data / SELLER
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("  - id: syal-batik-cap")], encoding="utf-8")
    result = site(data)
    assert unrelated in result.work.pages.files
    after = (result.output / unrelated).read_text(encoding="utf-8")
    card = 'property="og:image" content="'
    assert after.split(card)[1].split('"')[0] != before.split(card)[1].split('"')[0]


def test_a_failed_incremental_build_leaves_the_output_untouched(site, data):
    first = site(data)
    before, stamps = tree(first.output), mtimes(first.output)
    edit(data, SELLER, "kategori: fesyen", "kategori: tidak-ada")
    with pytest.raises(Exception, match="masalah"):
        site(data)
    assert tree(first.output) == before and mtimes(first.output) == stamps


def test_serial_and_parallel_builds_are_byte_identical(site, data, monkeypatch):
    monkeypatch.setattr(renderer, "PARALLEL_MIN", 1)
    monkeypatch.setattr(renderer, "CHUNK", 3)
    serial = site(data, "serial")
    parallel = site(data, "parallel", ETALASE_RENDER_WORKERS=2)
    assert parallel.work.pages.workers == 2 and serial.work.pages.workers == 1
    assert tree(serial.output) == tree(parallel.output)


def test_touching_a_photo_loads_from_the_caches_and_still_writes_nothing(site, data):
    first = site(data)
    before, stamps = tree(first.output), mtimes(first.output)
    photo = next((data / "foto").rglob("*.jpg"))
    info = photo.stat()
    os.utime(photo, ns=(info.st_atime_ns, info.st_mtime_ns + 10**9))  # same bytes, new mtime: a full check
    work = site(data).work
    assert (work.records_parsed, work.pages.rendered, work.pages.skipped) == (0, 0, work.pages.planned)
    assert (work.files_written, work.markdown_rendered, work.search_indexed) == (0, 0, False)
    assert tree(first.output) == before and mtimes(first.output) == stamps


def test_the_same_day_writes_nothing_and_a_new_day_renders_again(site, data, monkeypatch):
    """Without ETALASE_TODAY the day is SOURCE_DATE_EPOCH's (or the clock's) in Jakarta: the shortcut keys on it."""
    first_second = epoch_of(dt.date(2023, 11, 9))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(first_second))
    first = site(data, ETALASE_TODAY=None)
    assert first.today == Today(dt.date(2023, 11, 9), "SOURCE_DATE_EPOCH")
    before, stamps = tree(first.output), mtimes(first.output)

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(first_second + 23 * 3600))  # 23:00 in Jakarta, the same day
    same = site(data, ETALASE_TODAY=None)
    assert (same.work.records_parsed, same.work.pages.rendered, same.work.files_written) == (0, 0, 0)
    assert tree(same.output) == before and mtimes(same.output) == stamps
    assert same.today == first.today

    monkeypatch.setenv("SOURCE_DATE_EPOCH", str(first_second + 24 * 3600))  # midnight: 10 November, batch 9 is over
    next_day = site(data, ETALASE_TODAY=None)
    assert next_day.today.date == dt.date(2023, 11, 10)
    assert next_day.work.pages.rendered == next_day.work.pages.planned
    assert next_day.work.files_written > 0
    assert soup(next_day.output, "").select_one(".current .status").get_text() == "Selesai"
    assert soup(next_day.output, "batch/batch-9/").select_one("p.status").get_text() == "Selesai"
    assert tree(next_day.output) == tree(site(data, "cold", ETALASE_TODAY=None).output)  # the same day, same source


def test_the_manifest_is_made_again_only_when_a_file_name_or_a_record_line_changes(site, data, monkeypatch):
    from etalase import generator
    from etalase.outputs.manifest import manifest_bytes

    made = []
    monkeypatch.setattr(generator, "manifest_bytes", lambda *args: made.append(args) or manifest_bytes(*args))
    edit(data, SELLER, "    harga: 150000\n", "    harga: 150000\n    min_pesan: 7\n")  # not searchable, one line
    site(data)  # generation a
    edit(data, SELLER, "    min_pesan: 7", "    min_pesan: 8")
    site(data)  # generation b, seeded from a with a's state
    edit(data, SELLER, "    min_pesan: 8", "    min_pesan: 9")
    third = site(data)  # generation a again: the same file names and record lines as its first build
    assert len(made) == 1
    assert tree(third.output) == tree(site(data, "cold").output)
    made.clear()
    edit(data, SELLER, "  - id: syal-batik-cap", "\n  - id: syal-batik-cap")  # the product's line moves down
    fourth = site(data)
    assert len(made) == 1
    assert tree(fourth.output) == tree(site(data, "cold-2").output)
