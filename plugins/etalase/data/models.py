"""Typed models of the staff records; the keys are the Bahasa Indonesia words staff type.

Python attributes are English; each field's alias is the key in YAML. Unknown
keys are refused. The same models export the JSON Schema that editors use
(:mod:`etalase.data.schema`). Nothing here reads files or knows about Pelican.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    PrivateAttr,
    ValidationInfo,
    field_validator,
    model_validator,
)
from pydantic_core import PydanticCustomError

from .fieldtypes import (
    NIB,
    NPSN,
    BpomNo,
    Date,
    Email,
    FilePath,
    HalalNo,
    Instagram,
    Integer,
    Markdown,
    Mobile,
    Percent,
    Phone,
    PirtNo,
    PriceField,
    Rupiah,
    Slug,
    Text,
    Url,
    YesNo,
)
from .fieldtypes import ON_REQUEST as ON_REQUEST  # re-exported: prices are part of the record vocabulary
from .fieldtypes import Price as Price

MUST_BUY_TKDN = Decimal(25)
MUST_BUY_COMBINED = Decimal(40)
MAX_BMP = Decimal(15)
OLD_IDS = "ID yang pernah dipakai sebelumnya; tautan lamanya dialihkan ke sini"


def english(what: str) -> str:
    """The description of an optional English field: ``what`` in English, and what a missing one shows."""
    markdown = what.endswith(" (Markdown)")
    what = what.removesuffix(" (Markdown)")
    return (f"{what} dalam bahasa Inggris{' (Markdown)' if markdown else ''}. Terjemahan bahasa Inggris (opsional) "
            "untuk edisi /en/; bila kosong, edisi Inggris menampilkan teks bahasa Indonesia")


class StaffModel(BaseModel):
    """Base of every staff record: unknown keys are errors, values are frozen."""

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=False)


class RecordModel(StaffModel):
    """A record stored in its own file; its ID is the file name."""

    _id: str = PrivateAttr(default="")
    _source: str = PrivateAttr(default="")

    @property
    def id(self) -> str:
        """The record's ID, taken from its file name."""
        return self.__pydantic_private__["_id"]  # not self._id: pydantic's __getattr__ is ~10x slower

    @property
    def source(self) -> str:
        """The staff file this record came from, relative to the project."""
        return self.__pydantic_private__["_source"]

    def bind(self, record_id: str, source: str) -> RecordModel:
        """Attach the file-derived ID and source path."""
        self._id = record_id
        self._source = source
        return self


class Photo(StaffModel):
    """One photo or logo file inside catalogue_data/, with its alt text."""

    file: FilePath = Field(
        alias="berkas", description="Jalur berkas relatif terhadap catalogue_data/, mis. foto/kopi-kita/kopi-250g.jpg"
    )
    alt: Text = Field(alias="alt", description="Teks pengganti: apa yang terlihat di foto, untuk pembaca layar")
    credit: Text | None = Field(None, alias="sumber", description="Sumber atau pemilik hak foto")


class MarketplaceLink(StaffModel):
    """A shop on a marketplace (Tokopedia, Shopee, …)."""

    name: Text = Field(alias="nama", description="Nama marketplace, mis. Tokopedia")
    url: Url = Field(alias="tautan", description="Tautan https ke toko")


class Contact(StaffModel):
    """Public contact details: only these fields may hold phone numbers."""

    whatsapp: Mobile | None = Field(
        None, alias="whatsapp", description="Nomor WhatsApp usaha (seluler), mis. 0812-3456-7890"
    )
    phone: Phone | None = Field(None, alias="telepon", description="Nomor telepon usaha, mis. 021-5551234")
    email: Email | None = Field(None, alias="email", description="Alamat email usaha")
    website: Url | None = Field(None, alias="situs", description="Situs web usaha (https://…)")
    instagram: Instagram | None = Field(None, alias="instagram", description="Akun Instagram, mis. @kopikita")
    marketplaces: list[MarketplaceLink] = Field(
        default_factory=list, alias="marketplace", description="Toko di marketplace"
    )
    ekatalog: Url | None = Field(None, alias="ekatalog", description="Tautan produk di e-Katalog LKPP")
    eorder: Url | None = Field(None, alias="eorder", description="Tautan e-Order / toko daring pemerintah")


class Certificate(StaffModel):
    """A certificate number with an optional expiry date."""

    number: Text = Field(alias="nomor", description="Nomor sertifikat persis seperti di dokumen")
    valid_until: Date | None = Field(None, alias="berlaku_sampai", description="Tanggal habis berlaku, TTTT-BB-HH")


class HalalCertificate(Certificate):
    """BPJPH halal certificate."""

    number: HalalNo = Field(alias="nomor", description="Nomor sertifikat halal BPJPH, mis. ID31110000123450223")


class BpomCertificate(Certificate):
    """BPOM registration (MD for domestic, ML for imported-licensed)."""

    number: BpomNo = Field(
        alias="nomor", description="Nomor izin edar BPOM, mis. MD224510001234, NA18191200123 atau TR123456789"
    )


class PirtCertificate(Certificate):
    """Home-industry food registration (SPP-IRT)."""

    number: PirtNo = Field(alias="nomor", description="Nomor P-IRT, 15 angka")


class SniCertificate(Certificate):
    """SNI product certificate (SPPT-SNI)."""

    number: Text = Field(alias="nomor", description="Nomor sertifikat SPPT-SNI")
    standard: Text = Field(alias="standar", description="Nomor standar, mis. SNI 8217:2016")


class Certifications(StaffModel):
    """Certificates a product holds."""

    halal: HalalCertificate | None = Field(None, alias="halal", description="Sertifikat halal BPJPH")
    bpom: BpomCertificate | None = Field(
        None, alias="bpom", description="Izin edar BPOM (MD/ML pangan, NA kosmetik, TR obat tradisional, SD suplemen)"
    )
    pirt: PirtCertificate | None = Field(None, alias="pirt", description="Izin P-IRT")
    sni: SniCertificate | None = Field(None, alias="sni", description="Sertifikat SNI")

    def kinds(self) -> list[str]:
        """Return the IDs of the certificates present, in a fixed order."""
        return [kind for kind in ("halal", "bpom", "pirt", "sni") if getattr(self, kind)]


class Tkdn(StaffModel):
    """Local content (TKDN) and company benefit weight (BMP) from Kemenperin."""

    percent: Percent = Field(alias="persen", description="Nilai TKDN dalam persen, mis. 45,5")
    bmp: Percent = Field(
        Decimal(0),
        alias="bmp", json_schema_extra={"maximum": 15},
        le=MAX_BMP,
        description="Nilai BMP (Bobot Manfaat Perusahaan) dalam persen, 0 sampai 15",
    )
    certificate: Text = Field(alias="nomor_sertifikat", description="Nomor sertifikat TKDN")
    valid_until: Date | None = Field(None, alias="berlaku_sampai", description="Tanggal habis berlaku")

    @property
    def combined(self) -> Decimal:
        """TKDN plus BMP."""
        return self.percent + self.bmp

    @property
    def meets_threshold(self) -> bool:
        """TKDN ≥ 25 % and TKDN+BMP ≥ 40 %: the values only (`etalase.data.certificates.must_buy` adds the day)."""
        return self.percent >= MUST_BUY_TKDN and self.combined >= MUST_BUY_COMBINED


class Maker(StaffModel):
    """A student who made a school product; published only with a guardian's consent."""

    name: Text = Field(alias="nama", description="Nama siswa")
    grade: Text | None = Field(None, alias="kelas", description="Kelas, mis. XI Tata Busana")
    guardian_consent: YesNo = Field(
        False, alias="persetujuan_wali", description="ya hanya bila wali sudah setuju tertulis"
    )

    @model_validator(mode="after")
    def _consented(self) -> Maker:
        if not self.guardian_consent:
            raise PydanticCustomError("P03", "nama siswa tidak boleh terbit tanpa `persetujuan_wali: ya`")
        return self


class Product(StaffModel):
    """One product or service offered by an exhibitor or a school."""

    id: Slug = Field(
        alias="id", description="ID produk, unik di seluruh katalog, dipakai di tautan /produk/<id>/; jangan diubah"
    )
    old_ids: list[Slug] = Field(default_factory=list, alias="id_lama", description=OLD_IDS)
    name: Text = Field(alias="nama", description="Nama produk")
    name_en: Text | None = Field(None, alias="nama_en", description=english("Nama produk"))
    category: Slug = Field(alias="kategori", description="ID kategori dari kosakata/kategori.yaml")
    description: Markdown = Field(alias="deskripsi", description="Deskripsi produk (Markdown)")
    description_en: Markdown | None = Field(
        None, alias="deskripsi_en", description=english("Deskripsi produk (Markdown)")
    )
    photos: list[Photo] = Field(alias="foto", min_length=1, description="Minimal satu foto")
    price: PriceField = Field(
        alias="harga",
        description="Harga rupiah bulat: 15000, 15.000 atau Rp 15.000; rentang `dari:`/`sampai:`; "
        "atau `atas permintaan`",
    )
    unit: Text = Field(alias="satuan", description="Satuan jual, mis. pcs, kg, botol, paket")
    min_order: Integer = Field(
        1, alias="min_pesan", ge=1, json_schema_extra={"minimum": 1}, description="Jumlah pesanan minimal"
    )
    certifications: Certifications = Field(
        default_factory=Certifications, alias="sertifikasi", description="Sertifikat produk: halal, bpom, pirt, sni"
    )
    tkdn: Tkdn | None = Field(None, alias="tkdn", description="Nilai TKDN dan BMP bila sudah bersertifikat")
    makers: list[Maker] = Field(
        default_factory=list, alias="pembuat", description="Siswa pembuat (hanya produk sekolah)"
    )
    featured: YesNo = Field(False, alias="unggulan", description="ya untuk ditampilkan di beranda")
    withdrawn: YesNo = Field(False, alias="ditarik", description="ya bila produk ditarik dari katalog")


class Region(StaffModel):
    """A kecamatan."""

    id: Slug = Field(alias="id", description="ID kecamatan, dipakai di kolom `kecamatan` peserta; jangan diubah")
    name: Text = Field(alias="nama", description="Nama kecamatan seperti ditampilkan")


class City(StaffModel):
    """A kota administrasi or the kabupaten administrasi, with its kecamatan."""

    id: Slug = Field(alias="id", description="ID kota, dipakai di kolom `kota`; jangan diubah")
    name: Text = Field(alias="nama", description="Nama kota seperti ditampilkan")
    districts: list[Region] = Field(alias="kecamatan", min_length=1, description="Kecamatan di kota ini")


class Regions(RecordModel):
    """kosakata/wilayah.yaml: the cities and districts of DKI Jakarta."""

    cities: list[City] = Field(alias="kota", min_length=1, description="Kota administrasi dan kabupaten administrasi")


class Category(StaffModel):
    """A product category."""

    id: Slug = Field(alias="id", description="ID kategori, dipakai di tautan /kategori/<id>/; jangan diubah")
    name: Text = Field(alias="nama", description="Nama kategori seperti ditampilkan")
    description: Text = Field(alias="deskripsi", description="Penjelasan singkat isi kategori")
    name_en: Text | None = Field(None, alias="nama_en", description=english("Nama kategori"))
    description_en: Text | None = Field(
        None, alias="deskripsi_en", description=english("Penjelasan kategori")
    )


class Categories(RecordModel):
    """kosakata/kategori.yaml: the controlled list of product categories."""

    categories: list[Category] = Field(alias="kategori", min_length=1, description="Daftar kategori produk")


class Figure(StaffModel):
    """A programme figure such as domestic-product spending realised vs committed."""

    title: Text = Field(alias="judul", description="Judul angka capaian")
    realised: Rupiah = Field(alias="realisasi", description="Rupiah bulat yang sudah terealisasi")
    committed: Rupiah = Field(alias="komitmen", description="Rupiah bulat yang dikomitmenkan")
    as_of: Date = Field(alias="per_tanggal", description="Tanggal data, TTTT-BB-HH")
    source: Text = Field(alias="sumber", description="Sumber data, mis. Dashboard Bigbox LKPP")
    source_url: Url | None = Field(None, alias="tautan_sumber", description="Tautan https ke sumber data")

    @property
    def percent(self) -> Decimal:
        """Realised as a percentage of committed, one decimal."""
        if not self.committed:
            return Decimal(0)
        return (Decimal(self.realised) * 100 / Decimal(self.committed)).quantize(Decimal("0.1"))


class Programme(RecordModel):
    """program.yaml: the programme's own facts."""

    name: Text = Field(alias="nama", description="Nama program")
    name_en: Text | None = Field(None, alias="nama_en", description=english("Nama program"))
    tagline: Text = Field(alias="slogan", description="Slogan satu kalimat di beranda")
    tagline_en: Text | None = Field(None, alias="slogan_en", description=english("Slogan"))
    organiser: Text = Field(alias="penyelenggara", description="Instansi penyelenggara")
    description: Markdown = Field(alias="deskripsi", description="Penjelasan program (Markdown)")
    contact: Contact = Field(alias="kontak", description="Kontak resmi penyelenggara")
    figures: list[Figure] = Field(default_factory=list, alias="capaian", description="Angka capaian program")
    sample: YesNo = Field(False, alias="data_contoh", description="ya bila katalog ini data contoh (fiktif)")


class Venue(StaffModel):
    """Where a batch takes place."""

    name: Text = Field(alias="nama", description="Nama tempat, mis. Balai Kota DKI Jakarta")
    address: Text = Field(alias="alamat", description="Alamat lengkap tempat")
    city: Slug = Field(alias="kota", description="ID kota dari kosakata/wilayah.yaml")


class Activity(StaffModel):
    """An activity during a batch, e.g. SIINas registration desk."""

    name: Text = Field(alias="nama", description="Nama kegiatan")
    description: Markdown | None = Field(None, alias="deskripsi", description="Penjelasan kegiatan (Markdown)")


class Batch(RecordModel):
    """batch/<id>.yaml: one monthly Business Matching event."""

    number: Integer = Field(
        alias="nomor", ge=1, json_schema_extra={"minimum": 1}, description="Nomor urut batch, mis. 9"
    )
    title: Text = Field(alias="judul", description="Judul batch, mis. Business Matching Batch 9")
    title_en: Text | None = Field(None, alias="judul_en", description=english("Judul batch"))
    start: Date = Field(alias="mulai", description="Hari pertama, TTTT-BB-HH")
    end: Date = Field(alias="selesai", description="Hari terakhir, TTTT-BB-HH (sama dengan `mulai` bila sehari)")
    venue: Venue = Field(alias="tempat", description="Tempat acara")
    summary: Markdown = Field(alias="ringkasan", description="Ringkasan acara (Markdown)")
    summary_en: Markdown | None = Field(
        None, alias="ringkasan_en", description=english("Ringkasan acara (Markdown)")
    )
    exhibitors: list[Slug] = Field(default_factory=list, alias="eksibitor", description="ID eksibitor yang ikut")
    schools: list[Slug] = Field(default_factory=list, alias="sekolah", description="ID sekolah yang ikut")
    activities: list[Activity] = Field(default_factory=list, alias="kegiatan", description="Kegiatan selama batch")
    old_ids: list[Slug] = Field(default_factory=list, alias="id_lama", description=OLD_IDS)

    @field_validator("end")
    @classmethod
    def _dates_in_order(cls, end: dt.date, info: ValidationInfo) -> dt.date:
        start = info.data.get("start")
        if start is not None and end < start:
            raise PydanticCustomError(
                "F18",
                "tanggal selesai {end} sebelum tanggal mulai {start}",
                {"end": end.isoformat(), "start": start.isoformat()},
            )
        return end

    def days(self) -> list[dt.date]:
        """Every day of the batch."""
        return [self.start + dt.timedelta(days=i) for i in range((self.end - self.start).days + 1)]


class Participant(RecordModel):
    """What exhibitors and schools share: a seller with a place, contact and products."""

    name: Text = Field(alias="nama", description="Nama usaha atau sekolah")
    name_en: Text | None = Field(
        None, alias="nama_en", description=english("Nama usaha atau sekolah")
    )
    city: Slug = Field(alias="kota", description="ID kota dari kosakata/wilayah.yaml")
    district: Slug = Field(alias="kecamatan", description="ID kecamatan dari kosakata/wilayah.yaml")
    address: Text | None = Field(None, alias="alamat", description="Alamat usaha (bukan alamat rumah pribadi)")
    description: Markdown = Field(alias="deskripsi", description="Profil singkat (Markdown)")
    description_en: Markdown | None = Field(
        None, alias="deskripsi_en", description=english("Profil singkat (Markdown)")
    )
    logo: Photo | None = Field(None, alias="logo", description="Logo: `berkas` dan `alt`")
    contact: Contact = Field(alias="kontak", description="Kontak usaha yang boleh terbit")
    products: list[Product] = Field(default_factory=list, alias="produk", description="Produk atau layanan")
    old_ids: list[Slug] = Field(default_factory=list, alias="id_lama", description=OLD_IDS)
    withdrawn: YesNo = Field(False, alias="ditarik", description="ya bila peserta ditarik dari katalog")


class Exhibitor(Participant):
    """eksibitor/<id>.yaml: a UMKM, IKM or provider (bank, agency) with its products."""

    kind: Literal["umkm", "ikm", "penyedia"] = Field(
        alias="jenis", description="umkm, ikm, atau penyedia (bank, lembaga)"
    )
    nib: NIB | None = Field(None, alias="nib", description="Nomor Induk Berusaha, 13 angka")
    siinas: YesNo = Field(False, alias="siinas", description="ya bila sudah terdaftar di SIINas")
    jakpreneur: YesNo = Field(False, alias="jakpreneur", description="ya bila anggota Jakpreneur")


class School(Participant):
    """sekolah/<id>.yaml: a vocational school showing student-made products."""

    npsn: NPSN = Field(alias="npsn", description="Nomor Pokok Sekolah Nasional, 8 angka")
    programmes: list[Text] = Field(
        alias="program_keahlian", min_length=1, description="Program keahlian, mis. Tata Busana"
    )
