"""ETALASE_* settings: defaults, checks, and the one "today" of a build: setting, SOURCE_DATE_EPOCH, clock."""

from __future__ import annotations

import datetime as dt

import pytest
from etalase.errors import BuildError
from etalase.settings import DEFAULTS, Today, epoch_of, read_options, resolve_today

WIB = dt.timezone(dt.timedelta(hours=7))


def test_defaults_fill_in_what_is_not_set():
    options = read_options({"SITENAME": "x"})
    assert options.per_page == DEFAULTS["ETALASE_PER_PAGE"] == 24
    assert options.today is None and options.batch is None and options.publish is False


def test_values_are_checked():
    assert read_options({"ETALASE_TODAY": "2023-11-07", "ETALASE_BATCH": "9"}).batch == 9
    with pytest.raises(BuildError, match="ETALASE_PER_PAGE must be a positive whole number, not 0"):
        read_options({"ETALASE_PER_PAGE": 0})
    with pytest.raises(BuildError, match="ETALASE_TODAY must be a date like 2023-11-06, not 'besok'"):
        read_options({"ETALASE_TODAY": "besok"})
    with pytest.raises(BuildError, match="unknown setting\\(s\\): ETALASE_PERPAGE"):
        read_options({"ETALASE_PERPAGE": 10})
    with pytest.raises(BuildError, match="ETALASE_PUBLISH must be True or False, not 'False'"):
        read_options({"ETALASE_PUBLISH": "False"})


def clock(*when: int, tz: dt.tzinfo = dt.UTC):
    """A clock stopped at ``when`` (year, month, day, hour, minute) in ``tz``."""
    return lambda: dt.datetime(*when, tzinfo=tz)


def test_the_setting_comes_first():
    today = resolve_today(dt.date(2023, 1, 2), {"SOURCE_DATE_EPOCH": "0"}, clock(2030, 1, 1))
    assert today == Today(dt.date(2023, 1, 2), "setting")


def test_then_source_date_epoch_read_as_a_day_in_jakarta():
    assert resolve_today(None, {"SOURCE_DATE_EPOCH": "1699228800"}, clock(2030, 1, 1)) == Today(
        dt.date(2023, 11, 6), "SOURCE_DATE_EPOCH")  # 2023-11-06 00:00 UTC is 07:00 in Jakarta
    # 2023-11-14 22:13 UTC is already 15 November in Jakarta
    assert resolve_today(None, {"SOURCE_DATE_EPOCH": "1700000000"}).date == dt.date(2023, 11, 15)
    with pytest.raises(BuildError, match="SOURCE_DATE_EPOCH must be whole seconds"):
        resolve_today(None, {"SOURCE_DATE_EPOCH": "kemarin"})


@pytest.mark.parametrize(
    ("instant", "day"),
    [
        ((2023, 11, 8, 16, 59), dt.date(2023, 11, 8)),  # 23:59 WIB
        ((2023, 11, 8, 17, 0), dt.date(2023, 11, 9)),  # midnight in Jakarta, still the 8th in UTC
        ((2023, 11, 9, 12, 0), dt.date(2023, 11, 9)),
    ],
)
def test_else_the_clock_as_a_day_in_jakarta(instant, day):
    assert resolve_today(None, {}, clock(*instant)) == Today(day, "clock")
    assert resolve_today(None, {"SOURCE_DATE_EPOCH": " "}, clock(*instant)).source == "clock"  # blank is unset


def test_the_default_clock_is_the_real_one_in_jakarta():
    before = dt.datetime.now(WIB).date()
    today = resolve_today(None, {})
    after = dt.datetime.now(WIB).date()
    assert today.source == "clock" and today.date in {before, after}


def test_ci_pins_a_day_as_its_first_second_in_jakarta():
    epoch = epoch_of(dt.date(2023, 11, 9))
    assert dt.datetime.fromtimestamp(epoch, WIB) == dt.datetime(2023, 11, 9, tzinfo=WIB)
    assert resolve_today(None, {"SOURCE_DATE_EPOCH": str(epoch)}).date == dt.date(2023, 11, 9)
    assert resolve_today(None, {"SOURCE_DATE_EPOCH": str(epoch - 1)}).date == dt.date(2023, 11, 8)
