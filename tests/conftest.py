"""Fixtures shared by every test module; keep this file small and generic."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from etalase.settings import epoch_of

PROJECT = Path(__file__).resolve().parent.parent
ROOTS = PROJECT / "tests" / "roots"
#: Everything a test run writes stays in the repository's ignored .cache/ (about 140 MB a run, which used to
#: pile up in the system temp folder, three runs' worth): pytest's tmp_path folders, cleared by pytest when a
#: run starts, and every other temporary file of the run and its subprocesses (TMPDIR), cleared by the run.
TEST_TMP = PROJECT / ".cache" / "pytest"
BASETEMP, OTHER_TMP = TEST_TMP / "tmp", TEST_TMP / "other"
#: The system's temporary folder, outside the repository (for the tests that need a place outside it).
SYSTEM_TMP = Path(os.environ.get("ETALASE_SYSTEM_TMP") or tempfile.gettempdir())  # workers: as the controller saw it
#: The day every test build is "as of" unless a test says otherwise: the last day of the test roots'
#: newest batch (6–9 November 2023). Builds in this process get it as ``ETALASE_TODAY``; commands run in
#: subprocesses (validate, report, builds through invoke) get it as ``SOURCE_DATE_EPOCH``, set below, so
#: no test depends on the clock.
TODAY_DATE = dt.date(2023, 11, 9)
TODAY = TODAY_DATE.isoformat()
os.environ["SOURCE_DATE_EPOCH"] = str(epoch_of(TODAY_DATE))


def pytest_configure(config: pytest.Config) -> None:
    """Keep the run's temporary files in :data:`TEST_TMP` (pytest-xdist gives its workers their own basetemp)."""
    if config.option.basetemp is None:
        config.option.basetemp = str(BASETEMP)
    if not hasattr(config, "workerinput"):  # the controlling process: a fresh folder for the run
        shutil.rmtree(OTHER_TMP, ignore_errors=True)
        os.environ["ETALASE_SYSTEM_TMP"] = str(SYSTEM_TMP)
    OTHER_TMP.mkdir(parents=True, exist_ok=True)
    os.environ["TMPDIR"] = str(OTHER_TMP)
    tempfile.tempdir = None  # read TMPDIR again
    # Parallel workers (pytest-xdist) share the photo cache (content-addressed, written atomically) and the
    # build cache (records by content, state by output folder), but not the search bundle cache, which drops
    # old entries another worker may be copying: one each, kept between runs (pelicanconf.py reads it).
    worker = getattr(config, "workerinput", {}).get("workerid", "main")
    os.environ["ETALASE_SEARCH_CACHE"] = str(TEST_TMP / f"search-{worker}")


def pytest_unconfigure(config: pytest.Config) -> None:
    """Leave no temporary file of a finished run but pytest's own folders (failed tests' are kept)."""
    if not hasattr(config, "workerinput"):
        shutil.rmtree(OTHER_TMP, ignore_errors=True)


@pytest.fixture
def outside() -> Iterator[Path]:
    """A fresh folder outside the repository (in the system's temporary folder), removed afterwards."""
    folder = Path(tempfile.mkdtemp(prefix="etalase-outside-", dir=SYSTEM_TMP))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def image_cache(tmp_path_factory) -> Path:
    """One photo cache for the whole session, so each test root's photos are encoded once."""
    return tmp_path_factory.mktemp("image-cache")


@pytest.fixture
def build_site(tmp_path: Path, image_cache: Path) -> Callable[..., Path]:
    """Return ``build_site(root, tmp_path=None, **overrides)``: a real Pelican build of a test root.

    ``root`` is a folder name under tests/roots/ or a path; it holds
    ``catalogue_data/`` and may hold ``content/`` (else the project's is used).
    The site is written to ``<tmp_path>/output`` through the atomic build, with
    warnings fatal, as of :data:`TODAY`; Pelican settings can be overridden by keyword.
    """
    from etalase.build import build

    def run(root: str | Path, tmp_path: Path = tmp_path, **overrides) -> Path:
        root = ROOTS / root if isinstance(root, str) else Path(root)
        output = Path(overrides.pop("OUTPUT_PATH", tmp_path / "output"))
        settings = {
            "OUTPUT_PATH": str(output),
            "ETALASE_CATALOGUE": str(root / "catalogue_data"),
            "ETALASE_IMAGE_CACHE": str(image_cache),
            "ETALASE_IMAGE_WORKERS": 1,
            "ETALASE_TODAY": TODAY,
        }
        if (root / "content").is_dir():
            settings["PATH"] = str(root / "content")
        build(PROJECT / "pelicanconf.py", {**settings, **overrides})
        return output

    return run


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """pytest-playwright launches Debian's Chromium (``apt install chromium``), never a downloaded one."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run"],
    }
