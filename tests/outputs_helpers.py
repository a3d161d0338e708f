"""Real catalogues for the tests of etalase.outputs: the sample, and the sample plus tricky records."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

from etalase import urls
from etalase.catalogue import Catalogue, load_catalogue
from etalase.outputs.site import Site

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "catalogue_data"
SITEURL = "https://etalase.example.go.id"
PHOTO = "foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg"

# A later batch whose text needs escaping and folding, with a new exhibitor.
BATCH_10 = """\
nomor: 10
judul: "Business Matching Batch 10; Pekan PDN, Edisi \\\\Khusus\\\\"
mulai: 2023-12-04
selesai: 2023-12-04
tempat:
  nama: Gedung Dinas PPKUKM
  alamat: Jl. Perintis Kemerdekaan, Kav. 1; Lantai 2
  kota: jakarta-utara
ringkasan: |
  Satu hari penuh **produk dalam negeri** — kopi, kriya, batik; semuanya ☕ 🎉.

  - Temu bisnis dengan pembeli pemerintah
  - Konsultasi TKDN
eksibitor:
  - rumah-rumus
  - kopi-betawi-sejahtera
  - usaha-mundur
"""

# Names a spreadsheet would run as formulas, a product in batch 10, a withdrawn one.
RUMAH_RUMUS = """\
nama: "=HYPERLINK(\\"http://contoh.invalid\\",\\"klik\\")"
jenis: umkm
kota: jakarta-utara
kecamatan: koja
deskripsi: "@SUM(A1:A2) dan teman-teman"
kontak:
  email: rumus@contoh.invalid
  whatsapp: 0812-3456-7802
  situs: https://rumus.contoh.invalid
produk:
  - id: sambal-rumus
    nama: "+Sambal Bawang, \\"Pedas\\"; level 5"
    kategori: kuliner
    deskripsi: "-10% untuk pembeli pemerintah.\\nBaris kedua."
    foto:
      - berkas: foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg
        alt: Botol sambal
    harga: atas permintaan
    satuan: botol
  - id: sambal-ditarik
    nama: Sambal Lama
    kategori: kuliner
    deskripsi: Tidak dijual lagi.
    foto:
      - berkas: foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg
        alt: Botol sambal lama
    harga: 10000
    satuan: botol
    ditarik: ya
"""

# A withdrawn exhibitor: neither it nor its products may be published anywhere.
USAHA_MUNDUR = """\
nama: Usaha Mundur
jenis: umkm
kota: jakarta-utara
kecamatan: koja
deskripsi: Sudah tidak ikut.
kontak:
  situs: https://mundur.contoh.invalid
ditarik: ya
produk:
  - id: produk-mundur
    nama: Produk Mundur
    kategori: kuliner
    deskripsi: Tidak terbit.
    foto:
      - berkas: foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg
        alt: Foto
    harga: 5000
    satuan: pcs
"""

# An exhibitor in no batch yet: its product takes the feed's fallback date.
BELUM_IKUT = """\
nama: Batik Belum Ikut
jenis: ikm
kota: jakarta-barat
kecamatan: palmerah
deskripsi: Menunggu batch berikutnya.
kontak:
  instagram: "@batikbelum"
produk:
  - id: batik-belum-ikut
    nama: Kain Batik Tulis
    kategori: wastra
    deskripsi: Batik tulis motif ondel-ondel.
    foto:
      - berkas: foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg
        alt: Kain batik
    harga: 350.000
    satuan: lembar
"""

MAKERS = """\
    pembuat:
      - nama: Siti Contoh
        kelas: XI Tata Busana
        persetujuan_wali: ya
"""


def site(siteurl: str = SITEURL, page_urls=(), photo_urls=None) -> Site:
    """A site at ``siteurl`` with the sample photo published under ``gambar/``."""
    photos = {PHOTO: "gambar/kopi-960.jpg"} if photo_urls is None else photo_urls
    return Site(siteurl=siteurl, sitename="Etalase PDN Jakarta", page_urls=list(page_urls), photo_urls=photos)


def sample_catalogue() -> Catalogue:
    """The repository's sample catalogue."""
    return load_catalogue(SAMPLE)


def rich_catalogue(tmp_path: Path) -> Catalogue:
    """The sample plus a second batch, formula-like names, withdrawn records and consenting makers."""
    root = tmp_path / "catalogue_data"
    shutil.copytree(SAMPLE, root)
    (root / "batch" / "batch-10.yaml").write_text(BATCH_10, encoding="utf-8")
    (root / "eksibitor" / "rumah-rumus.yaml").write_text(RUMAH_RUMUS, encoding="utf-8")
    (root / "eksibitor" / "usaha-mundur.yaml").write_text(USAHA_MUNDUR, encoding="utf-8")
    (root / "eksibitor" / "batik-belum-ikut.yaml").write_text(BELUM_IKUT, encoding="utf-8")
    school = root / "sekolah" / "smkn-32-jakarta.yaml"
    school.write_text(school.read_text(encoding="utf-8") + MAKERS, encoding="utf-8")
    return load_catalogue(root)


def page_urls(catalogue: Catalogue) -> list[str]:
    """Every record page of ``catalogue``, as the generator would report them."""
    pages = [urls.HOME, urls.SEARCH, *(urls.index(kind) for kind in (urls.PRODUCT, urls.EXHIBITOR, urls.SCHOOL))]
    pages += [urls.product(item.id) for item in catalogue.listings]
    pages += [urls.exhibitor(i) for i in catalogue.exhibitors] + [urls.school(i) for i in catalogue.schools]
    pages += [urls.batch(b.id) for b in catalogue.batches] + [urls.category(c) for c in catalogue.categories]
    return pages


def parse_xml(data: bytes) -> ET.Element:
    """Parse XML the build wrote (our own bytes, so the stdlib parser is safe here)."""
    return ET.fromstring(data)  # noqa: S314 - parses our own output, never outside input
