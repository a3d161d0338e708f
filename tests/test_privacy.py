"""Personal data in free text: NIK-like numbers and phone numbers are refused, official numbers are not."""

from __future__ import annotations

from pathlib import Path

import pytest
from etalase.data.privacy import mask, scan_data, scan_text

from tests.catalogue_helpers import EXHIBITOR, SCHOOL, copy_root, edit, issues, only_issue, valid

EX = "catalogue_data/" + EXHIBITOR


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid catalogue."""
    return copy_root(tmp_path)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("NIK 3171014501900001", [("P01", "3171014501900001", 4)]),
        ("NIK: 3171 0145 0190 0001.", [("P01", "3171 0145 0190 0001", 5)]),
        ("KTP 3171.0105.1290.0001", [("P01", "3171.0105.1290.0001", 4)]),  # a man born 5 December 1990
        ("lahir 31 Des: 3276023112850002", [("P01", "3276023112850002", 14)]),
        ("WA 0812-3456-7890 ya", [("P02", "0812-3456-7890", 3)]),
        ("telp (021) 555 1234", [("P02", "(021) 555 1234", 5)]),
        ("hubungi +62 812 3456 7890", [("P02", "+62 812 3456 7890", 8)]),
        ("https://wa.me/6281234567890", [("P02", "6281234567890", 14)]),
    ],
)
def test_scan_text_finds(text: str, found: list) -> None:
    assert list(scan_text(text)) == found


@pytest.mark.parametrize(
    "text",
    [
        "Harga Rp 625.000.000 per paket",
        "Omzet 625.000.000 setahun",
        "Rp625000000",
        "Berdiri 2015, diperbarui 2023-11-06",
        "Sertifikat halal ID31110000123450223",
        "NIB 9120001234567",
        "Kemasan 250 g, isi 12 pcs",
        "Kode produksi 0812",
        "Kartu uji 1234567890123456",  # province 12, but day 78
        "Kartu uji 4111111111111111",  # no province 41
        "Kode 3171013213900001",  # day 32
        "Kode 3171017213900001",  # day 72
        "Kode 3171010113900001",  # month 13
        "Kode 3171010100900001",  # month 00
        "Kode 3171010001900001",  # day 00
        "Kode 2071010101900001",  # no province 20
    ],
)
def test_scan_text_leaves_alone(text: str) -> None:
    assert list(scan_text(text)) == []


@pytest.mark.parametrize(("first", "last"), [("01", "31"), ("41", "71")])
def test_a_nik_day_is_01_to_31_or_41_to_71(first: str, last: str) -> None:
    for day in (first, last):
        assert [code for code, _, _ in scan_text(f"NIK 317101{day}0190 0001")] == ["P01"], day


def test_scan_data_leaves_phone_numbers_in_contact_and_official_fields_but_never_a_nik() -> None:
    data = {
        "kontak": {"whatsapp": "0812-3456-7890", "telepon": "021-5551234", "situs": "https://x.id/?ktp=3171014501900001",
                   "marketplace": [{"nama": "Toko", "tautan": "https://toko.example/p/081234567890"}]},
        "nib": "3171014501900001",
        "produk": [{"sertifikasi": {"halal": {"nomor": "3171014501900001"}}, "nama": "Tas 0812 3456 7890",
                    "tkdn": {"nomor_sertifikat": "TKDN 3171 0145 0190 0001"}, "harga": "3171014501900001"}],
    }
    assert list(scan_data(data)) == [
        (("kontak", "situs"), "P01", "3171014501900001", 18),
        (("nib",), "P01", "3171014501900001", 0),
        (("produk", 0, "sertifikasi", "halal", "nomor"), "P01", "3171014501900001", 0),
        (("produk", 0, "nama"), "P02", "0812 3456 7890", 4),
        (("produk", 0, "tkdn", "nomor_sertifikat"), "P01", "3171 0145 0190 0001", 5),
        (("produk", 0, "harga"), "P01", "3171014501900001", 0),
    ]


def test_mask_keeps_three_digits() -> None:
    assert mask("0812-3456-7890") == "•••••••••890"


def test_nik_in_description(root: Path) -> None:
    edit(root, EXHIBITOR, "Sangrai kopi robusta sejak 2015.", "Pemilik NIK 3171 0145 0190 0001.")
    assert only_issue(root) == (f"{EX}:5:1", "P01", "deskripsi", "nomor mirip NIK •••••••••••••001")


def test_number_in_a_literal_block_is_located_on_its_own_line(root: Path) -> None:
    edit(root, EXHIBITOR, "deskripsi: Sangrai kopi robusta sejak 2015.",
         "deskripsi: |\n  Sangrai kopi robusta.\n\n  Pesan: 0812 9999 0001, atau\n    NIK 3171014501900001")
    assert issues(root) == [
        (f"{EX}:8:10", "P02", "deskripsi", "nomor telepon •••••••••001 di teks bebas"),
        (f"{EX}:9:9", "P01", "deskripsi", "nomor mirip NIK •••••••••••••001"),
    ]


def test_phone_in_product_description(root: Path) -> None:
    edit(root, EXHIBITOR, "Kopi bubuk robusta sangrai sedang.", "Pesan lewat 0812 9999 0001.")
    assert only_issue(root) == (
        f"{EX}:18:5", "P02", "produk[0].deskripsi", "nomor telepon •••••••••001 di teks bebas",
    )


def test_phone_in_photo_alt_and_name(root: Path) -> None:
    edit(root, EXHIBITOR, "alt: Kemasan kopi robusta 250 gram", "alt: Kemasan dengan stiker 0812-9999-0001")
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "nama: Kopi Contoh 021 555 1234")
    assert issues(root) == [
        (f"{EX}:1:1", "P02", "nama", "nomor telepon •••••••234 di teks bebas"),
        (f"{EX}:21:9", "P02", "produk[0].foto[0].alt", "nomor telepon •••••••••001 di teks bebas"),
    ]


def test_privacy_is_checked_even_when_the_record_has_other_errors(root: Path) -> None:
    edit(root, EXHIBITOR, "jenis: ikm", "jenis: pabrik")
    edit(root, EXHIBITOR, "Sangrai kopi robusta sejak 2015.", "Pemilik NIK 3171014501900001.")
    assert [code for _, code, _, _ in issues(root)] == ["F15", "P01"]


def test_contact_fields_and_certificate_numbers_may_hold_numbers(root: Path) -> None:
    edit(root, SCHOOL, "kontak:\n", "kontak:\n  whatsapp: 0812-3456-7890\n  telepon: (021) 830-0000\n")
    edit(root, EXHIBITOR, "nomor_sertifikat: TKDN-0001", "nomor_sertifikat: 3171012345678901")  # month 45
    edit(root, EXHIBITOR, "Sangrai kopi robusta sejak 2015.", "Omzet Rp 625.000.000 sejak 2015-01-01.")
    valid(root)


def test_sni_standard_numbers_are_not_phone_numbers() -> None:
    data = {"sertifikasi": {"sni": {"nomor": "SPPT-01-2023", "standar": "SNI 01-3542-2004"}}}
    assert list(scan_data(data)) == []


@pytest.mark.parametrize(
    ("old", "new", "where", "field"),
    [
        ("nomor_sertifikat: TKDN-0001", "nomor_sertifikat: 3171014501900001", "32:7",
         "produk[0].tkdn.nomor_sertifikat"),
        ("situs: https://kopi-contoh.id", "situs: https://kopi-contoh.id/ktp/3171014501900001", "11:3", "kontak.situs"),
        ("nib: \"9120001234567\"", "nib: \"9120001234567\"\nalamat: Jl. Kopi 3171 0145 0190 0001", "13:1", "alamat"),
    ],
)
def test_a_nik_is_refused_in_certificate_numbers_links_and_addresses(root: Path, old, new, where, field) -> None:
    edit(root, EXHIBITOR, old, new)
    assert only_issue(root) == (f"{EX}:{where}", "P01", field, "nomor mirip NIK •••••••••••••001")


def test_card_numbers_and_counters_are_not_a_nik(root: Path) -> None:
    edit(root, EXHIBITOR, "Sangrai kopi robusta sejak 2015.", "Kode uji 1234567890123456 dan 4111111111111111.")
    valid(root)
