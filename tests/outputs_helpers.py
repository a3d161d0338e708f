"""Real catalogues for the tests of etalase.outputs, written into ``tmp_path`` and loaded for real.

The trees are spelled out here (not copied from catalogue_data/, which staff
and the sample keep changing), so every assertion on exact values holds.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from pathlib import Path

from etalase.data.catalogue import Catalogue, load_catalogue
from etalase.outputs.site import Site
from etalase.site import urls
from PIL import Image

SITEURL = "https://etalase.example.go.id"
#: The day the helpers' site is "as of".
TODAY = dt.date(2023, 11, 9)
PHOTO = "foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg"

PROGRAMME = """\
nama: Business Matching Produk Dalam Negeri
slogan: Bangga Buatan Indonesia — belanja produk dalam negeri dari UMKM dan IKM Jakarta
penyelenggara: Dinas Perindustrian, Perdagangan, Koperasi, Usaha Kecil dan Menengah (PPKUKM) Provinsi DKI Jakarta
deskripsi: |
  *Business Matching* adalah program bulanan untuk produk dalam negeri.

  Katalog ini berisi **data contoh**.
kontak:
  email: bisnis.matching@contoh.go.id
  telepon: 021-3822000
  situs: https://ppkukm.jakarta.go.id
capaian:
  - judul: Realisasi belanja produk dalam negeri Provinsi DKI Jakarta
    realisasi: 13.100.000.000.000
    komitmen: 15.800.000.000.000
    per_tanggal: 2023-11-05
    sumber: Dashboard Bigbox LKPP
data_contoh: ya
"""

CATEGORIES = """\
kategori:
  - {id: kuliner, nama: Kuliner, deskripsi: Makanan olahan dan camilan.}
  - {id: minuman, nama: Minuman, deskripsi: "Kopi, teh dan minuman kemasan."}
  - {id: fesyen, nama: Fesyen, deskripsi: "Pakaian, tas dan aksesori."}
  - {id: wastra, nama: Batik & Wastra, deskripsi: Batik Betawi dan kain nusantara.}
"""

REGIONS = """\
kota:
  - {id: jakarta-pusat, nama: Jakarta Pusat, kecamatan: [{id: gambir, nama: Gambir}]}
  - {id: jakarta-utara, nama: Jakarta Utara, kecamatan: [{id: koja, nama: Koja}]}
  - {id: jakarta-barat, nama: Jakarta Barat, kecamatan: [{id: palmerah, nama: Palmerah}]}
  - {id: jakarta-selatan, nama: Jakarta Selatan, kecamatan: [{id: tebet, nama: Tebet}]}
  - {id: jakarta-timur, nama: Jakarta Timur, kecamatan: [{id: jatinegara, nama: Jatinegara}]}
"""

BATCH_9 = """\
nomor: 9
judul: Business Matching Batch 9
mulai: 2023-11-06
selesai: 2023-11-09
tempat:
  nama: Balai Kota DKI Jakarta
  alamat: Jl. Medan Merdeka Selatan No. 8-9, Gambir
  kota: jakarta-pusat
ringkasan: |
  Batch 9 menghadirkan **18 eksibitor** UMKM dan IKM, SMK Negeri 32 Jakarta,
  serta meja pendaftaran akun SIINas.
eksibitor:
  - kopi-betawi-sejahtera
sekolah:
  - smkn-32-jakarta
kegiatan:
  - nama: Sosialisasi pengoperasian SIINas dan pendaftaran akun SIINas
    deskripsi: Pendampingan pendaftaran akun SIINas bagi IKM di DKI Jakarta.
  - nama: Konsultasi dengan penyedia
"""

KOPI = """\
nama: Kopi Betawi Sejahtera
jenis: ikm
kota: jakarta-timur
kecamatan: jatinegara
alamat: Jl. Contoh Raya No. 1, Jatinegara
deskripsi: Sangrai kopi robusta dan arabika dari petani Nusantara sejak 2015.
kontak:
  whatsapp: 0812-3456-7801
  instagram: "@kopibetawi.contoh"
  marketplace:
    - nama: Tokopedia
      tautan: https://www.tokopedia.com/kopibetawi-contoh
nib: "9120001234567"
siinas: ya
jakpreneur: ya
produk:
  - id: kopi-robusta-betawi-250g
    nama: Kopi Robusta Betawi 250 g
    kategori: minuman
    deskripsi: Kopi bubuk robusta sangrai sedang, kemasan zip 250 gram.
    foto:
      - berkas: foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg
        alt: Kemasan kopi robusta cokelat 250 gram di atas meja kayu
    harga: 45.000
    satuan: bungkus
    min_pesan: 10
    sertifikasi:
      halal:
        nomor: ID31110000123450223
      pirt:
        nomor: "206317401012325"
    tkdn:
      persen: 42,5
      bmp: 5
      nomor_sertifikat: TKDN-CONTOH-0001
"""

SCHOOL = """\
nama: SMK Negeri 32 Jakarta
npsn: "20100000"
kota: jakarta-selatan
kecamatan: tebet
deskripsi: Sekolah menengah kejuruan dengan program keahlian tata busana dan kuliner.
kontak:
  telepon: 021-8300000
  email: humas@smkn32-contoh.sch.id
program_keahlian:
  - Tata Busana
produk:
  - id: smkn32-tas-batik
    nama: Tas Jinjing Batik Betawi
    kategori: fesyen
    deskripsi: Tas jinjing karya siswa Tata Busana.
    foto:
      - berkas: foto/kopi-betawi-sejahtera/kopi-robusta-250g.jpg
        alt: Tas jinjing bermotif batik
    harga:
      dari: 75000
      sampai: 120000
    satuan: pcs
"""

BASE = {
    "program.yaml": PROGRAMME,
    "kosakata/kategori.yaml": CATEGORIES,
    "kosakata/wilayah.yaml": REGIONS,
    "batch/batch-9.yaml": BATCH_9,
    "eksibitor/kopi-betawi-sejahtera.yaml": KOPI,
    "sekolah/smkn-32-jakarta.yaml": SCHOOL,
}

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
    return Site(siteurl=siteurl, sitename="Etalase PDN Jakarta", today=TODAY, page_urls=list(page_urls),
                photo_urls=photos)


def write_tree(root: Path, files: dict[str, str]) -> Path:
    """Write ``files`` (path -> YAML) and the one photo they share under ``root``; return ``root``."""
    for rel, text in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_text(text, encoding="utf-8")
    (root / PHOTO).parent.mkdir(parents=True, exist_ok=True)
    Image.new("RGB", (64, 48), (120, 80, 40)).save(root / PHOTO, "JPEG", quality=80)
    return root


def sample_catalogue(tmp_path: Path) -> Catalogue:
    """One batch, one exhibitor with a certified coffee, one school with a bag."""
    return load_catalogue(write_tree(tmp_path / "catalogue_data", BASE))


def rich_catalogue(tmp_path: Path) -> Catalogue:
    """The sample plus a second batch, formula-like names, withdrawn records and consenting makers."""
    files = {
        **BASE,
        "batch/batch-10.yaml": BATCH_10,
        "eksibitor/rumah-rumus.yaml": RUMAH_RUMUS,
        "eksibitor/usaha-mundur.yaml": USAHA_MUNDUR,
        "eksibitor/batik-belum-ikut.yaml": BELUM_IKUT,
        "sekolah/smkn-32-jakarta.yaml": SCHOOL + MAKERS,
    }
    return load_catalogue(write_tree(tmp_path / "catalogue_data", files))


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
