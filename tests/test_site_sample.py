"""The sample catalogue (catalogue_data/) builds with the project's settings: what ``./run serve`` shows."""

from __future__ import annotations

import pytest
from etalase.data.catalogue import load_catalogue
from etalase.site import urls

from tests.conftest import PROJECT, TODAY
from tests.site_helpers import broken_links, published_folders, record_folders, target_exists

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample(tmp_path_factory):
    """catalogue_data/ built into a temporary folder; photos come from the project's own cache."""
    from etalase.build import build

    output = tmp_path_factory.mktemp("sample") / "output"
    build(PROJECT / "pelicanconf.py", {"OUTPUT_PATH": str(output), "ETALASE_TODAY": TODAY})
    return output


def test_every_published_record_of_the_sample_has_its_page(sample):
    catalogue = load_catalogue(PROJECT / "catalogue_data")
    expected = [urls.product(item.id) for item in catalogue.listings]
    expected += [urls.exhibitor(i) for i in catalogue.exhibitors] + [urls.school(i) for i in catalogue.schools]
    expected += [urls.batch(b.id) for b in catalogue.batches]
    expected += [urls.category(i) for i in catalogue.categories] + [urls.city(i) for i in catalogue.cities]
    assert [url for url in expected if not target_exists(sample, "/" + url)] == []
    folders = published_folders(catalogue)
    assert {folder: record_folders(sample, folder) for folder in folders} == folders  # and no page more (withdrawn)
    assert all(record_id not in folders[folder] for folder, record_id in catalogue.withdrawn)


def test_every_link_and_image_of_the_sample_resolves(sample):
    assert broken_links(sample) == []


def location_of(output, url: str) -> tuple[str, str]:
    """The "Lokasi" of a participant page as text, and where its link goes."""
    from tests.site_helpers import soup

    facts = soup(output, url).select_one(".facts-block dl")
    dd = next(dt for dt in facts.find_all("dt") if dt.get_text() == "Lokasi").find_next_sibling("dd")
    return " ".join(dd.get_text().split()), dd.a["href"]


def test_an_address_that_already_names_its_kecamatan_does_not_name_it_twice(sample):
    # catalogue_data/eksibitor/kopi-betawi-sejahtera.yaml: alamat "Jl. Contoh Raya No. 1, Jatinegara".
    assert location_of(sample, urls.exhibitor("kopi-betawi-sejahtera")) == (
        "Jl. Contoh Raya No. 1, Jatinegara, Jakarta Timur", f"/{urls.city('jakarta-timur')}")


def test_an_address_without_its_kecamatan_gets_the_kecamatan_and_the_city(sample):
    # catalogue_data/eksibitor/kriya-kerang-pulau-kelapa.yaml: alamat "Pulau Kelapa, Kelurahan Pulau Kelapa".
    assert location_of(sample, urls.exhibitor("kriya-kerang-pulau-kelapa")) == (
        "Pulau Kelapa, Kelurahan Pulau Kelapa, Kepulauan Seribu Utara, Kepulauan Seribu",
        f"/{urls.city('kepulauan-seribu')}")
    # catalogue_data/sekolah/smkn-32-jakarta.yaml has no alamat.
    assert location_of(sample, urls.school("smkn-32-jakarta")) == (
        "Tebet, Jakarta Selatan", f"/{urls.city('jakarta-selatan')}")
