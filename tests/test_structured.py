"""schema.org Product data: a fixed price is an Offer, a range an AggregateOffer, on request no offer."""

from __future__ import annotations

import pytest
from etalase.catalogue import load_catalogue
from etalase.structured import product_data

from tests.conftest import ROOTS


@pytest.fixture(scope="module")
def listings():
    """site-basic's products by ID."""
    return {item.id: item for item in load_catalogue(ROOTS / "site-basic" / "catalogue_data").listings}


def data(item):
    """Product data with fixed URLs."""
    return product_data(item, "https://e.id/produk/x/", "https://e.id/gambar/x.jpg", "https://e.id/eksibitor/y/", "K")


def test_fixed_price_is_an_offer(listings):
    offer = data(listings["kopi-robusta-betawi-250g"])["offers"]
    assert (offer["@type"], offer["price"], offer["priceCurrency"]) == ("Offer", "45000", "IDR")


def test_price_range_is_an_aggregate_offer(listings):
    offer = data(listings["kain-batik-tulis-ondel-ondel"])["offers"]
    assert (offer["@type"], offer["lowPrice"], offer["highPrice"]) == ("AggregateOffer", "350000", "750000")


def test_price_on_request_has_no_offer(listings):
    product = data(listings["kredit-modal-kerja-umkm"])
    assert "offers" not in product
    assert product["name"] == "Kredit Modal Kerja UMKM" and product["brand"]["name"] == "Bank Contoh Jakarta"
    assert product["description"] == "Pembiayaan modal kerja dengan bunga ringan."
