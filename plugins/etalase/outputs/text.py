"""Plain text from staff Markdown, for calendars, feeds and open data."""

from __future__ import annotations

import re
from functools import lru_cache
from html.parser import HTMLParser

import markdown

from ..markup import STORE, text_key

BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "tr", "hr"})
SKIPPED = frozenset({"script", "style"})
# Characters XML 1.0 cannot hold and no text format should carry (all C0 controls but tab and newline).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


class _TextCollector(HTMLParser):
    """Collects the text of rendered HTML, turning blocks into blank lines and items into dashes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag in SKIPPED:
            self.skipping += 1
        elif tag in BLOCKS:
            self.parts.append("\n\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED:
            self.skipping = max(0, self.skipping - 1)
        elif tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(re.sub(r"\s+", " ", data))


def clean(text: str) -> str:
    """Drop control characters (keeping newlines and tabs) that XML and spreadsheets choke on."""
    return CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# One converter, reset for each text: building a Markdown instance costs as much as converting.
_CONVERTER = markdown.Markdown(extensions=["sane_lists"])
# Text with none of these is plain prose to Markdown too: inline syntax, entities, escapes, or a
# tab, or a line that starts a list, quote or code block, is a rule or heading underline, or ends in a hard break.
MARKUP_RE = re.compile(r"[*_`\[\]<>&#\\!|~\t]|^ |^(?:\d+[.)]|[-+=])(?: |$)|^(?:- *)+$|^=+ *$|  $", re.MULTILINE)


def _tidy(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _prose(text: str) -> str:
    """The text of Markdown without markup: paragraphs joined into single lines."""
    paragraphs = re.split(r"\n[ \t]*\n", text)
    return _tidy("\n\n".join(" ".join(p.split()) for p in paragraphs))


def rendered_text(source: str, html: str | None = None) -> str:
    """Render Markdown with Python-Markdown and collect the text of the HTML.

    ``html``: Python-Markdown's HTML of ``source`` when the caller has it already (HTML or XHTML output:
    the text is the same).
    """
    collector = _TextCollector()
    collector.feed(_CONVERTER.reset().convert(source) if html is None else html)
    collector.close()
    return _tidy("".join(collector.parts))


def plain_of(source: str, html: str | None = None) -> str:
    """:func:`plain_text` without the stores; ``html`` as in :func:`rendered_text`, for a source that is clean."""
    cleaned = clean(source)
    if not MARKUP_RE.search(cleaned):
        return _prose(cleaned)
    return rendered_text(cleaned, html if cleaned == source else None)


@lru_cache(maxsize=16384)
def plain_text(source: str) -> str:
    """Render Markdown and return its text: paragraphs split by a blank line, list items by ``- ``."""
    key = plain_key(source)  # kept between builds with the sanitised HTML (etalase.markdowncache)
    text = STORE.get(key)
    if text is None:
        text = STORE[key] = plain_of(source)
    return text


def plain_key(source: str) -> str:
    """The key of a source's plain text in :data:`etalase.markup.STORE`."""
    return "plain:" + text_key(source)
