"""The URL manifest and the check that no published URL dies (etalase.outputs.manifest)."""

from __future__ import annotations

import gzip
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.outputs import manifest
from etalase.outputs.manifest import Manifest, Source
from etalase.site import urls

from tests.catalogue_helpers import BATCH, EXHIBITOR, copy_root, edit
from tests.conftest import ROOTS

ROOT = Path(__file__).resolve().parent.parent
KOPI = "catalogue_data/eksibitor/kopi-contoh.yaml"
ARABIKA = """\
  - id: kopi-arabika-200g
    nama: Kopi Arabika 200 g
    kategori: minuman
    deskripsi: Kopi bubuk arabika.
    foto:
      - berkas: foto/kopi-contoh/kopi.jpg
        alt: Kemasan kopi arabika
    harga: 60.000
    satuan: bungkus
"""


def fake_files(root: Path) -> tuple[list[str], dict[str, str]]:
    """Stand in for the generator: a page per record, a redirect per ``id_lama``, QR and calendar files.

    Returns the output files and the redirects (URL -> target) the build would record.
    """
    catalogue = load_catalogue(root)
    pages = [urls.HOME, urls.SEARCH, urls.index(urls.PRODUCT), urls.index(urls.PRODUCT, 2), urls.category("minuman")]
    files = ["gambar/0123abcd-640.webp", "sitemap.xml", f"{urls.STAFF}laporan/index.html"]
    moved: list[tuple[str, str]] = []
    for item in catalogue.listings:
        pages.append(urls.product(item.id))
        files.append(urls.qr_code(urls.PRODUCT, item.id))
        moved += [(urls.product(old), urls.product(item.id)) for old in item.product.old_ids]
    for kind, records in ((urls.EXHIBITOR, catalogue.exhibitors), (urls.SCHOOL, catalogue.schools)):
        for record in records.values():
            pages.append(urls.record(kind, record.id))
            moved += [(urls.record(kind, old), urls.record(kind, record.id)) for old in record.old_ids]
    for batch in catalogue.batches:
        pages.append(urls.batch(batch.id))
        files.append(urls.batch_calendar(batch.id))
        moved += [(urls.batch(old), urls.batch(batch.id)) for old in batch.old_ids]
    files += [urls.file_of(url) for url in pages] + [urls.file_of(old) for old, _ in moved]
    return files, {f"/{old}": f"/{new}" for old, new in moved}


def fake_build(root: Path, out: Path, dropped: str = "") -> Path:
    """A build's output folder as far as the check reads it: the ``manifest.json`` the build writes."""
    files, redirects = fake_files(root)
    files = [rel for rel in files if not (dropped and rel.startswith(dropped))]
    out.mkdir(parents=True, exist_ok=True)
    index = manifest.catalogue_index(load_catalogue(root))
    (out / "manifest.json").write_bytes(manifest.manifest_bytes(files, redirects, index))
    return out


def built(out: Path) -> Manifest:
    """The manifest a (fake) build wrote."""
    return manifest.loads((out / "manifest.json").read_text(encoding="utf-8"))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A valid catalogue with two products from kopi-contoh."""
    root = copy_root(tmp_path)
    with (root / EXHIBITOR).open("a", encoding="utf-8") as handle:
        handle.write(ARABIKA)
    return root


@pytest.fixture
def live(data: Path, tmp_path: Path) -> Manifest:
    """The manifest of the site as it is published now."""
    return built(fake_build(data, tmp_path / "live"))


def check(data: Path, tmp_path: Path, live: Manifest) -> list[manifest.LostUrl]:
    """Build the edited data and compare it with the live manifest."""
    out = fake_build(data, tmp_path / "new")
    return manifest.compare(live, built(out), manifest.record_index(data))


def problems(lost: list[manifest.LostUrl]) -> list[tuple[str, str, str, int, str, str]]:
    """The URLs that fail the check, as plain tuples."""
    return [(i.url, i.code, i.file, i.line, i.message, i.fix) for i in lost if not i.allowed]


# -- the manifest ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("rel", "url"),
    [
        ("index.html", "/"),
        ("produk/kopi/index.html", "/produk/kopi/"),
        ("404.html", "/404.html"),
        ("batch/batch-9/jadwal.ics", "/batch/batch-9/jadwal.ics"),
    ],
)
def test_url_of_a_file(rel, url):
    assert manifest.url_of(rel) == url


def test_the_manifest_lists_pages_files_and_redirects_but_not_staff_pages(data):
    edit(data, EXHIBITOR, "  - id: kopi-arabika-200g\n", "  - id: kopi-arabika-200g\n    id_lama: [arabika]\n")
    files, redirects = fake_files(data)
    files += ["manifest.json", ".nojekyll"]
    made = manifest.loads(manifest.manifest_bytes(files, redirects, manifest.catalogue_index(load_catalogue(data)))
                          .decode("utf-8"))

    assert made.redirects == {"/produk/arabika/": "/produk/kopi-arabika-200g/"}
    assert "/produk/kopi-arabika-200g/" in made.pages and "/produk/arabika/" not in made.pages
    assert "/qr/produk/kopi-arabika-200g.svg" in made.files
    assert not [p for p in made.pages + made.files if p.startswith("/staf/") or p.endswith(("manifest.json",
                                                                                          ".nojekyll"))]


def test_the_record_index_of_a_build_equals_the_one_parsed_from_the_files(data):
    assert manifest.catalogue_index(load_catalogue(data)) == manifest.record_index(data)


def test_manifest_is_sorted_deterministic_json_with_record_sources(data, tmp_path):
    text = (fake_build(data, tmp_path / "out") / "manifest.json").read_text(encoding="utf-8")
    first = built(fake_build(data, tmp_path / "again"))

    assert (tmp_path / "again" / "manifest.json").read_text(encoding="utf-8") == text
    parsed = json.loads(text)
    assert list(parsed) == sorted(parsed)
    assert parsed["format"] == 1
    assert parsed["pages"] == sorted(parsed["pages"])
    assert parsed["records"]["produk/kopi-arabika-200g"] == {"file": KOPI, "line": 33}
    assert parsed["records"]["eksibitor/kopi-contoh"] == {"file": KOPI, "line": 1}
    assert manifest.loads(text) == first


def test_a_manifest_of_another_shape_is_refused():
    with pytest.raises(manifest.BuildError, match="not a URL manifest"):
        manifest.loads('{"urls": []}')


# -- the check ------------------------------------------------------------------


def test_nothing_changed_keeps_every_url(data, tmp_path, live):
    assert check(data, tmp_path, live) == []


def test_a_removed_product_fails_naming_its_record(data, tmp_path, live):
    edit(data, EXHIBITOR, ARABIKA, "")

    assert problems(check(data, tmp_path, live)) == [
        (url, "U01", KOPI, 33,
         f"{url} akan hilang: produk `kopi-arabika-200g` tidak ada lagi di data (sebelumnya di {KOPI} baris 33)",
         "Pilih salah satu: bila ID-nya diganti, tambahkan `id_lama: [kopi-arabika-200g]` pada catatan dengan "
         "ID baru; atau bila memang ditarik dari katalog, tandai `ditarik: ya` pada catatannya (jangan hapus "
         "catatan atau berkasnya).")
        for url in ("/produk/kopi-arabika-200g/",)
    ]


def test_a_renamed_product_without_old_id_fails_and_names_the_new_id(data, tmp_path, live):
    edit(data, EXHIBITOR, "id: kopi-arabika-200g", "id: kopi-arabika-250g")

    found = problems(check(data, tmp_path, live))

    assert [url for url, *_ in found] == ["/produk/kopi-arabika-200g/"]
    assert found[0][5] == (
        "Pilih salah satu: bila `kopi-arabika-200g` diganti ID-nya menjadi `kopi-arabika-250g` "
        f"({KOPI} baris 33), tambahkan `id_lama: [kopi-arabika-200g]` pada produk itu; atau bila memang "
        "ditarik dari katalog, tandai `ditarik: ya` pada catatannya (jangan hapus catatan atau berkasnya)."
    )


def test_a_renamed_product_with_old_id_keeps_its_url_as_a_redirect(data, tmp_path, live):
    edit(data, EXHIBITOR, "  - id: kopi-arabika-200g\n",
         "  - id: kopi-arabika-250g\n    id_lama:\n      - kopi-arabika-200g\n")

    lost = check(data, tmp_path, live)

    assert problems(lost) == []
    built = manifest.loads((tmp_path / "new" / "manifest.json").read_text(encoding="utf-8"))
    assert built.redirects == {"/produk/kopi-arabika-200g/": "/produk/kopi-arabika-250g/"}


def test_the_redirect_must_stay_once_published(data, tmp_path):
    renamed = "  - id: kopi-arabika-250g\n    id_lama: [kopi-arabika-200g]\n"
    edit(data, EXHIBITOR, "  - id: kopi-arabika-200g\n", renamed)
    live = built(fake_build(data, tmp_path / "live"))
    edit(data, EXHIBITOR, "    id_lama: [kopi-arabika-200g]\n", "")

    assert [url for url, *_ in problems(check(data, tmp_path, live))] == ["/produk/kopi-arabika-200g/"]


def test_a_renamed_batch_keeps_its_page_and_may_drop_its_calendar(data, tmp_path, live):
    (data / BATCH).rename(data / "batch" / "batch-satu.yaml")
    edit(data, "batch/batch-satu.yaml", "nomor: 1\n", "nomor: 1\nid_lama: [batch-1]\n")

    lost = check(data, tmp_path, live)

    assert [(i.url, i.code, i.allowed, i.message) for i in lost] == [
        ("/batch/batch-1/jadwal.ics", "U00", True,
         "batch `batch-1` diganti ID-nya: /batch/batch-1/ dialihkan, /batch/batch-1/jadwal.ics tidak bisa"),
    ]


def test_a_withdrawn_product_may_disappear(data, tmp_path, live):
    edit(data, EXHIBITOR, "    harga: 60.000\n", "    harga: 60.000\n    ditarik: ya\n")

    lost = check(data, tmp_path, live)

    assert problems(lost) == []
    assert [(i.url, i.code, i.message) for i in lost] == [
        ("/produk/kopi-arabika-200g/", "U00",
         "produk `kopi-arabika-200g` ditarik (`ditarik: ya`): /produk/kopi-arabika-200g/ dihapus dari situs"),
    ]
    assert "/produk/kopi-arabika-200g/" not in (tmp_path / "new" / "manifest.json").read_text(encoding="utf-8")


def test_deleting_an_exhibitor_file_fails_but_withdrawing_it_passes(data, tmp_path, live):
    original = (data / EXHIBITOR).read_text(encoding="utf-8")
    (data / EXHIBITOR).unlink()
    edit(data, BATCH, "eksibitor:\n  - kopi-contoh\n", "")

    found = problems(check(data, tmp_path, live))
    assert [url for url, *_ in found] == [
        "/eksibitor/kopi-contoh/",
        "/produk/kopi-arabika-200g/",
        "/produk/kopi-robusta-250g/",
    ]
    assert found[0][4] == (f"/eksibitor/kopi-contoh/ akan hilang: eksibitor `kopi-contoh` tidak ada lagi di data "
                           f"(sebelumnya di {KOPI} baris 1)")

    (data / EXHIBITOR).write_text(original.replace("siinas: ya\n", "siinas: ya\nditarik: ya\n"), encoding="utf-8")
    assert problems(check(data, tmp_path, live)) == []


def test_a_lost_page_that_belongs_to_no_record(data, tmp_path, live):
    made = built(fake_build(data, tmp_path / "new", dropped="kategori/"))

    found = problems(manifest.compare(live, made, manifest.record_index(data)))

    assert [(url, code, message) for url, code, _, _, message, _ in found] == [
        ("/kategori/minuman/", "U02",
         "halaman /kategori/minuman/ ada di situs yang terbit tetapi hilang dari hasil build"),
    ]


def test_pagination_and_content_addressed_files_may_change():
    live = Manifest(pages=["/produk/halaman/2/", "/kategori/kuliner/halaman/3/"],
                    files=["/gambar/0123abcd-640.webp", "/pagefind/fragment/x.pf_fragment", "/theme/css/site.css",
                           "/qr/produk/kopi.svg"])
    index = manifest.RecordIndex(sources={}, withdrawn=frozenset())

    assert manifest.compare(live, Manifest(), index) == []


def test_a_redirect_to_a_page_that_is_not_built_fails():
    built = Manifest(pages=["/"], redirects={"/produk/lama/": "/produk/tidak-ada/"})
    index = manifest.RecordIndex(sources={}, withdrawn=frozenset())

    assert [(i.url, i.code) for i in manifest.compare(Manifest(), built, index)] == [("/produk/lama/", "U03")]


# -- the live manifest ------------------------------------------------------------


def test_live_manifest_from_a_file_a_folder_or_nowhere(tmp_path):
    text = manifest.dumps(Manifest(pages=["/"], records={"produk/a": Source("catalogue_data/eksibitor/a.yaml", 3)}))
    (tmp_path / "manifest.json").write_text(text, encoding="utf-8")

    assert manifest.read_live_manifest(str(tmp_path / "manifest.json")).pages == ["/"]
    from_folder = manifest.read_live_manifest(str(tmp_path))
    assert from_folder.records == {"produk/a": Source("catalogue_data/eksibitor/a.yaml", 3)}
    assert manifest.read_live_manifest(str(tmp_path / "kosong")) is None


@pytest.fixture
def server(tmp_path):
    """Serve ``tmp_path/situs`` over HTTP on a free local port."""
    folder = tmp_path / "situs"
    folder.mkdir()

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, directory=str(folder), **kwargs)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def test_live_manifest_over_http(server):
    folder, siteurl = server
    assert manifest.read_live_manifest(siteurl) is None
    (folder / "manifest.json").write_text(manifest.dumps(Manifest(pages=["/", "/cari/"])), encoding="utf-8")
    assert manifest.read_live_manifest(siteurl).pages == ["/", "/cari/"]
    assert manifest.read_live_manifest(siteurl + "manifest.json").pages == ["/", "/cari/"]


def test_an_unreachable_site_is_not_a_first_deploy(data, tmp_path):
    out = fake_build(data, tmp_path / "out")

    result = manifest.check_links_kept(out, data, "http://127.0.0.1:9/")

    assert not result.passed and not result.compared
    assert result.note.startswith("manifest situs yang terbit tidak bisa dibaca (cannot fetch http://127.0.0.1:9/")


# -- first deploy and the command line ----------------------------------------------


def test_without_a_live_manifest_only_first_deploy_passes(data, tmp_path):
    out = fake_build(data, tmp_path / "out")

    refused = manifest.check_links_kept(out, data, None)
    first = manifest.check_links_kept(out, data, str(tmp_path / "kosong"), first_deploy=True)

    assert not refused.passed
    assert refused.note == (
        "tidak ada manifest situs yang terbit untuk dibandingkan: beri --live dengan alamat situs, berkas "
        "manifest.json atau folder hasil penerbitan terakhir. Bila ini penerbitan pertama, jalankan ulang "
        "dengan --first-deploy."
    )
    assert first.passed and not first.compared
    assert first.note == (f"{tmp_path / 'kosong'} tidak punya manifest.json; --first-deploy: dianggap penerbitan "
                          "pertama, tidak ada yang dibandingkan")
    assert (out / "manifest.json").is_file()


def test_first_deploy_is_ignored_when_a_live_manifest_exists(data, tmp_path, live):
    edit(data, EXHIBITOR, ARABIKA, "")
    out = fake_build(data, tmp_path / "new")

    result = manifest.check_links_kept(out, data, str(tmp_path / "live"), first_deploy=True)

    assert not result.passed and result.compared
    assert result.note == "--first-deploy diabaikan: situs yang terbit punya manifest, jadi dibandingkan"


def run_cli(*args: str) -> subprocess.CompletedProcess:
    """Run ``python -m etalase`` as CI does."""
    return subprocess.run([sys.executable, "-m", "etalase", *args], capture_output=True, text=True,
                          cwd=ROOT, env={"PYTHONPATH": str(ROOT / "plugins"), "PATH": ""}, check=False)


def test_the_command_annotates_the_record_line_for_github(data, tmp_path, live):
    edit(data, EXHIBITOR, ARABIKA, "")
    out = fake_build(data, tmp_path / "new")

    done = run_cli("check-links-kept", str(out), "--data", str(data), "--live", str(tmp_path / "live"),
                   "--format", "github")

    assert done.returncode == 1
    annotation = done.stdout.splitlines()[0]
    assert annotation.startswith(f"::error file={KOPI},line=33,title=U01 Tautan akan mati::/produk/kopi-arabika-200g/")
    assert "%0ACara memperbaiki: Pilih salah satu" in annotation
    assert "Ditemukan 1 tautan yang akan mati. Situs tidak diterbitkan." in done.stdout


def test_the_command_passes_when_every_url_is_kept(data, tmp_path, live):
    done = run_cli("check-links-kept", str(fake_build(data, tmp_path / "new")), "--data", str(data),
                   "--live", str(tmp_path / "live"))

    assert (done.returncode, done.stdout) == (0, "Semua tautan situs yang terbit tetap hidup.\n")


# -- with the real generator ----------------------------------------------------------


@pytest.fixture(scope="module")
def rebuilt(tmp_path_factory, image_cache):
    """site-basic built, then rebuilt after renaming one product (with ``id_lama``) and withdrawing another."""
    from etalase.build import build

    from tests.conftest import PROJECT, TODAY

    tmp_path = tmp_path_factory.mktemp("rebuilt")
    shutil.copytree(ROOTS / "site-basic", tmp_path / "site")
    data = tmp_path / "site" / "catalogue_data"

    def run(name: str) -> Path:
        out = tmp_path / name / "output"
        build(PROJECT / "pelicanconf.py", {"OUTPUT_PATH": str(out), "ETALASE_CATALOGUE": str(data),
                                           "ETALASE_IMAGE_CACHE": str(image_cache), "ETALASE_IMAGE_WORKERS": 1,
                                           "ETALASE_TODAY": TODAY})
        return out

    live_out = run("live")
    renamed = "  - id: kopi-gayo-200g\n    id_lama: [kopi-arabika-gayo-200g]\n"
    edit(data, "eksibitor/kopi-betawi-sejahtera.yaml", "  - id: kopi-arabika-gayo-200g\n", renamed)
    edit(data, "eksibitor/batik-rawamangun.yaml", "    unggulan: ya\n", "    unggulan: ya\n    ditarik: ya\n")
    return data, live_out, run("new")


@pytest.mark.slow
def test_real_builds_keep_a_renamed_product_and_drop_a_withdrawn_one(rebuilt):
    data, live_out, new_out = rebuilt

    result = manifest.check_links_kept(new_out, data, str(live_out))

    assert result.passed, manifest.format_lost_text(result.lost)
    assert [(i.url, i.code) for i in result.lost] == [("/en/produk/kain-batik-tulis-ondel-ondel/", "U00"),
                                                      ("/produk/kain-batik-tulis-ondel-ondel/", "U00")]
    built = manifest.loads((new_out / "manifest.json").read_text(encoding="utf-8"))
    assert built.redirects["/produk/kopi-arabika-gayo-200g/"] == "/produk/kopi-gayo-200g/"
    assert (new_out / "produk" / "kopi-gayo-200g" / "index.html").is_file()
    assert not (new_out / "produk" / "kain-batik-tulis-ondel-ondel").exists()
    assert "kain-batik-tulis-ondel-ondel" not in (new_out / "sitemap.xml").read_text(encoding="utf-8")


def search_urls(output: Path) -> set[str]:
    """The page URLs in a built Pagefind index (each fragment is gzip: a signature, then JSON)."""
    found = set()
    for fragment in (output / "pagefind" / "fragment").rglob("*.pf_fragment"):  # <folder>/<id> (compact.py)
        found.update(m.decode() for m in re.findall(rb'"url":"([^"]+)"', gzip.decompress(fragment.read_bytes())))
    return found


@pytest.mark.slow
def test_a_withdrawn_product_leaves_the_search_index_and_a_renamed_one_moves(rebuilt):
    _, live_out, new_out = rebuilt
    if not (new_out / "pagefind").is_dir():
        pytest.skip("this build has no Pagefind index yet")
    before, after = search_urls(live_out), search_urls(new_out)

    assert {u for u in before if "kain-batik-tulis-ondel-ondel" in u or "kopi-arabika-gayo" in u}
    assert not {u for u in after if "kain-batik-tulis-ondel-ondel" in u or "kopi-arabika-gayo" in u}
    assert {u for u in after if "kopi-gayo-200g" in u}


@pytest.mark.slow
def test_a_site_served_from_a_folder_records_its_redirects_from_the_root(build_site, tmp_path):
    siteurl = "https://dinas.github.io/etalase"
    out = build_site("site-basic", SITEURL=siteurl)
    data = ROOTS / "site-basic" / "catalogue_data"

    result = manifest.check_links_kept(out, data, str(out))

    assert (result.passed, result.lost) == (True, [])
    built = manifest.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert built.redirects["/produk/kopi-robusta-250/"] == "/produk/kopi-robusta-betawi-250g/"
