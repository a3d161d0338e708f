"""The staff quality report: what is published but could be better, before a visitor notices.

Nothing here fails a build. :func:`check_quality` takes a validated
:class:`~etalase.data.catalogue.Catalogue`, a reference date and the measured size
of each photo, and returns findings in a fixed order, so the same data gives
the same report. Reading photo sizes and rendering HTML live in
:mod:`etalase.staff.quality_page`.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from ..data import certificates
from ..data.catalogue import Catalogue
from ..data.messages import certificate_message
from ..data.models import Batch, Participant, Product, School
from ..data.placeholders import is_placeholder, leftovers
from .report import _escape_data, _escape_property  # the one place GitHub escaping is defined

MAX_PHOTO_BYTES = 2 * 1024 * 1024
#: "More than 12 MP": a 12 MP phone photo (4032×3024, 12.2 million pixels) is fine.
MAX_PHOTO_PIXELS = 12_500_000

#: Check ID -> the heading staff read, in the order the report shows them.
CHECKS: dict[str, str] = {
    "foto": "Produk tanpa foto asli",
    "harga": "Produk tanpa harga",
    "sertifikat": "Sertifikat hampir habis atau sudah habis berlaku",
    "ukuran-foto": "Foto asli terlalu besar",
    "tanpa-batch": "Peserta yang tidak ikut batch mana pun",
    "duplikat": "Kemungkinan data ganda",
    "todo": "Isian yang masih bertanda TODO",
    "terjemahan": "Terjemahan bahasa Inggris yang belum ada (edisi /en/)",
}
#: The translated fields the report counts: field -> its English twin, per kind of record. A seller's own name is
#: not counted (a business keeps its name; ``nama_en`` is there for one that trades under an English name).
TRANSLATED = {"product": (("name", "nama_en"), ("description", "deskripsi_en")),
              "seller": (("description", "deskripsi_en"),),
              "batch": (("title", "judul_en"), ("summary", "ringkasan_en"))}


@dataclass(frozen=True)
class PhotoFacts:
    """What the report needs to know about one original photo."""

    size: int
    width: int
    height: int


@dataclass(frozen=True, order=True)
class Finding:
    """One thing to improve in one record."""

    check: str
    file: str
    subject: str
    message: str


@dataclass
class QualityReport:
    """Every finding, and the date certificates were judged against."""

    today: dt.date
    today_source: str
    findings: list[Finding]

    def by_check(self) -> dict[str, list[Finding]]:
        """Group findings under each check, in :data:`CHECKS` order (empty checks included)."""
        groups: dict[str, list[Finding]] = {check: [] for check in CHECKS}
        for finding in self.findings:
            groups[finding.check].append(finding)
        return groups


def check_quality(catalogue: Catalogue, today: dt.date, photos: Mapping[str, PhotoFacts],
                  today_source: str = "") -> QualityReport:
    """Run every check on the published records as of ``today`` and return the sorted findings."""
    found: list[Finding] = []
    for item in catalogue.listings:
        found += _product_findings(item.product, item.owner, today)
    participants = [*catalogue.exhibitors.values(), *catalogue.schools.values()]
    found += _size_findings(participants, photos)
    found += _batchless_findings(catalogue, participants)
    found += _duplicate_findings(catalogue, participants)
    found += _todo_findings(catalogue.batches, participants)
    found += _translation_findings(catalogue.batches, participants)
    order = list(CHECKS)
    found.sort(key=lambda f: (order.index(f.check), f.file, f.subject, f.message))
    return QualityReport(today=today, today_source=today_source, findings=found)


def _subject(product: Product) -> str:
    return f"produk {product.id}"


def _product_findings(product: Product, owner: Participant, today: dt.date) -> list[Finding]:
    found = []
    if all(is_placeholder(photo.file) for photo in product.photos):
        found.append(Finding("foto", owner.source, _subject(product),
                             "hanya punya foto sementara dari templat: ganti dengan foto asli"))
    if product.price.kind == "permintaan":
        found.append(Finding("harga", owner.source, _subject(product),
                             "harga `atas permintaan`: tulis harga atau rentang harga agar pembeli mudah memutuskan"))
    found += _certificate_findings(product, owner, today)
    return found


def _certificate_findings(product: Product, owner: Participant, today: dt.date) -> list[Finding]:
    return [Finding("sertifikat", owner.source, _subject(product), certificate_message(cert.kind, cert.until, today)
                    + ": minta sertifikat terbaru lalu perbarui `berlaku_sampai`")
            for cert in certificates.lapsing(product, today)]


def _photos_of(record: Participant) -> Iterable[tuple[str, str]]:
    if record.logo is not None:
        yield "logo", record.logo.file
    for product in record.products:
        if not product.withdrawn:
            for photo in product.photos:
                yield _subject(product), photo.file


def _size_findings(participants: list[Participant], photos: Mapping[str, PhotoFacts]) -> list[Finding]:
    found = []
    for record in participants:
        for subject, file in _photos_of(record):
            facts = photos.get(file)
            if facts is None or is_placeholder(file):
                continue
            pixels = facts.width * facts.height
            if facts.size > MAX_PHOTO_BYTES or pixels > MAX_PHOTO_PIXELS:
                found.append(Finding("ukuran-foto", record.source, subject,
                                     f"`{file}` berukuran {facts.size / 1024 / 1024:.1f} MB, "
                                     f"{facts.width}×{facts.height} piksel ({pixels / 1e6:.1f} MP): "
                                     "perkecil ke lebar sekitar 2000 piksel, di bawah 2 MB"))
    return found


def _batchless_findings(catalogue: Catalogue, participants: list[Participant]) -> list[Finding]:
    found = []
    for record in participants:
        if not catalogue.batches_of(record):
            folder = "sekolah" if isinstance(record, School) else "eksibitor"
            found.append(Finding("tanpa-batch", record.source, f"{folder} {record.id}",
                                 f"tidak disebut di batch mana pun: tambahkan `{record.id}` ke daftar "
                                 f"`{folder}:` di berkas batch yang diikutinya"))
    return found


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text.casefold()).split())


def _duplicate_findings(catalogue: Catalogue, participants: list[Participant]) -> list[Finding]:
    found = []
    products: dict[tuple[str, str], list] = defaultdict(list)
    for item in catalogue.listings:
        products[(_norm(item.product.name), _norm(item.owner.name))].append(item)
    for items in products.values():
        if len({item.id for item in items}) > 1:
            ids = ", ".join(f"`{item.id}`" for item in items)
            for item in items:
                found.append(Finding("duplikat", item.owner.source, _subject(item.product),
                                     f"produk bernama sama dari penjual yang sama tercatat dengan ID {ids}: "
                                     "bila sama, pakai satu ID dan tandai yang lain `ditarik: ya`"))
    names: dict[str, list[Participant]] = defaultdict(list)
    for record in participants:
        names[_norm(record.name)].append(record)
    for records in names.values():
        if len(records) > 1:
            ids = ", ".join(f"`{r.id}`" for r in records)
            for record in records:
                found.append(Finding("duplikat", record.source, record.id,
                                     f"nama `{record.name}` dipakai oleh {ids}: bila usaha yang sama, "
                                     "gabungkan ke satu berkas dan tambahkan ID lain ke `id_lama`"))
    found += _overlap_findings(catalogue.batches, participants)
    return found


def _overlap_findings(batches: list[Batch], participants: list[Participant]) -> list[Finding]:
    found = []
    for index, first in enumerate(batches):
        for second in batches[index + 1:]:
            if first.start > second.end or second.start > first.end:
                continue
            for record in participants:
                key = "schools" if isinstance(record, School) else "exhibitors"
                if record.id in getattr(first, key) and record.id in getattr(second, key):
                    found.append(Finding("duplikat", first.source, record.id,
                                         f"`{record.id}` ikut {first.id} dan {second.id}, yang tanggalnya "
                                         "bertumpuk: periksa apakah salah satunya keliru"))
    return found


def _todo_findings(batches: list[Batch], participants: list[Participant]) -> list[Finding]:
    return [Finding("todo", record.source, left.subject,
                    f"`{left.field}` masih berisi TODO dari templat: ganti dengan isi sebenarnya")
            for record in [*batches, *participants] for left in leftovers(record) if not left.photo]


def _missing(record, kind: str) -> list[str]:
    """The English fields of ``record`` that staff have not filled in (their YAML keys)."""
    return [key for field, key in TRANSLATED[kind] if getattr(record, field) and not getattr(record, f"{field}_en")]


def _translation_findings(batches: list[Batch], participants: list[Participant]) -> list[Finding]:
    """One finding per batch and per seller (with its products) that lacks English text, with the counts."""
    found = []
    for batch in batches:
        if keys := _missing(batch, "batch"):
            found.append(Finding("terjemahan", batch.source, "batch", _translation_message(keys)))
    for seller in participants:
        keys = _missing(seller, "seller")
        keys += [key for product in seller.products if not product.withdrawn for key in _missing(product, "product")]
        if keys:
            found.append(Finding("terjemahan", seller.source, "peserta dan produknya", _translation_message(keys)))
    return found


def _translation_message(keys: list[str]) -> str:
    """``3 isian belum diterjemahkan (nama_en 2, deskripsi_en 1)`` and what to do about it."""
    counts = ", ".join(f"{key} {keys.count(key)}" for key in dict.fromkeys(keys))
    return (f"{len(keys)} isian belum diterjemahkan ({counts}): tambahkan teks bahasa Inggris di kolom itu; "
            "sampai itu, edisi Inggris menampilkan teks bahasa Indonesia")


def format_quality_text(report: QualityReport) -> str:
    """The report for a terminal: one section per check, one line per finding."""
    lines = [f"Laporan mutu katalog. Tanggal acuan {report.today.isoformat()}: {report.today_source}.", ""]
    for check, findings in report.by_check().items():
        lines.append(f"{CHECKS[check]} ({len(findings)})")
        lines += [f"  {f.file}: {f.subject}: {f.message}" for f in findings]
        lines.append("")
    lines.append(f"{len(report.findings)} catatan perlu perhatian." if report.findings else "Tidak ada catatan.")
    return "\n".join(lines)


def format_quality_github(report: QualityReport) -> str:
    """GitHub Actions warnings on the staff file of each finding (they never fail the run)."""
    return "\n".join(
        f"::warning file={_escape_property(f.file)},title={_escape_property(CHECKS[f.check])}::"
        f"{_escape_data(f.subject + ': ' + f.message)}"
        for f in report.findings
    )
