"""``./run impor``: real .xlsx files into real catalogues, checked by the real validator."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.data.models import Price

from tests.catalogue_helpers import EXHIBITOR, copy_root, edit
from tests.intake_helpers import HEADERS, ROW, files, photo_folder, run, told, validate, write_xlsx

SECOND = {"Nama produk": "Teh Hijau 100 g", "Kategori": "Minuman", "Deskripsi produk": "Teh hijau.",
          "Harga": 30000.0, "Satuan": "bungkus", "Foto 1 berkas": "teh.jpg", "Foto 1 alt": "Kemasan teh hijau"}
OTHER = {**ROW, "ID eksibitor": None, "Nama eksibitor": "Kue Cubit Matraman", "WhatsApp": 81234567803,
         "ID produk": "kue-cubit-isi-10", "Nama produk": "Kue Cubit isi 10", "Kategori": "minuman",
         "Harga": "Rp 20.000", "Foto 1 berkas": "kue.jpg", "Foto 1 alt": "Kue cubit di kotak"}


@pytest.fixture
def root(tmp_path):
    return copy_root(tmp_path)


def test_good_rows_become_records_that_validate_field_by_field(tmp_path, root):
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [ROW, SECOND, OTHER])

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path, "teh.jpg", "kue.jpg"))

    assert outcome.ok, text
    assert validate(root).returncode == 0
    catalogue = load_catalogue(root)
    tea, cake = catalogue.exhibitors["teh-nusa"], catalogue.exhibitors["kue-cubit-matraman"]
    assert (tea.name, tea.kind, tea.city, tea.district, tea.description) == (
        "Teh Nusa", "umkm", "jakarta-timur", "matraman", "Teh melati seduh dari Matraman.")
    assert tea.contact.whatsapp == "+6281234567802"
    assert [(p.id, p.name, p.category, p.price, p.unit, [f.file for f in p.photos]) for p in tea.products] == [
        ("teh-melati-100g", "Teh Melati 100 g", "minuman", Price(kind="tetap", low=25000), "bungkus",
         ["foto/teh-nusa/teh.jpg"]),
        ("teh-hijau-100-g", "Teh Hijau 100 g", "minuman", Price(kind="tetap", low=30000), "bungkus",
         ["foto/teh-nusa/teh.jpg"]),
    ]
    assert cake.contact.whatsapp == "+6281234567803"  # 81234567803 typed into a number cell: its 0 comes back
    assert [(p.id, p.price, p.photos[0].file) for p in cake.products] == [
        ("kue-cubit-isi-10", Price(kind="tetap", low=20000), "foto/kue-cubit-matraman/kue.jpg")]
    assert (root / "foto/teh-nusa/teh.jpg").read_bytes() == (tmp_path / "foto masuk/teh.jpg").read_bytes()
    assert text.splitlines()[-3:] == [
        "  catalogue_data/foto/teh-nusa/teh.jpg (foto dari " + str(tmp_path / "foto masuk/teh.jpg") + ")",
        "Impor selesai: 2 eksibitor baru, 3 produk baru, 2 foto disalin.",
        "Eksibitor baru belum ikut batch: tambahkan ID-nya (teh-nusa, kue-cubit-matraman) ke daftar `eksibitor:` di "
        "berkas batch, lalu jalankan ./run validate.",
    ]


def test_the_written_yaml_reimports_with_no_change(tmp_path, root):
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [ROW, SECOND])
    run(sheet, root, photos=photo_folder(tmp_path))
    before = files(root)

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path))

    assert outcome.ok and outcome.written == []
    assert files(root) == before
    assert text.splitlines()[-1] == "Tidak ada perubahan: katalog sudah sama dengan isi spreadsheet."


SPREADSHEET_TYPED = {
    **ROW,
    "WhatsApp": 81234567802,                      # a phone number without its 0
    "Telepon": 215551234.0,                       # 021-5551234 as a float
    "NIB": 9120001234567.0,                       # a 13-digit number as a float: exact
    "SIINas": True,                               # a boolean cell
    "Jakpreneur": "SALAH",                        # FALSE in the Indonesian locale, saved as text
    "Kota": "Jakarta Timur",                      # the name instead of the ID
    "Harga": 15000.0,                             # a whole price as a float
    "Min pesan": 12.0,
    "Halal nomor": "ID31110000123450223",
    "Halal berlaku sampai": dt.datetime(2027, 3, 31),  # a date cell
    "P-IRT nomor": 206317401012325,               # 15 digits as a number
    "P-IRT berlaku sampai": 45658,                # a date serial (2025-01-01) in a cell without a date format
    "TKDN persen": 0.425,                         # 42,5 % in a percentage cell
    "TKDN BMP": 5,
    "TKDN nomor sertifikat": "TKDN-0009",
    "Unggulan": False,
}


def test_spreadsheet_typed_values_are_read_the_way_staff_meant(tmp_path, root):
    headers = [*HEADERS, *(h for h in SPREADSHEET_TYPED if h not in HEADERS)]
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [SPREADSHEET_TYPED], headers, formats={"TKDN persen": "0.0%"})

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path))

    assert outcome.ok, text
    record = load_catalogue(root).exhibitors["teh-nusa"]
    product = record.products[0]
    assert (record.contact.whatsapp, record.contact.phone, record.nib, record.siinas, record.jakpreneur,
            record.city) == ("+6281234567802", "+62215551234", "9120001234567", True, False, "jakarta-timur")
    assert (product.price, product.min_order, product.featured) == (Price(kind="tetap", low=15000), 12, False)
    assert product.certifications.halal.valid_until == dt.date(2027, 3, 31)
    assert (product.certifications.pirt.number, product.certifications.pirt.valid_until) == (
        "206317401012325", dt.date(2025, 1, 1))
    assert (product.tkdn.percent, product.tkdn.bmp) == (Decimal("42.50"), Decimal("5.00"))
    text = (root / "eksibitor/teh-nusa.yaml").read_text(encoding="utf-8")
    assert "  whatsapp: 081234567802\n  telepon: 0215551234\n" in text
    assert "    harga: 15000\n" in text and "      persen: 42,5\n" in text and "siinas: ya\n" in text


BAD = {
    **ROW,
    "Harga": "10:30",
    "Kategori": "minum",
    "Kecamatan": "tebet",
    "WhatsApp": "021-5551234",
    "Email": "halo@",
    "NIB": "1.5E+12",
    "SIINas": "mungkin",
    "Deskripsi produk": "Pesan lewat 0812-3456-7890 saja.",
    "Halal berlaku sampai": dt.time(10, 30),
}


def test_every_bad_cell_is_told_at_its_cell_in_one_run_and_nothing_is_written(tmp_path, root):
    headers = [*HEADERS, "Email", "NIB", "SIINas", "Halal nomor", "Halal berlaku sampai"]
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [{**BAD, "Halal nomor": "ID31110000123450223"}], headers)
    before = files(root)

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path))

    place = "daftar.xlsx › Pendaftaran › "
    assert told(outcome) == [
        (place + 'E2 (kolom "Kecamatan")', "R09", "kecamatan `tebet` tidak ada di kota `jakarta-timur`"),
        (place + 'G2 (kolom "WhatsApp")', "F09", "nomor WhatsApp '+62215551234' bukan nomor seluler"),
        (place + 'J2 (kolom "Kategori")', "R03", "kategori `minum` tidak dikenal"),
        (place + 'K2 (kolom "Deskripsi produk")', "P02", "nomor telepon •••••••••890 di teks bebas"),
        (place + 'L2 (kolom "Harga")', "F05", "'10:30' bukan harga rupiah bulat"),
        (place + 'P2 (kolom "Email")', "F10", "alamat email 'halo@' tidak sah"),
        (place + 'Q2 (kolom "NIB")', "X04",
         "'1.5E+12' adalah angka yang disingkat spreadsheet (notasi E); digit aslinya sudah hilang"),
        (place + 'R2 (kolom "SIINas")', "F04", "'mungkin' bukan `ya` atau `tidak`"),
        (place + 'T2 (kolom "Halal berlaku sampai")', "X05", "sel berisi jam 10:30, padahal kolom ini bukan jam"),
    ]
    assert files(root) == before
    lines = text.splitlines()
    assert lines[2:5] == [
        "daftar.xlsx › Pendaftaran (9 masalah)",
        '  daftar.xlsx › Pendaftaran › E2 (kolom "Kecamatan") [R09] kecamatan `tebet` tidak ada di kota '
        "`jakarta-timur`",
        "      Kecamatan tidak ada di kota ini. Cara memperbaiki: Pakai kecamatan dari kota yang sama di "
        "catalogue_data/kosakata/wilayah.yaml.",
    ]
    assert lines[-1] == "Ditemukan 9 masalah di 1 berkas. Tidak ada yang ditulis."


def test_headers_a_missing_column_and_a_reused_product_id_are_told(tmp_path, root):
    headers = [h for h in HEADERS if h != "Satuan"] + ["Hargaa", "Harga"]
    row = {**ROW, "ID produk": "kopi-robusta-250g", "Hargaa": "1"}
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [row], headers)

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path))

    place = "daftar.xlsx › Pendaftaran › "
    assert told(outcome) == [
        (place + 'O1 (kolom "")', "X02", 'kolom "Hargaa" tidak dikenal; mungkin maksudnya "Harga"?'),
        (place + 'P1 (kolom "")', "X03", 'kolom "Harga" sudah ada di kolom L'),
        (place + 'baris 2 (kolom "Satuan" tidak ada)', "F14", "isian wajib `satuan` belum ada"),
        (place + 'H2 (kolom "ID produk")', "R07",
         "ID produk `kopi-robusta-250g` sudah dipakai di catalogue_data/eksibitor/kopi-contoh.yaml baris 15"),
    ]
    assert outcome.issues[2].fix.startswith("Isi sel ini (lihat contoh di templat); bila kolomnya belum ada")


def test_exhibitor_columns_that_disagree_between_rows_are_refused(tmp_path, root):
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [ROW, {**SECOND, "ID eksibitor": "teh-nusa", "Kota": "jakarta-selatan",
                                                         "WhatsApp": "081234567802"}])

    outcome, _ = run(sheet, root, photos=photo_folder(tmp_path))

    assert told(outcome) == [("daftar.xlsx › Pendaftaran › D3 (kolom \"Kota\")", "X06",
                              "berbeda dengan baris 2 ('jakarta-timur') untuk eksibitor yang sama")]


def test_lewati_baris_salah_writes_the_good_rows_and_lists_the_rest(tmp_path, root):
    rows = [ROW, {**SECOND, "Harga": "murah"}, {**OTHER, "Kecamatan": "tebet"}]
    sheet = write_xlsx(tmp_path / "daftar.xlsx", rows)

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path, "teh.jpg", "kue.jpg"), skip_bad_rows=True)

    assert sorted(outcome.skipped) == [3, 4]
    catalogue = load_catalogue(root)
    assert [p.id for p in catalogue.exhibitors["teh-nusa"].products] == ["teh-melati-100g"]
    assert "kue-cubit-matraman" not in catalogue.exhibitors
    assert "Ditemukan 2 masalah di 1 berkas. Baris 3, 4 dilewati (--lewati-baris-salah)." in text.splitlines()
    assert validate(root).returncode == 0


def test_coba_shows_what_would_be_written_and_writes_nothing(tmp_path, root):
    before = files(root)
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [ROW])

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path), dry_run=True)

    assert outcome.ok and files(root) == before
    assert text.splitlines()[-1] == "Uji coba selesai: tidak ada yang ditulis."
    assert "  catalogue_data/eksibitor/teh-nusa.yaml (baru, 1 produk)" in text.splitlines()


# -- existing records ----------------------------------------------------------------------------------------


EXISTING = {"ID eksibitor": "kopi-contoh", "ID produk": "kopi-robusta-250g", "Harga": "50.000", "Satuan": "pak"}


def test_a_record_a_person_edited_is_not_overwritten_without_perbarui(tmp_path, root):
    before = files(root)
    sheet = write_xlsx(tmp_path / "harga.xlsx", [EXISTING], list(EXISTING))

    outcome, _ = run(sheet, root)

    assert told(outcome) == [
        ('harga.xlsx › Pendaftaran › C2 (kolom "Harga")', "X07",
         "catalogue_data/eksibitor/kopi-contoh.yaml berisi '45.000', spreadsheet berisi '50.000'"),
        ('harga.xlsx › Pendaftaran › D2 (kolom "Satuan")', "X07",
         "catalogue_data/eksibitor/kopi-contoh.yaml berisi 'bungkus', spreadsheet berisi 'pak'"),
    ]
    assert files(root) == before


def test_perbarui_shows_the_diff_first_and_keeps_comments_and_key_order(tmp_path, root):
    edit(root, EXHIBITOR, "nama: Kopi Contoh\n", "# Dicek staf 2023-11-01\nnama: Kopi Contoh  # nama resmi\n")
    edit(root, EXHIBITOR, "    harga: 45.000\n", "    harga: 45.000  # harga pameran\n")
    original = (root / EXHIBITOR).read_text(encoding="utf-8")
    new_product = {"ID eksibitor": "kopi-contoh", "ID produk": "kopi-susu-1-liter", "Nama produk": "Kopi Susu 1 Liter",
                   "Kategori": "minuman", "Deskripsi produk": "Kopi susu botol.", "Harga": "60.000",
                   "Satuan": "botol", "Foto 1 berkas": "foto/kopi-contoh/kopi.jpg", "Foto 1 alt": "Botol kopi susu"}
    headers = ["ID eksibitor", "ID produk", "Nama produk", "Kategori", "Deskripsi produk", "Harga", "Satuan",
               "Foto 1 berkas", "Foto 1 alt"]
    sheet = write_xlsx(tmp_path / "harga.xlsx", [{**EXISTING, "Harga": 50000}, new_product], headers)

    outcome, text = run(sheet, root, update=True)

    assert outcome.ok, text
    assert text.splitlines()[2:7] == [
        "Perubahan pada catatan yang ada:",
        "catalogue_data/eksibitor/kopi-contoh.yaml (2 perubahan)",
        "  F2 produk[0].harga (kopi-robusta-250g): '45.000' → '50000'",
        "  G2 produk[0].satuan (kopi-robusta-250g): 'bungkus' → 'pak'",
        "",
    ]
    # The comment keeps its column; every other byte of the file stays, and the new product goes last.
    expected = original.replace("    harga: 45.000  # harga pameran\n    satuan: bungkus\n",
                                "    harga: 50000   # harga pameran\n    satuan: pak\n")
    expected += ("\n  - id: kopi-susu-1-liter\n    nama: Kopi Susu 1 Liter\n    kategori: minuman\n"
                 "    deskripsi: Kopi susu botol.\n    foto:\n      - berkas: foto/kopi-contoh/kopi.jpg\n"
                 "        alt: Botol kopi susu\n    harga: 60.000\n    satuan: botol\n")
    assert (root / EXHIBITOR).read_text(encoding="utf-8") == expected
    assert validate(root).returncode == 0


def test_new_products_join_an_existing_record_without_perbarui(tmp_path, root):
    row = {**ROW, "ID eksibitor": "kopi-contoh", "Nama eksibitor": None, "Jenis": None, "Kota": None,
           "Kecamatan": None, "Deskripsi eksibitor": None, "WhatsApp": None}
    sheet = write_xlsx(tmp_path / "baru.xlsx", [row], ["ID eksibitor", *HEADERS[7:]])

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path))

    assert outcome.ok, text
    assert [p.id for p in load_catalogue(root).exhibitors["kopi-contoh"].products] == [
        "kopi-robusta-250g", "teh-melati-100g"]
    assert (root / "foto/kopi-contoh/teh.jpg").is_file()


def test_a_file_the_importer_wrote_updates_until_a_person_edits_it(tmp_path, root):
    folder = photo_folder(tmp_path)
    run(write_xlsx(tmp_path / "a.xlsx", [ROW]), root, photos=folder)

    outcome, _ = run(write_xlsx(tmp_path / "b.xlsx", [{**ROW, "Harga": "27.500"}]), root, photos=folder)
    assert outcome.ok and [c.new for d in outcome.drafts for c in d.changes] == ["27.500"]
    assert load_catalogue(root).exhibitors["teh-nusa"].products[0].price == Price(kind="tetap", low=27500)

    edit(root, "eksibitor/teh-nusa.yaml", "satuan: bungkus", "satuan: kotak")
    outcome, _ = run(write_xlsx(tmp_path / "c.xlsx", [{**ROW, "Harga": "30.000"}]), root, photos=folder)
    assert [code for _, code, _ in told(outcome)] == ["X07", "X07"]


# -- photos --------------------------------------------------------------------------------------------------


def test_photos_from_the_folder_are_checked_like_catalogue_photos(tmp_path, root):
    folder = photo_folder(tmp_path, "teh.jpg")
    (folder / "bukan-foto.jpg").write_text("bukan gambar", encoding="utf-8")
    os.symlink(folder / "teh.jpg", folder / "tautan.jpg")
    (tmp_path / "di-luar.jpg").write_bytes((folder / "teh.jpg").read_bytes())
    rows = [{**ROW, "ID produk": f"teh-{n}", "Foto 1 berkas": name}
            for n, name in enumerate(("tidak-ada.jpg", "bukan-foto.jpg", "tautan.jpg", "../di-luar.jpg"))]
    sheet = write_xlsx(tmp_path / "foto.xlsx", rows)

    outcome, _ = run(sheet, root, photos=folder)

    place = "foto.xlsx › Pendaftaran › "
    assert told(outcome) == [
        (place + 'N2 (kolom "Foto 1 berkas")', "I01", "berkas `tidak-ada.jpg` tidak ada"),
        (place + 'N3 (kolom "Foto 1 berkas")', "I03",
         "`bukan-foto.jpg` berformat tak dikenal, bukan JPEG, PNG, WebP atau GIF"),
        (place + 'N4 (kolom "Foto 1 berkas")', "I02", "`tautan.jpg` berupa symlink"),
        (place + 'N5 (kolom "Foto 1 berkas")', "I02",
         "`../di-luar.jpg` memakai `..` sehingga keluar dari catalogue_data/"),
    ]


def test_a_photo_is_not_copied_over_another_one(tmp_path, root):
    folder = photo_folder(tmp_path, "Kopi.JPG")
    (folder / "Kopi.JPG").write_bytes((folder / "Kopi.JPG").read_bytes() + b"\0")  # other bytes than kopi.jpg
    row = {**ROW, "ID eksibitor": "kopi-contoh", "Foto 1 berkas": "Kopi.JPG"}
    sheet = write_xlsx(tmp_path / "foto.xlsx", [row], ["ID eksibitor", *HEADERS[7:]])

    outcome, _ = run(sheet, root, photos=folder)

    assert told(outcome) == [
        ('foto.xlsx › Pendaftaran › H2 (kolom "Foto 1 berkas")', "X08",
         "`Kopi.JPG` akan disalin ke foto/kopi-contoh/kopi.jpg, tetapi di sana sudah ada foto lain")]


def test_a_photo_is_never_copied_through_a_symlinked_folder(tmp_path, root):
    elsewhere = tmp_path / "di luar"
    elsewhere.mkdir()
    (root / "foto").mkdir(exist_ok=True)
    os.symlink(elsewhere, root / "foto" / "teh-nusa")
    sheet = write_xlsx(tmp_path / "foto.xlsx", [ROW])

    outcome, _ = run(sheet, root, photos=photo_folder(tmp_path))

    assert ('foto.xlsx › Pendaftaran › N2 (kolom "Foto 1 berkas")', "I02",
            "`teh.jpg` berada di luar catalogue_data/") in told(outcome)
    assert list(elsewhere.iterdir()) == []


def test_a_name_and_its_id_in_two_rows_of_one_exhibitor_agree(tmp_path, root):
    sheet = write_xlsx(tmp_path / "daftar.xlsx", [ROW, {**SECOND, "ID eksibitor": "teh-nusa", "Kota": "Jakarta Timur",
                                                         "Kecamatan": "Matraman"}])

    outcome, text = run(sheet, root, photos=photo_folder(tmp_path))

    assert outcome.ok, text
    assert load_catalogue(root).exhibitors["teh-nusa"].district == "matraman"


def test_a_refused_update_and_a_bad_value_are_told_together(tmp_path, root):
    sheet = write_xlsx(tmp_path / "harga.xlsx", [{**EXISTING, "Harga": "jutaan"}], list(EXISTING))

    outcome, _ = run(sheet, root)

    assert told(outcome) == [
        ('harga.xlsx › Pendaftaran › C2 (kolom "Harga")', "F05", "'jutaan' bukan harga rupiah bulat"),
        ('harga.xlsx › Pendaftaran › C2 (kolom "Harga")', "X07",
         "catalogue_data/eksibitor/kopi-contoh.yaml berisi '45.000', spreadsheet berisi 'jutaan'"),
        ('harga.xlsx › Pendaftaran › D2 (kolom "Satuan")', "X07",
         "catalogue_data/eksibitor/kopi-contoh.yaml berisi 'bungkus', spreadsheet berisi 'pak'"),
    ]


def test_two_exhibitors_whose_names_make_one_id_are_refused(tmp_path, root):
    rows = [{**ROW, "ID eksibitor": None}, {**ROW, "ID eksibitor": None, "Nama eksibitor": "Teh  NUSA!",
                                           "ID produk": "teh-lain"}]
    sheet = write_xlsx(tmp_path / "daftar.xlsx", rows)

    outcome, _ = run(sheet, root, photos=photo_folder(tmp_path))

    assert told(outcome) == [('daftar.xlsx › Pendaftaran › B3 (kolom "Nama eksibitor")', "R07",
                              "eksibitor `teh-nusa` sudah ada di baris 2")]
