"""The social kit: posts and stories of every record (sizes, bytes, no metadata, cached), captions, /staf/kit/."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.images.cards import POST, STORY, CardSpec, render_card
from etalase.site import urls
from etalase.social.kit import kits
from PIL import Image

from tests.conftest import ROOTS
from tests.images_helpers import XMP, assert_clean, gps_exif, textured
from tests.site_helpers import soup
from tests.test_sharing_site import SITEURL, build_root

KIT_MAX_BYTES = 1024 * 1024
SIZES = {"post": (1080, 1080), "story": (1080, 1920)}


def link(path: str) -> str:
    """A published build's absolute URL."""
    return f"{SITEURL}/{path}"


@pytest.fixture(scope="module")
def catalogue():
    """tests/roots/site-basic, validated."""
    return load_catalogue(ROOTS / "site-basic" / "catalogue_data")


def kit_of(catalogue, batch_id):
    """The kit of one batch."""
    return next(kit for kit in kits(catalogue, link) if kit.batch_id == batch_id)


def entry_of(kit, record_id):
    """One record's entry of a kit."""
    return next(entry for entry in kit.entries if entry.record_id == record_id)


def test_a_product_caption_word_for_word(catalogue):
    entry = entry_of(kit_of(catalogue, "batch-9"), "kopi-robusta-betawi-250g")
    assert entry.caption == (
        "Kopi Robusta Betawi 250 g dari Kopi Betawi Sejahtera, Rp\u00a045.000 / bungkus.\n"
        "Business Matching Batch 9, 6–9 November 2023, Balai Kota DKI Jakarta.\n"
        "Lihat: etalase.contoh.go.id/produk/kopi-robusta-betawi-250g/\n"
        "\n"
        "#BanggaBuatanIndonesia #BusinessMatching #BusinessMatchingBatch9"
    )


def test_a_price_on_request_caption_says_harga_atas_permintaan(catalogue):
    kit = next(kit for kit in kits(catalogue, link) if any(e.record_id == "kredit-modal-kerja-umkm"
                                                            for e in kit.entries))
    entry = entry_of(kit, "kredit-modal-kerja-umkm")
    assert entry.caption.splitlines()[0] == "Kredit Modal Kerja UMKM dari Bank Contoh Jakarta, harga atas permintaan."
    assert entry.post.price == entry.story.price == "Harga atas permintaan"
    assert entry.caption.endswith(f"#BanggaBuatanIndonesia #BusinessMatching #{kit.title.replace(' ', '')}")


def test_every_record_of_a_batch_has_a_post_and_a_story_with_its_page_in_the_qr_code(catalogue):
    batch = next(b for b in catalogue.batches if b.id == "batch-9")
    kit = kit_of(catalogue, "batch-9")
    expected = {("batch", "batch-9")} | {(e.kind, e.record_id) for e in kit.entries}
    people = {p.id for p in catalogue.participants_of(batch)}
    products = {item.id for item in catalogue.listings_in_batch(batch)}
    assert {e.record_id for e in kit.entries} == {"batch-9"} | people | products
    assert {(e.kind, e.record_id) for e in kit.entries} == expected
    for entry in kit.entries:
        assert (entry.post.layout, entry.story.layout) == ("post", "story")
        assert entry.post.qr == entry.story.qr == link(urls.record(entry.kind, entry.record_id)) == entry.url
        assert entry.post.badge == "6–9 November 2023"


def test_the_whatsapp_broadcast_word_for_word(catalogue):
    assert kit_of(catalogue, "batch-8").broadcast == (
        "*Business Matching Batch 8*\n"
        "10–12 Oktober 2023, Gedung Dinas PPKUKM\n"
        "\n"
        "Datang dan dukung 2 peserta dan 3 produk dalam negeri. "
        "Katalog lengkapnya: etalase.contoh.go.id/batch/batch-8/\n"
        "\n"
        "Peserta:\n"
        "- Kopi Betawi Sejahtera: etalase.contoh.go.id/eksibitor/kopi-betawi-sejahtera/\n"
        "- Batik Rawamangun: etalase.contoh.go.id/eksibitor/batik-rawamangun/\n"
        "\n"
        "#BanggaBuatanIndonesia #BusinessMatching #BusinessMatchingBatch8"
    )


@pytest.mark.parametrize("layout", [POST, STORY])
def test_a_noisy_photo_still_fits_in_one_megabyte(tmp_path, layout):
    photo = tmp_path / "noise.png"
    Image.effect_noise((2000, 2000), 120).convert("RGB").save(photo)
    data = render_card(CardSpec("Derau", "Penjual", "Rp 1.000", "6–9 November 2023", photo=photo,
                                layout=layout.name, qr="https://etalase.contoh.go.id/produk/x/"))
    assert len(data) <= KIT_MAX_BYTES
    with Image.open(io.BytesIO(data)) as img:
        assert (img.format, img.size) == ("JPEG", layout.size)
    assert_clean(data)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """``(first, second)``: two published builds of site-basic (photo with GPS EXIF and XMP) with one cache."""
    tmp = tmp_path_factory.mktemp("kit")
    root = tmp / "catalogue_data"
    shutil.copytree(ROOTS / "site-basic" / "catalogue_data", root)
    textured((900, 700), seed=5).save(root / "foto" / "kopi.jpg", "JPEG", exif=gps_exif(orientation=6), xmp=XMP)
    first = build_root(root, tmp / "one", tmp / "cache")
    second = build_root(root, tmp / "two", tmp / "cache")
    return first, second


def kit_images(output: Path) -> dict[str, tuple[str, str]]:
    """Every picture the batch kit pages link: ``{output path: (layout, download name)}``."""
    found = {}
    for page in sorted((output / "staf" / "kit").glob("*/index.html")):
        for anchor in soup(output, page.parent.relative_to(output).as_posix() + "/").select("a[download]"):
            path = anchor["href"].removeprefix(SITEURL + "/")
            found[path] = ("post" if anchor["download"].endswith("-post.jpg") else "story", anchor["download"])
    return found


@pytest.mark.slow
def test_kit_pictures_have_the_exact_sizes_fit_in_one_megabyte_and_carry_no_metadata(built):
    first, _ = built
    images = kit_images(first.output)
    assert len(images) == first.media.kit_encoded + first.media.kit_cached > 0
    for path, (layout, _) in images.items():
        data = (first.output / path).read_bytes()
        assert len(data) <= KIT_MAX_BYTES, path
        with Image.open(io.BytesIO(data)) as img:
            assert (img.format, img.size) == ("JPEG", SIZES[layout]), path
        assert_clean(data)
    assert sorted(p.relative_to(first.output).as_posix() for p in (first.output / "kit").iterdir()) == sorted(images)


@pytest.mark.slow
def test_a_second_build_encodes_no_kit_picture(built):
    first, second = built
    assert first.media.kit_encoded > 0
    assert second.media.kit_encoded == 0
    assert second.media.kit_cached == first.media.kit_encoded + first.media.kit_cached
    assert kit_images(first.output) == kit_images(second.output)


@pytest.mark.slow
def test_the_kit_pages_are_noindex_disallowed_and_left_out_of_the_sitemap(built):
    output = built[0].output
    robots = (output / "robots.txt").read_text().splitlines()
    disallowed = [line.removeprefix("Disallow: ") for line in robots if line.startswith("Disallow: ")]
    assert any(f"/{urls.kit('batch-9')}".startswith(prefix) for prefix in disallowed)
    assert any(f"/{urls.kit()}".startswith(prefix) for prefix in disallowed)
    sitemap = (output / "sitemap.xml").read_text()
    for page in [urls.kit(), urls.kit("batch-8"), urls.kit("batch-9")]:
        html = soup(output, page)
        assert html.find("meta", attrs={"name": "robots"})["content"] == "noindex, nofollow"
        assert "/staf/kit/" not in sitemap
    index = soup(output, urls.kit())
    assert [a["href"] for a in index.select("main li a")] == [f"{SITEURL}/staf/kit/batch-9/",
                                                              f"{SITEURL}/staf/kit/batch-8/"]


@pytest.mark.slow
def test_a_kit_page_shows_each_caption_and_the_broadcast_text(built, catalogue):
    html = soup(built[0].output, urls.kit("batch-9"))
    kit = kit_of(catalogue, "batch-9")
    shown = [p.get_text() for p in html.select("p.caption")]
    assert shown == [entry.caption for entry in kit.entries]
    assert html.select_one("#siaran-teks").get_text() == kit.broadcast
    assert len(html.select("button[data-copy]")) == len(kit.entries) + 1
