"""Field types: what each accepts, what it turns the text into, and the code it raises."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from etalase.data import fieldtypes as ft
from pydantic_core import PydanticCustomError


def code_of(check, value) -> str:
    with pytest.raises(PydanticCustomError) as caught:
        check(value)
    return caught.value.type


@pytest.mark.parametrize(
    ("check", "typed", "result"),
    [
        (ft.parse_yes_no, "ya", True),
        (ft.parse_yes_no, " Tidak ", False),
        (ft.parse_integer, "15.000", 15000),
        (ft.parse_integer, "007", 7),
        (ft.parse_rupiah, "Rp 1.250.000,00", 1250000),
        (ft.parse_rupiah, "RP.15000", 15000),
        (ft.parse_percent, "45,5 %", Decimal("45.50")),
        (ft.parse_percent, "100", Decimal("100.00")),
        (ft.parse_date, "2024-02-29", dt.date(2024, 2, 29)),
        (ft.check_url, "https://contoh.id/a?b=c", "https://contoh.id/a?b=c"),
        (ft.check_url, "HTTP://contoh.id", "HTTP://contoh.id"),
        (ft.normalise_phone, "021-5551234", "+62215551234"),
        (ft.normalise_phone, "(021) 555 1234", "+62215551234"),
        (ft.normalise_phone, "62 812 3456 7890", "+6281234567890"),
        (ft.check_email, "Info@Contoh.ID", "info@contoh.id"),
        (ft.check_instagram, "@kopi.kita_", "kopi.kita_"),
        (ft.check_slug, "kopi-gayo-250g", "kopi-gayo-250g"),
        (ft.plain_text, "  Kopi\n  Gayo ", "Kopi Gayo"),
        (ft.markdown_text, "  *Kopi*\n\nGayo  ", "*Kopi*\n\nGayo"),
    ],
)
def test_accepted(check, typed: str, result) -> None:
    assert check(typed) == result


@pytest.mark.parametrize(
    ("check", "typed", "code"),
    [
        (ft.parse_yes_no, "true", "F04"),
        (ft.parse_yes_no, "y", "F04"),
        (ft.parse_integer, "1,5", "F03"),
        (ft.parse_integer, "15.00", "F03"),
        (ft.parse_integer, "-3", "F03"),
        (ft.parse_rupiah, "15.000,50", "F05"),
        (ft.parse_rupiah, "$15", "F05"),
        (ft.parse_percent, "-1", "F06"),
        (ft.parse_percent, "Infinity", "F06"),
        (ft.parse_percent, "100,01", "F06"),
        (ft.parse_date, "2023-13-01", "F07"),
        (ft.parse_date, "6 Nov 2023", "F07"),
        (ft.check_url, "mailto:a@b.id", "L01"),
        (ft.check_url, "https://localhost/", "L01"),
        (ft.normalise_phone, "+1 555 1234 567", "F08"),
        (ft.normalise_phone, "0812", "F08"),
        (ft.check_email, "a@b", "F10"),
        (ft.check_instagram, "https://instagram.com/kopi", "F11"),
        (ft.check_slug, "kopi_gayo", "R04"),
        (ft.check_slug, "a" * 81, "R04"),
        (ft.check_slug, "-kopi", "R04"),
        (ft.check_slug, "sitemap", "R06"),
        (ft.check_slug, " ", "R05"),
        (ft.plain_text, None, "F12"),
        (ft.plain_text, ["a"], "F02"),
        (ft.plain_text, {"a": "b"}, "F02"),
    ],
)
def test_refused(check, typed, code: str) -> None:
    assert code_of(check, typed) == code


def test_mobile_numbers_only_for_whatsapp() -> None:
    assert ft.check_mobile("+6281234567890") == "+6281234567890"
    assert code_of(ft.check_mobile, "+62215551234") == "F09"


@pytest.mark.parametrize(
    ("check", "good", "bad"),
    [
        (ft.digits_pattern("F13", "NIB", r"\d{13}"), "912 000 123 4567", "912000123456"),
        (ft.digits_pattern("F13", "Nomor PIRT", r"\d{13}-\d{2}|\d{15}"), "2063174010123-25", "2063174010123"),
    ],
)
def test_official_numbers(check, good: str, bad: str) -> None:
    assert check(good) == good.replace(" ", "")
    assert code_of(check, bad) == "F13"


def test_long_values_are_cut_in_messages() -> None:
    with pytest.raises(PydanticCustomError) as caught:
        ft.parse_integer("x" * 500)
    assert caught.value.message() == "'" + "x" * 59 + "…' bukan bilangan bulat"


def test_suggested_slug() -> None:
    assert ft.suggest_slug("Kopi Gayo (250 g)") == "kopi-gayo-250-g"
    assert ft.suggest_slug("!!!") == ""


@pytest.mark.parametrize(
    "number", ["MD224510001234", "ML 2245 1000 1234", "NA18191200123", "TR123456789", "SD123456789"])
def test_bpom_accepts_every_registration_kind(number: str) -> None:
    check = ft.digits_pattern("F13", "Nomor BPOM", ft.BPOM_PATTERN)
    assert check(number) == number.replace(" ", "")


@pytest.mark.parametrize("number", ["MD1234", "NA1819120012", "TR12345678", "XX123456789", "NF18191200123"])
def test_bpom_refuses_malformed_numbers(number: str) -> None:
    assert code_of(ft.digits_pattern("F13", "Nomor BPOM", ft.BPOM_PATTERN), number) == "F13"
