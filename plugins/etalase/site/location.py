"""An address as the site shows it: the staff's street address, then the kecamatan and the city only if missing.

Staff often end an address with its kecamatan (``Jl. Contoh Raya No. 1, Jatinegara``),
and the record names the kecamatan and city again, so appending both blindly prints
``Jatinegara, Jatinegara``. :func:`location_parts` splits the address at its commas and
appends the kecamatan and the city only when no part already names them; the part that
names the city is marked so the template can link it to the city page. Pure, no Pelican.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: What may stand before a place name in an address part ("Kec. Menteng", "Kota Administrasi Jakarta Timur").
_PREFIX = re.compile(r"^(?:kecamatan|kec\.?|kabupaten administrasi|kab\.? adm\.?|kabupaten|kab\.?|"
                     r"kota administrasi|kota adm\.?|kota|dki)\s+")
#: What may stand after it: a postcode ("Jakarta Pusat 10310").
_POSTCODE = re.compile(r"\s+\d{5}$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Place:
    """One comma-separated part of a shown location; ``city`` marks the part that names the city."""

    text: str
    city: bool = False


def _key(text: str) -> str:
    """A place name as compared: case and spacing ignored, administrative prefix and postcode removed."""
    key = _SPACES.sub(" ", text).strip().rstrip(".").casefold()
    key = _POSTCODE.sub("", key)
    while (shorter := _PREFIX.sub("", key, count=1)) != key:
        key = shorter
    return key


def location_parts(address: str | None, district: str | None, city: str | None) -> list[Place]:
    """The parts of ``address``, then ``district`` and ``city`` unless a part of the address already names them."""
    parts = [Place(part.strip()) for part in (address or "").split(",") if part.strip()]
    keys = [_key(part.text) for part in parts]
    if district and _key(district) not in keys:
        parts.append(Place(district))
        keys.append(_key(district))
    if city:
        if _key(city) in keys:
            at = keys.index(_key(city))
            parts[at] = Place(parts[at].text, city=True)
        else:
            parts.append(Place(city, city=True))
    return parts
