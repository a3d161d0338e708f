"""Every message staff read about their data, in Bahasa Indonesia, by stable code.

Codes never change meaning: the editors' guide explains each one, and CI
annotations show them. ``Y`` is YAML syntax, ``F`` a field's value, ``R`` a
reference or ID, ``I`` an image, ``L`` a link, ``P`` privacy, ``T`` a
placeholder left by the scaffold (an error when publishing, else a warning),
``S`` a certificate that lapses soon or has lapsed (always a warning), ``X`` a spreadsheet
(``./run impor``: its columns, or a cell a spreadsheet program typed).
"""

from __future__ import annotations

import datetime as dt
import re

from . import characters

# code -> (short title, how to fix it)
CODES: dict[str, tuple[str, str]] = {
    "Y01": ("Berkas bukan UTF-8", "Simpan ulang berkas dengan encoding UTF-8 (di editor: Save with Encoding > UTF-8)."),
    "Y02": (
        "Tanda BOM di tengah berkas",
        "Hapus karakter tak terlihat U+FEFF di posisi ini; BOM hanya boleh di awal berkas.",
    ),
    "Y03": ("Kunci ganda", "Setiap kunci hanya boleh muncul sekali: gabungkan isinya atau hapus salah satunya."),
    "Y04": ("Anchor/alias YAML tidak didukung", "Tulis isinya langsung; jangan pakai &nama atau *nama."),
    "Y05": ("Tag YAML tidak didukung", "Hapus tag yang diawali tanda seru (mis. !!int) dan tulis nilainya saja."),
    "Y06": ("Kunci harus berupa teks", "Tulis kunci sebagai satu kata, mis. `nama:`."),
    "Y07": (
        "Lebih dari satu dokumen dalam berkas",
        "Satu berkas satu catatan: hapus baris `---` kedua dan pindahkan isinya ke berkas baru.",
    ),
    "Y08": (
        "Berkas terlalu besar",
        "Berkas katalog maksimal 1 MB: pecah menjadi beberapa berkas atau perpendek deskripsi.",
    ),
    "Y09": ("Isian terlalu bertingkat", "Kurangi tingkat indentasi; ikuti contoh di panduan format."),
    "Y10": (
        "Penulisan YAML salah",
        "Periksa indentasi (pakai spasi, bukan tab), tanda titik dua setelah kunci, dan tanda kutip yang "
        "berpasangan.",
    ),
    "Y11": (
        "Karakter kontrol",
        "Hapus karakter kontrol ini (biasanya terbawa saat menyalin dari dokumen lain, atau tertulis sebagai "
        "`\\x1b`, `\\0` dan sejenisnya di dalam tanda kutip ganda) lalu ketik ulang teksnya.",
    ),
    "Y12": (
        "Berkas tidak bisa dibuka",
        "Periksa bahwa berkas ini berkas biasa yang boleh dibaca, bukan folder atau berkas yang dikunci.",
    ),
    "Y13": (
        "Karakter tak terlihat dihapus",
        "Situs memakai teks tanpa karakter ini (pemisah baris menjadi spasi), jadi tidak ada yang rusak. Agar "
        "peringatan hilang, ketik ulang nilai ini; karakter seperti ini (spasi lebar-nol, penanda arah teks) "
        "terbawa saat menyalin dari aplikasi chat, pengolah kata atau situs web.",
    ),
    "Y14": (
        "Karakter tak terlihat di ID, tautan atau alamat",
        "Ketik ulang nilai ini tanpa menyalin-tempel: di ID, tautan, email, akun Instagram dan jalur berkas, "
        "karakter tak terlihat mengubah maknanya (ID lain, tautan ke tempat lain).",
    ),
    "F01": ("Isian tidak dikenal", "Periksa ejaan kunci ini atau hapus; daftar kunci yang sah ada di panduan format."),
    "F02": (
        "Bentuk isian salah",
        "Ikuti bentuk pada contoh di panduan format (teks, daftar `- ...`, atau kelompok isian).",
    ),
    "F03": ("Bukan bilangan bulat", "Tulis angka saja, mis. `12` atau `15.000`."),
    "F04": ("Harus ya atau tidak", "Tulis `ya` atau `tidak`."),
    "F05": (
        "Harga tidak sah",
        "Tulis harga rupiah bulat, mis. `harga: 15000` atau `harga: 15.000`; atau `harga: atas permintaan`.",
    ),
    "F06": ("Persentase tidak sah", "Tulis angka 0 sampai 100, mis. `45,5`."),
    "F07": ("Tanggal tidak sah", "Tulis tanggal yang ada di kalender sebagai TTTT-BB-HH, mis. `2023-11-06`."),
    "F08": (
        "Nomor telepon tidak sah",
        "Tulis nomor Indonesia lengkap dengan kode area, mis. `021-5551234` atau `0812-3456-7890`.",
    ),
    "F09": (
        "Nomor WhatsApp harus nomor seluler",
        "Tulis nomor seluler yang diawali 08 atau +628, mis. `0812-3456-7890`.",
    ),
    "F10": ("Email tidak sah", "Tulis alamat email lengkap, mis. `info@contoh.id`."),
    "F11": ("Akun Instagram tidak sah", "Tulis nama akun saja, mis. `@kopikita` (huruf, angka, titik, garis bawah)."),
    "F12": ("Isian kosong", "Isi nilainya, atau hapus kunci ini bila tidak wajib."),
    "F13": (
        "Nomor resmi tidak sah",
        "Salin nomor persis dari dokumen resminya (NIB 13 angka, NPSN 8 angka, halal ID…, "
        "BPOM MD/ML + 12 angka, NA + 11 angka atau TR + 9 angka, PIRT 15 angka).",
    ),
    "F14": ("Isian wajib belum ada", "Tambahkan kunci ini beserta isinya; lihat contoh di panduan format."),
    "F15": ("Pilihan tidak dikenal", "Pakai salah satu pilihan yang tertera."),
    "F16": ("Daftar kurang isi", "Tambahkan minimal satu isian pada daftar ini."),
    "F17": ("Angka di luar batas", "Periksa kembali angkanya."),
    "F18": ("Urutan tanggal terbalik", "Tanggal `selesai` harus sama atau sesudah tanggal `mulai`."),
    "F19": (
        "Berkas harus berisi kelompok isian",
        "Mulai berkas dengan kunci seperti `nama:`; lihat contoh di panduan format.",
    ),
    "F20": ("Rentang harga terbalik", "`dari` harus lebih kecil dari `sampai`."),
    "F21": ("Nilai terlalu panjang", "Perpendek teksnya."),
    "R01": (
        "Eksibitor tidak ditemukan",
        "Periksa ejaan ID (nama berkas di catalogue_data/eksibitor/ tanpa .yaml) atau buat berkasnya.",
    ),
    "R02": (
        "Sekolah tidak ditemukan",
        "Periksa ejaan ID (nama berkas di catalogue_data/sekolah/ tanpa .yaml) atau buat berkasnya.",
    ),
    "R03": ("Kategori tidak dikenal", "Pakai salah satu ID di catalogue_data/kosakata/kategori.yaml."),
    "R04": ("ID tidak sah", "ID memakai huruf kecil a-z, angka dan tanda hubung, mis. `kopi-gayo-250g`."),
    "R05": ("ID kosong", "Isi ID dengan huruf kecil, angka dan tanda hubung."),
    "R06": ("ID dipakai situs", "Pilih ID lain; ID ini adalah nama folder atau halaman situs."),
    "R07": ("ID ganda", "Setiap ID harus unik (huruf besar/kecil dianggap sama): ganti salah satunya."),
    "R08": ("Kota tidak dikenal", "Pakai salah satu ID kota di catalogue_data/kosakata/wilayah.yaml."),
    "R09": (
        "Kecamatan tidak ada di kota ini",
        "Pakai kecamatan dari kota yang sama di catalogue_data/kosakata/wilayah.yaml.",
    ),
    "R10": (
        "Nama berkas bukan ID yang sah",
        "Ganti nama berkas: huruf kecil a-z, angka dan tanda hubung, diakhiri .yaml, mis. `kopi-kita.yaml`.",
    ),
    "R11": (
        "ID lama bentrok",
        "ID lama tidak boleh sama dengan ID yang sedang dipakai atau ID lama catatan lain: hapus dari "
        "`id_lama`.",
    ),
    "R12": ("Nomor batch ganda", "Setiap batch punya nomor sendiri: periksa `nomor`."),
    "R13": ("ID disebut dua kali", "Hapus salah satu baris yang sama."),
    "R14": (
        "Berkas di tempat yang salah",
        "Pindahkan berkas ke folder yang benar: batch/, eksibitor/, sekolah/ atau kosakata/.",
    ),
    "R15": ("Berkas katalog berupa symlink", "Simpan berkas aslinya di dalam catalogue_data/, bukan tautan (symlink)."),
    "R16": ("Ekstensi berkas salah", "Berkas catatan memakai ekstensi .yaml (bukan .yml atau lainnya)."),
    "R17": (
        "Symlink ke luar repositori",
        "Salin berkas atau folder aslinya ke dalam repositori (content/, theme/ atau catalogue_data/) lalu hapus "
        "symlink-nya: situs hanya dibangun dari berkas yang ada di repositori.",
    ),
    "I01": (
        "Foto tidak ditemukan",
        "Periksa nama dan folder berkas foto (huruf besar/kecil berpengaruh), relatif terhadap "
        "catalogue_data/.",
    ),
    "I02": (
        "Foto di luar catalogue_data atau berupa symlink",
        "Salin foto ke dalam catalogue_data/foto/ dan tulis jalurnya tanpa `..`.",
    ),
    "I03": ("Format foto tidak didukung", "Simpan ulang foto sebagai JPEG, PNG atau WebP."),
    "I04": ("Foto rusak atau terpotong", "Unggah ulang foto aslinya; berkas ini tidak bisa dibuka sampai habis."),
    "I05": ("Foto terlalu besar", "Perkecil foto (maksimal 40 megapiksel), mis. ke lebar 4000 piksel."),
    "I06": (
        "Foto bergerak tampil diam",
        "Tidak wajib diperbaiki: situs hanya menampilkan foto diam, yaitu gambar (bingkai) pertama. Bila gambar "
        "pertama bukan yang ingin ditampilkan, simpan gambar yang diinginkan sebagai JPEG, PNG atau WebP biasa.",
    ),
    "L01": ("Tautan tidak sah", "Tulis tautan lengkap yang diawali https:// atau http://, mis. `https://contoh.id`."),
    "P01": (
        "Ada nomor mirip NIK",
        "Hapus nomor 16 angka ini: NIK adalah data pribadi dan tidak boleh terbit di isian mana pun, juga tidak di "
        "nomor sertifikat atau tautan.",
    ),
    "P02": (
        "Ada nomor telepon di teks bebas",
        "Pindahkan nomor ke `kontak` (whatsapp/telepon) bila memang nomor usaha, atau hapus bila nomor "
        "pribadi.",
    ),
    "P03": (
        "Nama siswa tanpa persetujuan wali",
        "Tambahkan `persetujuan_wali: ya` hanya bila wali sudah setuju secara tertulis; bila belum, hapus "
        "nama siswa.",
    ),
    "P04": (
        "Pembuat siswa hanya untuk produk sekolah",
        "Hapus `pembuat` dari produk eksibitor; nama siswa hanya dicantumkan pada produk di sekolah/.",
    ),
    "T01": (
        "Masih berisi TODO dari templat",
        "Ganti seluruh teks bertanda TODO dengan isi sebenarnya. Situs lokal tetap dibangun, tetapi "
        "penerbitan (`./run publish`) menolak catatan yang masih berisi TODO.",
    ),
    "T02": (
        "Masih memakai foto sementara",
        "Simpan foto asli di catalogue_data/foto/, tulis jalurnya di `berkas` dan isi `alt`-nya, lalu hapus "
        "berkas foto-sementara-…. Penerbitan (`./run publish`) menolak foto sementara.",
    ),
    "S01": (
        "Sertifikat segera habis berlaku",
        "Minta sertifikat terbaru kepada peserta, lalu perbarui nomor dan `berlaku_sampai`. Ini hanya "
        "peringatan: situs tetap terbit.",
    ),
    "S02": (
        "Sertifikat sudah habis berlaku",
        "Minta sertifikat terbaru kepada peserta, lalu perbarui nomor dan `berlaku_sampai`. Sampai diperbarui, "
        "situs menandainya kedaluwarsa, dan produk dengan TKDN kedaluwarsa tidak lagi tampil sebagai wajib PDN.",
    ),
    "X01": (
        "Spreadsheet tidak bisa dibaca",
        "Simpan ulang sebagai Excel Workbook (.xlsx) atau CSV UTF-8 (.csv), lalu impor lagi.",
    ),
    "X02": (
        "Kolom tidak dikenal",
        "Tulis judul kolom persis seperti di templat (docs/templat-pendaftaran.xlsx), atau hapus kolom itu.",
    ),
    "X03": ("Kolom ganda", "Setiap kolom hanya boleh ada sekali: gabungkan isinya, lalu hapus salah satunya."),
    "X04": (
        "Angka disingkat spreadsheet",
        "Format kolom ini sebagai Teks, ketik ulang angkanya lengkap (mis. `9120001234567`), lalu simpan ulang.",
    ),
    "X05": (
        "Isi sel tidak cocok dengan kolomnya",
        "Format sel sebagai Teks dan ketik ulang isinya seperti contoh di templat.",
    ),
    "X06": (
        "Data eksibitor berbeda antarbaris",
        "Samakan isi kolom eksibitor di setiap baris produknya, atau kosongkan sel di baris bawahnya "
        "(diisi dari baris di atasnya).",
    ),
    "X07": (
        "Catatan sudah diubah orang",
        "Periksa perbedaannya; bila isi spreadsheet yang benar, impor lagi dengan `--perbarui` (perbedaannya "
        "ditampilkan dulu; komentar dan urutan kunci di berkas tetap).",
    ),
    "X08": (
        "Sudah ada foto lain dengan nama ini",
        "Beri nama lain pada berkas fotonya, atau hapus dulu foto lama di catalogue_data/foto/ bila memang diganti.",
    ),
    "X09": (
        "Catatan yang ada belum sah",
        "Perbaiki dulu berkas YAML itu (jalankan `./run validate`), lalu impor lagi.",
    ),
}

#: How to fix a problem found in a spreadsheet cell, where the YAML wording of :data:`CODES` does not fit.
CELL_FIXES: dict[str, str] = {
    "F05": "Tulis harga rupiah bulat, mis. `15000`, `15.000` atau `Rp 15.000`, atau `atas permintaan`; untuk "
           "rentang, isi juga kolom \"Harga sampai\".",
    "F12": "Isi sel ini, atau kosongkan bila tidak wajib.",
    "F14": "Isi sel ini (lihat contoh di templat); bila kolomnya belum ada, tambahkan dengan judul persis seperti "
           "di templat.",
    "F16": "Isi minimal satu foto di kolom \"Foto 1 berkas\" dan \"Foto 1 alt\".",
}


#: Where "today" came from (:class:`etalase.settings.Today` ``source``), as staff read it after "Tanggal acuan …:".
TODAY_SOURCES = {
    "setting": "dari setelan ETALASE_TODAY",
    "option": "dari pilihan --today",
    "SOURCE_DATE_EPOCH": "dari SOURCE_DATE_EPOCH",
    "clock": "hari ini menurut jam komputer, waktu Jakarta (WIB)",
}

#: Certificate kinds as staff messages name them.
CERTIFICATE_NAMES = {"halal": "halal", "bpom": "BPOM", "pirt": "P-IRT", "sni": "SNI", "tkdn": "TKDN"}

# What the strict YAML loader found, by code; ``{…}`` are the problem's params.
LOAD_MESSAGES: dict[str, str] = {
    "Y01": "berkas berisi byte 0x{byte} yang bukan UTF-8",
    "Y02": "ada tanda BOM (U+FEFF) di tengah berkas",
    "Y03": "kunci `{key}` sudah ada di baris {first_line}",
    "Y04": "anchor/alias `{anchor}` tidak didukung",
    "Y05": "tag `{tag}` tidak didukung",
    "Y06": "kunci bukan teks (daftar, kelompok isian atau kosong)",
    "Y07": "berkas berisi lebih dari satu dokumen YAML",
    "Y08": "berkas berukuran {size} byte, lebih dari batas {limit} byte",
    "Y09": "isian bertingkat lebih dari {limit} tingkat",
    "Y10": "YAML tidak bisa dibaca: {reason}",
    "Y11": "ada karakter kontrol tak terlihat {char}",
    "Y12": "berkas tidak bisa dibuka: {reason}",
    "Y13": "karakter tak terlihat {what}",
    "Y14": "{value} memuat karakter tak terlihat {chars}",
}

# libyaml's problem texts (matched by their start) -> what staff read after "YAML tidak bisa dibaca:".
SYNTAX_REASONS: tuple[tuple[str, str], ...] = (
    ("found a tab character", "ada karakter tab di indentasi; ganti dengan spasi"),
    ("found unexpected end of stream", "berkas berakhir sebelum isian selesai"),
    ("mapping values are not allowed", "ada tanda titik dua `:` yang tidak pada tempatnya; bila nilainya memuat `: `, "
                                       "apit seluruh nilai dengan tanda kutip, atau periksa indentasinya"),
    ("found unexpected ':'", "ada tanda titik dua `:` yang tidak pada tempatnya; apit nilainya dengan tanda kutip"),
    ("did not find expected key", "baris ini tidak sejajar dengan kunci di atasnya, atau ada teks sesudah tanda kutip "
                                  "penutup"),
    ("did not find expected '-' indicator", "baris ini tidak sejajar dengan daftar `- ...` di atasnya"),
    ("did not find expected ',' or ']'", "kurung siku `[` dibuka di sini tetapi tidak ditutup dengan `]`"),
    ("did not find expected ',' or '}'", "kurung kurawal `{` dibuka di sini tetapi tidak ditutup dengan `}`"),
    ("could not find expected ':'", "tanda titik dua `:` sesudah kunci ini tidak ditemukan"),
    ("block sequence entries are not allowed", "tanda `-` daftar tidak boleh di sini; mulai daftar di baris baru di "
                                               "bawah kuncinya"),
    ("found unknown escape character", "ada garis miring terbalik `\\` di dalam tanda kutip ganda; pakai tanda kutip "
                                       "tunggal '...'"),
    ("found invalid Unicode character escape", "ada garis miring terbalik `\\` di dalam tanda kutip ganda; pakai tanda "
                                               "kutip tunggal '...'"),
    ("did not find expected hexdecimal", "ada garis miring terbalik `\\` di dalam tanda kutip ganda; pakai tanda kutip "
                                         "tunggal '...'"),
    ("did not find expected node content", "nilai yang diharapkan tidak ada di sini"),
    ("did not find expected <document start>", "ada teks sesudah penanda akhir dokumen `...`"),
    ("found unexpected document indicator", "baris `---` atau `...` hanya boleh berdiri sendiri di awal baris"),
    ("found incompatible YAML document", "baris yang diawali `%` adalah perintah YAML yang tidak didukung"),
    ("found unknown directive name", "baris yang diawali `%` adalah perintah YAML yang tidak didukung"),
    ("found an indentation indicator equal to 0", "penanda teks `|` atau `>` hanya boleh diikuti `-`, `+` atau angka "
                                                  "1-9"),
    ("did not find expected comment or line break", "ada teks yang tidak diharapkan sesudah nilai di baris ini"),
)

# Problems whose start is a construct the parser was inside of, by libyaml's context text.
SYNTAX_CONTEXTS: tuple[tuple[str, str], ...] = (
    ("while scanning a quoted scalar", "tanda kutip yang dibuka di sini tidak pernah ditutup"),
    ("while scanning a block scalar", "penanda teks `|` atau `>` hanya boleh diikuti `-`, `+` atau angka 1-9"),
    ("while scanning a tag", "tanda seru `!` di awal nilai berarti tag YAML; apit nilainya dengan tanda kutip"),
    ("while parsing a tag", "tanda seru `!` di awal nilai berarti tag YAML; apit nilainya dengan tanda kutip"),
    ("while scanning an anchor", "tanda `&` di awal nilai berarti anchor YAML; apit nilainya dengan tanda kutip"),
    ("while scanning an alias", "tanda `*` di awal nilai berarti alias YAML; apit nilainya dengan tanda kutip"),
    ("while scanning a directive", "baris yang diawali `%` adalah perintah YAML yang tidak didukung"),
    ("while scanning a %", "baris yang diawali `%` adalah perintah YAML yang tidak didukung"),
)
SYNTAX_FALLBACK = "penulisan YAML tidak sah di sini"
START_CHAR_REASON = "karakter {char} tidak boleh mengawali nilai; apit seluruh nilai dengan tanda kutip"
TAB_REASON = "ada karakter tab; ganti dengan spasi"

# pydantic's own error types, mapped to our codes and an Indonesian message.
PYDANTIC_TYPES: dict[str, tuple[str, str]] = {
    "missing": ("F14", "isian wajib `{field}` belum ada"),
    "extra_forbidden": ("F01", "kunci `{field}` tidak dikenal di sini{hint}"),
    "string_type": ("F02", "harus berupa teks, bukan {shape}"),
    "int_type": ("F03", "harus berupa bilangan bulat"),
    "int_parsing": ("F03", "harus berupa bilangan bulat"),
    "list_type": ("F02", "harus berupa daftar (baris yang diawali `- `), bukan {shape}"),
    "dict_type": ("F02", "harus berupa kelompok isian (kunci: nilai), bukan {shape}"),
    "model_type": ("F02", "harus berupa kelompok isian (kunci: nilai), bukan {shape}"),
    "model_attributes_type": ("F02", "harus berupa kelompok isian (kunci: nilai), bukan {shape}"),
    "literal_error": ("F15", "{input} bukan pilihan yang sah; pilih {expected}"),
    "enum": ("F15", "{input} bukan pilihan yang sah; pilih {expected}"),
    "too_short": ("F16", "daftar `{field}` berisi {actual_length} butir; minimal {min_length} butir"),
    "too_long": ("F21", "daftar `{field}` berisi {actual_length} butir; maksimal {max_length} butir"),
    "string_too_long": ("F21", "teks terlalu panjang (maksimal {max_length} karakter)"),
    "greater_than_equal": ("F17", "{input} terlalu kecil; harus minimal {ge}"),
    "greater_than": ("F17", "{input} terlalu kecil; harus lebih dari {gt}"),
    "less_than_equal": ("F17", "{input} terlalu besar; harus maksimal {le}"),
    "less_than": ("F17", "{input} terlalu besar; harus kurang dari {lt}"),
}
EMPTY_VALUE = ("F12", "isian `{field}` kosong")
UNKNOWN_TYPE = ("F02", "isian tidak sah")

# How a wrong-shaped value is named in messages.
SHAPES = {dict: "kelompok isian", list: "daftar", str: "teks", type(None): "nilai kosong"}
MAX_SHOWN = 60


def title(code: str) -> str:
    """Return the short title of a code."""
    return CODES[code][0]


def fix(code: str) -> str:
    """Return how to fix a problem with this code."""
    return CODES[code][1]


def cell_fix(code: str) -> str:
    """Return how to fix a problem with this code when it was found in a spreadsheet cell."""
    return CELL_FIXES.get(code) or fix(code)


def shape_of(value: object) -> str:
    """Name the YAML shape of a loaded value in Indonesian."""
    return SHAPES.get(type(value), "nilai lain")


def shown(value: object) -> str:
    """Quote a staff value for a message, cut to a readable length, hidden characters written as ``‹U+200B›``."""
    text = characters.visible(str(value))
    if len(text) > MAX_SHOWN:
        text = text[: MAX_SHOWN - 1] + "…"
    return f"'{text}'"


def choices(expected: str) -> str:
    """Turn pydantic's ``'a', 'b' or 'c'`` into ```a`, `b` atau `c```."""
    names = [f"`{name}`" for name in re.findall(r"'([^']*)'", expected)]
    if len(names) < 2:
        return ", ".join(names)
    return ", ".join(names[:-1]) + " atau " + names[-1]


def syntax_reason(problem: str, context: str, char: str) -> str:
    """Explain a libyaml syntax error in Bahasa Indonesia."""
    if "quoted scalar" in context and problem.startswith("found unexpected end of stream"):
        return SYNTAX_CONTEXTS[0][1]
    if problem.startswith("found character") and "cannot start any token" in problem:
        if char == "\t":
            return TAB_REASON
        return START_CHAR_REASON.format(char="tanda petik terbalik" if char == "`" else f"`{char}`")
    for start, reason in SYNTAX_REASONS:
        if problem.startswith(start):
            return reason
    for start, reason in SYNTAX_CONTEXTS:
        if context.startswith(start):
            return reason
    return SYNTAX_FALLBACK


def hidden_chars(chars) -> str:
    """Name hidden characters for a message: ``U+200B (spasi lebar-nol), U+202E (pembalik arah teks)``."""
    return ", ".join(characters.describe(char) for char in chars)


def load_message(code: str, params: dict) -> str:
    """Return the message for a problem the YAML loader found."""
    if code == "Y10":
        params = {**params, "reason": syntax_reason(params.get("problem", ""), params.get("context", ""),
                                                    params.get("char", ""))}
    return LOAD_MESSAGES[code].format(**params)


def certificate_message(kind: str, until: dt.date, today: dt.date) -> str:
    """How a lapsing (``S01``) or lapsed (``S02``) certificate is told to staff, with its date and the days."""
    from ..site.formatting import date as long_date  # formatting needs the models, which need this module

    name, date, days = CERTIFICATE_NAMES[kind], long_date(until), (until - today).days
    if days < 0:
        return f"sertifikat {name} kedaluwarsa: berlaku sampai {date} ({-days} hari lalu)"
    if days == 0:
        return f"sertifikat {name} berlaku sampai {date} (hari ini hari terakhirnya)"
    return f"sertifikat {name} berlaku sampai {date} ({days} hari lagi)"
