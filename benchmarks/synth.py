"""Write a seeded synthetic catalogue in the real staff format, for benchmarks.

``python benchmarks/synth.py OUT --products 10000`` writes OUT/catalogue_data
with N products over about N/10 exhibitors, at least 9 batches, realistic
Indonesian names and 60-200-word descriptions, and (with ``--photos``)
generated JPEG photos. The output validates with ``etalase validate``.
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


def _description(rng: random.Random) -> str:
    count = rng.randint(60, 200)
    words = [rng.choice(WORDS) for _ in range(count)]
    words[0] = words[0].capitalize()
    return " ".join(words) + "."


def _cities() -> dict[str, list[str]]:
    import yaml

    data = yaml.safe_load((ROOT / "catalogue_data/kosakata/wilayah.yaml").read_text(encoding="utf-8"))
    return {city["id"]: [d["id"] for d in city["kecamatan"]] for city in data["kota"]}


def _product(rng: random.Random, pid: str, name: str, category: str, photo: str) -> str:
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
        f"    deskripsi: {_description(rng)}",
        "    foto:",
        f"      - berkas: {photo}",
        f"        alt: Foto {name}",
        f"    harga: {price_yaml}",
        f"    satuan: {rng.choice(UNITS)}",
        f"    min_pesan: {rng.choice([1, 1, 5, 10, 50])}",
    ]
    if rng.random() < 0.4:
        lines += ["    sertifikasi:", "      halal:", f"        nomor: ID{rng.randrange(10**16, 10**17)}"]
    if rng.random() < 0.35:
        tkdn = rng.randrange(10, 90)
        lines += ["    tkdn:", f"      persen: {tkdn}", f"      bmp: {rng.randrange(0, 16)}",
                  f"      nomor_sertifikat: TKDN-{rng.randrange(10**5, 10**6)}"]
    return "\n".join(lines)


def write_catalogue(out: Path, products: int, seed: int = 1, photos: bool = False, batches: int = 9) -> Path:
    """Write a synthetic ``catalogue_data`` under ``out`` and return its path."""
    rng = random.Random(seed)
    target = out / "catalogue_data"
    if target.exists():
        shutil.rmtree(target)
    (target / "kosakata").mkdir(parents=True)
    for name in ("kategori.yaml", "wilayah.yaml"):
        shutil.copy(ROOT / "catalogue_data/kosakata" / name, target / "kosakata" / name)
    shutil.copy(ROOT / "catalogue_data/program.yaml", target / "program.yaml")
    for folder in ("batch", "eksibitor", "foto"):
        (target / folder).mkdir()
    photo_rel = "foto/contoh.jpg"
    _write_photo(target / photo_rel, rng)
    cities = _cities()
    exhibitor_ids: list[str] = []
    count = max(1, products // 10)
    made = 0
    for number in range(count):
        eid = f"usaha-{number + 1:05d}"
        exhibitor_ids.append(eid)
        city = rng.choice(sorted(cities))
        share = products // count + (1 if number < products % count else 0)
        items = []
        for index in range(share):
            category = rng.choice(sorted(THINGS))
            name = f"{rng.choice(THINGS[category])} {rng.choice(ADJECTIVES)}"
            pid = f"produk-{made + 1:06d}"
            photo = photo_rel
            if photos:
                photo = f"foto/{eid}/{pid}.jpg"
                _write_photo(target / photo, rng)
            items.append(_product(rng, pid, name, category, photo))
            made += 1
            del index
        text = "\n".join([
            f"nama: {rng.choice(PREFIXES)} {rng.choice(NAMES)} {number + 1}",
            f"jenis: {rng.choice(['umkm', 'umkm', 'ikm'])}",
            f"kota: {city}",
            f"kecamatan: {rng.choice(cities[city])}",
            f"deskripsi: {_description(rng)}",
            "kontak:",
            f"  email: usaha{number + 1}@contoh.id",
            f"siinas: {rng.choice(['ya', 'tidak'])}",
            "produk:",
            *items,
            "",
        ])
        (target / "eksibitor" / f"{eid}.yaml").write_text(text, encoding="utf-8")
    per_batch = max(1, len(exhibitor_ids) // batches)
    for number in range(1, batches + 1):
        chosen = exhibitor_ids[(number - 1) * per_batch: number * per_batch] or exhibitor_ids[:1]
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
            *[f"  - {eid}" for eid in chosen],
            "",
        ])
        (target / "batch" / f"batch-{number}.yaml").write_text(text, encoding="utf-8")
    return target


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
    parser.add_argument("--photos", action="store_true", help="one generated 3-megapixel JPEG per product")
    args = parser.parse_args()
    path = write_catalogue(args.out, args.products, args.seed, args.photos)
    print(path)


if __name__ == "__main__":
    main()
