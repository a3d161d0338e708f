"""A strict YAML loader for staff files: every scalar stays a string.

PyYAML's own loaders guess types (``NO`` becomes ``False``, ``0215551234`` an
octal number, ``10:30`` the number 630) and keep the last of two duplicate
keys. Staff cannot see those guesses, so this loader builds the document from
the parser's events itself: mappings, sequences and strings only, each value
remembering its line and column. Anchors, aliases, explicit tags and duplicate
keys are reported as problems; the models decide what a string means.

Problems come in two weights. A *fatal* one (bad encoding, a file too big,
broken YAML syntax) means nothing in the file can be trusted:
:func:`load_yaml` raises :class:`YamlLoadError`. Any other one is kept on the
:class:`Document` and the rest of the file is still validated, so staff see
every problem in one run; the value a problem replaced is listed in
:attr:`Document.dropped` so that no second message is given for it.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from dataclasses import dataclass, field
from typing import NamedTuple

import yaml

from . import characters

try:  # The C parser is about three times faster and still reports marks.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12

Path_ = tuple[str | int, ...]

# Characters refused in a file: C0/C1 controls except tab and newlines (NEL too: libyaml would count it as a line
# break that editors do not show), surrogates, non-characters (two of them stand in for line separators).
_FORBIDDEN_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
_STANDARD_TAG = "tag:yaml.org,2002:"
# A line whose value (after an optional `- ` and `key: `) starts with a quote.
_QUOTE_START = re.compile(r"""^ *(?:- +)*(?:[^\s"'#-][^#]*?: +)?(["'])""")


class Mark(NamedTuple):
    """A 1-based line and column in a staff file (a tuple: one is made for every key and value)."""

    line: int
    column: int


# ``_new_mark(Mark, (line, column))`` is ``Mark(line, column)`` without the Python-level ``__new__``.
_new_mark = tuple.__new__


@dataclass
class LoadProblem:
    """A problem found while reading a file, before any model sees it."""

    code: str
    mark: Mark
    path: Path_ = ()
    params: dict = field(default_factory=dict)


@dataclass(frozen=True)
class Invisible:
    """Invisible characters (:mod:`etalase.data.characters`) taken out of one key or value, where the first was."""

    path: Path_
    mark: Mark
    chars: tuple[str, ...]
    key: bool = False


@dataclass
class Document:
    """The plain data of one file, the mark of every key and value, and non-fatal problems."""

    data: object
    marks: dict[Path_, Mark]
    key_marks: dict[Path_, Mark]
    problems: list[LoadProblem] = field(default_factory=list)
    dropped: set[Path_] = field(default_factory=set)
    blocks: dict[Path_, Mark] = field(default_factory=dict)
    #: Keys and values that held invisible characters, which the data no longer has.
    invisible: list[Invisible] = field(default_factory=list)

    def mark_of(self, path: Path_) -> Mark:
        """Return the mark of ``path`` or of its nearest ancestor that has one."""
        path = tuple(path)
        while path:
            if path in self.key_marks:
                return self.key_marks[path]
            if path in self.marks:
                return self.marks[path]
            path = path[:-1]
        return self.marks.get((), Mark(1, 1))

    def mark_in(self, path: Path_, offset: int) -> Mark:
        """Return where character ``offset`` of the text at ``path`` is; exact inside a ``|`` block."""
        value = self.value_at(path)
        if not isinstance(value, str):
            return self.mark_of(path)
        return _mark_in(self.blocks.get(tuple(path)), self.mark_of(path), value, offset)

    def value_at(self, path: Path_) -> object:
        """Return the loaded value at ``path``, or None."""
        return value_at(self.data, path)

    def explained(self, path: Path_) -> bool:
        """Whether a load problem already accounts for the value at ``path`` (or above it)."""
        path = tuple(path)
        return any(path[: len(gone)] == gone for gone in self.dropped)


def value_at(data: object, path: Path_) -> object:
    """Return the value at ``path`` inside nested mappings and lists, or None."""
    node = data
    for part in path:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


class YamlLoadError(Exception):
    """The file could not be read at all; ``problems`` says why."""

    def __init__(self, problems: list[LoadProblem]):
        self.problems = problems
        super().__init__(", ".join(p.code for p in problems))


def _mark(event_mark) -> Mark:
    return Mark(event_mark.line + 1, event_mark.column + 1)


def _mark_in(block: Mark | None, start: Mark, value: str, offset: int) -> Mark:
    """Where character ``offset`` of ``value`` is: exact inside a ``|`` block (``block``), else ``start``."""
    if block is None:
        return start
    line_start = value.rfind("\n", 0, offset) + 1
    return Mark(block.line + value.count("\n", 0, offset), block.column + offset - line_start)


def _offset_mark(text: str, offset: int) -> Mark:
    line_start = text.rfind("\n", 0, offset) + 1
    return Mark(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def decode_text(raw: bytes) -> str:
    """Decode strict UTF-8, allow a BOM only at the very start, refuse control characters."""
    if len(raw) > MAX_FILE_BYTES:
        raise YamlLoadError([LoadProblem("Y08", Mark(1, 1), params={"size": len(raw), "limit": MAX_FILE_BYTES})])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = len(raw[raw.rfind(b"\n", 0, exc.start) + 1 : exc.start].decode("utf-8", "replace")) + 1
        raise YamlLoadError(
            [LoadProblem("Y01", Mark(line, column), params={"byte": f"{raw[exc.start]:02X}"})]
        ) from None
    text = text.removeprefix("\ufeff")
    if "\ufeff" in text:
        raise YamlLoadError([LoadProblem("Y02", _offset_mark(text, text.index("\ufeff")))])
    bad = _FORBIDDEN_CHAR.search(text)
    if bad:
        char = characters.describe(bad.group())
        raise YamlLoadError([LoadProblem("Y11", _offset_mark(text, bad.start()), params={"char": char})])
    return text


def _tag_name(tag: str) -> str:
    return "!!" + tag[len(_STANDARD_TAG) :] if tag.startswith(_STANDARD_TAG) else tag


_ALIAS, _SCALAR = yaml.AliasEvent, yaml.ScalarEvent
_SEQUENCE_START, _SEQUENCE_END, _MAPPING_END = yaml.SequenceStartEvent, yaml.SequenceEndEvent, yaml.MappingEndEvent
_NULLS = frozenset({"", "~", "null", "Null", "NULL"})


def _nfc(value: str) -> str:
    """NFC-normalise a value; ASCII text (most of it) is already normal."""
    return value if value.isascii() else unicodedata.normalize("NFC", value)


def _plain(value: str, style: str | None) -> bool:
    """Whether a scalar is fine as it is: ASCII (nothing to normalise, no invisible character) and, in double
    quotes (the only style with escapes such as ``\x1b``), printable. Nearly every key and value: one or two C calls.
    A raw control character never gets this far (:func:`decode_text` refuses it)."""
    return value.isascii() and (style != '"' or value.isprintable())


class _Builder:
    """Turns a stream of parser events into plain Python data with marks."""

    def __init__(self, events):
        self.events = iter(events)
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.problems: list[LoadProblem] = []
        self.dropped: set[Path_] = set()
        self.literal_blocks: dict[Path_, int] = {}
        # (code, path, value as typed, offset, chars): marked once the ``|`` blocks are known.
        self.hidden: list[tuple[str, Path_, str, int, tuple[str, ...]]] = []
        self.invisible: list[Invisible] = []

    def build(self) -> object:
        data = None
        documents = 0
        for event in self.events:
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    self.problems.append(LoadProblem("Y07", _mark(event.start_mark)))
                    break
                data = self._node(next(self.events), (), 0)
        return data

    def _problem(self, code: str, event, path: Path_, dropped: bool = False, **params) -> None:
        self.problems.append(LoadProblem(code, _mark(event.start_mark), path, params))
        if dropped:
            self.dropped.add(path)

    def _text(self, value: str, path: Path_) -> str:
        """NFC, then a control character reported (``Y11``) or invisible ones taken out of a value."""
        value = _nfc(value)
        control = characters.first_control(value)
        if control is not None:
            self.hidden.append(("Y11", path, value, control[0], (control[1],)))
            self.dropped.add(path)
            return value
        if value.isascii():
            return value
        cleaned, found = characters.clean(value)
        if found:
            self.hidden.append(("", path, value, found[0][0], tuple(dict.fromkeys(char for _, char in found))))
        return cleaned

    def _hidden_key(self, path: Path_, key: str, mark: Mark) -> None:
        """Report what :meth:`_text` found in a key at the key, under the path of the key it names."""
        code, _, _, _, chars = self.hidden.pop()
        self.dropped.discard((*path, "<key>"))
        if code:
            self.problems.append(LoadProblem(code, mark, (*path, key), {"char": characters.describe(chars[0])}))
            self.dropped.add((*path, key))
        else:
            self.invisible.append(Invisible((*path, key), mark, chars, key=True))

    def mark_hidden(self, blocks: dict[Path_, Mark]) -> None:
        """Place the control and invisible characters found in values, now that ``|`` blocks are known."""
        for code, path, value, offset, chars in self.hidden:
            mark = _mark_in(blocks.get(path), self.marks[path], value, offset)
            if code:
                self.problems.append(LoadProblem(code, mark, path, {"char": characters.describe(chars[0])}))
            else:
                self.invisible.append(Invisible(path, mark, chars))

    def _check_node_event(self, event, path: Path_) -> None:
        if event.anchor:
            self._problem("Y04", event, path, anchor=f"&{event.anchor}")
        tag, implicit = event.tag, event.implicit
        scalar = isinstance(event, yaml.ScalarEvent)
        if tag and tag != "!" and (not scalar or not any(implicit)):
            self._problem("Y05", event, path, tag=_tag_name(tag))

    # The methods below run for every key and value of 10,000-product catalogues: they compare classes
    # instead of calling isinstance, make marks inline and take plain untagged scalars (nearly every key
    # and value) without a call to _node (profiled; see docs/performance.md).
    def _node(self, event, path: Path_, depth: int) -> object:
        start = event.start_mark
        self.marks[path] = _new_mark(Mark, (start.line + 1, start.column + 1))
        cls = event.__class__
        if cls is _ALIAS:
            self._problem("Y04", event, path, dropped=True, anchor=f"*{event.anchor}")
            return None
        if depth > MAX_DEPTH:
            self._problem("Y09", event, path, dropped=True, limit=MAX_DEPTH)
            self._skip(event)
            return None
        if event.anchor or (event.tag and event.tag != "!" and (cls is not _SCALAR or not any(event.implicit))):
            self._check_node_event(event, path)
        if cls is _SCALAR:
            style = event.style
            value = event.value
            if not style and value in _NULLS:  # plain style: C gives ""
                return None  # empty means "not filled in"
            if style == "|":
                self.literal_blocks[path] = start.line  # 0-based line of the `|`
            return value if _plain(value, style) else self._text(value, path)
        if cls is _SEQUENCE_START:
            return self._sequence(path, depth)
        return self._mapping(path, depth)

    def _sequence(self, path: Path_, depth: int) -> list:
        items: list = []
        node, marks = self._node, self.marks
        for event in self.events:
            cls = event.__class__
            if cls is _SEQUENCE_END:
                break
            child = (*path, len(items))
            if cls is _SCALAR and not event.style and event.tag is None and not event.anchor and depth < MAX_DEPTH:
                start = event.start_mark
                marks[child] = _new_mark(Mark, (start.line + 1, start.column + 1))
                value = event.value
                items.append(None if value in _NULLS else value if value.isascii() else self._text(value, child))
            else:
                items.append(node(event, child, depth + 1))
        return items

    def _mapping(self, path: Path_, depth: int) -> dict:
        result: dict = {}
        events, node, marks, key_marks = self.events, self._node, self.marks, self.key_marks
        key_path = (*path, "<key>")
        fast = depth < MAX_DEPTH  # keys and values sit at depth + 1
        for event in events:
            cls = event.__class__
            if cls is _MAPPING_END:
                break
            start = event.start_mark
            key_mark = _new_mark(Mark, (start.line + 1, start.column + 1))
            if fast and cls is _SCALAR and not event.style and event.tag is None and not event.anchor:
                marks[key_path] = key_mark
                key = event.value
                key = None if key in _NULLS else key if key.isascii() else self._text(key, key_path)
            else:
                key = node(event, key_path, depth + 1)
            if self.hidden and self.hidden[-1][1] == key_path:  # the key held a hidden character
                self._hidden_key(path, key, key_mark)
            value_event = next(events)
            if key.__class__ is not str:
                if cls is not _ALIAS:  # an alias key is reported as Y04 already
                    self.problems.append(LoadProblem("Y06", key_mark, path))
                node(value_event, key_path, depth + 1)
                continue
            child = (*path, key)
            if key in result:
                first = key_marks[child]
                self.problems.append(LoadProblem("Y03", key_mark, child, {"key": key, "first_line": first.line}))
                node(value_event, (*path, "<duplicate>"), depth + 1)
                continue
            key_marks[child] = key_mark
            if (fast and value_event.__class__ is _SCALAR and value_event.tag is None and not value_event.anchor
                    and value_event.style != "|"):
                start = value_event.start_mark
                marks[child] = _new_mark(Mark, (start.line + 1, start.column + 1))
                value = value_event.value
                if not value_event.style and value in _NULLS:
                    result[key] = None
                else:
                    result[key] = value if _plain(value, value_event.style) else self._text(value, child)
            else:
                result[key] = node(value_event, child, depth + 1)
        return result

    def _skip(self, event) -> None:
        level = 0
        while True:
            if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
                level += 1
            elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
                level -= 1
            if level <= 0:
                return
            event = next(self.events)


def _unclosed_quote(text: str, before_line: int) -> Mark | None:
    """Find a value whose opening quote is not closed on its own line, above ``before_line``."""
    for number, line in enumerate(text.split("\n")[: before_line - 1], start=1):
        match = _QUOTE_START.match(line)
        if not match:
            continue
        rest = line[match.end() :]
        if match.group(1) == '"':
            closed = '"' in rest.replace("\\\\", "").replace('\\"', "")
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return Mark(number, match.end())
    return None


def syntax_problem(exc: yaml.MarkedYAMLError, text: str) -> LoadProblem:
    """Turn a parser error into a Y10 problem, placed where staff should look."""
    problem = (exc.problem or "").strip()
    context = (exc.context or "").strip()
    where = exc.problem_mark or exc.context_mark
    starts_construct = exc.context_mark is not None and (
        "quoted scalar" in context or "simple key" in context or "flow" in context
    )
    if starts_construct:  # the opening quote, key or bracket, not where the parser gave up
        where = exc.context_mark
    mark = _mark(where) if where else Mark(1, 1)
    char = ""
    if exc.problem_mark is not None and exc.problem_mark.index < len(text):
        char = text[exc.problem_mark.index]
    quote = None if "quoted scalar" in context else _unclosed_quote(text, mark.line)
    if quote is not None:  # a quote left open swallows the lines below it; point at the quote
        mark, problem, context = quote, "found unexpected end of stream", "while scanning a quoted scalar"
    return LoadProblem("Y10", mark, params={"problem": problem, "context": context, "char": char})


def load_yaml(raw: bytes) -> Document:
    """Parse one staff file strictly; raise :class:`YamlLoadError` when nothing can be trusted."""
    text = characters.stand_in_separators(decode_text(raw))
    builder = _Builder(yaml.parse(text, Loader=_Loader))
    try:
        data = builder.build()
    except yaml.MarkedYAMLError as exc:
        raise YamlLoadError([syntax_problem(exc, text)]) from None
    except (yaml.YAMLError, StopIteration) as exc:  # pragma: no cover - reader errors are caught in decode_text
        raise YamlLoadError([LoadProblem("Y10", Mark(1, 1), params={"problem": str(exc), "context": ""})]) from None
    blocks = _block_starts(text, builder.literal_blocks)
    builder.mark_hidden(blocks)
    problems = sorted(builder.problems, key=lambda p: (p.mark.line, p.mark.column))
    invisible = sorted(builder.invisible, key=lambda found: found.mark)
    return Document(data, builder.marks, builder.key_marks, problems, builder.dropped, blocks, invisible)


def _block_starts(text: str, indicators: dict[Path_, int]) -> dict[Path_, Mark]:
    """Return where the first character of each ``|`` block's text stands (its line, its indentation)."""
    if not indicators:
        return {}
    lines = text.split("\n")
    starts = {}
    for path, line in indicators.items():
        first = next((row for row in itertools.islice(lines, line + 1, None) if row.strip()), None)
        indent = len(first) - len(first.lstrip(" ")) if first is not None else 0
        starts[path] = Mark(line + 2, indent + 1)
    return starts
