"""Turn one spreadsheet cell into the text a staff member would have typed in YAML.

Spreadsheet programs guess types the way PyYAML does: ``0812…`` becomes the
number 812…, ``9120001234567`` may be shown (and saved to CSV) as
``9.12E+12``, ``15000`` comes back as ``15000.0``, a date as a date serial,
``ya`` as TRUE. Each guess is undone here where what was meant is certain, by
the kind of the column (:mod:`.columns`), or refused with a stable code when
it is not. The result is a string (or ``None`` for an empty cell) that the
record models then validate exactly as they validate YAML.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from ...data.messages import shown

#: Integers a double holds exactly; a bigger float has lost digits.
EXACT_FLOAT = 2**53
#: Day 0 of spreadsheet date serials (1900 date system, with Lotus's 29 February 1900 leap-day bug built in).
SERIAL_EPOCH = dt.date(1899, 12, 30)
MAX_SERIAL = 2958465  # 9999-12-31
_E_NOTATION = re.compile(r"^[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+$")
_FLOAT_ZEROS = re.compile(r"^(\d+)[.,]0{1,2}$")  # 15000.0 or 15000,00; never 15.000 (Indonesian thousands)
_SERIAL_TEXT = re.compile(r"^\d{5}(?:[.,]\d+)?$")
_DATETIME_TEXT = re.compile(r"^(\d{4}-\d{2}-\d{2})[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$")
_FORMULA_ERROR = re.compile(r"^#(?:N/A|VALUE!|REF!|DIV/0!|NUM!|NAME\?|NULL!|SPILL!|CALC!)$")
_TRUE, _FALSE = {"true", "benar"}, {"false", "salah"}
_NUMBERS = ("phone", "digits", "rupiah", "integer")


class CellProblem(Exception):
    """A cell whose value cannot be what staff meant; ``code`` is a stable error code."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code
        self.message = message


def cell_text(kind: str, value: object, number_format: str = "General") -> str | None:
    """Return the YAML text of a cell in a column of ``kind``, ``None`` when empty; raise :class:`CellProblem`."""
    if value is None:
        return None
    if isinstance(value, bool):  # before int: True is an int
        return _boolean(kind, value)
    if isinstance(value, (int, float)):
        return _number(kind, value, number_format)
    if isinstance(value, dt.datetime):
        return _moment(kind, value.date(), value.time())
    if isinstance(value, dt.date):
        return _moment(kind, value, dt.time())
    if isinstance(value, dt.time):
        raise CellProblem("X05", f"sel berisi jam {value.strftime('%H:%M')}, padahal kolom ini bukan jam")
    return _text(kind, str(value))


def _boolean(kind: str, value: bool) -> str:
    if kind != "yesno":
        raise CellProblem("X05", f"sel berisi nilai {'TRUE' if value else 'FALSE'} (ya/tidak), padahal kolom ini "
                                 "bukan pilihan ya/tidak")
    return "ya" if value else "tidak"


def _moment(kind: str, day: dt.date, time: dt.time) -> str:
    if kind != "date":
        shown_time = f" {time.strftime('%H:%M')}" if time != dt.time() else ""
        raise CellProblem("X05", f"sel berisi tanggal {day.isoformat()}{shown_time}, padahal kolom ini bukan tanggal")
    return day.isoformat()


def _from_serial(serial: float) -> str:
    if not 1 <= serial <= MAX_SERIAL:
        raise CellProblem("X05", f"angka {shown(_plain_number(serial))} bukan tanggal")
    return (SERIAL_EPOCH + dt.timedelta(days=int(serial))).isoformat()


def _plain_number(value: float | int) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < EXACT_FLOAT:
        return str(int(value))
    return str(value)


def _number(kind: str, value: float | int, number_format: str) -> str:
    if isinstance(value, float) and (not value.is_integer() or abs(value) >= EXACT_FLOAT):
        return _fraction(kind, value, number_format)
    number = int(value)
    if kind == "date":
        return _from_serial(number)
    if kind == "percent":
        return _percent(Decimal(number), number_format)
    text = str(number)
    if kind == "phone" and not text.startswith("62"):
        return "0" + text  # 0812… or 021… typed into a number cell loses its 0
    return text


def _fraction(kind: str, value: float, number_format: str) -> str:
    """A float with digits after the point, or too big to hold its digits."""
    if kind == "date":
        return _from_serial(value)
    if kind == "percent":
        return _percent(Decimal(repr(value)), number_format)
    if abs(value) >= EXACT_FLOAT and kind in _NUMBERS:  # only a float this big: an int keeps every digit
        raise CellProblem("X04", f"angka {shown(f'{value:.6g}')} terlalu panjang untuk disimpan spreadsheet sebagai "
                                 "angka; digit terakhirnya sudah hilang")
    if kind in ("phone", "digits"):
        raise CellProblem("X05", f"{shown(repr(value))} bukan nomor: ada angka di belakang koma")
    return repr(value)


def _percent(number: Decimal, number_format: str) -> str:
    if "%" in number_format:  # 42,5 % is stored as 0.425
        number *= 100
    text = format(number.normalize(), "f")
    return text.replace(".", ",")


def _text(kind: str, raw: str) -> str | None:
    text = raw.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return None
    if _FORMULA_ERROR.match(text):
        raise CellProblem("X05", f"sel berisi galat rumus {text}")
    # One-line values fold their spaces as the models do; Markdown keeps its lines.
    lines = [" ".join(text.split())] if kind != "markdown" else [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    if kind in _NUMBERS and _E_NOTATION.match(text):
        raise CellProblem("X04", f"{shown(text)} adalah angka yang disingkat spreadsheet (notasi E); digit aslinya "
                                 "sudah hilang")
    return _typed_text(kind, text)


def _typed_text(kind: str, text: str) -> str:
    """Undo what a spreadsheet program did to a value it saved as text (a CSV file)."""
    if kind in ("rupiah", "integer") and (match := _FLOAT_ZEROS.match(text)):
        return match.group(1)
    if kind == "phone" and text.isdigit() and not text.startswith(("0", "62")):
        return "0" + text
    if kind == "yesno":
        folded = text.casefold()
        return "ya" if folded in _TRUE else "tidak" if folded in _FALSE else text
    if kind == "date":
        if _SERIAL_TEXT.match(text):
            return _from_serial(float(text.replace(",", ".")))
        if match := _DATETIME_TEXT.match(text):
            return match.group(1)
    if kind == "choice":
        return text.casefold()
    return text
