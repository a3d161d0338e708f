"""Markdown to sanitised HTML: the one place where text typed by people becomes markup.

Staff Markdown (descriptions, summaries) may use paragraphs, emphasis, lists,
quotes and links; everything else is dropped by nh3 (``<script>`` and
``<style>`` with their content, other tags keeping their text). Links keep only
``http``, ``https`` and ``mailto`` targets and get ``rel="nofollow noopener ugc"``.
:func:`_trusted` is the only function that marks HTML safe for Jinja.
"""

from __future__ import annotations

import functools
import hashlib
import re
import textwrap

import markdown
import nh3
from markupsafe import Markup

#: Tags staff Markdown may produce; headings are left out so pages keep their own outline.
STAFF_TAGS = frozenset({"p", "br", "strong", "em", "b", "i", "ul", "ol", "li", "blockquote", "a", "code"})
#: Content pages (content/*.md) may also structure themselves with sub-headings.
PAGE_TAGS = STAFF_TAGS | {"h2", "h3"}
ATTRIBUTES = {"a": {"href", "title"}}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
STAFF_LINK_REL = "nofollow noopener ugc"
DROPPED_WITH_CONTENT = frozenset({"script", "style"})

# nh3 keeps a link whose target it refused, without href; such an anchor is unwrapped to its text.
_HREFLESS_LINK = re.compile(r"<a(?![^>]*\shref=)[^>]*>(.*?)</a>", re.DOTALL)
# Staff headings become plain paragraphs (before sanitising), so a page keeps one outline.
_HEADING_TAG = re.compile(r"<(/?)h[1-6]>")
# Paragraphs left empty once a refused tag is gone (``<img onerror=…>``).
_EMPTY_PARAGRAPH = re.compile(r"<p>\s*</p>\n?")


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


#: Texts rendered in this process since start (a cache hit does not count); benchmarks and tests read it.
RENDERED = {"markdown": 0}
#: Distinct texts kept per process; a 50,000-product catalogue has about as many descriptions.
CACHE_SIZE = 1 << 17


@functools.cache
def _converter() -> markdown.Markdown:
    """One Markdown instance per process, reset before each text (building one costs more than converting)."""
    return markdown.Markdown(output_format="html", extensions=["sane_lists"])


#: Sanitised HTML by the SHA-1 of its Markdown; :mod:`etalase.markdowncache` keeps it between builds.
STORE: dict[str, str] = {}


def text_key(text: str) -> str:
    """The key of a text in :data:`STORE`."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()  # noqa: S324 - a cache key


@functools.lru_cache(maxsize=CACHE_SIZE)
def render_markdown(text: str | None) -> Markup:
    """Render staff Markdown to sanitised HTML; ``None`` or blank gives an empty string (cached by text)."""
    if not text or not text.strip():
        return _trusted("")
    key = text_key(text)
    html = STORE.get(key)
    if html is None:
        html = STORE[key] = convert(text)
    return _trusted(html)  # STORE holds only what convert() returned: nh3 output


def convert(text: str) -> str:
    """Markdown to sanitised HTML, uncached (counted in :data:`RENDERED`)."""
    RENDERED["markdown"] += 1
    return sanitise(markdown_html(text))


def markdown_html(text: str) -> str:
    """Python-Markdown's HTML of a text, not sanitised yet (never shown as it is)."""
    return _converter().reset().convert(text)


def sanitise(html: str) -> str:
    """What :func:`convert` makes of Python-Markdown's HTML: headings as paragraphs, then nh3."""
    return str(clean(_HEADING_TAG.sub(r"<\1p>", html)))


def clean_page(html: str | None) -> Markup:
    """Sanitise a content page that Pelican rendered from ``content/*.md``."""
    return clean(html or "", tags=PAGE_TAGS, link_rel=None)


#: The widths :func:`plain_summary` was asked for in this process (their results are kept in :data:`STORE`).
SUMMARY_WIDTHS: set[int] = set()
#: Widths whose summaries :mod:`etalase.markdowncache` computes with the HTML, on all cores, and keeps:
#: the page templates' meta descriptions (``summary(120)``, ``summary``) and structured data
#: (``etalase.social.structured.DESCRIPTION_CHARS``). A build that adds no text then adds no entry.
STORED_WIDTHS = (120, 155, 1000)


def summary_key(text: str, width: int) -> str:
    """The key of a text's summary at ``width`` in :data:`STORE`."""
    return f"s{width}:{text_key(text)}"


@functools.lru_cache(maxsize=CACHE_SIZE)
def plain_summary(text: str | None, width: int = 155) -> str:
    """Staff Markdown as one line of plain text, shortened on a word boundary (meta descriptions)."""
    if not text:
        return ""
    SUMMARY_WIDTHS.add(width)
    key = summary_key(text, width)
    found = STORE.get(key)
    if found is None:
        found = STORE[key] = shorten(summary_line(render_markdown(text)), width)
    return found


def summary_line(html: str) -> str:
    """The text of sanitised HTML on one line: tags dropped, entities decoded, white space collapsed."""
    return " ".join(_trusted(html).striptags().split())


def shorten(line: str, width: int) -> str:
    """A :func:`summary_line` cut to ``width`` characters on a word boundary, ending in an ellipsis when cut."""
    if len(line) <= width:  # what textwrap.shorten returns for a text that fits, without its ~1 ms of chunking
        return line
    # textwrap.shorten only looks at the first line's worth of words: give it a prefix (same result, 3x faster).
    return textwrap.shorten(line[: 2 * width + 16], width=width, placeholder="…")
