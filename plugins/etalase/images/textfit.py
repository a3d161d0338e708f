"""Fit free text into boxes on a card: clean it, wrap it, and cut it with an ellipsis."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Collection

ELLIPSIS = "…"

Measure = Callable[[str], float]

#: Control, format (zero-width, bidi), surrogate, private-use and unassigned characters.
_INVISIBLE = frozenset({"Cc", "Cf", "Cs", "Co", "Cn"})


def clean_text(text: str, covered: Collection[int] = ()) -> str:
    """Return ``text`` in NFC on one line, without control characters or glyphs the font lacks."""
    text = unicodedata.normalize("NFC", text or "")
    kept = []
    for char in text:
        category = unicodedata.category(char)
        if char.isspace() or category in ("Zl", "Zp"):
            kept.append(" ")
        elif category not in _INVISIBLE and (not covered or ord(char) in covered):
            kept.append(char)
    return " ".join("".join(kept).split())


def ellipsize(text: str, measure: Measure, width: float) -> str:
    """Return ``text`` if it fits in ``width``, else its longest prefix that fits plus ``…``."""
    if measure(text) <= width:
        return text
    low, high = 0, len(text)
    while low < high:  # longest prefix such that prefix + "…" fits
        middle = (low + high + 1) // 2
        if measure(text[:middle].rstrip() + ELLIPSIS) <= width:
            low = middle
        else:
            high = middle - 1
    prefix = text[:low].rstrip()
    cut = prefix.rfind(" ")
    if cut > len(prefix) * 0.6:  # prefer a word boundary when it costs little
        prefix = prefix[:cut].rstrip(" ,;:-–—")
    return prefix + ELLIPSIS


def wrap(text: str, measure: Measure, width: float, max_lines: int) -> list[str]:
    """Return at most ``max_lines`` lines of ``text`` fitting ``width``; the last ends in ``…`` if cut."""
    lines = wrap_lines(text, measure, width)
    if len(lines) <= max_lines:
        return lines
    kept = lines[:max_lines]
    kept[-1] = ellipsize(f"{kept[-1]} {lines[max_lines]}", measure, width)
    if not kept[-1].endswith(ELLIPSIS):  # pragma: no cover - the next word never fits
        kept[-1] = ellipsize(kept[-1] + ELLIPSIS, measure, width)
    return kept


def wrap_lines(text: str, measure: Measure, width: float) -> list[str]:
    """Return every line of ``text`` wrapped greedily at spaces (long words broken anywhere)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}" if current else word
        if measure(candidate) <= width:
            current = candidate
            continue
        if current:
            lines.append(current)
        current = word
        while measure(current) > width:
            head = _longest_prefix(current, measure, width)
            lines.append(head)
            current = current[len(head) :]
    if current:
        lines.append(current)
    return lines


def _longest_prefix(word: str, measure: Measure, width: float) -> str:
    """Return the longest prefix of ``word`` (at least one character) that fits ``width``."""
    low, high = 1, len(word)
    while low < high:
        middle = (low + high + 1) // 2
        if measure(word[:middle]) <= width:
            low = middle
        else:
            high = middle - 1
    return word[:low]
