"""Open Graph cards: size, byte budget, determinism, caching and text fitting."""

from __future__ import annotations

import io
import logging
from pathlib import Path

import pytest
from etalase.images import cards
from etalase.images.cards import CardMaker, CardSpec, draw_card, encode_card, render_card
from etalase.images.probe import ImageProblem
from etalase.images.textfit import ELLIPSIS, clean_text, ellipsize, wrap
from PIL import Image

from tests.images_helpers import assert_clean, gps_exif, noise, save, textured

LONG_TITLE = (
    "Keripik Tempe Sagu Renyah Rasa Balado Pedas Manis Khas Malang Kemasan Standing Pouch "
    "Zipper Isi 250 Gram Tanpa Pengawet Dibuat oleh Kelompok Usaha Bersama Ibu-Ibu PKK RW 05 "
    "Kelurahan Cipete Utara Jakarta Selatan"
)[:200]


def spec(**changes) -> CardSpec:
    """Return a typical product card spec with ``changes`` applied."""
    values = {
        "title": "Kopi Arabika Gayo Premium",
        "subtitle": "Koperasi Petani Kopi Gayo, Aceh Tengah",
        "price": "Rp85.000 / 250 g",
        "badge": "Batch 3 · Maret 2026",
    }
    values.update(changes)
    return CardSpec(**values)


def check_card(data: bytes) -> Image.Image:
    """Assert the card's size, format and byte budget; return it decoded."""
    assert len(data) <= 300 * 1024
    img = Image.open(io.BytesIO(data))
    assert (img.format, img.size, img.mode) == ("JPEG", (1200, 630), "RGB")
    img.load()
    return img


@pytest.fixture
def photo(tmp_path: Path) -> Path:
    """Return a rotated photo with GPS EXIF, as phones write them."""
    return save(textured((1600, 1200)), tmp_path / "kopi.jpg", "JPEG", exif=gps_exif(6))


def test_card_with_photo(photo: Path) -> None:
    data = render_card(spec(photo=photo))
    check_card(data)
    assert_clean(data)


def test_card_without_photo_uses_the_brand_panel() -> None:
    img = check_card(render_card(spec(photo=None)))
    r, g, b = img.getpixel((1150, 40))
    assert r > 150 and g < 60 and b < 80


def test_card_with_200_character_title_is_cut_to_three_lines() -> None:
    assert len(LONG_TITLE) == 200
    check_card(render_card(spec(title=LONG_TITLE, subtitle="Toko " * 60, price="Rp" * 80)))
    font = cards.load_font(cards.TITLE_SIZES[-1], 800)
    lines = wrap(LONG_TITLE, font.getlength, cards.TEXT_WIDTH, cards.TITLE_LINES)
    assert len(lines) == 3
    assert lines[-1].endswith(ELLIPSIS)
    assert all(font.getlength(line) <= cards.TEXT_WIDTH for line in lines)


def test_card_with_any_unicode_and_empty_fields() -> None:
    title = "Rendang 🌶️ Padang 巴东 Пирог\u200b\u0007 Nasi\tLiwet\nSolo " + "A" * 120
    check_card(render_card(CardSpec(title=title, subtitle="", price="", badge="", kicker="")))
    check_card(render_card(CardSpec(title="")))


def test_noisy_photo_forces_quality_steps_but_fits(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    canvas = noise((1200, 630))
    with caplog.at_level(logging.DEBUG, logger="etalase.images.cards"):
        data = encode_card(canvas)
    assert "stepping down" in caplog.text
    assert len(data) <= 300 * 1024
    noisy = save(noise((540, 630)), tmp_path / "bising.png", "PNG")
    check_card(render_card(spec(photo=noisy)))


def test_card_bytes_are_deterministic(photo: Path) -> None:
    assert render_card(spec(photo=photo)) == render_card(spec(photo=photo))
    assert render_card(spec()) == render_card(spec())
    assert render_card(spec()) != render_card(spec(price="Rp86.000 / 250 g"))


def test_card_maker_caches_and_publishes(tmp_path: Path, photo: Path) -> None:
    maker = CardMaker(tmp_path / "cache", workers=1)
    first = maker.make(spec(photo=photo))
    assert first.path == f"kartu/{first.key}.jpg"
    check_card(first.data)
    again = CardMaker(tmp_path / "cache", workers=1)
    second = again.make(spec(photo=photo))
    assert second == first
    assert (again.encoded, again.cache_hits) == (0, 1)
    assert Path(second.cached).read_bytes() == first.data  # what the build links at kartu/<key>.jpg


def test_card_key_follows_photo_bytes_not_path(tmp_path: Path) -> None:
    a = save(textured((300, 300), seed=1), tmp_path / "a.jpg", "JPEG")
    b = save(textured((300, 300), seed=1), tmp_path / "b" / "a.jpg", "JPEG")
    c = save(textured((300, 300), seed=2), tmp_path / "c.jpg", "JPEG")
    assert cards.card_key(spec(photo=a)) == cards.card_key(spec(photo=b))
    assert cards.card_key(spec(photo=a)) != cards.card_key(spec(photo=c))


def test_missing_photo_is_reported_as_i01(tmp_path: Path) -> None:
    with pytest.raises(ImageProblem) as caught:
        CardMaker(tmp_path / "cache", workers=1).make(spec(photo=tmp_path / "hilang.jpg"))
    assert caught.value.code == "I01"


def test_make_all_over_processes(tmp_path: Path) -> None:
    specs = [spec(title=f"Produk nomor {i}") for i in range(4)] + [spec(title="Produk nomor 0")]
    maker = CardMaker(tmp_path / "cache", workers=2)
    made = maker.make_all(specs)
    assert [c.key for c in made][0] == made[4].key
    assert (maker.encoded, maker.cache_hits) == (4, 1)
    assert made[1].data == render_card(specs[1])


def test_draw_card_layout_is_stable() -> None:
    img = draw_card(spec())
    assert img.size == (1200, 630)
    assert img.getpixel((5, 625)) == cards.RED  # the red rule under the text
    assert img.getpixel((70, 60)) == cards.RED  # the red half of the accent
    assert img.getpixel((70, 74)) == cards.PAPER  # the white half


def test_text_helpers() -> None:
    def measure(text: str) -> float:
        return len(text) * 10.0

    assert clean_text("  Kopi\u200b\n\tGayo\x00  ") == "Kopi Gayo"
    assert clean_text("e\u0301") == "é"
    assert clean_text("Kopi ☕", covered={ord(c) for c in "Kopi "}) == "Kopi"
    assert ellipsize("Kopi Gayo", measure, 200) == "Kopi Gayo"
    assert ellipsize("Kopi Arabika Gayo Premium", measure, 150) == "Kopi Arabika…"
    assert wrap("a" * 50, measure, 100, 2) == ["a" * 10, "a" * 9 + ELLIPSIS]
    assert wrap("", measure, 100, 3) == []
