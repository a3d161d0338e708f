"""The plugin's settings (``ETALASE_*``): defaults in one place, read into a typed object.

Pelican hands settings over as a plain dict; :func:`read_options` picks the
``ETALASE_*`` keys, fills in the defaults below and checks their types, so the
rest of the plugin works with :class:`Options`. Nothing here imports Pelican.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from .errors import BuildError

#: Where "today" is decided: every visitor, staff member and event of the catalogue is in Jakarta (WIB).
JAKARTA = ZoneInfo("Asia/Jakarta")

DEFAULTS: dict[str, object] = {
    # Folder of the staff records; relative paths are taken from the working folder.
    "ETALASE_CATALOGUE": "catalogue_data",
    # The day the site is built "as of" (date or ISO text); None: SOURCE_DATE_EPOCH, else the clock in Jakarta.
    "ETALASE_TODAY": None,
    # Number of one batch to preview alone (``invoke build --batch 9``); None builds everything.
    "ETALASE_BATCH": None,
    # Products per page of a listing.
    "ETALASE_PER_PAGE": 24,
    # Featured (unggulan) products shown on the home page.
    "ETALASE_FEATURED": 8,
    # Content-addressed cache of photo variants, kept outside the output folder.
    "ETALASE_IMAGE_CACHE": ".cache/images",
    # Photo widths the pipeline makes (px); the templates' ``sizes`` attributes assume these.
    "ETALASE_IMAGE_WIDTHS": (320, 480, 640, 960, 1280),
    # Worker processes for photo encoding; None uses every core.
    "ETALASE_IMAGE_WORKERS": None,
    # Cache of search bundles, keyed by the hash of the search records; None: "search" next to the image cache.
    "ETALASE_SEARCH_CACHE": None,
    # Cache of loaded staff files and the build state of each output folder; None: next to the image cache.
    "ETALASE_BUILD_CACHE": None,
    # Worker processes that render pages; None uses every core, 1 renders in the build process.
    "ETALASE_RENDER_WORKERS": None,
    # The live output folder when Pelican writes into a fresh staging folder (set by etalase.build); None: the
    # output folder itself. Unchanged pages already there are neither rendered nor written again.
    "ETALASE_PREVIOUS_OUTPUT": None,
    # A build for the public site (publishconf.py, ``etalase.build --publish``): records still holding the
    # scaffold's TODO texts or placeholder photos fail it instead of being noted.
    "ETALASE_PUBLISH": False,
}


@dataclass(frozen=True)
class Options:
    """The plugin's settings after defaults and checks."""

    catalogue: Path
    today: dt.date | None
    batch: int | None
    per_page: int
    featured: int
    image_cache: Path
    image_widths: tuple[int, ...]
    image_workers: int | None
    search_cache: Path | None = None
    build_cache: Path | None = None
    render_workers: int | None = None
    previous_output: Path | None = None
    publish: bool = False


def _date(value: object) -> dt.date | None:
    """Accept a date, an ISO date text or None."""
    if value is None or (isinstance(value, dt.date) and not isinstance(value, dt.datetime)):
        return value
    if isinstance(value, dt.datetime):
        return value.date()
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise BuildError(f"ETALASE_TODAY must be a date like 2023-11-06, not {value!r}") from None


def _positive(name: str, value: object, optional: bool = False) -> int | None:
    """Accept a positive whole number (or None when optional)."""
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int | str) or not str(value).isdigit() or int(value) < 1:
        raise BuildError(f"{name} must be a positive whole number, not {value!r}")
    return int(value)


def read_options(settings: Mapping[str, object]) -> Options:
    """Return the ``ETALASE_*`` settings with defaults filled in; raise BuildError on a bad value."""
    merged = {**DEFAULTS, **{k: v for k, v in settings.items() if k.startswith("ETALASE_")}}
    unknown = sorted(set(merged) - set(DEFAULTS))
    if unknown:
        raise BuildError(f"unknown setting(s): {', '.join(unknown)}; known: {', '.join(sorted(DEFAULTS))}")
    widths = tuple(_positive("ETALASE_IMAGE_WIDTHS", w) for w in merged["ETALASE_IMAGE_WIDTHS"])
    return Options(
        catalogue=Path(str(merged["ETALASE_CATALOGUE"])),
        today=_date(merged["ETALASE_TODAY"]),
        batch=_positive("ETALASE_BATCH", merged["ETALASE_BATCH"], optional=True),
        per_page=_positive("ETALASE_PER_PAGE", merged["ETALASE_PER_PAGE"]),
        featured=_positive("ETALASE_FEATURED", merged["ETALASE_FEATURED"]),
        image_cache=Path(str(merged["ETALASE_IMAGE_CACHE"])),
        image_widths=widths,
        image_workers=_positive("ETALASE_IMAGE_WORKERS", merged["ETALASE_IMAGE_WORKERS"], optional=True),
        search_cache=_beside_images(merged, "ETALASE_SEARCH_CACHE", "search"),
        build_cache=_beside_images(merged, "ETALASE_BUILD_CACHE", "build"),
        render_workers=_positive("ETALASE_RENDER_WORKERS", merged["ETALASE_RENDER_WORKERS"], optional=True),
        previous_output=Path(str(merged["ETALASE_PREVIOUS_OUTPUT"])) if merged["ETALASE_PREVIOUS_OUTPUT"] else None,
        publish=_flag("ETALASE_PUBLISH", merged["ETALASE_PUBLISH"]),
    )


def _flag(name: str, value: object) -> bool:
    """Accept True or False only (a string such as "False" would be true)."""
    if not isinstance(value, bool):
        raise BuildError(f"{name} must be True or False, not {value!r}")
    return value


def _beside_images(merged: Mapping[str, object], key: str, name: str) -> Path:
    """A cache folder setting, defaulting to ``name`` next to the image cache."""
    return Path(str(merged[key] or Path(str(merged["ETALASE_IMAGE_CACHE"])).parent / name))


@dataclass(frozen=True)
class Today:
    """The day the site is "as of", and where that day came from (``setting``, ``SOURCE_DATE_EPOCH``, ``clock``)."""

    date: dt.date
    source: str

    def describe(self) -> str:
        """``2023-11-09 (SOURCE_DATE_EPOCH)``: for build logs."""
        return f"{self.date.isoformat()} ({SOURCES[self.source]})"


#: How each source of "today" is named in logs.
SOURCES = {"setting": "ETALASE_TODAY", "option": "--today", "SOURCE_DATE_EPOCH": "SOURCE_DATE_EPOCH",
           "clock": "the clock in Asia/Jakarta"}


def utc_now() -> dt.datetime:
    """The clock: the current instant, timezone-aware."""
    return dt.datetime.now(dt.UTC)


def jakarta_date(instant: dt.datetime) -> dt.date:
    """The calendar day in Jakarta at ``instant`` (an aware datetime)."""
    return instant.astimezone(JAKARTA).date()


def resolve_today(configured: dt.date | None = None, environ: Mapping[str, str] = os.environ,
                  clock: Callable[[], dt.datetime] = utc_now) -> Today:
    """The one decision of "today": the setting, else SOURCE_DATE_EPOCH, else the clock; each read in Jakarta.

    Build, pages, cards, open data, search records, ``validate`` and the staff
    report all take their date from here, so they never disagree.
    """
    if configured is not None:
        return Today(configured, "setting")
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        if not epoch.isdigit():
            raise BuildError(f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {epoch!r}")
        return Today(jakarta_date(dt.datetime.fromtimestamp(int(epoch), tz=dt.UTC)), "SOURCE_DATE_EPOCH")
    return Today(jakarta_date(clock()), "clock")


def epoch_of(day: dt.date) -> int:
    """SOURCE_DATE_EPOCH for ``day``: its first second in Jakarta (what CI pins for a whole run)."""
    return int(dt.datetime.combine(day, dt.time(), JAKARTA).timestamp())
