"""Every message staff read about their data, in Bahasa Indonesia, by stable code.

Codes never change meaning: the editors' guide explains each one, and CI
annotations show them. ``Y`` is YAML syntax, ``F`` a field's value, ``R`` a
reference or ID, ``I`` an image, ``L`` a link, ``P`` privacy.
"""

from __future__ import annotations

# code -> (short title, how to fix it)
CODES: dict[str, tuple[str, str]] = {
    "Y01": ("Berkas bukan UTF-8", "Simpan ulang berkas dengan encoding UTF-8 (di editor: Save with Encoding > UTF-8)."),
    "Y02": ("Tanda BOM di tengah berkas", "Hapus karakter tak terlihat U+FEFF di posisi ini; BOM hanya boleh di awal berkas."),
    "Y03": ("Kunci ganda", "Setiap kunci hanya boleh muncul sekali: gabungkan isinya atau hapus salah satunya."),
    "Y04": ("Anchor/alias YAML tidak didukung", "Tulis isinya langsung; jangan pakai &nama atau *nama."),
    "Y05": ("Tag YAML tidak didukung", "Hapus tag yang diawali tanda seru (mis. !!int) dan tulis nilainya saja."),
    "Y06": ("Kunci harus berupa teks", "Tulis kunci sebagai satu kata, mis. `nama:`."),
    "Y07": ("Lebih dari satu dokumen dalam berkas", "Satu berkas satu catatan: hapus baris `---` kedua dan pindahkan isinya ke berkas baru."),
    "Y08": ("Berkas terlalu besar", "Berkas katalog maksimal 1 MB: pecah menjadi beberapa berkas atau perpendek deskripsi."),
    "Y09": ("Isian terlalu bertingkat", "Kurangi tingkat indentasi; ikuti contoh di panduan format."),
    "Y10": ("Penulisan YAML salah", "Periksa indentasi (pakai spasi, bukan tab), tanda titik dua setelah kunci, dan tanda kutip yang berpasangan."),
    "F01": ("Isian tidak dikenal", "Periksa ejaan kunci ini atau hapus; daftar kunci yang sah ada di panduan format."),
    "F02": ("Bentuk isian salah", "Ikuti bentuk pada contoh di panduan format (teks, daftar `- ...`, atau kelompok isian)."),
    "F03": ("Bukan bilangan bulat", "Tulis angka saja, mis. `12` atau `15.000`."),
    "F04": ("Harus ya atau tidak", "Tulis `ya` atau `tidak`."),
    "F05": ("Harga tidak sah", "Tulis harga rupiah bulat, mis. `harga: 15000` atau `harga: 15.000`; atau `harga: atas permintaan`."),
    "F06": ("Persentase tidak sah", "Tulis angka 0 sampai 100, mis. `45,5`."),
    "F07": ("Tanggal tidak sah", "Tulis tanggal sebagai TTTT-BB-HH, mis. `2023-11-06`."),
    "F08": ("Nomor telepon tidak sah", "Tulis nomor Indonesia lengkap dengan kode area, mis. `021-5551234` atau `0812-3456-7890`."),
    "F09": ("Nomor WhatsApp harus nomor seluler", "Tulis nomor seluler yang diawali 08 atau +628, mis. `0812-3456-7890`."),
    "F10": ("Email tidak sah", "Tulis alamat email lengkap, mis. `info@contoh.id`."),
    "F11": ("Akun Instagram tidak sah", "Tulis nama akun saja, mis. `@kopikita` (huruf, angka, titik, garis bawah)."),
    "F12": ("Teks kosong", "Isi teksnya, atau hapus kunci ini bila tidak wajib."),
    "F13": ("Nomor resmi tidak sah", "Salin nomor persis dari dokumen resminya (NIB 13 angka, NPSN 8 angka, halal ID…, BPOM MD/ML + 12 angka, PIRT 15 angka)."),
    "F14": ("Isian wajib belum ada", "Tambahkan kunci ini beserta isinya; lihat contoh di panduan format."),
    "F15": ("Pilihan tidak dikenal", "Pakai salah satu pilihan yang tertera."),
    "F16": ("Daftar kurang isi", "Tambahkan minimal satu isian pada daftar ini."),
    "F17": ("Angka di luar batas", "Periksa kembali angkanya."),
    "F18": ("Urutan tanggal terbalik", "Tanggal `selesai` harus sama atau sesudah tanggal `mulai`."),
    "F19": ("Berkas harus berisi kelompok isian", "Mulai berkas dengan kunci seperti `nama:`; lihat contoh di panduan format."),
    "F20": ("Rentang harga terbalik", "`dari` harus lebih kecil dari `sampai`."),
    "F21": ("Nilai terlalu panjang", "Perpendek teksnya."),
    "R01": ("Eksibitor tidak ditemukan", "Periksa ejaan ID (nama berkas di catalogue_data/eksibitor/ tanpa .yaml) atau buat berkasnya."),
    "R02": ("Sekolah tidak ditemukan", "Periksa ejaan ID (nama berkas di catalogue_data/sekolah/ tanpa .yaml) atau buat berkasnya."),
    "R03": ("Kategori tidak dikenal", "Pakai salah satu ID di catalogue_data/kosakata/kategori.yaml."),
    "R04": ("ID tidak sah", "ID memakai huruf kecil a-z, angka dan tanda hubung, mis. `kopi-gayo-250g`."),
    "R05": ("ID kosong", "Isi ID dengan huruf kecil, angka dan tanda hubung."),
    "R06": ("ID dipakai situs", "Pilih ID lain; ID ini adalah nama folder situs."),
    "R07": ("ID ganda", "Setiap ID harus unik (huruf besar/kecil dianggap sama): ganti salah satunya."),
    "R08": ("Kota tidak dikenal", "Pakai salah satu ID kota di catalogue_data/kosakata/wilayah.yaml."),
    "R09": ("Kecamatan tidak ada di kota ini", "Pakai kecamatan dari kota yang sama di catalogue_data/kosakata/wilayah.yaml."),
    "R10": ("Nama berkas bukan ID yang sah", "Ganti nama berkas: huruf kecil a-z, angka dan tanda hubung, diakhiri .yaml, mis. `kopi-kita.yaml`."),
    "R11": ("ID lama bentrok", "ID lama tidak boleh sama dengan ID yang sedang dipakai catatan lain: hapus dari `id_lama`."),
    "R12": ("Nomor batch ganda", "Setiap batch punya nomor sendiri: periksa `nomor`."),
    "R13": ("ID disebut dua kali", "Hapus salah satu baris yang sama."),
    "R14": ("Berkas di tempat yang salah", "Pindahkan berkas ke folder yang benar: batch/, eksibitor/, sekolah/ atau kosakata/."),
    "R15": ("Berkas katalog berupa symlink", "Simpan berkas aslinya di dalam catalogue_data/, bukan tautan (symlink)."),
    "R16": ("Ekstensi berkas salah", "Berkas catatan memakai ekstensi .yaml (bukan .yml atau lainnya)."),
    "I01": ("Foto tidak ditemukan", "Periksa nama dan folder berkas foto (huruf besar/kecil berpengaruh), relatif terhadap catalogue_data/."),
    "I02": ("Foto di luar catalogue_data atau berupa symlink", "Salin foto ke dalam catalogue_data/foto/ dan tulis jalurnya tanpa `..`."),
    "I03": ("Format foto tidak didukung", "Simpan ulang foto sebagai JPEG, PNG atau WebP."),
    "I04": ("Foto rusak atau terpotong", "Unggah ulang foto aslinya; berkas ini tidak bisa dibuka sampai habis."),
    "I05": ("Foto terlalu besar", "Perkecil foto (maksimal 40 megapiksel), mis. ke lebar 4000 piksel."),
    "L01": ("Tautan tidak sah", "Tulis tautan lengkap yang diawali https:// atau http://, mis. `https://contoh.id`."),
    "P01": ("Ada nomor mirip NIK", "Hapus nomor 16 angka ini: NIK adalah data pribadi dan tidak boleh terbit."),
    "P02": ("Ada nomor telepon di teks bebas", "Pindahkan nomor ke `kontak` (whatsapp/telepon) bila memang nomor usaha, atau hapus bila nomor pribadi."),
    "P03": ("Nama siswa tanpa persetujuan wali", "Tambahkan `persetujuan_wali: ya` hanya bila wali sudah setuju secara tertulis; bila belum, hapus nama siswa."),
}

# pydantic's own error types, mapped to our codes and an Indonesian message.
PYDANTIC_TYPES: dict[str, tuple[str, str]] = {
    "missing": ("F14", "isian wajib `{field}` belum ada"),
    "extra_forbidden": ("F01", "kunci `{field}` tidak dikenal"),
    "string_type": ("F02", "harus berupa teks"),
    "int_type": ("F03", "harus berupa bilangan bulat"),
    "int_parsing": ("F03", "harus berupa bilangan bulat"),
    "list_type": ("F02", "harus berupa daftar (baris yang diawali `- `)"),
    "dict_type": ("F02", "harus berupa kelompok isian (kunci: nilai)"),
    "model_type": ("F02", "harus berupa kelompok isian (kunci: nilai)"),
    "model_attributes_type": ("F02", "harus berupa kelompok isian (kunci: nilai)"),
    "literal_error": ("F15", "'{input}' bukan pilihan yang sah; pilih {expected}"),
    "enum": ("F15", "'{input}' bukan pilihan yang sah; pilih {expected}"),
    "too_short": ("F16", "daftar ini minimal berisi {min_length}"),
    "too_long": ("F21", "terlalu panjang (maksimal {max_length})"),
    "string_too_long": ("F21", "teks terlalu panjang (maksimal {max_length} karakter)"),
    "greater_than_equal": ("F17", "harus minimal {ge}"),
    "greater_than": ("F17", "harus lebih dari {gt}"),
    "less_than_equal": ("F17", "harus maksimal {le}"),
}


def title(code: str) -> str:
    """Return the short title of a code."""
    return CODES[code][0]


def fix(code: str) -> str:
    """Return how to fix a problem with this code."""
    return CODES[code][1]
