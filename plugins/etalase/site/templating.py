"""What the theme's templates can call: filters for formatting and Markdown, globals for strings and URLs.

:func:`install` adds them to a Jinja environment and turns on what the house
style requires: autoescaping and strict undefined values (a typo in a
template fails the build instead of printing nothing). It also compiles the
UI strings into the templates (:class:`CompiledStrings`): ``{{ t.nav_home }}``
becomes the escaped text itself when a template is compiled, so no page looks
a string up. A second language is a second environment installed with its own
:class:`~etalase.site.strings.Strings`: one more set of compiled templates.
No Pelican here.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

import jinja2
from jinja2 import Environment, FileSystemBytecodeCache, StrictUndefined
from jinja2.ext import Extension
from jinja2.lexer import Token, TokenStream
from jinja2.runtime import Macro

from . import contact, editions, formatting, location, markup, urls
from .strings import STRINGS, Strings, T


def filters_for(strings: Strings = T, locale: str = formatting.LOCALE) -> dict[str, object]:
    """The formatting and Markdown filters of an edition: numbers, money and dates in ``locale``."""
    return {
        "rupiah": lambda amount: formatting.rupiah(amount, locale),
        "rupiah_compact": lambda amount: formatting.rupiah_compact(amount, locale),
        "price": lambda value: formatting.price(value, on_request=strings.price_on_request, free=strings.price_free,
                                                locale=locale),
        "number": lambda value: formatting.number(value, locale),
        "percent": lambda value: formatting.percent(value, locale),
        "date": lambda value: formatting.date(value, locale),
        "iso_date": formatting.iso_date,
        "markdown": render_markdown,
        "clean_page": markup.clean_page,
        "summary": markup.plain_summary,
        "phone": contact.display_phone,
        "plain": editions.plain,
        "untagged": markup.untagged,
    }


def render_markdown(text: str | None):
    """Staff Markdown as HTML; an untranslated text on an English page (a Fallback) is marked ``lang="id"``."""
    html = markup.render_markdown(text)
    return markup.in_language(html, "id") if isinstance(text, editions.Fallback) and html else html


def globals_for(strings: Strings = T, lang: str = editions.DEFAULT) -> dict[str, object]:
    """The globals of an edition's templates: its strings, URLs, date ranges and contact texts."""
    locale = editions.LOCALES[lang]
    return {
        "t": strings,
        "urls": urls if lang == editions.DEFAULT else editions.EditionUrls(lang),
        "lang": lang,
        "editions": editions,
        "untranslated": lambda text: isinstance(text, editions.Fallback),
        "date_range": lambda start, end: formatting.date_range(start, end, locale),
        "contact_links": functools.partial(contact.contact_links, strings=strings),
        "whatsapp_url": contact.whatsapp_url,
        "chat_message": functools.partial(contact.chat_message, strings=strings),
        "seller_chat_message": functools.partial(contact.seller_chat_message, strings=strings),
        "location_parts": location.location_parts,
    }


FILTERS = filters_for()
GLOBALS = globals_for()


#: Macro files whose macros every template calls by name (``product_grid(items)``), without importing them.
MACRO_FILES = ("macros/picture.html", "macros/cards.html", "macros/contacts.html", "macros/certificates.html",
               "macros/location.html", "macros/share.html", "macros/shortlist.html")
#: Macro files templates reach as a namespace (``paging.nav(pagination)``).
MACRO_MODULES = {"paging": "macros/pagination.html"}


def install_macros(env: Environment) -> None:
    """Make the theme's macros globals of ``env``, each macro file made into a module once per build.

    A ``{% from %}`` in a page costs about 25 µs a file (Jinja compares the
    page's globals with the module's on every import), so pages import
    nothing. Call it after the build's globals are set: a module sees the
    globals of the moment it is made.
    """
    made = {}
    for name in MACRO_FILES:
        module = env.get_template(name).module
        made.update((key, value) for key, value in vars(module).items() if isinstance(value, Macro))
    made.update((key, env.get_template(name).module) for key, name in MACRO_MODULES.items())
    env.globals.update(made)


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


class CompiledStrings(Extension):
    """``t.<key>`` in a template's expressions becomes the string itself when the template is compiled.

    Jinja then folds ``{{ t.key }}`` into the template's literal text (escaped, as
    autoescaping would at run time) and ``t.key.format(...)`` calls ``format`` on
    a constant. Only a name ``t`` followed by ``.`` and a known key is replaced;
    ``t[...]`` (keys made at run time) and unknown keys still go through the
    ``t`` global, so a typo still fails the build. The strings are the
    environment's ``ui_strings`` (:func:`install`).
    """

    def __init__(self, environment: Environment):
        super().__init__(environment)
        environment.extend(ui_strings=T)

    def filter_stream(self, stream: TokenStream):
        """The template's tokens with every ``t.<known string key>`` replaced by a string token.

        Keys whose value is not one string (a tuple of paragraphs, say) are
        left to the ``t`` global at render time.
        """
        strings = self.environment.ui_strings
        previous = None
        for token in stream:
            if (token.type == "name" and token.value == "t" and stream.current.type == "dot"
                    and (previous is None or previous.type != "dot")):
                key = stream.look()
                if key.type == "name" and isinstance(strings.get(key.value), str):
                    next(stream)
                    next(stream)
                    token = Token(token.lineno, "string", strings[key.value])
            previous = token
            yield token


class CompiledTemplates(FileSystemBytecodeCache):
    """Compiled templates kept between builds in ``directory`` (compiling the theme took 0.2-0.3 s of a cold build).

    Jinja finds a template's code by its name and the checksum of its source;
    the key here also holds what else goes into that code: the UI strings
    compiled in (:class:`CompiledStrings`), the environment's whitespace and
    escaping options, Jinja's version and this module's code. Files are
    written to a temporary name and renamed (Jinja's own cache), so parallel
    builds may share the folder.
    """

    def __init__(self, directory: Path, env: Environment):
        Path(directory).mkdir(parents=True, exist_ok=True)
        super().__init__(str(directory))
        shape = (sorted(env.ui_strings.items()), env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline,
                 env.autoescape, sorted(env.extensions), jinja2.__version__)
        self.salt = hashlib.sha256(repr(shape).encode() + Path(__file__).read_bytes()).hexdigest()

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        """Jinja's key of a template, salted with what else its compiled code depends on."""
        return hashlib.sha1(f"{self.salt}\0{super().get_cache_key(name, filename)}".encode()).hexdigest()  # noqa: S324


def install(env: Environment, strings: Strings = T, cache: Path | None = None, lang: str = editions.DEFAULT) -> None:
    """Add the project's filters and globals to ``env`` with ``strings`` compiled in; autoescape on, undefined
    values fatal; compiled templates kept in ``cache`` when given."""
    env.add_extension(CompiledStrings)
    env.ui_strings = strings
    env.autoescape = True
    env.undefined = StrictUndefined
    env.auto_reload = False  # templates do not change during a build; checking costs a stat per include
    env.filters.update(filters_for(strings, editions.LOCALES[lang]))
    env.globals.update(globals_for(strings, lang), memo=Memo(remember=False))
    if cache is not None:  # last: the key reads the options set above
        env.bytecode_cache = CompiledTemplates(cache, env)


def edition_env(env: Environment, lang: str, cache: Path | None = None) -> Environment:
    """A copy of ``env`` (same loader, options and globals) for the ``lang`` edition: its strings compiled in,
    its filters and globals, its own template cache (templates compiled with other strings are not shared)."""
    strings = STRINGS[lang]
    other = env.overlay(cache_size=400)
    other.globals, other.filters = dict(env.globals), dict(env.filters)
    other.bytecode_cache = None
    install(other, strings, cache, lang)
    return other
