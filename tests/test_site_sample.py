"""The sample catalogue (catalogue_data/) builds with the project's settings: what ``./run serve`` shows."""

from __future__ import annotations

import pytest
from etalase import urls
from etalase.catalogue import load_catalogue

from tests.conftest import PROJECT, TODAY
from tests.site_helpers import broken_links, target_exists

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
    for folder, record_id in catalogue.withdrawn:
        assert not (sample / folder / record_id).exists(), f"{folder}/{record_id} was published"


def test_every_link_and_image_of_the_sample_resolves(sample):
    assert broken_links(sample) == []
