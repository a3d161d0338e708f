"""What each page's preview card shows: every product, exhibitor, school, batch and the home page get one."""

from __future__ import annotations

import datetime as dt

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.images.cards import CardSpec
from etalase.site import urls
from etalase.social.cards import card_alt, card_specs

from tests.conftest import ROOTS

ROOT = ROOTS / "site-basic" / "catalogue_data"


@pytest.fixture(scope="module")
def catalogue():
    """site-basic, validated."""
    return load_catalogue(ROOT)


@pytest.fixture(scope="module")
def specs(catalogue):
    """Every card spec of site-basic on 7 November 2023."""
    return card_specs(catalogue, dt.date(2023, 11, 7))


def test_every_record_page_and_the_home_page_has_a_card(catalogue, specs):
    expected = {urls.HOME} | {urls.batch(b.id) for b in catalogue.batches}
    expected |= {urls.exhibitor(i) for i in catalogue.exhibitors} | {urls.school(i) for i in catalogue.schools}
    expected |= {urls.product(item.id) for item in catalogue.listings}
    assert set(specs) == expected


def test_a_product_card_shows_name_seller_price_per_unit_batch_and_photo(specs):
    assert specs[urls.product("kopi-robusta-betawi-250g")] == CardSpec(
        "Kopi Robusta Betawi 250 g", "Kopi Betawi Sejahtera", "Rp\u00a045.000 / bungkus",
        "Business Matching Batch 9", photo=ROOT / "foto" / "kopi.jpg")
    assert specs[urls.product("kredit-modal-kerja-umkm")].price == "Harga atas permintaan"


def test_an_exhibitor_card_shows_kind_kota_product_count_and_a_product_photo(specs):
    assert specs[urls.exhibitor("kopi-betawi-sejahtera")] == CardSpec(
        "Kopi Betawi Sejahtera", "IKM · Jakarta Timur", "2 produk", "Business Matching Batch 9",
        photo=ROOT / "foto" / "kopi.jpg")
    school = specs[urls.school("smkn-32-jakarta")]
    assert (school.subtitle, school.price) == ("Sekolah · Jakarta Selatan", "1 produk")


def test_a_batch_card_shows_venue_dates_and_counts(specs):
    card = specs[urls.batch("batch-9")]
    assert (card.title, card.subtitle, card.price, card.badge) == (
        "Business Matching Batch 9", "Balai Kota DKI Jakarta", "6–9 November 2023", "4 peserta · 5 produk")
    assert card.photo == ROOT / "foto" / "batik.jpg"  # the first featured product by name


def test_the_home_card_shows_the_programme_and_the_current_batch(specs):
    card = specs[urls.HOME]
    assert (card.title, card.subtitle, card.price, card.badge) == (
        "Business Matching Produk Dalam Negeri", "Dinas PPKUKM Provinsi DKI Jakarta", "5 produk dalam negeri",
        "Batch 9 · Sedang berlangsung")


@pytest.mark.parametrize(
    ("today", "badge"),
    [
        (dt.date(2023, 10, 1), "Batch 8 · Akan datang"),  # before every batch: the next one
        (dt.date(2023, 10, 13), "Batch 9 · Akan datang"),  # the day after batch 8: batch 9 is next
        (dt.date(2023, 11, 6), "Batch 9 · Sedang berlangsung"),  # its first day
        (dt.date(2023, 11, 9), "Batch 9 · Sedang berlangsung"),  # its last day
        (dt.date(2023, 11, 10), "Batch 9 · Selesai"),  # after the newest batch: the latest one, over
    ],
)
def test_the_home_card_picks_the_current_batch_and_says_how_it_stands(catalogue, today, badge):
    assert card_specs(catalogue, today)[urls.HOME].badge == badge


def test_alt_text_reads_every_text_of_the_card():
    assert card_alt(CardSpec("Kopi", "Usaha", "", "Batch 9")) == "Kopi · Usaha · Batch 9"
