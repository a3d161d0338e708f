"""Open data: JSON and CSV of the catalogue and each batch, matching the catalogue, with no personal data."""

from __future__ import annotations

import csv
import io
import json

import pytest
from etalase.outputs.opendata import FORMAT_VERSION, produce_open_data
from etalase.outputs.table import COLUMNS, guard
from outputs_helpers import SITEURL, rich_catalogue, sample_catalogue, site


@pytest.fixture
def rich(tmp_path):
    return rich_catalogue(tmp_path)


def _files(catalogue, **kwargs) -> dict[str, bytes]:
    return {a.path: a.data for a in produce_open_data(catalogue, site(**kwargs))}


def _json(data: bytes) -> dict:
    return json.loads(data.decode("utf-8"))


def _rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_file_paths(rich):
    assert sorted(_files(rich)) == [
        "data/batch/batch-10.csv", "data/batch/batch-10.json", "data/batch/batch-9.csv", "data/batch/batch-9.json",
        "data/katalog.csv", "data/katalog.json",
    ]


def test_catalogue_json_matches_the_catalogue_counts(rich):
    doc = _json(_files(rich)["data/katalog.json"])
    assert (doc["format"], doc["format_version"], doc["scope"]) == ("etalase-katalog", FORMAT_VERSION, "katalog")
    assert (doc["licence"], doc["licence_url"]) == ("CC BY 4.0", "https://creativecommons.org/licenses/by/4.0/")
    assert [p["id"] for p in doc["products"]] == [item.id for item in rich.listings]
    assert [e["id"] for e in doc["exhibitors"]] == sorted(rich.exhibitors)
    assert [s["id"] for s in doc["schools"]] == sorted(rich.schools)
    assert [b["id"] for b in doc["batches"]] == ["batch-9", "batch-10"]
    assert len(doc["categories"]) == len(rich.categories) and len(doc["cities"]) == len(rich.cities)


def test_json_is_compact_sorted_utf8_with_a_trailing_newline(rich):
    data = _files(rich)["data/katalog.json"]
    assert data.endswith(b"}\n")
    assert "☕".encode() in data and b"\\u" not in data
    doc = _json(data)
    assert data.decode("utf-8") == json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def test_product_record_of_the_sample_coffee(tmp_path):
    doc = _json(_files(sample_catalogue(tmp_path))["data/katalog.json"])
    [coffee] = [p for p in doc["products"] if p["id"] == "kopi-robusta-betawi-250g"]
    assert coffee["price"] == {"kind": "tetap", "low": 45000, "high": None, "currency": "IDR"}
    assert coffee["tkdn"] == {"percent": "42.50", "bmp": "5.00", "combined": "47.50",
                              "certificate": "TKDN-CONTOH-0001", "valid_until": None}
    assert coffee["must_buy"] is True
    assert coffee["certifications"]["halal"] == {"number": "ID31110000123450223", "valid_until": None}
    assert coffee["certifications"]["bpom"] is None
    assert coffee["url"] == f"{SITEURL}/produk/kopi-robusta-betawi-250g/"
    assert coffee["photos"] == [{"url": f"{SITEURL}/gambar/kopi-960.jpg",
                                 "alt": "Kemasan kopi robusta cokelat 250 gram di atas meja kayu", "credit": None}]
    assert coffee["seller"] == {"kind": "eksibitor", "id": "kopi-betawi-sejahtera", "name": "Kopi Betawi Sejahtera",
                                "url": f"{SITEURL}/eksibitor/kopi-betawi-sejahtera/"}
    assert (coffee["batches"], coffee["first_shown"]) == (["batch-9"], "2023-11-06")
    [bag] = [p for p in doc["products"] if p["id"] == "smkn32-tas-batik"]
    assert bag["price"] == {"kind": "rentang", "low": 75000, "high": 120000, "currency": "IDR"}
    assert (bag["tkdn"], bag["must_buy"]) == (None, False)


def test_price_on_request_and_unpublished_photo_urls(rich):
    doc = _json(_files(rich, photo_urls={})["data/katalog.json"])
    [sambal] = [p for p in doc["products"] if p["id"] == "sambal-rumus"]
    assert sambal["price"] == {"kind": "permintaan", "low": None, "high": None, "currency": "IDR"}
    assert sambal["photos"][0]["url"] is None


def test_withdrawn_records_and_personal_contacts_are_not_published(rich):
    for path, data in _files(rich).items():
        for secret in (b"usaha-mundur", b"produk-mundur", b"sambal-ditarik", b"Usaha Mundur",
                       b"rumus@contoh.invalid", b"6281234567802", b"0812", b"whatsapp", b"humas@", b"8300000"):
            assert secret not in data, (path, secret)


def test_student_makers_keep_only_name_and_grade(rich):
    doc = _json(_files(rich)["data/katalog.json"])
    [bag] = [p for p in doc["products"] if p["id"] == "smkn32-tas-batik"]
    assert bag["makers"] == [{"name": "Siti Contoh", "grade": "XI Tata Busana"}]


def test_batch_json_holds_only_what_the_batch_showed(rich):
    files = _files(rich)
    doc = _json(files["data/batch/batch-10.json"])
    assert doc["scope"] == "batch/batch-10"
    assert [b["id"] for b in doc["batches"]] == ["batch-10"]
    assert doc["batches"][0]["exhibitors"] == ["rumah-rumus", "kopi-betawi-sejahtera"]  # withdrawn one left out
    assert doc["batches"][0]["calendar"] == f"{SITEURL}/batch/batch-10/jadwal.ics"
    assert [e["id"] for e in doc["exhibitors"]] == ["kopi-betawi-sejahtera", "rumah-rumus"]
    assert doc["schools"] == []
    assert [p["id"] for p in doc["products"]] == ["kopi-robusta-betawi-250g", "sambal-rumus"]
    batch9 = _json(files["data/batch/batch-9.json"])
    assert [p["id"] for p in batch9["products"]] == [i.id for i in rich.listings_in_batch(rich.batches[0])]


def test_csv_has_the_fixed_header_and_one_row_per_product(rich):
    files = _files(rich)
    data = files["data/katalog.csv"]
    assert data.startswith(b"\xef\xbb\xbf" + ",".join(COLUMNS).encode() + b"\r\n")
    rows = _rows(data)
    assert [row["id"] for row in rows] == [item.id for item in rich.listings]
    batch10 = _rows(files["data/batch/batch-10.csv"])
    assert [row["id"] for row in batch10] == ["kopi-robusta-betawi-250g", "sambal-rumus"]
    coffee = next(row for row in rows if row["id"] == "kopi-robusta-betawi-250g")
    assert coffee["price_low"] == "45000" and coffee["price_high"] == ""
    assert (coffee["tkdn_percent"], coffee["bmp_percent"], coffee["tkdn_bmp_combined"]) == ("42.50", "5.00", "47.50")
    assert (coffee["must_buy"], coffee["featured"], coffee["batches"]) == ("ya", "tidak", "batch-9; batch-10")
    assert (coffee["category_name"], coffee["city_name"], coffee["district_name"]) == ("Minuman", "Jakarta Timur",
                                                                                       "Jatinegara")
    assert coffee["licence"] == "CC BY 4.0"
    bag = next(row for row in rows if row["id"] == "smkn32-tas-batik")
    assert bag["makers"] == "Siti Contoh (XI Tata Busana)"


def test_csv_cells_that_look_like_formulas_get_an_apostrophe(rich):
    rows = _rows(_files(rich)["data/katalog.csv"])
    sambal = next(row for row in rows if row["id"] == "sambal-rumus")
    assert sambal["seller_name"] == "'=HYPERLINK(\"http://contoh.invalid\",\"klik\")"
    assert sambal["name"] == "'+Sambal Bawang, \"Pedas\"; level 5"
    assert sambal["description"] == "'-10% untuk pembeli pemerintah. Baris kedua."
    for row in rows:
        for cell in row.values():
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))


@pytest.mark.parametrize(("cell", "expected"), [
    ("=1+1", "'=1+1"), ("+62", "'+62"), ("-5", "'-5"), ("@SUM(A1)", "'@SUM(A1)"), ("\tx", "'\tx"), ("\rx", "'\rx"),
    ("Kopi = enak", "Kopi = enak"), ("", ""), ("'already", "'already"),
])
def test_guard(cell, expected):
    assert guard(cell) == expected


def test_csv_quotes_per_rfc_4180(rich):
    text = _files(rich)["data/katalog.csv"].decode("utf-8-sig")
    assert text.endswith("\r\n")
    assert '"\'+Sambal Bawang, ""Pedas""; level 5"' in text


def test_open_data_bytes_are_identical_across_runs(tmp_path):
    assert _files(rich_catalogue(tmp_path / "a")) == _files(rich_catalogue(tmp_path / "b"))


def test_products_encoded_once_and_spliced_give_the_bytes_of_encoding_each_file_whole(rich):
    """Each product's JSON and CSV line is made once and reused by the batch files: same bytes as made in place."""
    files = _files(rich)
    for path, data in files.items():
        if path.endswith(".json"):
            whole = json.dumps(_json(data), ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
            assert data == whole.encode("utf-8")
        else:
            buffer = io.StringIO(newline="")
            writer = csv.writer(buffer, lineterminator="\r\n")
            writer.writerows(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
            assert data == buffer.getvalue().encode("utf-8-sig")
    assert len(_json(files["data/batch/batch-9.json"])["products"]) > 1
