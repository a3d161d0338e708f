"""Characters staff cannot see: control characters, zero-width and bidi marks, line separators.

They arrive through YAML escapes (``"\\x1b"``, ``"\\0"``, ``"\\u202E"``) or text
pasted from chat apps, word processors and web pages. Control characters are
errors (they mean nothing in a catalogue and may drive a terminal); zero-width,
bidi and line-separator characters are taken out of text with a warning, and
refused in values whose meaning they change (IDs, links, e-mail addresses,
Instagram accounts, file paths): :mod:`etalase.data.loader` decides which.

Pure: plain strings in, plain strings out.
"""

from __future__ import annotations

import re
import unicodedata

# C0 controls but tab and newline (a carriage return only comes from a `"\r"` escape: libyaml turns CRLF into
# LF), DEL and the C1 controls.
CONTROL_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Line and paragraph separators: libyaml counts them as line breaks, editors show none. Before parsing a raw
# one is swapped for a stand-in (a noncharacter nobody types) so the lines staff see and the parser's agree.
SEPARATORS = {"\u2028": "\ufdd0", "\u2029": "\ufdd1"}
FROM_STAND_IN = {stand_in: char for char, stand_in in SEPARATORS.items()}
# Invisible formatting characters: soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers,
# Khmer vowels, Mongolian selectors, zero-width space/non-joiner/joiner, LRM/RLM, bidi embeddings and
# overrides, word joiner and invisible operators, bidi isolates, deprecated format characters, BOM.
INVISIBLE = (
    "\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\u3164\ufeff\uffa0"
)
INVISIBLE_RE = re.compile(f"[{INVISIBLE}{''.join(SEPARATORS)}{''.join(FROM_STAND_IN)}]")
ZWJ = "\u200d"
# What an emoji sequence may hold around a zero-width joiner: variation selectors and skin tones.
_EMOJI_PARTS = frozenset("\ufe0e\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff")

C0_NAMES = ("NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
            "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US")
NAMES = {
    "\x7f": "DEL",
    "\x85": "NEL",
    "\u00ad": "tanda hubung lunak",
    "\u061c": "penanda huruf Arab",
    "\u200b": "spasi lebar-nol",
    "\u200c": "pemisah lebar-nol",
    "\u200d": "penyambung lebar-nol",
    "\u200e": "penanda arah kiri-ke-kanan",
    "\u200f": "penanda arah kanan-ke-kiri",
    "\u202a": "penanda arah teks",
    "\u202b": "penanda arah teks",
    "\u202c": "penanda arah teks",
    "\u202d": "pemaksa arah teks kiri-ke-kanan",
    "\u202e": "pembalik arah teks",
    "\u2060": "penyambung kata",
    "\u2066": "pengisolasi arah teks",
    "\u2067": "pengisolasi arah teks",
    "\u2068": "pengisolasi arah teks",
    "\u2069": "pengisolasi arah teks",
    "\u2028": "pemisah baris",
    "\u2029": "pemisah paragraf",
    "\ufeff": "tanda BOM",
}


def original(char: str) -> str:
    """The character staff typed: a stand-in put back as the separator it replaced."""
    return FROM_STAND_IN.get(char, char)


def describe(char: str) -> str:
    """``U+001B (ESC)``, ``U+200B (spasi lebar-nol)``: a character named the way staff read it."""
    code = ord(char)
    name = C0_NAMES[code] if code < 0x20 else NAMES.get(char)
    if name is None:
        name = "kontrol C1" if 0x80 <= code <= 0x9F else unicodedata.name(char, "bukan karakter teks").lower()
    return f"U+{code:04X} ({name})"


def stand_in_separators(text: str) -> str:
    """Swap each raw line or paragraph separator for its one-character stand-in (positions stay as they are)."""
    if "\u2028" not in text and "\u2029" not in text:
        return text
    return text.translate(str.maketrans(SEPARATORS))


def first_control(text: str) -> tuple[int, str] | None:
    """``(offset, char)`` of the first control character in ``text``, or None."""
    found = CONTROL_RE.search(text)
    return (found.start(), found.group()) if found else None


def _joins_emoji(text: str, at: int) -> bool:
    """Whether the zero-width joiner at ``at`` sits inside an emoji sequence (👩‍🍳): it is part of the picture."""
    before = at - 1
    while before >= 0 and text[before] in _EMOJI_PARTS:
        before -= 1
    after = at + 1
    return (before >= 0 and after < len(text) and unicodedata.category(text[before]) == "So"
            and unicodedata.category(text[after]) == "So")


def clean(text: str) -> tuple[str, list[tuple[int, str]]]:
    """Return ``text`` without invisible characters (separators become spaces) and ``(offset, char)`` of each."""
    found = [(m.start(), m.group()) for m in INVISIBLE_RE.finditer(text)
             if m.group() != ZWJ or not _joins_emoji(text, m.start())]
    if not found:
        return text, []
    out, last = [], 0
    for offset, char in found:
        out.append(text[last:offset])
        if original(char) in SEPARATORS:
            out.append(" ")
        last = offset + 1
    out.append(text[last:])
    return "".join(out), [(offset, original(char)) for offset, char in found]


def visible(text: str) -> str:
    """``text`` with every control and invisible character written as ``‹U+200B›``, for messages."""
    if text.isprintable():
        return text
    text = CONTROL_RE.sub(lambda m: f"‹U+{ord(m.group()):04X}›", text)
    return INVISIBLE_RE.sub(lambda m: f"‹U+{ord(original(m.group())):04X}›", text)
