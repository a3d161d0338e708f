"""New records for staff to fill in (etalase.staff.scaffold and the new-* invoke tasks)."""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from etalase.staff import scaffold
from etalase.staff.quality import check_quality
from etalase.staff.scaffold import ScaffoldError, insert_product
from PIL import Image

from tests.catalogue_helpers import EXHIBITOR, copy_root, valid

ROOT = Path(__file__).resolve().parent.parent
PHOTO = "foto/kopi-contoh/foto-sementara-kopi-baru.jpg"
ITEM = scaffold.product_yaml("kopi-baru", "Kopi Baru", "minuman", PHOTO)


def add(text: str) -> str:
    """Insert the test product into ``text``."""
    return insert_product(text, "kopi-baru", "Kopi Baru", "minuman", PHOTO)


# -- inserting a product as text ----------------------------------------------------


def test_a_product_goes_after_the_last_one_when_produk_is_the_last_key():
    text = "nama: A\nproduk:\n  - id: a\n    deskripsi: |\n      dua\n      baris\n"
    assert add(text) == text + ITEM


def test_the_rest_of_the_file_stays_byte_for_byte_when_keys_follow_produk():
    head = "# catatan staf\nnama: A  # nama usaha\nproduk:\n  - id: a\n    nama: A\n\n"
    tail = "# bagian berikut: izin\nnib: \"9120001234567\"\nsiinas: ya\n"
    assert add(head + tail) == head.removesuffix("\n") + ITEM + "\n" + tail


def test_a_file_without_products_gets_a_produk_key():
    assert add("nama: A\nkontak: {}") == "nama: A\nkontak: {}\nproduk:\n" + ITEM


def test_an_empty_flow_list_becomes_a_block_list():
    assert add("nama: A\nproduk: []  # belum ada\nnib: \"1\"\n") == "nama: A\nproduk:\n" + ITEM + "nib: \"1\"\n"


def test_windows_line_endings_are_kept():
    text = "nama: A\r\nproduk:\r\n  - id: a\r\n"
    assert add(text) == text + ITEM.replace("\n", "\r\n")


def test_items_at_column_zero_are_matched():
    text = "produk:\n- id: a\n  nama: A\n"
    assert add(text) == text + scaffold.product_yaml("kopi-baru", "Kopi Baru", "minuman", PHOTO, indent="")


def test_a_one_line_product_list_is_refused():
    with pytest.raises(ScaffoldError, match="ditulis dalam satu baris"):
        add("produk: [{id: a}]\n")


def test_free_text_is_quoted_so_it_stays_one_yaml_string():
    assert scaffold.quote('Kopi "Asli": #1\nBaru') == '"Kopi \\"Asli\\": #1 Baru"'


def test_the_placeholder_photo_is_a_marked_deterministic_jpeg():
    data = scaffold.placeholder_photo("kopi-contoh / kopi-baru")
    with Image.open(io.BytesIO(data)) as image:
        assert (image.format, image.size) == ("JPEG", scaffold.PLACEHOLDER_SIZE)
        assert image.info["comment"] == scaffold.PLACEHOLDER_COMMENT
    assert scaffold.placeholder_photo("kopi-contoh / kopi-baru") == data


# -- creating records that validate --------------------------------------------------


def test_a_new_batch_validates_and_is_never_overwritten(tmp_path):
    root = copy_root(tmp_path)

    path = scaffold.create_batch(root, "2", "2023-12-04", "2023-12-07")

    assert path == root / "batch" / "batch-2.yaml"
    catalogue = valid(root)
    assert [b.id for b in catalogue.batches] == ["batch-1", "batch-2"]
    assert catalogue.batches[1].venue.name == "TODO: nama tempat, mis. Balai Kota DKI Jakarta"
    assert catalogue.batches[1].venue.city == "jakarta-timur"  # the first city of this root's wilayah.yaml
    with pytest.raises(ScaffoldError, match="sudah ada; tidak ditimpa"):
        scaffold.create_batch(root, "2", "2023-12-04", "2023-12-07")


@pytest.mark.parametrize(
    ("number", "start", "message"),
    [
        ("dua", "2023-12-04", "nomor batch 'dua' harus bilangan bulat, mis. 10"),
        ("2", "04-12-2023", "mulai: '04-12-2023' bukan tanggal TTTT-BB-HH"),
    ],
)
def test_a_new_batch_refuses_bad_arguments(tmp_path, number, start, message):
    with pytest.raises(ScaffoldError) as caught:
        scaffold.create_batch(copy_root(tmp_path), number, start, "2023-12-07")
    assert str(caught.value) == message


def test_a_batch_number_already_used_is_refused(tmp_path):
    root = copy_root(tmp_path)
    (root / "batch" / "batch-1.yaml").rename(root / "batch" / "batch-pertama.yaml")
    with pytest.raises(ScaffoldError) as caught:
        scaffold.create_batch(root, "1", "2023-12-04", "2023-12-07")
    assert str(caught.value) == "batch nomor 1 sudah ada di catalogue_data/batch/batch-pertama.yaml"
    assert not (root / "batch" / "batch-1.yaml").exists()


def test_a_new_exhibitor_validates(tmp_path):
    root = copy_root(tmp_path)

    scaffold.create_exhibitor(root, "batik-cantik", 'Batik "Cantik": Rawamangun #1', "jakarta-timur", "jatinegara")

    exhibitor = valid(root).exhibitors["batik-cantik"]
    assert (exhibitor.name, exhibitor.kind, exhibitor.products) == ('Batik "Cantik": Rawamangun #1', "umkm", [])


def test_a_new_exhibitor_in_the_wrong_district_is_undone_with_the_validator_message(tmp_path):
    root = copy_root(tmp_path)

    with pytest.raises(ScaffoldError) as caught:
        scaffold.create_exhibitor(root, "batik-cantik", "Batik", "jakarta-timur", "tebet")

    assert "[R09] kecamatan: kecamatan `tebet` tidak ada di kota `jakarta-timur`" in str(caught.value)
    assert not (root / "eksibitor" / "batik-cantik.yaml").exists()


def test_a_new_exhibitor_needs_a_valid_id(tmp_path):
    with pytest.raises(ScaffoldError) as caught:
        scaffold.create_exhibitor(copy_root(tmp_path), "Batik Cantik", "Batik", "jakarta-timur", "jatinegara")
    assert str(caught.value).startswith("id: ID 'Batik Cantik' tidak sah")


def test_a_new_product_validates_keeps_the_file_and_gets_a_placeholder_photo(tmp_path):
    root = copy_root(tmp_path)
    before = (root / EXHIBITOR).read_bytes()

    path, photo = scaffold.add_product(root, "kopi-contoh", "kopi-baru", "Kopi Baru", "minuman")

    assert path.read_bytes() == before + ITEM.encode("utf-8")
    assert photo == root / PHOTO and photo.is_file()
    product = valid(root).product("kopi-baru").product
    assert (product.name, product.price.kind, product.photos[0].file) == ("Kopi Baru", "permintaan", PHOTO)


def test_the_quality_report_flags_what_the_template_left(tmp_path):
    root = copy_root(tmp_path)
    scaffold.add_product(root, "kopi-contoh", "kopi-baru", "Kopi Baru", "minuman")
    catalogue = valid(root)

    report = check_quality(catalogue, catalogue.batches[0].end, {})

    assert [(f.check, f.subject) for f in report.findings if f.subject == "produk kopi-baru"] == [
        ("foto", "produk kopi-baru"),
        ("harga", "produk kopi-baru"),
        ("todo", "produk kopi-baru"),
        ("todo", "produk kopi-baru"),
    ]


def test_a_product_with_an_unknown_category_is_undone(tmp_path):
    root = copy_root(tmp_path)
    before = (root / EXHIBITOR).read_bytes()

    with pytest.raises(ScaffoldError, match=r"\[R03\] produk\[1\]\.kategori: kategori `minum` tidak dikenal"):
        scaffold.add_product(root, "kopi-contoh", "kopi-baru", "Kopi Baru", "minum")

    assert (root / EXHIBITOR).read_bytes() == before
    assert not (root / PHOTO).exists()


def test_a_product_id_already_used_is_refused(tmp_path):
    root = copy_root(tmp_path)
    with pytest.raises(ScaffoldError) as caught:
        scaffold.add_product(root, "kopi-contoh", "tas-batik", "Tas", "fesyen")
    assert str(caught.value) == ("ID produk `tas-batik` sudah dipakai di catalogue_data/sekolah/smk-contoh.yaml; "
                                 "pilih ID lain")
    assert not (root / "foto" / "kopi-contoh" / "foto-sementara-tas-batik.jpg").exists()


def test_a_product_for_a_missing_exhibitor_is_refused(tmp_path):
    with pytest.raises(ScaffoldError, match="tidak ada; buat dulu dengan new-exhibitor"):
        scaffold.add_product(copy_root(tmp_path), "tidak-ada", "kopi-baru", "Kopi", "minuman")


# -- the invoke tasks, end to end in a scratch project --------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A scratch project: this tasks.py and plugins/, with a copy of the minimal catalogue."""
    shutil.copy(ROOT / "tasks.py", tmp_path / "tasks.py")
    (tmp_path / "plugins").symlink_to(ROOT / "plugins")
    copy_root(tmp_path)
    return tmp_path


def invoke(project: Path, *args: str) -> subprocess.CompletedProcess:
    """Run ``invoke ARGS`` in the scratch project."""
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=project, capture_output=True,
                          text=True, check=False)


def test_the_new_tasks_scaffold_records_that_validate(project):
    data = project / "catalogue_data"
    steps = [
        ("new-batch", "--nomor", "2", "--mulai", "2023-12-04", "--selesai", "2023-12-07"),
        ("new-exhibitor", "--id", "batik-cantik", "--nama", "Batik Cantik", "--kota", "jakarta-timur",
         "--kecamatan", "jatinegara"),
        ("new-product", "--eksibitor", "batik-cantik", "--id", "kain-batik", "--nama", "Kain Batik",
         "--kategori", "fesyen"),
    ]
    for step in steps:
        done = invoke(project, *step)
        assert done.returncode == 0, done.stderr

    assert done.stdout == ("Produk kain-batik ditambahkan di catalogue_data/eksibitor/batik-cantik.yaml; "
                           "foto sementara: catalogue_data/foto/batik-cantik/foto-sementara-kain-batik.jpg.\n"
                           "Ganti isian bertanda TODO dan foto sementaranya sebelum terbit: ./run publish menolak "
                           "keduanya.\n")
    catalogue = valid(data)
    assert catalogue.product("kain-batik").owner.id == "batik-cantik"


def test_a_refused_task_exits_with_the_reason(project):
    done = invoke(project, "new-exhibitor", "--id", "kopi-contoh", "--nama", "Kopi", "--kota", "jakarta-timur",
                  "--kecamatan", "jatinegara")
    assert done.returncode == 1
    assert done.stderr.startswith("Gagal: ")
    assert done.stderr.rstrip().endswith("kopi-contoh.yaml sudah ada; tidak ditimpa")
