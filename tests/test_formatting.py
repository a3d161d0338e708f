"""Money, numbers and dates in Indonesian, through Babel: exact strings."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from etalase.data.models import Price
from etalase.site import formatting

NBSP = "\u00a0"


@pytest.mark.parametrize(("amount", "expected"), [(15000, "Rp 15.000"), (0, "Rp 0"), (1250000, "Rp 1.250.000")])
def test_rupiah_is_whole_with_dot_separators(amount, expected):
    assert formatting.rupiah(amount) == expected.replace(" ", NBSP)


@pytest.mark.parametrize(
    ("price", "expected"),
    [
        (Price(kind="tetap", low=15000), f"Rp{NBSP}15.000"),
        (Price(kind="rentang", low=75000, high=120000), f"Rp{NBSP}75.000–Rp{NBSP}120.000"),
        (Price(kind="permintaan"), "Harga atas permintaan"),
        (Price(kind="tetap", low=0), "Gratis"),
    ],
)
def test_price_kinds(price, expected):
    assert formatting.price(price) == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (dt.date(2023, 11, 6), dt.date(2023, 11, 9), "6–9 November 2023"),
        (dt.date(2023, 10, 30), dt.date(2023, 11, 2), "30 Oktober\u2009–\u20092 November 2023"),
        (dt.date(2023, 12, 30), dt.date(2024, 1, 2), "30 Desember 2023\u2009–\u20092 Januari 2024"),
        (dt.date(2023, 11, 6), dt.date(2023, 11, 6), "6 November 2023"),
    ],
)
def test_date_range_uses_cldr_intervals_with_full_month_names(start, end, expected):
    assert formatting.date_range(start, end) == expected


def test_date_is_day_month_year():
    assert formatting.date(dt.date(2023, 11, 5)) == "5 November 2023"
    assert formatting.iso_date(dt.date(2023, 11, 5)) == "2023-11-05"


@pytest.mark.parametrize(
    ("value", "expected"), [(Decimal("82.9"), "82,9 %"), (Decimal("42.50"), "42,5 %"), (Decimal("40.00"), "40 %")]
)
def test_percent_keeps_only_the_decimals_it_has(value, expected):
    assert formatting.percent(value) == expected.replace(" ", NBSP)


def test_large_sums_in_words():
    assert formatting.rupiah_compact(13_100_000_000_000) == f"Rp{NBSP}13,1 triliun"
    assert formatting.rupiah_compact(15_800_000_000_000) == f"Rp{NBSP}15,8 triliun"


def test_programme_figure_is_82_9_percent():
    from etalase.data.models import Figure

    figure = Figure.model_validate({
        "judul": "Realisasi", "realisasi": "13.100.000.000.000", "komitmen": "15.800.000.000.000",
        "per_tanggal": "2023-11-05", "sumber": "Dashboard Bigbox LKPP",
    })
    assert formatting.percent(figure.percent) == f"82,9{NBSP}%"


def test_number_uses_indonesian_separators():
    assert formatting.number(1250) == "1.250"
    assert formatting.number(Decimal("42.5")) == "42,5"
