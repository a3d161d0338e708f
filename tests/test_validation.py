"""Every kind of mistake in a staff file: the exact code, place, field and message.

Each test copies ``tests/roots/catalogue-minimal`` (a complete valid catalogue),
breaks one thing and asserts what staff would read, word for word.
"""

from __future__ import annotations

import datetime as dt
import inspect
import re
from decimal import Decimal
from pathlib import Path

import pytest
from etalase.data import certificates, messages, models
from etalase.data.loader import pydantic_message
from pydantic import BaseModel, ValidationError

from tests.catalogue_helpers import BATCH, EXHIBITOR, SCHOOL, copy_root, edit, issues, only_issue, valid, write

EX = "catalogue_data/" + EXHIBITOR
SC = "catalogue_data/" + SCHOOL
BA = "catalogue_data/" + BATCH


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A fresh copy of the minimal valid catalogue."""
    return copy_root(tmp_path)


def test_minimal_root_is_valid(root: Path) -> None:
    catalogue = valid(root)
    assert [item.id for item in catalogue.listings] == ["kopi-robusta-250g", "tas-batik"]


# (file, old text, new text, expected problem)
PHOTOS = "foto:\n      - berkas: foto/kopi-contoh/kopi.jpg\n        alt: Kemasan kopi robusta 250 gram"
NO_SCHEME = "tidak diawali https:// atau http://"
FIELD_MISTAKES = [
    pytest.param(EXHIBITOR, "siinas: ya", "siinas: NO",
                 (f"{EX}:13:1", "F04", "siinas", "'NO' bukan `ya` atau `tidak`"), id="yes-no-NO"),
    pytest.param(EXHIBITOR, "siinas: ya", "siinas: yes",
                 (f"{EX}:13:1", "F04", "siinas", "'yes' bukan `ya` atau `tidak`"), id="yes-no-yes"),
    pytest.param(EXHIBITOR, "siinas: ya", "siinas: on",
                 (f"{EX}:13:1", "F04", "siinas", "'on' bukan `ya` atau `tidak`"), id="yes-no-on"),
    pytest.param(EXHIBITOR, "harga: 45.000", "harga: 10:30",
                 (f"{EX}:22:5", "F05", "produk[0].harga", "'10:30' bukan harga rupiah bulat"), id="price-sexagesimal"),
    pytest.param(EXHIBITOR, "harga: 45.000", "harga: 1e3",
                 (f"{EX}:22:5", "F05", "produk[0].harga", "'1e3' bukan harga rupiah bulat"), id="price-exponent"),
    pytest.param(EXHIBITOR, "harga: 45.000", "harga: .inf",
                 (f"{EX}:22:5", "F05", "produk[0].harga", "'.inf' bukan harga rupiah bulat"), id="price-inf"),
    pytest.param(EXHIBITOR, "harga: 45.000", "harga: 0x1F",
                 (f"{EX}:22:5", "F05", "produk[0].harga", "'0x1F' bukan harga rupiah bulat"), id="price-hex"),
    pytest.param(EXHIBITOR, "harga: 45.000", "harga: 45,000",
                 (f"{EX}:22:5", "F05", "produk[0].harga", "'45,000' bukan harga rupiah bulat"), id="price-comma"),
    pytest.param(EXHIBITOR, "harga: 45.000", "harga: [45000]",
                 (f"{EX}:22:5", "F02", "produk[0].harga", "harus berupa teks, bukan daftar"), id="price-list"),
    pytest.param(SCHOOL, "dari: 75000", "dari: 150000",
                 (f"{SC}:18:5", "F20", "produk[0].harga", "rentang harga terbalik: dari 150000 sampai 120000"),
                 id="price-range-reversed"),
    pytest.param(SCHOOL, "sampai: 120000", "hingga: 120000",
                 (f"{SC}:18:5", "F05", "produk[0].harga",
                  "rentang harga ditulis dengan tepat dua kunci: `dari:` dan `sampai:`"), id="price-range-keys"),
    pytest.param(EXHIBITOR, "persen: 42,5", "persen: 1e1",
                 (f"{EX}:30:7", "F06", "produk[0].tkdn.persen", "'1e1' bukan persentase"), id="percent-exponent"),
    pytest.param(EXHIBITOR, "persen: 42,5", "persen: 120",
                 (f"{EX}:30:7", "F06", "produk[0].tkdn.persen", "'120' lebih dari 100 persen"), id="percent-over"),
    pytest.param(EXHIBITOR, "persen: 42,5", "persen: .nan",
                 (f"{EX}:30:7", "F06", "produk[0].tkdn.persen", "'.nan' bukan persentase"), id="percent-nan"),
    pytest.param(EXHIBITOR, "bmp: 5", "bmp: 20",
                 (f"{EX}:31:7", "F17", "produk[0].tkdn.bmp", "20 terlalu besar; harus maksimal 15"), id="bmp-over"),
    pytest.param(EXHIBITOR, "telepon: 021-5551234", "telepon: 12345",
                 (f"{EX}:8:3", "F08", "kontak.telepon", "nomor telepon '12345' tidak sah"), id="phone"),
    pytest.param(EXHIBITOR, "whatsapp: 0812-3456-7801", "whatsapp: 021-5551234",
                 (f"{EX}:7:3", "F09", "kontak.whatsapp", "nomor WhatsApp '+62215551234' bukan nomor seluler"),
                 id="whatsapp-landline"),
    pytest.param(EXHIBITOR, "email: halo@kopi-contoh.id", "email: halo(at)kopi-contoh.id",
                 (f"{EX}:9:3", "F10", "kontak.email", "alamat email 'halo(at)kopi-contoh.id' tidak sah"), id="email"),
    pytest.param(EXHIBITOR, 'instagram: "@kopicontoh"', 'instagram: "@kopi contoh"',
                 (f"{EX}:10:3", "F11", "kontak.instagram", "akun Instagram '@kopi contoh' tidak sah"), id="instagram"),
    pytest.param(EXHIBITOR, "situs: https://kopi-contoh.id", "situs: javascript:alert(1)",
                 (f"{EX}:11:3", "L01", "kontak.situs", f"tautan 'javascript:alert(1)' {NO_SCHEME}"),
                 id="link-javascript"),
    pytest.param(EXHIBITOR, "situs: https://kopi-contoh.id", "situs: ftp://kopi-contoh.id",
                 (f"{EX}:11:3", "L01", "kontak.situs", f"tautan 'ftp://kopi-contoh.id' {NO_SCHEME}"),
                 id="link-ftp"),
    pytest.param(EXHIBITOR, "situs: https://kopi-contoh.id", "situs: https://",
                 (f"{EX}:11:3", "L01", "kontak.situs", "tautan 'https://' tidak memuat nama situs"), id="link-no-host"),
    pytest.param(EXHIBITOR, "situs: https://kopi-contoh.id", "situs: /produk/kopi",
                 (f"{EX}:11:3", "L01", "kontak.situs", f"tautan '/produk/kopi' {NO_SCHEME}"),
                 id="link-relative"),
    pytest.param(EXHIBITOR, "situs: https://kopi-contoh.id", "situs: https://kopi contoh.id",
                 (f"{EX}:11:3", "L01", "kontak.situs", "tautan 'https://kopi contoh.id' mengandung spasi"),
                 id="link-space"),
    pytest.param(EXHIBITOR, 'nib: "9120001234567"', "nib: 912000123",
                 (f"{EX}:12:1", "F13", "nib", "NIB '912000123' tidak sah"), id="nib"),
    pytest.param(SCHOOL, 'npsn: "20100000"', "npsn: 2010",
                 (f"{SC}:2:1", "F13", "npsn", "NPSN '2010' tidak sah"), id="npsn"),
    pytest.param(EXHIBITOR, "nomor: ID31110000123450223", "nomor: 31110000123450223",
                 (f"{EX}:26:9", "F13", "produk[0].sertifikasi.halal.nomor",
                  "Nomor sertifikat halal '31110000123450223' tidak sah"), id="halal"),
    pytest.param(EXHIBITOR, 'pirt:\n        nomor: "206317401012325"', "bpom:\n        nomor: MD1234",
                 (f"{EX}:28:9", "F13", "produk[0].sertifikasi.bpom.nomor", "Nomor BPOM 'MD1234' tidak sah"), id="bpom"),
    pytest.param(EXHIBITOR, 'nomor: "206317401012325"', "nomor: 20631740",
                 (f"{EX}:28:9", "F13", "produk[0].sertifikasi.pirt.nomor", "Nomor PIRT '20631740' tidak sah"),
                 id="pirt"),
    pytest.param(EXHIBITOR, "jenis: ikm", "jenis: IKM",
                 (f"{EX}:2:1", "F15", "jenis", "'IKM' bukan pilihan yang sah; pilih `umkm`, `ikm` atau `penyedia`"),
                 id="literal"),
    pytest.param(EXHIBITOR, "jenis: ikm", "jenis: [ikm]",
                 (f"{EX}:2:1", "F15", "jenis", "daftar bukan pilihan yang sah; pilih `umkm`, `ikm` atau `penyedia`"),
                 id="literal-list"),
    pytest.param(EXHIBITOR, "nama: Kopi Contoh", "nama: [Kopi, Contoh]",
                 (f"{EX}:1:1", "F02", "nama", "harus berupa teks, bukan daftar"), id="shape-text-list"),
    pytest.param(EXHIBITOR, "siinas: ya", "siinas:\n  ya: tidak",
                 (f"{EX}:13:1", "F02", "siinas", "harus berupa teks, bukan kelompok isian"), id="shape-text-mapping"),
    pytest.param(EXHIBITOR, PHOTOS,
                 "foto: foto/kopi-contoh/kopi.jpg",
                 (f"{EX}:19:5", "F02", "produk[0].foto", "harus berupa daftar (baris yang diawali `- `), bukan teks"),
                 id="shape-list-text"),
    pytest.param(SCHOOL, "kontak:\n  email: humas@smk-contoh.sch.id", "kontak: humas@smk-contoh.sch.id",
                 (f"{SC}:6:1", "F02", "kontak", "harus berupa kelompok isian (kunci: nilai), bukan teks"),
                 id="shape-mapping-text"),
    pytest.param(SCHOOL, "kontak:\n  email: humas@smk-contoh.sch.id", "kontak:\n  - humas@smk-contoh.sch.id",
                 (f"{SC}:6:1", "F02", "kontak", "harus berupa kelompok isian (kunci: nilai), bukan daftar"),
                 id="shape-mapping-list"),
    pytest.param(SCHOOL, "program_keahlian:\n  - Tata Busana", "program_keahlian: []",
                 (f"{SC}:8:1", "F16", "program_keahlian", "daftar `program_keahlian` berisi 0 butir; minimal 1 butir"),
                 id="empty-list"),
    pytest.param(EXHIBITOR, PHOTOS,
                 "foto: []", (f"{EX}:19:5", "F16", "produk[0].foto", "daftar `foto` berisi 0 butir; minimal 1 butir"),
                 id="empty-photo-list"),
    pytest.param(EXHIBITOR, "nama: Kopi Contoh", "nama:",
                 (f"{EX}:1:1", "F12", "nama", "isian `nama` kosong"), id="empty-value"),
    pytest.param(EXHIBITOR, "nama: Kopi Contoh", "nama: ~",
                 (f"{EX}:1:1", "F12", "nama", "isian `nama` kosong"), id="empty-tilde"),
    pytest.param(EXHIBITOR, "nama: Kopi Contoh", 'nama: "  "',
                 (f"{EX}:1:1", "F12", "nama", "isian kosong"), id="blank-text"),
    pytest.param(EXHIBITOR, "    satuan: bungkus", "    satuan: bungkus\n    warna: merah",
                 (f"{EX}:24:5", "F01", "produk[0].warna", "kunci `warna` tidak dikenal di sini"),
                 id="unknown-key-no-hint"),
    pytest.param(EXHIBITOR, "kecamatan: jatinegara\n", "",
                 (f"{EX}:1:1", "F14", "kecamatan", "isian wajib `kecamatan` belum ada"), id="missing-top"),
    pytest.param(EXHIBITOR, "        alt: Kemasan kopi robusta 250 gram\n", "",
                 (f"{EX}:20:9", "F14", "produk[0].foto[0].alt", "isian wajib `alt` belum ada"), id="missing-nested"),
    pytest.param(BATCH, "mulai: 2023-11-06", "mulai: 06-11-2023",
                 (f"{BA}:3:1", "F07", "mulai", "'06-11-2023' bukan tanggal TTTT-BB-HH"), id="date-format"),
    pytest.param(BATCH, "mulai: 2023-11-06", "mulai: 2023-02-30",
                 (f"{BA}:3:1", "F07", "mulai", "tanggal '2023-02-30' tidak ada di kalender"), id="date-impossible"),
    pytest.param(BATCH, "selesai: 2023-11-09", "selesai: 2023-11-01",
                 (f"{BA}:4:1", "F18", "selesai", "tanggal selesai 2023-11-01 sebelum tanggal mulai 2023-11-06"),
                 id="date-order"),
    pytest.param(BATCH, "nomor: 1", "nomor: 0",
                 (f"{BA}:1:1", "F17", "nomor", "0 terlalu kecil; harus minimal 1"), id="batch-number-zero"),
    pytest.param(BATCH, "nomor: 1", "nomor: satu",
                 (f"{BA}:1:1", "F03", "nomor", "'satu' bukan bilangan bulat"), id="batch-number-word"),
    pytest.param(EXHIBITOR, "id: kopi-robusta-250g", "id: Kopi Robusta",
                 (f"{EX}:15:5", "R04", "produk[0].id",
                  "ID 'Kopi Robusta' tidak sah: pakai huruf kecil a-z, angka dan tanda hubung, maksimal 80 karakter "
                  "(mis. `kopi-robusta`)"), id="id-invalid"),
    pytest.param(EXHIBITOR, "id: kopi-robusta-250g", "id: index",
                 (f"{EX}:15:5", "R06", "produk[0].id", "ID 'index' sudah dipakai oleh situs sendiri"),
                 id="id-reserved"),
    pytest.param(EXHIBITOR, "id: kopi-robusta-250g", 'id: ""',
                 (f"{EX}:15:5", "R05", "produk[0].id", "ID tidak boleh kosong"), id="id-empty"),
    pytest.param(EXHIBITOR, "kategori: minuman", "kategori: makanan",
                 (f"{EX}:17:5", "R03", "produk[0].kategori", "kategori `makanan` tidak dikenal"), id="category"),
    pytest.param(EXHIBITOR, "kota: jakarta-timur", "kota: bekasi",
                 (f"{EX}:3:1", "R08", "kota", "kota `bekasi` tidak dikenal"), id="city"),
    pytest.param(BATCH, "kota: jakarta-selatan", "kota: bekasi",
                 (f"{BA}:8:3", "R08", "tempat.kota", "kota `bekasi` tidak dikenal"), id="venue-city"),
    pytest.param(EXHIBITOR, "kecamatan: jatinegara", "kecamatan: tebet",
                 (f"{EX}:4:1", "R09", "kecamatan", "kecamatan `tebet` tidak ada di kota `jakarta-timur`"),
                 id="district-not-in-city"),
    pytest.param(BATCH, "  - kopi-contoh", "  - kopi-lain",
                 (f"{BA}:11:5", "R01", "eksibitor[0]", "eksibitor `kopi-lain` tidak ditemukan"),
                 id="unknown-exhibitor"),
    pytest.param(BATCH, "  - smk-contoh", "  - smk-lain",
                 (f"{BA}:13:5", "R02", "sekolah[0]", "sekolah `smk-lain` tidak ditemukan"), id="unknown-school"),
    pytest.param(BATCH, "  - kopi-contoh", "  - kopi-contoh\n  - kopi-contoh",
                 (f"{BA}:12:5", "R13", "eksibitor[1]", "`kopi-contoh` sudah disebut di daftar ini"),
                 id="duplicate-reference"),
    pytest.param(SCHOOL, "id: tas-batik", "id: kopi-robusta-250g",
                 (f"{SC}:11:5", "R07", "produk[0].id",
                  f"ID produk `kopi-robusta-250g` sudah dipakai di {EX} baris 15"), id="duplicate-product-id"),
    pytest.param(SCHOOL, "id: tas-batik", "id: tas-batik\n    id_lama:\n      - kopi-robusta-250g",
                 (f"{SC}:13:9", "R11", "produk[0].id_lama[0]",
                  f"ID lama `kopi-robusta-250g` masih dipakai sebagai ID di {EX} baris 15"), id="old-id-in-use"),
    pytest.param(EXHIBITOR, "siinas: ya", "siinas: ya\nid_lama:\n  - kopi-contoh",
                 (f"{EX}:15:5", "R11", "id_lama[0]", f"ID lama `kopi-contoh` masih dipakai sebagai ID di {EX}"),
                 id="old-record-id-in-use"),
    pytest.param(SCHOOL, "persetujuan_wali: ya", "persetujuan_wali: tidak",
                 (f"{SC}:25:9", "P03", "produk[0].pembuat[0].persetujuan_wali",
                  "nama siswa tidak boleh terbit tanpa `persetujuan_wali: ya`"), id="maker-no-consent"),
    pytest.param(SCHOOL, "        persetujuan_wali: ya\n", "",
                 (f"{SC}:23:9", "P03", "produk[0].pembuat[0].persetujuan_wali",
                  "nama siswa tidak boleh terbit tanpa `persetujuan_wali: ya`"), id="maker-consent-missing"),
    pytest.param(EXHIBITOR, "    satuan: bungkus\n",
                 "    satuan: bungkus\n    pembuat:\n      - nama: Budi\n        persetujuan_wali: ya\n",
                 (f"{EX}:24:5", "P04", "produk[0].pembuat", "produk eksibitor tidak boleh mencantumkan siswa"),
                 id="maker-on-exhibitor"),
]


@pytest.mark.parametrize(("rel", "old", "new", "expected"), FIELD_MISTAKES)
def test_field_mistake(root: Path, rel: str, old: str, new: str, expected: tuple) -> None:
    edit(root, rel, old, new)
    assert only_issue(root) == expected


def test_unknown_key_is_reported_with_the_missing_one_and_a_hint(root: Path) -> None:
    edit(root, EXHIBITOR, "    satuan: bungkus", "    satuann: bungkus")
    assert issues(root) == [
        (f"{EX}:15:5", "F14", "produk[0].satuan", "isian wajib `satuan` belum ada"),
        (f"{EX}:23:5", "F01", "produk[0].satuann",
         "kunci `satuann` tidak dikenal di sini; mungkin maksudnya `satuan`?"),
    ]


def test_english_attribute_name_is_not_a_key(root: Path) -> None:
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "name: Kopi Contoh")
    assert issues(root) == [
        (f"{EX}:1:1", "F01", "name", "kunci `name` tidak dikenal di sini; mungkin maksudnya `nama`?"),
        (f"{EX}:1:1", "F14", "nama", "isian wajib `nama` belum ada"),
    ]


def test_old_id_claimed_twice(root: Path) -> None:
    edit(root, EXHIBITOR, "siinas: ya", "siinas: ya\nid_lama:\n  - kopi-lama")
    edit(root, SCHOOL, "npsn:", "id_lama:\n  - kopi-lama\nnpsn:")
    write(root, "eksibitor/teh-contoh.yaml", (root / EXHIBITOR).read_text().replace("kopi-robusta-250g", "teh-hijau"))
    assert only_issue(root) == (
        "catalogue_data/eksibitor/teh-contoh.yaml:15:5", "R11", "id_lama[0]",
        f"ID lama `kopi-lama` sudah menjadi ID lama di {EX}",
    )


def test_duplicate_batch_number(root: Path) -> None:
    write(root, "batch/batch-2.yaml", (root / BATCH).read_text().replace("Batch 1", "Batch 2"))
    assert only_issue(root) == ("catalogue_data/batch/batch-2.yaml:1:1", "R12", "nomor",
                                f"batch nomor 1 sudah ada di {BA}")


def test_duplicate_product_id_in_one_file(root: Path) -> None:
    path = root / EXHIBITOR
    text = path.read_text()
    path.write_text(text + text[text.index("  - id: kopi-robusta-250g"):])
    assert only_issue(root) == (f"{EX}:33:5", "R07", "produk[1].id",
                                f"ID produk `kopi-robusta-250g` sudah dipakai di {EX} baris 15")


# -- values that are right, and what they become ---------------------------------------------


def product(root: Path):
    return valid(root).product("kopi-robusta-250g").product


@pytest.mark.parametrize(
    ("typed", "low"),
    [("15000", 15000), ("15.000", 15000), ("Rp 15.000", 15000), ("Rp15.000,-", 15000), ("rp. 1.250.000", 1250000)],
)
def test_prices_that_are_accepted(root: Path, typed: str, low: int) -> None:
    edit(root, EXHIBITOR, "harga: 45.000", f"harga: {typed}")
    price = product(root).price
    assert (price.kind, price.low, price.high) == ("tetap", low, None)


def harga_section() -> str:
    guide = (Path(__file__).resolve().parent.parent / "docs" / "format-data.md").read_text(encoding="utf-8")
    return guide.split("### Harga", 1)[1].split("\n### ", 1)[0]


@pytest.mark.parametrize("typed", re.findall(r"^harga: (\S.*)$", harga_section(), re.MULTILINE))
def test_every_price_the_guide_accepts_is_accepted(root: Path, typed: str) -> None:
    edit(root, EXHIBITOR, "harga: 45.000", f"harga: {typed}")
    price = product(root).price
    assert price.kind == "permintaan" if typed == "atas permintaan" else (price.kind, price.low) == ("tetap", 15000)


@pytest.mark.parametrize("typed", re.findall(r"`([^`]+)`", harga_section().split("Sen (", 1)[1].split("ditolak")[0]))
def test_every_price_the_guide_refuses_is_refused(root: Path, typed: str) -> None:
    edit(root, EXHIBITOR, "harga: 45.000", f'harga: "{typed}"')
    assert only_issue(root)[1:3] == ("F05", "produk[0].harga")


@pytest.mark.parametrize(("typed", "message"), [
    ("15.000,00", None), ("Rp 1.250.000,00", None),
    ("15.000,50", "'15.000,50' memuat sen; harga ditulis dalam rupiah bulat"),
    ("15000,5", "'15000,5' memuat sen; harga ditulis dalam rupiah bulat"),
    ("15,000.00", "'15,000.00' bukan harga rupiah bulat"),
])
def test_zero_cents_mark_a_whole_price_and_other_cents_are_refused(root: Path, typed: str, message) -> None:
    edit(root, EXHIBITOR, "harga: 45.000", f'harga: "{typed}"')
    if message is None:
        assert product(root).price.low == int(typed.removeprefix("Rp ").removesuffix(",00").replace(".", ""))
    else:
        assert only_issue(root) == (f"{EX}:22:5", "F05", "produk[0].harga", message)


def test_price_on_request_and_range(root: Path) -> None:
    edit(root, EXHIBITOR, "harga: 45.000", "harga: Atas  permintaan")
    assert product(root).price.kind == "permintaan"
    price = valid(root).product("tas-batik").product.price
    assert (price.kind, price.low, price.high) == ("rentang", 75000, 120000)


@pytest.mark.parametrize(
    ("tkdn", "bmp", "must_buy"),
    [("25", "15", True), ("24", "20", False), ("30", "5", False), ("42,5", "0", True), ("40", "0", True)],
)
def test_must_buy_is_computed_from_tkdn_and_bmp(root: Path, tkdn: str, bmp: str, must_buy: bool) -> None:
    edit(root, EXHIBITOR, "persen: 42,5\n      bmp: 5", f"persen: {tkdn}\n      bmp: {bmp}")
    if Decimal(bmp) > 15:  # BMP above 15 % is itself refused
        assert only_issue(root)[1] == "F17"
        return
    assert product(root).tkdn.meets_threshold is must_buy
    assert certificates.must_buy(product(root), dt.date(2023, 11, 9)) is must_buy  # no expiry date: it holds


def test_percent_with_comma(root: Path) -> None:
    assert product(root).tkdn.percent == Decimal("42.50")


def test_phone_stays_text_and_is_normalised(root: Path) -> None:
    edit(root, EXHIBITOR, "telepon: 021-5551234", "telepon: 0215551234")
    edit(root, EXHIBITOR, "whatsapp: 0812-3456-7801", "whatsapp: +62 812 3456 7801")
    contact = valid(root).exhibitors["kopi-contoh"].contact
    assert (contact.phone, contact.whatsapp) == ("+62215551234", "+6281234567801")


def test_unquoted_digits_stay_text(root: Path) -> None:
    edit(root, EXHIBITOR, 'nib: "9120001234567"', "nib: 0120001234567")
    assert valid(root).exhibitors["kopi-contoh"].nib == "0120001234567"


# -- YAML problems, through the whole loader -------------------------------------------------


def test_non_utf8_bytes(root: Path) -> None:
    path = root / EXHIBITOR
    path.write_bytes(path.read_bytes().replace(b"deskripsi: Sangrai", b"deskripsi: \xe9Sangrai"))
    assert only_issue(root) == (f"{EX}:5:12", "Y01", "(berkas)", "berkas berisi byte 0xE9 yang bukan UTF-8")


def test_bom_at_start_is_fine_and_in_the_middle_is_not(root: Path) -> None:
    path = root / EXHIBITOR
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    valid(root)
    edit(root, EXHIBITOR, "kota: jakarta-timur", "kota: \ufeffjakarta-timur")
    assert only_issue(root) == (f"{EX}:3:7", "Y02", "(berkas)", "ada tanda BOM (U+FEFF) di tengah berkas")


def test_control_character(root: Path) -> None:
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "nama: Kopi\x07 Contoh")
    assert only_issue(root) == (f"{EX}:1:11", "Y11", "(berkas)", "ada karakter kontrol tak terlihat U+0007 (BEL)")


@pytest.mark.parametrize(("escape", "named"), [("\\x1b", "U+001B (ESC)"), ("\\0", "U+0000 (NUL)"),
                                               ("\\u0007", "U+0007 (BEL)")])
def test_control_character_written_as_an_escape(root: Path, escape: str, named: str) -> None:
    edit(root, EXHIBITOR, "nama: Kopi Contoh", f'nama: "Kopi{escape} Contoh"')
    assert only_issue(root) == (f"{EX}:1:7", "Y11", "nama", f"ada karakter kontrol tak terlihat {named}")


def test_invisible_characters_in_text_are_taken_out_with_a_warning(root: Path) -> None:
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "nama: Kopi\u200b Con\u202etoh")
    edit(root, EXHIBITOR, "    satuan: bungkus", '    satuan: "bung\\u2066kus"')
    edit(root, EXHIBITOR, "deskripsi: Sangrai", "deskripsi: Sang\u2028rai")
    catalogue = valid(root)
    assert catalogue.exhibitors["kopi-contoh"].name == "Kopi Contoh"
    assert catalogue.listings[0].product.unit == "bungkus"
    assert [(n.location(), n.code, n.field_path, n.message, n.severity) for n in catalogue.notices] == [
        (f"{EX}:1:7", "Y13", "nama", "karakter tak terlihat U+200B (spasi lebar-nol), U+202E (pembalik arah teks) "
                                     "dihapus", "warning"),
        (f"{EX}:5:12", "Y13", "deskripsi", "karakter tak terlihat U+2028 (pemisah baris) diganti spasi", "warning"),
        (f"{EX}:23:13", "Y13", "produk[0].satuan", "karakter tak terlihat U+2066 (pengisolasi arah teks) dihapus",
         "warning"),
    ]
    assert catalogue.exhibitors["kopi-contoh"].description == "Sang rai kopi robusta sejak 2015."


ZWSP = "U+200B (spasi lebar-nol)"


@pytest.mark.parametrize(
    ("old", "new", "where", "field", "value", "named"),
    [
        ("  - id: kopi-robusta-250g", "  - id: kopi-\u200brobusta-250g", "15:9", "produk[0].id", "'kopi-robusta-250g'",
         ZWSP),
        ("kategori: minuman", "kategori: minu\u200dman", "17:15", "produk[0].kategori", "'minuman'",
         "U+200D (penyambung lebar-nol)"),
        ("situs: https://kopi-contoh.id", "situs: https://kopi\u202e-contoh.id", "11:10", "kontak.situs",
         "'https://kopi-contoh.id'", "U+202E (pembalik arah teks)"),
        ("email: halo@kopi-contoh.id", "email: halo@kopi\u200b-contoh.id", "9:10", "kontak.email",
         "'halo@kopi-contoh.id'", ZWSP),
        ('instagram: "@kopicontoh"', 'instagram: "@kopi\\u200Bcontoh"', "10:14", "kontak.instagram",
         "'@kopicontoh'", ZWSP),
        ("berkas: foto/kopi-contoh/kopi.jpg", "berkas: foto/kopi-contoh/\u2060kopi.jpg", "20:17",
         "produk[0].foto[0].berkas", "'foto/kopi-contoh/kopi.jpg'", "U+2060 (penyambung kata)"),
    ],
)
def test_invisible_characters_in_an_address_are_refused(root: Path, old, new, where, field, value, named) -> None:
    edit(root, EXHIBITOR, old, new)
    assert only_issue(root) == (f"{EX}:{where}", "Y14", field, f"{value} memuat karakter tak terlihat {named}")


def test_invisible_character_in_a_batch_reference_is_refused(root: Path) -> None:
    edit(root, BATCH, "  - kopi-contoh", "  - kopi-contoh\u200b")
    assert only_issue(root) == (f"{BA}:11:5", "Y14", "eksibitor[0]",
                                f"'kopi-contoh' memuat karakter tak terlihat {ZWSP}")


def test_duplicate_key_does_not_hide_other_problems(root: Path) -> None:
    edit(root, EXHIBITOR, "siinas: ya", "siinas: ya\nsiinas: tidak")
    edit(root, EXHIBITOR, "jenis: ikm", "jenis: pabrik")
    assert issues(root) == [
        (f"{EX}:2:1", "F15", "jenis", "'pabrik' bukan pilihan yang sah; pilih `umkm`, `ikm` atau `penyedia`"),
        (f"{EX}:14:1", "Y03", "siinas", "kunci `siinas` sudah ada di baris 13"),
    ]


def test_anchor_and_alias_are_reported_once_each(root: Path) -> None:
    edit(root, EXHIBITOR, "nama: Kopi Contoh", "nama: &n Kopi Contoh\nalamat: *n")
    assert issues(root) == [
        (f"{EX}:1:7", "Y04", "nama", "anchor/alias `&n` tidak didukung"),
        (f"{EX}:2:9", "Y04", "alamat", "anchor/alias `*n` tidak didukung"),
    ]


def test_merge_key_is_one_problem(root: Path) -> None:
    edit(root, SCHOOL, "kontak:\n  email: humas@smk-contoh.sch.id", "kontak:\n  <<: *k")
    assert only_issue(root) == (f"{SC}:7:7", "Y04", "kontak", "anchor/alias `*k` tidak didukung")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("siinas: ya", "siinas: !!str ya", (f"{EX}:13:9", "Y05", "siinas", "tag `!!str` tidak didukung")),
        ("harga: 45.000", "harga: !!int 45000",
         (f"{EX}:22:12", "Y05", "produk[0].harga", "tag `!!int` tidak didukung")),
        ("nama: Kopi Contoh", "nama: !foo Kopi Contoh", (f"{EX}:1:7", "Y05", "nama", "tag `!foo` tidak didukung")),
    ],
)
def test_explicit_tags(root: Path, old: str, new: str, expected: tuple) -> None:
    edit(root, EXHIBITOR, old, new)
    assert only_issue(root) == expected


@pytest.mark.parametrize("key", ["[a, b]", "{a: b}", "~"])
def test_non_string_keys(root: Path, key: str) -> None:
    edit(root, EXHIBITOR, "siinas: ya", f"siinas: ya\n? {key}\n: x")
    message = "kunci bukan teks (daftar, kelompok isian atau kosong)"
    assert only_issue(root) == (f"{EX}:14:3", "Y06", "(berkas)", message)


def test_two_documents(root: Path) -> None:
    path = root / EXHIBITOR
    path.write_text(path.read_text() + "---\nnama: Lain\n")
    assert only_issue(root) == (f"{EX}:33:1", "Y07", "(berkas)", "berkas berisi lebih dari satu dokumen YAML")


def test_file_too_big(root: Path) -> None:
    edit(root, EXHIBITOR, "Sangrai kopi robusta sejak 2015.", "x" * 1_000_000)
    size = (root / EXHIBITOR).stat().st_size
    assert only_issue(root) == (
        f"{EX}:1:1", "Y08", "(berkas)", f"berkas berukuran {size} byte, lebih dari batas 1000000 byte",
    )


def test_nesting_too_deep(root: Path) -> None:
    edit(root, EXHIBITOR, "deskripsi: Sangrai kopi robusta sejak 2015.", "deskripsi: " + "[" * 14 + "x" + "]" * 14)
    assert issues(root) == [
        (f"{EX}:5:1", "F02", "deskripsi", "harus berupa teks, bukan daftar"),
        (f"{EX}:5:24", "Y09", "deskripsi" + "[0]" * 12, "isian bertingkat lebih dari 12 tingkat"),
    ]


@pytest.mark.parametrize(
    ("old", "new", "where", "reason"),
    [
        pytest.param("  telepon: 021-5551234", "\ttelepon: 021-5551234", "8:1",
                     "ada karakter tab di indentasi; ganti dengan spasi", id="tab-indent"),
        pytest.param("kontak:\n", "kontak:\n\t", "7:1", "ada karakter tab; ganti dengan spasi", id="tab"),
        pytest.param('instagram: "@kopicontoh"', 'instagram: "@kopicontoh', "10:14",
                     "tanda kutip yang dibuka di sini tidak pernah ditutup", id="unclosed-quote"),
        pytest.param("nama: Kopi Contoh", "nama: 'Kopi Contoh", "1:7",
                     "tanda kutip yang dibuka di sini tidak pernah ditutup", id="unclosed-single-quote"),
        pytest.param("nama: Kopi Contoh", "nama: Kopi: Contoh", "1:11",
                     "ada tanda titik dua `:` yang tidak pada tempatnya; bila nilainya memuat `: `, apit seluruh nilai "
                     "dengan tanda kutip, atau periksa indentasinya", id="colon"),
        pytest.param('instagram: "@kopicontoh"', "instagram: @kopicontoh", "10:14",
                     "karakter `@` tidak boleh mengawali nilai; apit seluruh nilai dengan tanda kutip", id="at-sign"),
        pytest.param("  telepon: 021-5551234", " telepon: 021-5551234", "8:2",
                     "baris ini tidak sejajar dengan kunci di atasnya, atau ada teks sesudah tanda kutip penutup",
                     id="indent"),
        pytest.param("jenis: ikm", "jenis: [ikm", "2:8",
                     "kurung siku `[` dibuka di sini tetapi tidak ditutup dengan `]`", id="bracket"),
    ],
)
def test_syntax_errors(root: Path, old: str, new: str, where: str, reason: str) -> None:
    edit(root, EXHIBITOR, old, new)
    assert only_issue(root) == (f"{EX}:{where}", "Y10", "(berkas)", f"YAML tidak bisa dibaca: {reason}")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("- nama: Kopi\n", "isi berkas berupa daftar, bukan kelompok isian `kunci: nilai`"),
        ("Kopi Contoh\n", "isi berkas berupa teks, bukan kelompok isian `kunci: nilai`"),
        ("# hanya komentar\n", "berkas kosong; isi dengan kelompok isian `kunci: nilai`"),
        ("", "berkas kosong; isi dengan kelompok isian `kunci: nilai`"),
    ],
)
def test_file_that_is_not_a_mapping(root: Path, content: str, message: str) -> None:
    write(root, EXHIBITOR, content)
    assert only_issue(root) == (f"{EX}:1:1", "F19", "(berkas)", message)


# -- files and folders -----------------------------------------------------------------------


def copy_exhibitor(root: Path, rel: str) -> Path:
    """Add a second exhibitor file with its own product ID."""
    return write(root, rel, (root / EXHIBITOR).read_text().replace("kopi-robusta-250g", "kopi-arabika"))


@pytest.mark.parametrize(
    ("rel", "code", "message"),
    [
        ("eksibitor/Kopi Baru.yaml", "R10", "nama berkas `Kopi Baru.yaml` bukan ID yang sah (mis. `kopi-baru.yaml`)"),
        ("eksibitor/KopiBaru.yaml", "R10", "nama berkas `KopiBaru.yaml` bukan ID yang sah (mis. `kopibaru.yaml`)"),
        ("eksibitor/index.yaml", "R06", "nama berkas `index.yaml` sudah dipakai oleh situs sendiri"),
        ("eksibitor/kopi-baru.yml", "R16", "`kopi-baru.yml` memakai ekstensi .yml"),
        ("eksibitor/kopi-baru.txt", "R16", "`kopi-baru.txt` bukan berkas .yaml"),
        ("eksibitor/lama/kopi-baru.yaml", "R14", "berkas ini tidak dibaca dari folder ini"),
        ("kopi-baru.yaml", "R14", "berkas ini tidak dibaca dari folder ini"),
        ("foto/kopi-baru.yaml", "R14", "berkas ini tidak dibaca dari folder ini"),
        ("kosakata/satuan.yaml", "R14", "berkas ini tidak dibaca dari folder ini"),
    ],
)
def test_file_names_and_places(root: Path, rel: str, code: str, message: str) -> None:
    copy_exhibitor(root, rel)
    assert only_issue(root) == (f"catalogue_data/{rel}:1:1", code, "(berkas)", message)


def test_hidden_files_are_ignored(root: Path) -> None:
    write(root, "eksibitor/.DS_Store", b"\x00\x01")
    write(root, "foto/.gitkeep", "")
    valid(root)


def test_symlinked_record_file(root: Path) -> None:
    (root / "eksibitor" / "kopi-baru.yaml").symlink_to(root / EXHIBITOR)
    assert only_issue(root) == ("catalogue_data/eksibitor/kopi-baru.yaml:1:1", "R15", "(berkas)",
                                "berkas ini adalah symlink")


def test_symlinked_folder(root: Path, tmp_path: Path) -> None:
    (tmp_path / "lain").mkdir()
    (root / "sekolah" / "arsip").symlink_to(tmp_path / "lain", target_is_directory=True)
    assert only_issue(root) == ("catalogue_data/sekolah/arsip:1:1", "R15", "(berkas)", "folder ini adalah symlink")


def test_required_file_missing(root: Path) -> None:
    (root / "kosakata" / "kategori.yaml").unlink()
    assert only_issue(root) == ("catalogue_data/kosakata/kategori.yaml:1:1", "F14", "(berkas)",
                                "berkas wajib kosakata/kategori.yaml belum ada")


# -- photos: real files made with Pillow -----------------------------------------------------

PHOTO = "foto/kopi-contoh/kopi.jpg"


def use_photo(root: Path, rel: str) -> None:
    edit(root, EXHIBITOR, f"berkas: {PHOTO}", f"berkas: {rel}")


def photo_issue(root: Path, message: str, code: str) -> tuple:
    return (f"{EX}:20:9", code, "produk[0].foto[0].berkas", message)


def test_photo_missing(root: Path) -> None:
    use_photo(root, "foto/kopi-contoh/teh.jpg")
    assert only_issue(root) == photo_issue(root, "berkas `foto/kopi-contoh/teh.jpg` tidak ada", "I01")


def test_photo_with_wrong_case_suggests_the_real_name(root: Path) -> None:
    use_photo(root, "foto/kopi-contoh/Kopi.jpg")
    assert only_issue(root) == photo_issue(
        root, "berkas `foto/kopi-contoh/Kopi.jpg` tidak ada; mungkin maksudnya `foto/kopi-contoh/kopi.jpg`?", "I01"
    )


@pytest.mark.parametrize(
    ("rel", "message"),
    [
        ("../kopi.jpg", "`../kopi.jpg` memakai `..` sehingga keluar dari catalogue_data/"),
        ("/etc/hostname", "`/etc/hostname` ditulis sebagai jalur mutlak"),
    ],
)
def test_photo_outside_root(root: Path, rel: str, message: str) -> None:
    use_photo(root, rel)
    assert only_issue(root) == photo_issue(root, message, "I02")


def test_photo_symlink(root: Path) -> None:
    (root / "foto" / "tautan.jpg").symlink_to(root / PHOTO)
    use_photo(root, "foto/tautan.jpg")
    assert only_issue(root) == photo_issue(root, "`foto/tautan.jpg` berupa symlink", "I02")


def test_photo_truncated(root: Path) -> None:
    from PIL import Image

    target = root / "foto" / "besar.jpg"
    Image.effect_noise((64, 64), 50).convert("RGB").save(target, "JPEG")
    target.write_bytes(target.read_bytes()[:400])
    use_photo(root, "foto/besar.jpg")
    assert only_issue(root) == photo_issue(root, "`foto/besar.jpg` rusak atau terpotong", "I04")


@pytest.mark.parametrize(("fmt", "shown"), [("TIFF", "TIFF"), ("BMP", "BMP")])
def test_photo_wrong_format(root: Path, fmt: str, shown: str) -> None:
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(root / "foto" / "kopi.jpg", fmt)
    use_photo(root, "foto/kopi.jpg")
    assert only_issue(root) == photo_issue(
        root, f"`foto/kopi.jpg` berformat {shown}, bukan JPEG, PNG, WebP atau GIF", "I03")


@pytest.mark.parametrize(("fmt", "shown"), [("GIF", "GIF"), ("PNG", "PNG"), ("WEBP", "WebP")])
def test_animated_photo_is_published_still_with_a_warning(root: Path, fmt: str, shown: str) -> None:
    from tests.images_helpers import ANIMATED, animated

    animated(root / "foto" / ANIMATED[fmt], fmt)
    use_photo(root, f"foto/{ANIMATED[fmt]}")
    notices = [(n.location(), n.code, n.field_path, n.message, n.severity) for n in valid(root).notices]
    assert notices == [(f"{EX}:20:9", "I06", "produk[0].foto[0].berkas",
                        f"`foto/{ANIMATED[fmt]}` adalah gambar bergerak ({shown}); situs menampilkan gambar pertamanya "
                        "saja", "warning")]


def test_still_gif_is_a_photo_like_any_other(root: Path) -> None:
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(root / "foto" / "kopi.gif", "GIF")
    use_photo(root, "foto/kopi.gif")
    assert valid(root).notices == []


def test_photo_that_is_not_an_image(root: Path) -> None:
    write(root, "foto/kopi.jpg", "bukan gambar")
    use_photo(root, "foto/kopi.jpg")
    assert only_issue(root) == photo_issue(
        root, "`foto/kopi.jpg` berformat tak dikenal, bukan JPEG, PNG, WebP atau GIF", "I03"
    )


def test_photo_too_many_pixels(root: Path) -> None:
    from PIL import Image

    Image.new("1", (8000, 5001)).save(root / "foto" / "besar.png", "PNG")
    use_photo(root, "foto/besar.png")
    assert only_issue(root) == photo_issue(
        root, "`foto/besar.png` berukuran 8000×5001 piksel, lebih dari 40 megapiksel", "I05"
    )


# -- every message staff can get is Bahasa Indonesia -----------------------------------------

WRONG_VALUES = [None, "", "teks", "-1", "0", "999", [], ["x"], [{"a": "b"}], {}, {"x": "y"}]


def staff_models() -> list[type[BaseModel]]:
    return [
        cls for _, cls in inspect.getmembers(models, inspect.isclass)
        if issubclass(cls, models.StaffModel) and cls.__module__ == models.__name__
    ]


def test_every_pydantic_error_has_an_indonesian_message() -> None:
    seen: set[str] = set()
    for model in staff_models():
        for field in model.model_fields.values():
            for value in WRONG_VALUES:
                try:
                    model.model_validate({field.alias: value})
                except ValidationError as exc:
                    for error in exc.errors():
                        seen.add(error["type"])
                        code, message = pydantic_message(error, model)
                        assert code in messages.CODES, error
                        assert message != messages.UNKNOWN_TYPE[1], error
                        assert not re.search(r"\b(should|must|Input|Field required|valid)\b", message), message
    assert {"missing", "extra_forbidden", "literal_error", "too_short", "model_type", "list_type", "F12"} <= seen


def test_every_field_is_described_in_indonesian() -> None:
    for model in staff_models():
        for name, field in model.model_fields.items():
            assert field.alias, (model, name)
            assert field.description, (model, name)


def test_every_code_used_in_the_source_is_registered() -> None:
    source = Path(models.__file__).parent.parent  # plugins/etalase
    used: set[str] = set()
    for path in source.rglob("*.py"):
        used |= set(re.findall(r"\"([YFRILPTSX]\d\d)\"", path.read_text(encoding="utf-8")))
    assert used - set(messages.CODES) == set()
    for code, (title, fix) in messages.CODES.items():
        assert title and fix.endswith("."), code
