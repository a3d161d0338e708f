"""schema.org data: Product with Offer, AggregateOffer or no offer; Organization, Event, BreadcrumbList, WebSite."""

from __future__ import annotations

import json

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.social.structured import (
    breadcrumb_data,
    event_data,
    organization_data,
    product_data,
    website_data,
)

from tests.conftest import ROOTS

URL = "https://e.id/produk/x/"


@pytest.fixture(scope="module")
def catalogue():
    """site-basic, validated."""
    return load_catalogue(ROOTS / "site-basic" / "catalogue_data")


@pytest.fixture(scope="module")
def listings(catalogue):
    """site-basic's products by ID."""
    return {item.id: item for item in catalogue.listings}


def data(item, held=None):
    """Product data with fixed URLs; ``held`` defaults to every certificate the product has."""
    return product_data(item, url=URL, seller_url="https://e.id/eksibitor/y/", category="K",
                        images=["https://e.id/gambar/x.jpg", "https://e.id/kartu/x.jpg"],
                        held=item.product.certifications.kinds() if held is None else held)


def test_fixed_price_is_an_offer(listings):
    offer = data(listings["kopi-robusta-betawi-250g"])["offers"]
    assert offer == {
        "@type": "Offer", "price": "45000", "priceCurrency": "IDR", "availability": "https://schema.org/InStock",
        "url": URL, "seller": {"@type": "Organization", "name": "Kopi Betawi Sejahtera", "url": "https://e.id/eksibitor/y/"},
        "eligibleQuantity": {"@type": "QuantitativeValue", "minValue": 10, "unitText": "bungkus"},
    }


def test_price_range_is_an_aggregate_offer(listings):
    offer = data(listings["kain-batik-tulis-ondel-ondel"])["offers"]
    assert (offer["@type"], offer["lowPrice"], offer["highPrice"]) == ("AggregateOffer", "350000", "750000")
    assert offer["priceCurrency"] == "IDR" and "price" not in offer


def test_price_on_request_has_no_offer(listings):
    product = data(listings["kredit-modal-kerja-umkm"])
    assert "offers" not in product
    assert product["name"] == "Kredit Modal Kerja UMKM" and product["brand"]["name"] == "Bank Contoh Jakarta"
    assert product["description"] == "Pembiayaan modal kerja dengan bunga ringan."


def test_product_names_its_sku_seller_category_images_and_certificates(listings):
    product = data(listings["kopi-robusta-betawi-250g"])
    assert product["sku"] == "kopi-robusta-betawi-250g"
    assert product["manufacturer"] == {"@type": "Organization", "name": "Kopi Betawi Sejahtera",
                                       "url": "https://e.id/eksibitor/y/"}
    assert product["category"] == "K" and product["image"] == ["https://e.id/gambar/x.jpg", "https://e.id/kartu/x.jpg"]
    assert product["additionalProperty"] == [
        {"@type": "PropertyValue", "name": "TKDN", "value": 42.5, "unitText": "%"},
        {"@type": "PropertyValue", "name": "BMP", "value": 5, "unitText": "%"},
        {"@type": "PropertyValue", "name": "TKDN + BMP", "value": 47.5, "unitText": "%"},
        {"@type": "PropertyValue", "name": "Sertifikat halal", "value": "ID31110000123450223"},
    ]
    assert "additionalProperty" not in data(listings["kopi-arabika-gayo-200g"])


def test_an_expired_halal_certificate_is_not_claimed(listings):
    """``held`` (etalase.data.certificates.held) leaves out what has lapsed on the build's day."""
    names = [p["name"] for p in data(listings["kopi-robusta-betawi-250g"], held=["pirt"])["additionalProperty"]]
    assert names == ["TKDN", "BMP", "TKDN + BMP"]


def test_descriptions_are_plain_text(listings, catalogue):
    exhibitor = catalogue.exhibitors["batik-rawamangun"]
    org = organization_data(exhibitor, url="https://e.id/eksibitor/b/", city="Jakarta Timur", logo=None, image=None)
    assert org["description"] == "Batik tulis dan cap motif Betawi. Ondel-ondel Tumpal"


def test_organization_has_its_address_in_its_kota_and_its_other_profiles(catalogue):
    exhibitor = catalogue.exhibitors["kopi-betawi-sejahtera"]
    org = organization_data(exhibitor, url="https://e.id/eksibitor/k/", city="Jakarta Timur",
                            logo="https://e.id/gambar/logo.jpg", image="https://e.id/kartu/k.jpg")
    assert (org["@type"], org["name"], org["url"]) == ("Organization", "Kopi Betawi Sejahtera", "https://e.id/eksibitor/k/")
    assert org["address"] == {"@type": "PostalAddress", "streetAddress": "Jl. Contoh Raya No. 1",
                              "addressLocality": "Jakarta Timur", "addressRegion": "DKI Jakarta",
                              "addressCountry": "ID"}
    assert org["sameAs"] == ["https://www.instagram.com/kopibetawi.contoh/", "https://www.tokopedia.com/kopibetawi-contoh"]
    assert (org["logo"], org["image"]) == ("https://e.id/gambar/logo.jpg", "https://e.id/kartu/k.jpg")


def test_organization_without_logo_street_or_profiles_leaves_them_out(catalogue):
    school = catalogue.schools["smkn-32-jakarta"]
    org = organization_data(school, url="https://e.id/sekolah/s/", city="Jakarta Selatan", logo=None, image=None)
    assert "logo" not in org and "image" not in org and "sameAs" not in org
    assert org["address"] == {"@type": "PostalAddress", "addressLocality": "Jakarta Selatan",
                              "addressRegion": "DKI Jakarta", "addressCountry": "ID"}


def test_a_batch_is_an_offline_event_at_its_venue_organised_by_the_programme(catalogue):
    batch = catalogue.batches[-1]
    event = event_data(batch, catalogue.programme, status="running", url="https://e.id/batch/batch-9/",
                       city="Jakarta Pusat", organiser_url="https://e.id/", image="https://e.id/kartu/b.jpg")
    assert {k: event[k] for k in ("@type", "name", "startDate", "endDate", "eventStatus", "eventAttendanceMode")} == {
        "@type": "Event", "name": "Business Matching Batch 9", "startDate": "2023-11-06", "endDate": "2023-11-09",
        "eventStatus": "https://schema.org/EventScheduled",
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    assert event["location"] == {
        "@type": "Place", "name": "Balai Kota DKI Jakarta",
        "address": {"@type": "PostalAddress", "streetAddress": "Jl. Medan Merdeka Selatan No. 8-9, Gambir",
                    "addressLocality": "Jakarta Pusat", "addressRegion": "DKI Jakarta", "addressCountry": "ID"},
    }
    assert event["organizer"] == {"@type": "Organization", "name": "Dinas PPKUKM Provinsi DKI Jakarta",
                                  "url": "https://e.id/"}
    assert event["description"] == "Batch 9 menghadirkan 18 eksibitor dan SMK Negeri 32 Jakarta."
    assert event["image"] == ["https://e.id/kartu/b.jpg"]


@pytest.mark.parametrize("status", ["upcoming", "running", "past"])
def test_a_batch_stays_scheduled_before_during_and_after_it(catalogue, status):
    """schema.org has no "completed" status: a batch held as planned is EventScheduled; endDate says it is over."""
    event = event_data(catalogue.batches[-1], catalogue.programme, status=status, url="/", city="",
                       organiser_url="/", image=None)
    assert event["eventStatus"] == "https://schema.org/EventScheduled"


def test_breadcrumbs_number_their_items_from_one():
    crumbs = breadcrumb_data([("Beranda", "https://e.id/"), ("Minuman", "https://e.id/kategori/minuman/")])
    assert crumbs["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Beranda", "item": "https://e.id/"},
        {"@type": "ListItem", "position": 2, "name": "Minuman", "item": "https://e.id/kategori/minuman/"},
    ]


def test_website_search_action_points_at_the_search_page():
    site = website_data(name="Etalase", url="https://e.id/", search_url="https://e.id/cari/", description="D",
                        publisher="Dinas")
    assert site["potentialAction"] == {
        "@type": "SearchAction",
        "target": {"@type": "EntryPoint", "urlTemplate": "https://e.id/cari/?q={search_term_string}"},
        "query-input": "required name=search_term_string",
    }


def test_every_dict_is_plain_json(listings, catalogue):
    for item in listings.values():
        json.dumps(data(item))
    json.dumps(event_data(catalogue.batches[0], catalogue.programme, status="past", url="/", city="",
                          organiser_url="/", image=None))
