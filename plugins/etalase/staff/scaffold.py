"""Templates of new records for staff: a batch, an exhibitor, a product to fill in.

The text builders are pure and return YAML with comments in Bahasa Indonesia
and ``TODO`` placeholders that already validate, so a new record can be
previewed at once; what is left behind is found by :mod:`etalase.data.placeholders`
(a publish build refuses it, local builds and ``validate`` note it). A new
product is inserted as text into its seller's file, leaving every other byte
(and every comment) as it was. The ``create_*`` and ``add_product`` functions
write, validate with :func:`~etalase.data.catalogue.load_catalogue`, and undo their
change when it introduced a problem.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from pydantic_core import PydanticCustomError

from ..data.catalogue import load_catalogue
from ..data.fieldtypes import check_slug, parse_date
from ..data.loader import LoadResult, load_files
from ..data.models import Batch, Participant
from ..data.placeholders import PLACEHOLDER_PREFIX
from ..data.yamlload import YamlLoadError, load_yaml
from ..errors import DataError, EtalaseError, Issue
from ..outputs.artifacts import write_bytes_atomic
from .report import format_text

PLACEHOLDER_COMMENT = b"etalase: foto sementara, ganti dengan foto asli"
PLACEHOLDER_SIZE = (1200, 1200)


class ScaffoldError(EtalaseError):
    """A new record could not be created; the message says why, in Bahasa Indonesia."""


def quote(text: str) -> str:
    """Return ``text`` as a YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(" ".join(str(text).split()), ensure_ascii=False)


def slug(value: str, what: str) -> str:
    """Return a valid ID or raise ScaffoldError with the validator's own message."""
    try:
        return check_slug(value)
    except PydanticCustomError as exc:
        raise ScaffoldError(f"{what}: {exc.message()}") from None


def date(value: str, what: str) -> dt.date:
    """Parse a TTTT-BB-HH date or raise ScaffoldError."""
    try:
        return parse_date(value)
    except PydanticCustomError as exc:
        raise ScaffoldError(f"{what}: {exc.message()}") from None


def placeholder_path(owner_id: str, product_id: str) -> str:
    """Where a product's placeholder photo goes, relative to catalogue_data/."""
    return f"foto/{owner_id}/{PLACEHOLDER_PREFIX}{product_id}.jpg"


# -- text builders (pure) -----------------------------------------------------------


def batch_yaml(number: int, start: dt.date, end: dt.date, title: str = "", city: str = "jakarta-pusat") -> str:
    """The YAML of a new batch."""
    return f"""\
# Batch {number} Business Matching. Ganti setiap isian bertanda TODO, lalu simpan.
# Panduan lengkap: docs/panduan-editor.md
nomor: {number}
judul: {quote(title or f"Business Matching Batch {number}")}
mulai: {start.isoformat()}  # tanggal hari pertama, TTTT-BB-HH
selesai: {end.isoformat()}  # tanggal hari terakhir
tempat:
  nama: "TODO: nama tempat, mis. Balai Kota DKI Jakarta"
  alamat: "TODO: alamat lengkap tempat"
  kota: {city}  # TODO: ID kota dari kosakata/wilayah.yaml
ringkasan: |
  TODO: ringkasan batch ini dalam satu atau dua paragraf (boleh **tebal**).
# Eksibitor yang ikut: hapus tanda # di depan baris `eksibitor:` dan baris-baris ID di
# bawahnya, lalu ganti contoh ID dengan nama berkas di eksibitor/ (tanpa .yaml), satu per baris.
# eksibitor:
#   - id-eksibitor-pertama
#   - id-eksibitor-kedua
# Sekolah yang ikut, dengan cara yang sama (nama berkas di sekolah/):
# sekolah:
#   - id-sekolah
"""


def exhibitor_yaml(name: str, city: str, district: str, kind: str = "umkm") -> str:
    """The YAML of a new exhibitor, without products (``new-product`` adds them)."""
    return f"""\
# Eksibitor {quote(name)}. Ganti setiap isian bertanda TODO, lalu simpan.
# Nama berkas ini adalah ID-nya dan menjadi tautan /eksibitor/<id>/: jangan diganti.
# Panduan lengkap: docs/panduan-editor.md
nama: {quote(name)}
jenis: {kind}  # umkm, ikm, atau penyedia (bank, dinas, dll.)
kota: {city}
kecamatan: {district}
deskripsi: |
  TODO: ceritakan usaha ini: apa yang dibuat, sejak kapan, dan keunggulannya.
# Kontak usaha (bukan nomor pribadi): ganti baris `kontak: {{}}` di bawah dengan
# baris-baris seperti contoh ini (tanpa tanda #):
#   kontak:
#     whatsapp: 0812-3456-7890
#     instagram: "@namausaha"
kontak: {{}}
# Produk ditambahkan dengan: ./run new-product --eksibitor <id> --id <id-produk> --nama "..." --kategori <kategori>
"""


def product_yaml(product_id: str, name: str, category: str, photo: str, indent: str = "  ") -> str:
    """The YAML of one product as a list item, indented to sit under ``produk:``."""
    inner = indent + "  "
    return (
        f"{indent}- id: {product_id}  # jadi tautan /produk/{product_id}/: jangan diganti setelah terbit\n"
        f"{inner}nama: {quote(name)}\n"
        f"{inner}kategori: {category}  # ID dari kosakata/kategori.yaml\n"
        f"{inner}deskripsi: \"TODO: jelaskan produk: bahan, ukuran, keunggulan.\"\n"
        f"{inner}foto:\n"
        f"{inner}  - berkas: {photo}  # TODO: ganti dengan foto asli\n"
        f"{inner}    alt: \"TODO: apa yang terlihat di foto\"\n"
        f"{inner}harga: atas permintaan  # TODO: tulis harga rupiah, mis. 25000 atau 25.000\n"
        f"{inner}satuan: pcs  # TODO: satuan jual: pcs, kg, botol, paket\n"
    )


_PRODUCTS_KEY = re.compile(r"^produk:[ \t]*(?:#.*)?$")
_PRODUCTS_EMPTY = re.compile(r"^produk:[ \t]*\[\][ \t]*(?:#.*)?$")
_ITEM = re.compile(r"^([ \t]*)- ")


def insert_product(text: str, product_id: str, name: str, category: str, photo: str) -> str:
    """Return ``text`` with a product added at the end of its ``produk:`` list, all else unchanged."""
    newline = "\r\n" if "\r\n" in text else "\n"
    lines = text.splitlines(keepends=True)
    for index, line in enumerate(lines):
        bare = line.rstrip("\r\n")
        if _PRODUCTS_EMPTY.match(bare):
            item = product_yaml(product_id, name, category, photo)
            lines[index] = "produk:" + newline + item.replace("\n", newline)
            return "".join(lines)
        if bare.startswith("produk:") and not _PRODUCTS_KEY.match(bare):
            raise ScaffoldError("daftar `produk:` ditulis dalam satu baris; tulis ulang sebagai daftar `- id: ...`")
        if _PRODUCTS_KEY.match(bare):
            return _insert_after_block(lines, index, newline, product_id, name, category, photo)
    body = text if not text or text.endswith(("\n", "\r")) else text + newline
    return body + "produk:" + newline + product_yaml(product_id, name, category, photo).replace("\n", newline)


def _insert_after_block(lines, key_index, newline, product_id, name, category, photo) -> str:
    """Insert after the last indented (or ``- ``) line that belongs to the ``produk:`` key."""
    last, indent = key_index, None
    for index in range(key_index + 1, len(lines)):
        bare = lines[index].rstrip("\r\n")
        if not bare.strip() or bare.startswith("#"):
            continue
        if not (bare[0] in " \t" or bare.startswith("-")):
            break
        last = index
        found = _ITEM.match(bare)
        if indent is None and found:
            indent = found.group(1)
    item = product_yaml(product_id, name, category, photo, indent if indent is not None else "  ")
    head = lines[: last + 1]
    if not head[-1].endswith(("\n", "\r")):
        head[-1] += newline
    return "".join(head) + item.replace("\n", newline) + "".join(lines[last + 1:])


def placeholder_photo(label: str) -> bytes:
    """A plain grey JPEG saying it is a placeholder; the same label gives the same bytes."""
    image = Image.new("RGB", PLACEHOLDER_SIZE, (222, 222, 222))
    draw = ImageDraw.Draw(image)
    font = ImageFont.load_default(size=72)
    small = ImageFont.load_default(size=40)
    width, height = PLACEHOLDER_SIZE
    draw.rectangle((40, 40, width - 40, height - 40), outline=(150, 150, 150), width=12)
    draw.text((width / 2, height / 2 - 60), "FOTO SEMENTARA", fill=(90, 90, 90), font=font, anchor="mm")
    draw.text((width / 2, height / 2 + 40), "ganti dengan foto asli", fill=(90, 90, 90), font=small, anchor="mm")
    draw.text((width / 2, height / 2 + 110), label[:60], fill=(120, 120, 120), font=small, anchor="mm")
    out = io.BytesIO()
    image.save(out, "JPEG", quality=80, comment=PLACEHOLDER_COMMENT)
    return out.getvalue()


# -- writing, validated --------------------------------------------------------------


def _problems(root: Path) -> list[Issue]:
    try:
        load_catalogue(root)
    except DataError as exc:
        return exc.issues
    return []


def _key(issue: Issue) -> tuple:
    return issue.file, issue.code, issue.field_path, issue.message


def _checked(root: Path, change, undo) -> None:
    """Apply ``change``; if the catalogue then has a problem it did not have before, ``undo`` and raise."""
    before = {_key(issue) for issue in _problems(root)}
    change()
    new = [issue for issue in _problems(root) if _key(issue) not in before]
    if new:
        undo()
        raise ScaffoldError("catatan baru tidak sah, tidak ada yang diubah:\n" + format_text(new))


def _refuse_existing(path: Path) -> None:
    if path.exists() or path.is_symlink():
        raise ScaffoldError(f"{path} sudah ada; tidak ditimpa")


def _refuse_taken(result: LoadResult, batch_number: int | None = None, product_id: str | None = None) -> None:
    """Refuse a batch number or product ID another record already uses, naming that record's file."""
    for record in result.records(Batch):
        if record.number == batch_number:
            raise ScaffoldError(f"batch nomor {batch_number} sudah ada di {record.source}")
    for record in result.records(Participant):
        for product in record.products:
            if product_id is not None and product_id.casefold() in {product.id, *product.old_ids}:
                raise ScaffoldError(f"ID produk `{product_id}` sudah dipakai di {record.source}; pilih ID lain")


def first_city(root: Path) -> str:
    """The first city ID in kosakata/wilayah.yaml, as the batch template's default venue city."""
    try:
        data = load_yaml((Path(root) / "kosakata" / "wilayah.yaml").read_bytes()).data
        return check_slug(data["kota"][0]["id"])
    except (OSError, YamlLoadError, LookupError, TypeError, PydanticCustomError):
        return "jakarta-pusat"


def create_batch(root: Path, number: str, start: str, end: str, title: str = "") -> Path:
    """Write ``batch/batch-<number>.yaml`` and check that it validates."""
    if not re.fullmatch(r"[1-9]\d{0,3}", str(number)):
        raise ScaffoldError(f"nomor batch '{number}' harus bilangan bulat, mis. 10")
    path = Path(root) / "batch" / f"batch-{number}.yaml"
    _refuse_existing(path)
    _refuse_taken(load_files(Path(root)), batch_number=int(number))
    text = batch_yaml(int(number), date(start, "mulai"), date(end, "selesai"), title, first_city(root))
    _checked(root, lambda: write_bytes_atomic(path, text.encode("utf-8")), lambda: path.unlink())
    return path


def create_exhibitor(root: Path, record_id: str, name: str, city: str, district: str, kind: str = "umkm") -> Path:
    """Write ``eksibitor/<id>.yaml`` and check that it validates."""
    path = Path(root) / "eksibitor" / f"{slug(record_id, 'id')}.yaml"
    _refuse_existing(path)
    text = exhibitor_yaml(name, slug(city, "kota"), slug(district, "kecamatan"), kind)
    _checked(root, lambda: write_bytes_atomic(path, text.encode("utf-8")), lambda: path.unlink())
    return path


def add_product(root: Path, owner_id: str, product_id: str, name: str, category: str) -> tuple[Path, Path]:
    """Add a product to ``eksibitor/<owner>.yaml`` with a placeholder photo; return both paths."""
    root = Path(root)
    owner_id = slug(owner_id, "eksibitor")
    path = root / "eksibitor" / f"{owner_id}.yaml"
    if not path.is_file():
        raise ScaffoldError(f"{path} tidak ada; buat dulu dengan new-exhibitor")
    photo_rel = placeholder_path(owner_id, slug(product_id, "id"))
    photo = root / photo_rel
    _refuse_existing(photo)
    _refuse_taken(load_files(root), product_id=product_id)
    original = path.read_bytes()
    try:
        text = original.decode("utf-8")
    except UnicodeDecodeError:
        raise ScaffoldError(f"{path} bukan UTF-8; perbaiki dulu (jalankan ./run validate)") from None
    updated = insert_product(text, product_id, name, slug(category, "kategori"), photo_rel)

    def change() -> None:
        write_bytes_atomic(photo, placeholder_photo(f"{owner_id} / {product_id}"))
        write_bytes_atomic(path, updated.encode("utf-8"))

    def undo() -> None:
        write_bytes_atomic(path, original)
        photo.unlink(missing_ok=True)
        if not any(photo.parent.iterdir()):
            photo.parent.rmdir()

    _checked(root, change, undo)
    return path, photo
