"""ETALASE_* settings: defaults, checks, and the build's "today" that never reads the clock."""

from __future__ import annotations

import datetime as dt

import pytest
from etalase.errors import BuildError
from etalase.settings import DEFAULTS, read_options, resolve_today

ENDS = [dt.date(2023, 10, 12), dt.date(2023, 11, 9)]


def test_defaults_fill_in_what_is_not_set():
    options = read_options({"SITENAME": "x"})
    assert options.per_page == DEFAULTS["ETALASE_PER_PAGE"] == 24
    assert options.today is None and options.batch is None


def test_values_are_checked():
    assert read_options({"ETALASE_TODAY": "2023-11-07", "ETALASE_BATCH": "9"}).batch == 9
    with pytest.raises(BuildError, match="ETALASE_PER_PAGE must be a positive whole number, not 0"):
        read_options({"ETALASE_PER_PAGE": 0})
    with pytest.raises(BuildError, match="ETALASE_TODAY must be a date like 2023-11-06, not 'besok'"):
        read_options({"ETALASE_TODAY": "besok"})
    with pytest.raises(BuildError, match="unknown setting\\(s\\): ETALASE_PERPAGE"):
        read_options({"ETALASE_PERPAGE": 10})


def test_today_is_the_setting_then_source_date_epoch_then_the_newest_batch_end():
    assert resolve_today(dt.date(2023, 1, 2), ENDS, {"SOURCE_DATE_EPOCH": "0"}) == dt.date(2023, 1, 2)
    assert resolve_today(None, ENDS, {"SOURCE_DATE_EPOCH": "1699228800"}) == dt.date(2023, 11, 6)
    assert resolve_today(None, ENDS, {}) == dt.date(2023, 11, 9)
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        resolve_today(None, ENDS, {"SOURCE_DATE_EPOCH": "kemarin"})
