"""Markdown to sanitised HTML and plain text: the one place where text typed by people becomes markup.

Staff Markdown (descriptions, summaries) may use paragraphs, emphasis, lists,
quotes and links; everything else is dropped by nh3 (``<script>`` and
``<style>`` with their content, other tags keeping their text). Links keep only
``http``, ``https`` and ``mailto`` targets and get ``rel="nofollow noopener ugc"``.
:func:`_trusted` is the only function that marks HTML safe for Jinja.

Each text is converted once per process (:func:`converted`, keyed by the text):
cmark-gfm (the C CommonMark parser GitHub uses, through ``cmarkgfm``) turns it
into HTML in about 0.01 ms, nh3 sanitises it in about 0.02 ms, and the plain
text (open data, feeds, search) and the one-line summaries (meta descriptions,
JSON-LD) are read off that sanitised HTML. Python-Markdown took 0.37 ms a
description, and the whole conversion with its summaries 0.6 ms, so texts used
to be cached between builds; now they are simply converted.
"""

from __future__ import annotations

import functools
import html as html_lib
import re
import textwrap
from dataclasses import dataclass

import cmarkgfm
import nh3
from cmarkgfm.cmark import Options
from markupsafe import Markup, escape

#: Tags staff Markdown may produce; headings are left out so pages keep their own outline.
STAFF_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "code"})
#: Content pages (content/*.md) may also structure themselves with sub-headings.
PAGE_TAGS = STAFF_TAGS | {"h2", "h3"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
STAFF_LINK_REL = "nofollow noopener ugc"
DROPPED_WITH_CONTENT = frozenset({"script", "style"})
#: cmark passes raw HTML through (nh3 decides what stays, so its text is kept as documented) and turns a
#: soft line break into a newline, as Python-Markdown did.
CMARK_OPTIONS = Options.CMARK_OPT_UNSAFE

# nh3 keeps a link whose target it refused, without href; such an anchor is unwrapped to its text.
_HREFLESS_LINK = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.DOTALL)
# Staff headings become plain paragraphs (before sanitising), so a page keeps one outline.
_HEADING_TAG = re.compile(r"<(/?)h[1-6]>")
# Paragraphs left empty once a refused tag is gone (``<img onerror=…>``).
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")
# Sanitised staff HTML split into tags and text, for the plain text.
_TAG_OR_TEXT = re.compile(r"(<[^>]*>)")
_ANY_TAG = re.compile(r"<[^>]*>")
_TAG_NAME = re.compile(r"</?([a-z0-9]+)")
# Tags whose start and end are paragraph breaks in plain text.
_BLOCKS = frozenset({"p", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "div", "pre", "hr", "tr"})
_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
#: Distinct texts kept per process: a 50,000-product catalogue has about as many descriptions.
CACHE_SIZE = 1 << 17


def _trusted(html: str) -> Markup:
    """Mark sanitised HTML as safe for templates; nothing else in the project does this."""
    return Markup(html)  # noqa: S704 - every caller passes nh3 output


@functools.cache
def _cleaner(tags: frozenset[str], link_rel: str | None) -> nh3.Cleaner:
    """One nh3 sanitiser per tag set and link ``rel``, built once per process (same rules as ``nh3.clean``)."""
    return nh3.Cleaner(
        tags=set(tags),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        url_schemes=set(URL_SCHEMES),
        link_rel=link_rel,
        strip_comments=True,
    )


def clean(html: str, tags: frozenset[str] = STAFF_TAGS, link_rel: str | None = STAFF_LINK_REL) -> Markup:
    """Sanitise an HTML fragment with nh3 and return it marked safe."""
    cleaned = _cleaner(frozenset(tags), link_rel).clean(html)
    unwrapped = _HREFLESS_LINK.sub(r"\1", cleaned)
    return _trusted(_EMPTY_PARAGRAPH.sub("", unwrapped).strip())


@dataclass(frozen=True)
class Converted:
    """One staff Markdown text, converted: sanitised HTML, plain text and the one line summaries start from."""

    html: Markup
    plain: str
    line: str


EMPTY = Converted(_trusted(""), "", "")


@functools.lru_cache(maxsize=CACHE_SIZE)
def converted(text: str | None) -> Converted:
    """Convert staff Markdown once per process: HTML (sanitised), plain text and one line of text."""
    if not text or not text.strip():
        return EMPTY
    html = sanitise(cmarkgfm.markdown_to_html(text, options=CMARK_OPTIONS))
    return Converted(_trusted(html), plain_of_html(html), " ".join(_trusted(html).striptags().split()))


def conversions() -> int:
    """How many distinct texts this process has converted so far (what a build did: before and after)."""
    return converted.cache_info().misses


def render_markdown(text: str | None) -> Markup:
    """Render staff Markdown to sanitised HTML; ``None`` or blank gives an empty string."""
    return converted(text).html


def untagged(html: str) -> Markup:
    """Rendered HTML without its tags, its text still escaped and its spacing kept: a ``<title>`` or meta
    description from a block that holds a marked fallback (``<span lang="id">``). Plain text is escaped first."""
    return _trusted(_ANY_TAG.sub("", str(html if isinstance(html, Markup) else escape(html))))


def in_language(html: Markup, lang: str) -> Markup:
    """Sanitised HTML in a block marked as written in ``lang`` (untranslated text on another edition's page)."""
    return _trusted(f'<div lang="{lang}">{html}</div>')


def plain_text(text: str | None) -> str:
    """The text of staff Markdown: paragraphs split by a blank line, list items by ``- ``, no markup."""
    return converted(text).plain


def sanitise(html: str) -> str:
    """What staff HTML becomes: headings as paragraphs, then nh3."""
    return str(clean(_HEADING_TAG.sub(r"<\1p>", html)))


def plain_of_html(html: str) -> str:
    """The text of sanitised HTML: blocks become blank lines, list items ``- `` lines, ``<br>`` a newline."""
    parts = []
    for index, piece in enumerate(_TAG_OR_TEXT.split(html)):
        if index % 2 == 0:
            parts.append(_SPACES.sub(" ", html_lib.unescape(piece)) if piece else "")
            continue
        name = _TAG_NAME.match(piece)
        tag = name.group(1) if name else ""
        if tag in _BLOCKS:
            parts.append("\n\n")
        elif tag == "li" and not piece.startswith("</"):
            parts.append("\n- ")
        elif tag == "br":
            parts.append("\n")
    lines = [" ".join(line.split()) for line in "".join(parts).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def clean_page(html: str | None) -> Markup:
    """Sanitise a content page that Pelican rendered from ``content/*.md``."""
    return clean(html or "", tags=PAGE_TAGS, link_rel=None)


@functools.lru_cache(maxsize=CACHE_SIZE)
def plain_summary(text: str | None, width: int = 155) -> str:
    """Staff Markdown as one line of plain text, shortened on a word boundary (meta descriptions)."""
    return shorten(converted(text).line, width)


def shorten(line: str, width: int) -> str:
    """A line of text cut to ``width`` characters on a word boundary, ending in ``…`` when cut.

    The same as ``textwrap.shorten(line, width, placeholder="…")`` for a line whose words are single-spaced:
    the longest run of whole words that leaves room for the ellipsis. Lines where textwrap would split a word
    (a hyphen, a first word longer than ``width``) go to textwrap itself.
    """
    if len(line) <= width:
        return line
    cut = line.rfind(" ", 0, width)  # the kept words end before a space, with one character left for "…"
    if cut > 0 and "-" not in line[: width + 1]:
        return line[:cut] + "…"
    return textwrap.shorten(line[: 2 * width + 16], width=width, placeholder="…")
