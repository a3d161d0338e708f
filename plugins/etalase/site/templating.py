"""What the theme's templates can call: filters for formatting and Markdown, globals for strings and URLs.

:func:`install` adds them to a Jinja environment and turns on what the house
style requires: autoescaping and strict undefined values (a typo in a
template fails the build instead of printing nothing). No Pelican here.
"""

from __future__ import annotations

from jinja2 import Environment, StrictUndefined

from . import contact, formatting, location, markup, urls
from .strings import T

FILTERS = {
    "rupiah": formatting.rupiah,
    "rupiah_compact": formatting.rupiah_compact,
    "price": lambda value: formatting.price(value, on_request=T.price_on_request, free=T.price_free),
    "number": formatting.number,
    "percent": formatting.percent,
    "date": formatting.date,
    "iso_date": formatting.iso_date,
    "markdown": markup.render_markdown,
    "clean_page": markup.clean_page,
    "summary": markup.plain_summary,
    "phone": contact.display_phone,
}

GLOBALS = {
    "t": T,
    "urls": urls,
    "date_range": formatting.date_range,
    "contact_links": contact.contact_links,
    "whatsapp_url": contact.whatsapp_url,
    "chat_message": contact.chat_message,
    "seller_chat_message": contact.seller_chat_message,
    "location_parts": location.location_parts,
}


class Memo:
    """``memo(macro, item, *args)`` in templates: a macro's output for ``item`` rendered once per build.

    For macros whose output depends on their arguments and build-wide globals only
    (a product card on every listing it appears in). Keyed by the item's identity,
    so a new Memo is installed for every build; the default one does not remember.
    """

    def __init__(self, remember: bool = True):
        self.remember = remember
        self.seen: dict[tuple, object] = {}

    def __call__(self, macro, item, *args):
        """The macro's output for ``item`` and ``args``, from the memo when rendered before."""
        if not self.remember:
            return macro(item, *args)
        key = (macro.name, id(item), args)
        found = self.seen.get(key)
        if found is None:
            found = self.seen[key] = macro(item, *args)
        return found


def install(env: Environment) -> None:
    """Add the project's filters and globals to ``env``; autoescape on, undefined values fatal."""
    env.autoescape = True
    env.undefined = StrictUndefined
    env.auto_reload = False  # templates do not change during a build; checking costs a stat per include
    env.filters.update(FILTERS)
    env.globals.update(GLOBALS, memo=Memo(remember=False))
