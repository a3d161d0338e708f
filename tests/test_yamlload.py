"""The strict YAML loader: strings only, marks for every key, problems instead of guesses."""

from __future__ import annotations

import pytest
from etalase.data import yamlload
from etalase.data.yamlload import Mark, YamlLoadError, load_yaml


def problems(text: str | bytes) -> list[tuple[str, int, int, dict]]:
    """Return ``(code, line, column, params)`` for every problem, fatal or not."""
    raw = text.encode() if isinstance(text, str) else text
    try:
        found = load_yaml(raw).problems
    except YamlLoadError as exc:
        found = exc.problems
    return [(p.code, p.mark.line, p.mark.column, p.params) for p in found]


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("NO", "NO"), ("yes", "yes"), ("on", "on"), ("0215551234", "0215551234"), ("10:30", "10:30"),
     ("1e3", "1e3"), (".inf", ".inf"), ("0x1F", "0x1F"), ("2023-11-06", "2023-11-06"), ("15.000", "15.000"),
     ("'quoted'", "quoted"), ('"~"', "~")],
)
def test_every_scalar_stays_a_string(typed: str, kept: str) -> None:
    assert load_yaml(f"a: {typed}\n".encode()).data == {"a": kept}


@pytest.mark.parametrize("typed", ["", "~", "null", "Null", "NULL"])
def test_empty_values_are_none(typed: str) -> None:
    assert load_yaml(f"a: {typed}\n".encode()).data == {"a": None}


def test_marks_point_at_keys_and_items() -> None:
    doc = load_yaml(b"nama: Kopi\nproduk:\n  - id: a\n    foto:\n      - berkas: x.jpg\n")
    assert doc.mark_of(("nama",)) == Mark(1, 1)
    assert doc.mark_of(("produk", 0)) == Mark(3, 5)
    assert doc.mark_of(("produk", 0, "foto", 0, "berkas")) == Mark(5, 9)
    assert doc.mark_of(("produk", 0, "harga")) == Mark(3, 5)  # missing key: its mapping
    assert doc.mark_of(()) == Mark(1, 1)


def test_text_is_nfc_normalised() -> None:
    assert load_yaml("a: Cafe\u0301\n".encode()).data == {"a": "Caf\u00e9"}


def test_bom_at_start_is_dropped() -> None:
    assert load_yaml(b"\xef\xbb\xbfa: b\n").data == {"a": "b"}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a: b\nc: \xff\n", [("Y01", 2, 4, {"byte": "FF"})]),
        ("a: b\nc: d\ufeff\n".encode(), [("Y02", 2, 5, {})]),
        (b"a: b\x00\n", [("Y11", 1, 5, {"char": "U+0000 (NUL)"})]),
        (b"a: \x1b[31m\n", [("Y11", 1, 4, {"char": "U+001B (ESC)"})]),
        ("a: b\nc: x\x85y\n".encode(), [("Y11", 2, 5, {"char": "U+0085 (NEL)"})]),
        (b"a: " + b"x" * yamlload.MAX_FILE_BYTES, [("Y08", 1, 1, {"size": 1_000_003, "limit": 1_000_000})]),
    ],
)
def test_unreadable_bytes_are_fatal(raw: bytes, expected: list) -> None:
    with pytest.raises(YamlLoadError):
        load_yaml(raw)
    assert problems(raw) == expected


def test_non_fatal_problems_keep_the_data() -> None:
    doc = load_yaml(b"a: &x 1\nb: *x\nc: !!int 2\na: 3\n? [k]\n: v\n")
    assert doc.data == {"a": "1", "b": None, "c": "2"}
    assert [(p.code, p.mark.line, p.mark.column, p.params) for p in doc.problems] == [
        ("Y04", 1, 4, {"anchor": "&x"}),
        ("Y04", 2, 4, {"anchor": "*x"}),
        ("Y05", 3, 4, {"tag": "!!int"}),
        ("Y03", 4, 1, {"key": "a", "first_line": 1}),
        ("Y06", 5, 3, {}),
    ]
    assert doc.explained(("b",)) and doc.explained(("b", "deeper")) and not doc.explained(("a",))


def test_second_document_is_reported_and_first_kept() -> None:
    doc = load_yaml(b"a: 1\n---\nb: 2\n")
    assert doc.data == {"a": "1"}
    assert [(p.code, p.mark.line) for p in doc.problems] == [("Y07", 2)]


def test_deep_nesting_is_cut() -> None:
    doc = load_yaml(("a: " + "[" * 20 + "]" * 20 + "\n").encode())
    assert [(p.code, p.params) for p in doc.problems] == [("Y09", {"limit": yamlload.MAX_DEPTH})]
    assert len(doc.dropped) == 1


@pytest.mark.parametrize(
    ("text", "line", "column", "problem"),
    [
        ("a: 1\n\tb: 2\n", 2, 1, "found a tab character that violates indentation"),
        ('a: "abc\nb: 2\n', 1, 4, "found unexpected end of stream"),
        ("a: b: c\n", 1, 5, "mapping values are not allowed in this context"),
        ("a: [1, 2\nb: 3\n", 1, 4, "did not find expected ',' or ']'"),
        ('a: "x\nb: "y"\n', 1, 4, "found unexpected end of stream"),
    ],
)
def test_syntax_errors_are_fatal_and_placed(text: str, line: int, column: int, problem: str) -> None:
    [(code, found_line, found_column, params)] = problems(text)
    assert (code, found_line, found_column, params["problem"]) == ("Y10", line, column, problem)


# -- Characters staff cannot see ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("escape", "named"),
    [("\\x1b[31m", "U+001B (ESC)"), ("\\0", "U+0000 (NUL)"), ("\\r", "U+000D (CR)"), ("\\x9b", "U+009B (kontrol C1)"),
     ("\\N", "U+0085 (NEL)")],
)
def test_escaped_control_character_is_reported_at_its_value(escape: str, named: str) -> None:
    doc = load_yaml(f'a: 1\nnama: "Kopi{escape} Kita"\nb: &x 2\n'.encode())
    assert [(p.code, p.mark, p.path, p.params) for p in doc.problems] == [
        ("Y11", Mark(2, 7), ("nama",), {"char": named}),
        ("Y04", Mark(3, 4), ("b",), {"anchor": "&x"}),  # the rest of the file is still read
    ]
    assert doc.explained(("nama",))


def test_tab_and_newline_escapes_are_text() -> None:
    doc = load_yaml(b'a: "satu\\tdua\\ntiga"\n')
    assert doc.data == {"a": "satu\tdua\ntiga"} and doc.problems == [] and doc.invisible == []


def test_invisible_characters_are_taken_out_and_listed() -> None:
    raw = ("nama: Kopi\u200b Kita\nslogan: \"\\u202Eabc\\u202C\"\ndaftar:\n  - x\u2060y\n"
           "deskripsi: |\n  baris satu\n  baris \u00addua\n\"kota\u200c\": 1\n\"alamat\\uFEFF\": 2\n")
    doc = load_yaml(raw.encode())
    assert doc.data == {"nama": "Kopi Kita", "slogan": "abc", "daftar": ["xy"],
                        "deskripsi": "baris satu\nbaris dua\n", "kota": "1", "alamat": "2"}
    assert [(found.path, found.mark, found.chars, found.key) for found in doc.invisible] == [
        (("nama",), Mark(1, 7), ("\u200b",), False),
        (("slogan",), Mark(2, 9), ("\u202e", "\u202c"), False),
        (("daftar", 0), Mark(4, 5), ("\u2060",), False),
        (("deskripsi",), Mark(7, 9), ("\u00ad",), False),  # inside a | block: its own line and column
        (("kota",), Mark(8, 1), ("\u200c",), True),
        (("alamat",), Mark(9, 1), ("\ufeff",), True),
    ]
    assert doc.problems == []


def test_zero_width_joiner_inside_an_emoji_stays() -> None:
    chef = "\U0001f469\u200d\U0001f373"
    doc = load_yaml(f"a: Dapur {chef}\nb: ab\u200dcd\n".encode())
    assert doc.data == {"a": f"Dapur {chef}", "b": "abcd"}
    assert [found.path for found in doc.invisible] == [("b",)]


def test_raw_line_separator_is_not_a_line_break() -> None:
    doc = load_yaml("a: satu\u2028dua\nb: tiga\u2029\n".encode())
    assert doc.data == {"a": "satu dua", "b": "tiga "}  # a space, which every text field trims
    assert [(found.path, found.mark, found.chars) for found in doc.invisible] == [
        (("a",), Mark(1, 4), ("\u2028",)), (("b",), Mark(2, 4), ("\u2029",))]
    assert doc.mark_of(("b",)) == Mark(2, 1)


def test_syntax_error_after_a_raw_line_separator_is_on_the_line_staff_see() -> None:
    [(code, line, column, params)] = problems("a: x\u2028y\nb: [1\n")
    assert (code, line, column) == ("Y10", 2, 4)


def test_a_raw_stand_in_is_refused() -> None:
    assert problems("a: x\ufdd0\n".encode()) == [("Y11", 1, 5, {"char": "U+FDD0 (bukan karakter teks)"})]
