"""The staff quality report (etalase.staff.quality, etalase.staff.quality_page, ``python -m etalase report``)."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import pytest
from etalase.staff import quality, quality_page
from etalase.staff.quality import Finding, PhotoFacts, check_quality

from tests.catalogue_helpers import BATCH, EXHIBITOR, SCHOOL, copy_root, edit, valid, write

ROOT = Path(__file__).resolve().parent.parent
KOPI = "catalogue_data/eksibitor/kopi-contoh.yaml"
SMK = "catalogue_data/sekolah/smk-contoh.yaml"
TODAY = dt.date(2023, 11, 9)


#: English text for every translated field of the minimal catalogue (without it the report counts them).
TRANSLATIONS = (
    (BATCH, "judul: Business Matching Batch 1",
     "judul: Business Matching Batch 1\njudul_en: Business Matching Event 1"),
    (BATCH, "ringkasan:", "ringkasan_en: A sample event.\nringkasan:"),
    (EXHIBITOR, "deskripsi: Sangrai kopi robusta sejak 2015.",
     "deskripsi: Sangrai kopi robusta sejak 2015.\ndeskripsi_en: Robusta roasters since 2015."),
    (EXHIBITOR, "    nama: Kopi Robusta 250 g", "    nama: Kopi Robusta 250 g\n    nama_en: Robusta Coffee 250 g"),
    (EXHIBITOR, "    deskripsi: Kopi bubuk robusta sangrai sedang.",
     "    deskripsi: Kopi bubuk robusta sangrai sedang.\n    deskripsi_en: Medium-roast ground robusta."),
    (SCHOOL, "deskripsi: Sekolah kejuruan dengan program keahlian tata busana.",
     "deskripsi: Sekolah kejuruan dengan program keahlian tata busana.\ndeskripsi_en: A fashion vocational school."),
    (SCHOOL, "    nama: Tas Batik", "    nama: Tas Batik\n    nama_en: Batik Bag"),
    (SCHOOL, "    deskripsi: Tas jinjing karya siswa Tata Busana.",
     "    deskripsi: Tas jinjing karya siswa Tata Busana.\n    deskripsi_en: A tote bag made by fashion students."),
)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of the minimal catalogue with English text (``TRANSLATIONS``), which has nothing to report."""
    root = copy_root(tmp_path)
    for rel, old, new in TRANSLATIONS:
        edit(root, rel, old, new)
    return root


def findings(root: Path, check: str, photos: dict | None = None) -> list[tuple[str, str, str]]:
    """``(file, subject, message)`` of one check's findings on ``root``."""
    report = check_quality(valid(root), TODAY, photos or {})
    return [(f.file, f.subject, f.message) for f in report.findings if f.check == check]


def test_a_tidy_catalogue_has_nothing_to_report(root):
    assert check_quality(valid(root), TODAY, {}).findings == []


def test_a_price_on_request_counts_as_no_price(root):
    edit(root, EXHIBITOR, "harga: 45.000", "harga: atas permintaan")
    assert findings(root, "harga") == [
        (KOPI, "produk kopi-robusta-250g",
         "harga `atas permintaan`: tulis harga atau rentang harga agar pembeli mudah memutuskan"),
    ]


def test_a_product_with_only_the_placeholder_photo_has_no_photo(root):
    edit(root, EXHIBITOR, "berkas: foto/kopi-contoh/kopi.jpg", "berkas: foto/kopi-contoh/foto-sementara-kopi.jpg")
    (root / "foto/kopi-contoh/kopi.jpg").rename(root / "foto/kopi-contoh/foto-sementara-kopi.jpg")
    edit(root, SCHOOL, "berkas: foto/kopi-contoh/kopi.jpg", "berkas: foto/kopi-contoh/foto-sementara-kopi.jpg")

    assert [subject for _, subject, _ in findings(root, "foto")] == ["produk kopi-robusta-250g", "produk tas-batik"]
    assert findings(root, "foto")[0][2] == "hanya punya foto sementara dari templat: ganti dengan foto asli"


@pytest.mark.parametrize(
    ("until", "message"),
    [
        ("2024-01-08", "sertifikat halal berlaku sampai 8 Januari 2024 (60 hari lagi)"),
        ("2023-11-08", "sertifikat halal kedaluwarsa: berlaku sampai 8 November 2023 (1 hari lalu)"),
        ("2024-01-09", None),
        ("2023-11-09", "sertifikat halal berlaku sampai 9 November 2023 (hari ini hari terakhirnya)"),
    ],
)
def test_certificates_close_to_or_past_expiry(root, until, message):
    edit(root, EXHIBITOR, "nomor: ID31110000123450223\n",
         f"nomor: ID31110000123450223\n        berlaku_sampai: {until}\n")
    expected = [] if message is None else [
        (KOPI, "produk kopi-robusta-250g", message + ": minta sertifikat terbaru lalu perbarui `berlaku_sampai`")
    ]
    assert findings(root, "sertifikat") == expected


def test_every_certificate_kind_and_tkdn_is_checked(root):
    pirt = 'nomor: "206317401012325"\n'
    edit(root, EXHIBITOR, pirt, pirt + "        berlaku_sampai: 2023-01-01\n")
    tkdn = "nomor_sertifikat: TKDN-0001\n"
    edit(root, EXHIBITOR, tkdn, tkdn + "      berlaku_sampai: 2023-12-01\n")

    assert [message.split(": minta")[0] for _, _, message in findings(root, "sertifikat")] == [
        "sertifikat P-IRT kedaluwarsa: berlaku sampai 1 Januari 2023 (312 hari lalu)",
        "sertifikat TKDN berlaku sampai 1 Desember 2023 (22 hari lagi)",
    ]


@pytest.mark.parametrize(
    ("facts", "reported"),
    [
        (PhotoFacts(3 * 1024 * 1024, 1600, 1200), True),
        (PhotoFacts(900_000, 4032, 3024), False),
        (PhotoFacts(900_000, 4284, 3024), True),
        (PhotoFacts(2 * 1024 * 1024, 2000, 1500), False),
    ],
)
def test_oversized_originals_by_bytes_or_megapixels(root, facts, reported):
    found = findings(root, "ukuran-foto", {"foto/kopi-contoh/kopi.jpg": facts})
    both = ["produk kopi-robusta-250g", "produk tas-batik"]
    assert [subject for _, subject, _ in found] == (both if reported else [])


def test_the_oversize_message_gives_size_and_fix(root):
    found = findings(root, "ukuran-foto", {"foto/kopi-contoh/kopi.jpg": PhotoFacts(5 * 1024 * 1024, 6000, 4000)})
    assert found[0] == (KOPI, "produk kopi-robusta-250g",
                        "`foto/kopi-contoh/kopi.jpg` berukuran 5.0 MB, 6000×4000 piksel (24.0 MP): "
                        "perkecil ke lebar sekitar 2000 piksel, di bawah 2 MB")


def test_participants_in_no_batch(root):
    edit(root, BATCH, "sekolah:\n  - smk-contoh\n", "")
    assert findings(root, "tanpa-batch") == [
        (SMK, "sekolah smk-contoh",
         "tidak disebut di batch mana pun: tambahkan `smk-contoh` ke daftar `sekolah:` di berkas batch "
         "yang diikutinya"),
    ]


def test_the_same_product_of_the_same_seller_under_two_ids(root):
    text = (root / EXHIBITOR).read_text(encoding="utf-8")
    product = text[text.index("  - id: kopi-robusta-250g"):]
    write(root, EXHIBITOR, text + product.replace("id: kopi-robusta-250g", "id: kopi-robusta-250-g")
          .replace("nama: Kopi Robusta 250 g", "nama: kopi robusta 250 g."))

    found = findings(root, "duplikat")

    assert [subject for _, subject, _ in found] == ["produk kopi-robusta-250-g", "produk kopi-robusta-250g"]
    assert found[0][2] == ("produk bernama sama dari penjual yang sama tercatat dengan ID `kopi-robusta-250-g`, "
                           "`kopi-robusta-250g`: bila sama, pakai satu ID dan tandai yang lain `ditarik: ya`")


def test_an_exhibitor_in_two_overlapping_batches(root):
    text = (root / BATCH).read_text(encoding="utf-8")
    second = (text.replace("nomor: 1", "nomor: 2").replace("mulai: 2023-11-06", "mulai: 2023-11-09")
              .replace("selesai: 2023-11-09", "selesai: 2023-11-10").replace("sekolah:\n  - smk-contoh\n", ""))
    write(root, "batch/batch-2.yaml", second)

    assert findings(root, "duplikat") == [
        ("catalogue_data/batch/batch-1.yaml", "kopi-contoh",
         "`kopi-contoh` ikut batch-1 dan batch-2, yang tanggalnya bertumpuk: periksa apakah salah satunya keliru"),
    ]


def test_two_participants_with_the_same_name(root):
    edit(root, SCHOOL, "nama: SMK Negeri Contoh", "nama: Kopi  Contoh")
    assert [(file, subject) for file, subject, _ in findings(root, "duplikat")] == [
        (KOPI, "kopi-contoh"), (SMK, "smk-contoh"),
    ]


def test_texts_still_saying_todo(root):
    edit(root, EXHIBITOR, "deskripsi: Kopi bubuk robusta sangrai sedang.", 'deskripsi: "TODO: jelaskan produk"')
    edit(root, BATCH, "ringkasan: Batch pertama", "ringkasan: TODO Batch pertama")
    assert findings(root, "todo") == [
        ("catalogue_data/batch/batch-1.yaml", "batch-1",
         "`ringkasan` masih berisi TODO dari templat: ganti dengan isi sebenarnya"),
        (KOPI, "produk kopi-robusta-250g", "`deskripsi` masih berisi TODO dari templat: ganti dengan isi sebenarnya"),
    ]


def test_withdrawn_products_are_not_reported(root):
    edit(root, EXHIBITOR, "harga: 45.000", "harga: atas permintaan\n    ditarik: ya")
    assert findings(root, "harga") == []


# -- the reference date ---------------------------------------------------------------


def report_command(root: Path, *args: str, epoch: str | None = None) -> subprocess.CompletedProcess:
    """Run ``python -m etalase report ROOT ARGS`` with SOURCE_DATE_EPOCH set to ``epoch`` (or unset)."""
    env = {"PYTHONPATH": str(ROOT / "plugins"), **({"SOURCE_DATE_EPOCH": epoch} if epoch else {})}
    return subprocess.run([sys.executable, "-m", "etalase", "report", str(root), *args],
                          capture_output=True, text=True, env=env, check=False)


def test_the_reference_date_is_the_builds_today_source_date_epoch_in_jakarta(root):
    """Not the newest batch's last day: a certificate that lapsed after batch 1 is reported as lapsed."""
    tkdn = "nomor_sertifikat: TKDN-0001\n"
    edit(root, EXHIBITOR, tkdn, tkdn + "      berlaku_sampai: 2023-11-14\n")
    done = report_command(root, epoch="1700000000")  # 2023-11-14 22:13 UTC: 15 November in Jakarta
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Laporan mutu katalog. Tanggal acuan 2023-11-15: dari SOURCE_DATE_EPOCH.\n")
    assert ("produk kopi-robusta-250g: sertifikat TKDN kedaluwarsa: berlaku sampai 14 November 2023 (1 hari lalu)"
            in done.stdout)


def test_without_a_date_the_report_takes_the_clock_in_jakarta(root):
    before = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    done = report_command(root)
    after = dt.datetime.now(dt.timezone(dt.timedelta(hours=7))).date()
    first = done.stdout.splitlines()[0]
    assert first in {f"Laporan mutu katalog. Tanggal acuan {day.isoformat()}: hari ini menurut jam komputer, "
                     "waktu Jakarta (WIB)." for day in (before, after)}


# -- output ---------------------------------------------------------------------------


def sample_report() -> quality.QualityReport:
    return quality.QualityReport(TODAY, "dari SOURCE_DATE_EPOCH", [
        Finding("harga", KOPI, "produk kopi-robusta-250g", "harga `atas permintaan`: tulis harga"),
        Finding("todo", KOPI, "produk <b>kopi</b>", "`nama` masih berisi TODO"),
    ])


def test_the_text_report_word_for_word():
    assert quality.format_quality_text(sample_report()) == "\n".join([
        "Laporan mutu katalog. Tanggal acuan 2023-11-09: dari SOURCE_DATE_EPOCH.",
        "",
        "Produk tanpa foto asli (0)", "",
        "Produk tanpa harga (1)",
        f"  {KOPI}: produk kopi-robusta-250g: harga `atas permintaan`: tulis harga", "",
        "Sertifikat hampir habis atau sudah habis berlaku (0)", "",
        "Foto asli terlalu besar (0)", "",
        "Peserta yang tidak ikut batch mana pun (0)", "",
        "Kemungkinan data ganda (0)", "",
        "Isian yang masih bertanda TODO (1)",
        f"  {KOPI}: produk <b>kopi</b>: `nama` masih berisi TODO", "",
        "Terjemahan bahasa Inggris yang belum ada (edisi /en/) (0)", "",
        "2 catatan perlu perhatian.",
    ])


def test_github_warnings_never_errors():
    lines = quality.format_quality_github(sample_report()).splitlines()
    assert lines[0] == (f"::warning file={KOPI},title=Produk tanpa harga::produk kopi-robusta-250g: "
                        "harga `atas permintaan`: tulis harga")
    assert all(line.startswith("::warning ") for line in lines)


def test_the_page_is_noindex_escaped_and_deterministic():
    artifact = quality_page.report_artifact(sample_report(), "Business Matching Contoh")
    html = artifact.data.decode("utf-8")

    assert artifact.path == "staf/laporan/index.html"
    assert '<meta name="robots" content="noindex, nofollow">' in html
    assert "produk &lt;b&gt;kopi&lt;/b&gt;" in html and "<b>kopi</b>" not in html
    assert '<h2 id="harga-judul">Produk tanpa harga (1)</h2>' in html
    assert "<td>harga <code>atas permintaan</code>: tulis harga</td>" in html
    assert quality_page.report_artifact(sample_report(), "Business Matching Contoh") == artifact


def test_backtick_spans_become_code_only_after_escaping():
    assert quality_page.code_spans("isi `<b>x</b>` & `ya`") == (
        "isi <code>&lt;b&gt;x&lt;/b&gt;</code> &amp; <code>ya</code>")


def test_photos_are_measured_from_their_headers(root):
    from PIL import Image

    path = root / "foto/kopi-contoh/kopi.jpg"
    Image.new("RGB", (321, 123), "sienna").save(path, "JPEG")  # a size no other photo of the suite has
    facts = quality_page.measure_photos(root, quality_page.photo_files(valid(root)))
    assert list(facts) == ["foto/kopi-contoh/kopi.jpg"]
    measured = facts["foto/kopi-contoh/kopi.jpg"]
    assert (measured.size, measured.width, measured.height) == (path.stat().st_size, 321, 123)


def test_the_report_command_prints_and_writes_the_page(root, tmp_path):
    edit(root, EXHIBITOR, "harga: 45.000", "harga: atas permintaan")
    done = report_command(root, "--today", "2023-11-01", "--html", str(tmp_path / "laporan.html"), epoch="1700000000")

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Laporan mutu katalog. Tanggal acuan 2023-11-01: dari pilihan --today.\n")
    assert "Produk tanpa harga (1)\n" in done.stdout
    page = tmp_path / "laporan.html"
    assert done.stdout.rstrip().endswith(f"Laporan ditulis ke {page}")
    assert "noindex" in page.read_text(encoding="utf-8")


@pytest.mark.slow
def test_every_build_publishes_the_report_page_with_each_batch_s_booth_qr_sheet(build_site, tmp_path):
    from bs4 import BeautifulSoup
    from etalase.data.catalogue import load_catalogue
    from etalase.site import urls

    from tests.conftest import ROOTS
    from tests.site_helpers import target_exists

    data = ROOTS / "site-basic" / "catalogue_data"
    output = build_site("site-basic", tmp_path, ETALASE_TODAY="2023-11-07")

    page = BeautifulSoup((output / quality_page.PAGE_PATH).read_text(encoding="utf-8"), "html.parser")
    section = page.find("section", id="kode-qr")
    assert section.h2.get_text() == "Cetak kode QR stan"
    links = [(a.get_text(), urljoin("/staf/laporan/", a["href"])) for a in section.find_all("a")]
    batches = list(reversed(load_catalogue(data).batches))
    assert links == [(batch.title, f"/{urls.batch_qr_sheet(batch.id)}") for batch in batches]
    assert all(target_exists(output, url) for _, url in links)
    assert page.find("nav").find("a", href="#kode-qr")


def test_missing_english_text_is_counted_per_record(tmp_path):
    root = copy_root(tmp_path)  # no English at all
    assert findings(root, "terjemahan") == [
        ("catalogue_data/batch/batch-1.yaml", "batch",
         "2 isian belum diterjemahkan (judul_en 1, ringkasan_en 1): tambahkan teks bahasa Inggris di kolom itu; "
         "sampai itu, edisi Inggris menampilkan teks bahasa Indonesia"),
        ("catalogue_data/eksibitor/kopi-contoh.yaml", "peserta dan produknya",
         "3 isian belum diterjemahkan (deskripsi_en 2, nama_en 1): tambahkan teks bahasa Inggris di kolom itu; "
         "sampai itu, edisi Inggris menampilkan teks bahasa Indonesia"),
        ("catalogue_data/sekolah/smk-contoh.yaml", "peserta dan produknya",
         "3 isian belum diterjemahkan (deskripsi_en 2, nama_en 1): tambahkan teks bahasa Inggris di kolom itu; "
         "sampai itu, edisi Inggris menampilkan teks bahasa Indonesia"),
    ]
