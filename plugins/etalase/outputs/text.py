"""Plain text from staff Markdown, for calendars, feeds and open data."""

from __future__ import annotations

import re

from ..site import markup

# Characters XML 1.0 cannot hold and no text format should carry (all C0 controls but tab and newline).
CONTROL_RE = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean(text: str) -> str:
    """Drop control characters (keeping newlines and tabs) that XML and spreadsheets choke on."""
    return CONTROL_RE.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def plain_text(source: str) -> str:
    """Render Markdown and return its text: paragraphs split by a blank line, list items by ``- ``."""
    return markup.plain_text(clean(source))
