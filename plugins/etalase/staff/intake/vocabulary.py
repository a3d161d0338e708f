"""The IDs of categories, cities and kecamatan in catalogue_data/kosakata/, and the IDs their names stand for.

A vocabulary cell may hold the ID (what the template's drop-downs offer) or
the name staff read on the site (``Jakarta Timur``); the sheet reader turns a
name into its ID, and leaves anything else for the checks to refuse.
"""

from __future__ import annotations

from ...data.loader import LoadResult
from ...data.models import Categories, Regions
from .columns import Column


class Vocabulary:
    """IDs of categories, cities and districts, and the IDs their names stand for."""

    def __init__(self, result: LoadResult):
        self.names: dict[str, dict[str, str]] = {"kategori": {}, "kota": {}, "kecamatan": {}}
        categories, regions = result.single(Categories), result.single(Regions)
        for item in categories.categories if categories else ():
            self._add("kategori", item.id, item.name)
        for city in regions.cities if regions else ():
            self._add("kota", city.id, city.name)
            for district in city.districts:
                self._add("kecamatan", district.id, district.name)

    def _add(self, kind: str, item_id: str, name: str) -> None:
        self.names[kind][item_id] = item_id
        self.names[kind].setdefault(" ".join(name.split()).casefold(), item_id)

    def id_of(self, column: Column, text: str | None) -> str | None:
        """The ID a vocabulary cell means: the ID itself, or the ID of the name typed."""
        if text is None or column.vocabulary is None:
            return text
        return self.names[column.vocabulary].get(" ".join(text.split()).casefold(), text)
