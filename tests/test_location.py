"""An address names its kecamatan and city once (etalase.site.location)."""

from __future__ import annotations

import pytest
from etalase.site.location import Place, location_parts


def shown(parts: list[Place]) -> str:
    """The location as a visitor reads it, the city part in brackets (it is a link)."""
    return ", ".join(f"[{p.text}]" if p.city else p.text for p in parts)


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("Jl. Contoh Raya No. 1", "Jl. Contoh Raya No. 1, Jatinegara, [Jakarta Timur]"),
        ("Jl. Contoh Raya No. 1, Jatinegara", "Jl. Contoh Raya No. 1, Jatinegara, [Jakarta Timur]"),
        ("Jl. Contoh Raya No. 1, jatinegara ", "Jl. Contoh Raya No. 1, jatinegara, [Jakarta Timur]"),
        ("Jl. Contoh Raya No. 1, Kec. Jatinegara", "Jl. Contoh Raya No. 1, Kec. Jatinegara, [Jakarta Timur]"),
        ("Jl. Contoh No. 1, Jatinegara, Jakarta Timur", "Jl. Contoh No. 1, Jatinegara, [Jakarta Timur]"),
        ("Jl. Contoh No. 1, Kecamatan Jatinegara, Kota Administrasi Jakarta Timur 13310",
         "Jl. Contoh No. 1, Kecamatan Jatinegara, [Kota Administrasi Jakarta Timur 13310]"),
        ("Jl. Contoh No. 1, Jakarta Timur", "Jl. Contoh No. 1, [Jakarta Timur], Jatinegara"),
        # A street named after the kecamatan does not name the kecamatan.
        ("Jl. Raya Jatinegara No. 5", "Jl. Raya Jatinegara No. 5, Jatinegara, [Jakarta Timur]"),
        ("Jl. Contoh No. 1, DKI Jakarta", "Jl. Contoh No. 1, DKI Jakarta, Jatinegara, [Jakarta Timur]"),
        (None, "Jatinegara, [Jakarta Timur]"),
        ("", "Jatinegara, [Jakarta Timur]"),
    ],
)
def test_the_kecamatan_and_the_city_are_appended_only_when_the_address_lacks_them(address, expected):
    assert shown(location_parts(address, "Jatinegara", "Jakarta Timur")) == expected


def test_a_venue_without_kecamatan_or_city_keeps_its_address():
    assert shown(location_parts("Jl. Medan Merdeka Selatan No. 8-9, Gambir", None, "Jakarta Pusat")) == (
        "Jl. Medan Merdeka Selatan No. 8-9, Gambir, [Jakarta Pusat]")
    assert shown(location_parts("Jl. Medan Merdeka Selatan No. 8-9", None, None)) == "Jl. Medan Merdeka Selatan No. 8-9"
