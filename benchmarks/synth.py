"""Write a seeded synthetic catalogue in the real staff format, for benchmarks.

``python benchmarks/synth.py OUT --products 10000`` writes OUT/catalogue_data
with N products over about N/10 exhibitors (and a school per 200 products), at
least 9 batches, realistic Indonesian names, 60-200-word descriptions in
Markdown (``|`` blocks, paragraphs, bold, lists), about 2 % featured products
and 1 % with an old ID; with ``--photos`` one generated 2000x1500 JPEG per
product (``--photos 200``: the first 200 products, the rest share one photo).
The same seed writes the same bytes. The output validates with ``etalase validate``.
"""

from __future__ import annotations

import argparse
import random
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

ADJECTIVES = ["Asli", "Premium", "Khas Betawi", "Organik", "Tradisional", "Modern", "Spesial", "Klasik",
              "Segar", "Pedas", "Manis", "Gurih", "Halus", "Elegan", "Ramah Lingkungan", "Istimewa"]
THINGS = {
    "kuliner": ["Kerak Telor", "Dodol Betawi", "Roti Buaya", "Keripik Singkong", "Sambal Roa", "Kue Rangi",
                "Asinan Betawi", "Kue Cucur", "Rendang Kemasan", "Abon Ikan"],
    "minuman": ["Kopi Robusta", "Kopi Arabika", "Bir Pletok", "Teh Melati", "Jamu Kunyit Asam", "Sirup Pala"],
    "fesyen": ["Kebaya Encim", "Hijab Voal", "Sepatu Kulit", "Tas Anyaman", "Kemeja Batik", "Sandal Rajut"],
    "wastra": ["Batik Ondel-Ondel", "Batik Nusa Kelapa", "Batik Salakanagara", "Tenun Betawi", "Kain Jumputan"],
    "kriya": ["Keranjang Rotan", "Miniatur Ondel-Ondel", "Vas Keramik", "Lampu Bambu", "Tas Daur Ulang"],
    "mebel": ["Kursi Rotan", "Meja Jati", "Lemari Arsip", "Rak Buku Kayu", "Meja Kerja Lipat"],
    "kecantikan": ["Sabun Sereh", "Minyak Atsiri Nilam", "Lulur Beras", "Lip Balm Kakao", "Masker Kopi"],
    "herbal": ["Madu Hutan", "Jamu Beras Kencur", "Wedang Uwuh", "Minyak Kayu Putih", "Temulawak Instan"],
    "pertanian": ["Ikan Asin Pulau Seribu", "Rumput Laut Kering", "Sayur Hidroponik", "Tanaman Hias Monstera"],
    "perkantoran": ["Map Batik", "Seragam Kerja", "Tumbler Bambu", "Buku Catatan Daur Ulang", "Plakat Kayu"],
    "teknologi": ["Aplikasi Kasir UMKM", "Sensor IoT Gudang", "Power Bank Lokal", "Lampu LED Hemat"],
    "jasa": ["Desain Kemasan", "Pendampingan Halal", "Katering Rapat", "Percetakan Brosur"],
}
WORDS = ("produk ini dibuat oleh pelaku usaha jakarta dengan bahan pilihan dari petani dan perajin lokal "
         "setiap kemasan diperiksa sebelum dikirim kualitas terjaga cocok untuk hadiah kantor acara keluarga "
         "dan pengadaan pemerintah daerah kami melayani pesanan partai besar dengan harga bersaing pengiriman "
         "ke seluruh indonesia tersedia bangga buatan indonesia membatik menenun meracik menyangrai merajut "
         "mengukir mengolah rotan bambu kayu kopi batik teh madu rempah pala cengkeh kelapa").split()
UNITS = ["pcs", "bungkus", "botol", "kg", "lembar", "set", "paket", "unit"]
PREFIXES = ["Karya", "Usaha", "Sentra", "Rumah", "Dapur", "Griya", "Toko", "Kedai", "Bengkel", "Sanggar"]
NAMES = ["Betawi", "Sejahtera", "Mandiri", "Makmur", "Kemayoran", "Condet", "Setu Babakan", "Cakung",
         "Nusantara", "Jaya", "Lestari", "Bersama", "Kreasi", "Sentosa", "Harapan", "Pelangi"]


def _sentence(rng: random.Random, count: int) -> str:
    words = [rng.choice(WORDS) for _ in range(count)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _description(rng: random.Random, indent: str = "    ") -> str:
    """A 60-200-word Markdown ``|`` block: two paragraphs, now and then bold words or a short list."""
    count = rng.randint(60, 200)
    first = rng.randint(20, count - 20)
    head = _sentence(rng, first).split(" ")
    if rng.random() < 0.5:
        at = rng.randrange(1, len(head) - 2)
        head[at:at + 2] = [f"**{head[at]} {head[at + 1]}**"]
    lines = ["|", " ".join(head), ""]
    rest = count - first
    if rng.random() < 0.3:
        items = [_sentence(rng, 4).rstrip(".") for _ in range(3)]
        rest -= 12
        lines += [f"- {item}" for item in items] + [""]
    lines.append(_sentence(rng, max(rest, 5)))
    return f"\n{indent}  ".join(lines)


def _cities() -> dict[str, list[str]]:
    import yaml

    data = yaml.safe_load((ROOT / "catalogue_data/kosakata/wilayah.yaml").read_text(encoding="utf-8"))
    return {city["id"]: [d["id"] for d in city["kecamatan"]] for city in data["kota"]}


def _product(rng: random.Random, pid: str, name: str, category: str, photo: str) -> str:  # noqa: PLR0913
    price = rng.choice([rng.randrange(5, 500) * 1000, None, "range"])
    if price is None:
        price_yaml = "atas permintaan"
    elif price == "range":
        low = rng.randrange(10, 200) * 1000
        price_yaml = f"\n      dari: {low}\n      sampai: {low + rng.randrange(5, 100) * 1000}"
    else:
        price_yaml = str(price)
    lines = [
        f"  - id: {pid}",
        f"    nama: {name}",
        f"    kategori: {category}",
        f"    deskripsi: {_description(rng, '    ')}",
        "    foto:",
        f"      - berkas: {photo}",
        f"        alt: Foto {name}",
        f"    harga: {price_yaml}",
        f"    satuan: {rng.choice(UNITS)}",
        f"    min_pesan: {rng.choice([1, 1, 5, 10, 50])}",
    ]
    if rng.random() < 0.02:
        lines.append("    unggulan: ya")
    if rng.random() < 0.01:
        lines.append(f"    id_lama: [{pid}-lama]")
    if rng.random() < 0.4:
        lines += ["    sertifikasi:", "      halal:", f"        nomor: ID{rng.randrange(10**16, 10**17)}"]
    if rng.random() < 0.35:
        tkdn = rng.randrange(10, 90)
        lines += ["    tkdn:", f"      persen: {tkdn}", f"      bmp: {rng.randrange(0, 16)}",
                  f"      nomor_sertifikat: TKDN-{rng.randrange(10**5, 10**6)}"]
    return "\n".join(lines)


def write_catalogue(out: Path, products: int, seed: int = 1, photos: bool | int = False, batches: int = 9) -> Path:
    """Write a synthetic ``catalogue_data`` under ``out`` and return its path.

    ``photos``: True for a generated photo per product, a number for the first that many products, else one shared.
    """
    rng = random.Random(seed)
    target = out / "catalogue_data"
    if target.exists():
        shutil.rmtree(target)
    (target / "kosakata").mkdir(parents=True)
    for name in ("kategori.yaml", "wilayah.yaml"):
        shutil.copy(ROOT / "catalogue_data/kosakata" / name, target / "kosakata" / name)
    shutil.copy(ROOT / "catalogue_data/program.yaml", target / "program.yaml")
    for folder in ("batch", "eksibitor", "sekolah", "foto"):
        (target / folder).mkdir()
    _write_photo(target / SHARED_PHOTO, rng)
    limit = products if photos is True else int(photos or 0)
    cities = _cities()
    school_count = products // 200
    school_products = min(products - 1, school_count * 5) if school_count else 0
    exhibitors = _sellers(target, rng, cities, products - school_products, limit, "eksibitor", 0)
    schools = _sellers(target, rng, cities, school_products, limit, "sekolah", products - school_products)
    for number in range(1, batches + 1):
        _write_batch(target, number, _share(exhibitors, number, batches), _share(schools, number, batches, False))
    return target


SHARED_PHOTO = "foto/contoh.jpg"


def _share(ids: list[str], number: int, batches: int, never_empty: bool = True) -> list[str]:
    """The IDs batch ``number`` (1-based) lists: an equal slice each (the first ID when the slice is empty)."""
    per_batch = max(1, len(ids) // batches)
    chunk = ids[(number - 1) * per_batch: number * per_batch]
    return chunk or (ids[:1] if never_empty else [])


def _sellers(target: Path, rng: random.Random, cities: dict, products: int, photos: int, folder: str,
             first: int) -> list[str]:
    """Write the exhibitor (or school) files holding ``products`` products, 10 (or 5) each; return their IDs."""
    per_seller = 5 if folder == "sekolah" else 10
    count = max(1, products // per_seller) if products else 0
    ids: list[str] = []
    made = first
    for number in range(count):
        sid = f"{'smk' if folder == 'sekolah' else 'usaha'}-{number + 1:05d}"
        ids.append(sid)
        share = products // count + (1 if number < products % count else 0)
        items = []
        for _ in range(share):
            category = rng.choice(sorted(THINGS))
            name = f"{rng.choice(THINGS[category])} {rng.choice(ADJECTIVES)}"
            pid = f"produk-{made + 1:06d}"
            photo = SHARED_PHOTO
            if made < photos:
                photo = f"foto/{sid}/{pid}.jpg"
                _write_photo(target / photo, rng)
            items.append(_product(rng, pid, name, category, photo))
            made += 1
        city = rng.choice(sorted(cities))
        head = [f"nama: {rng.choice(PREFIXES)} {rng.choice(NAMES)} {number + 1}", f"jenis: {rng.choice(KINDS)}"]
        if folder == "sekolah":
            head = [f"nama: SMK Negeri {number + 100} Jakarta", f'npsn: "{20100000 + number}"']
        text = "\n".join([
            *head,
            f"kota: {city}",
            f"kecamatan: {rng.choice(cities[city])}",
            f"deskripsi: {_description(rng, '')}",
            "kontak:",
            f"  email: {sid}@contoh.id",
            *(["program_keahlian:", "  - Kuliner"] if folder == "sekolah" else
              [f"siinas: {rng.choice(['ya', 'tidak'])}"]),
            "produk:",
            *items,
            "",
        ])
        (target / folder / f"{sid}.yaml").write_text(text, encoding="utf-8")
    return ids


KINDS = ["umkm", "umkm", "ikm"]


def _write_batch(target: Path, number: int, exhibitors: list[str], schools: list[str]) -> None:
    """One batch a month from February 2023, at the city hall."""
    month = (number - 1) % 10 + 2
    year = 2023 + (number - 1) // 10
    text = "\n".join([
        f"nomor: {number}",
        f"judul: Business Matching Batch {number}",
        f"mulai: {year}-{month:02d}-06",
        f"selesai: {year}-{month:02d}-09",
        "tempat:",
        "  nama: Balai Kota DKI Jakarta",
        "  alamat: Jl. Medan Merdeka Selatan No. 8-9",
        "  kota: jakarta-pusat",
        f"ringkasan: Batch sintetis nomor {number} untuk pengukuran.",
        "eksibitor:",
        *[f"  - {eid}" for eid in exhibitors],
        *(["sekolah:", *[f"  - {sid}" for sid in schools]] if schools else []),
        "",
    ])
    (target / "batch" / f"batch-{number}.yaml").write_text(text, encoding="utf-8")


def _write_photo(path: Path, rng: random.Random, size=(2000, 1500)) -> None:
    from PIL import Image, ImageDraw, ImageFilter

    path.parent.mkdir(parents=True, exist_ok=True)
    base = tuple(rng.randrange(40, 220) for _ in range(3))
    image = Image.effect_noise(size, rng.randrange(20, 60)).convert("RGB")
    image = Image.blend(image, Image.new("RGB", size, base), 0.6).filter(ImageFilter.GaussianBlur(1))
    draw = ImageDraw.Draw(image)
    for _ in range(6):
        x, y = rng.randrange(size[0]), rng.randrange(size[1])
        r = rng.randrange(80, 400)
        draw.ellipse((x - r, y - r, x + r, y + r), fill=tuple(rng.randrange(256) for _ in range(3)))
    image.save(path, "JPEG", quality=85)


def main() -> None:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--products", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--photos", nargs="?", type=int, const=-1, default=0,
                        help="a generated 3-megapixel JPEG per product (``--photos 200``: the first 200 only)")
    args = parser.parse_args()
    path = write_catalogue(args.out, args.products, args.seed, True if args.photos == -1 else args.photos)
    print(path)


if __name__ == "__main__":
    main()
