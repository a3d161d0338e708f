"""A strict YAML loader for staff files: every scalar stays a string.

PyYAML's own loaders guess types (``NO`` becomes ``False``, ``0215551234`` an
octal number, ``10:30`` the number 630) and keep the last of two duplicate
keys. Staff cannot see those guesses, so this loader builds the document from
the parser's events itself: mappings, sequences and strings only, each value
remembering its line and column. Anchors, aliases, explicit tags and duplicate
keys are reported as problems; the models decide what a string means.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field

import yaml

try:  # The C parser is about three times faster and still reports marks.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

MAX_FILE_BYTES = 1_000_000
MAX_DEPTH = 12

Path_ = tuple[str | int, ...]


@dataclass(frozen=True)
class Mark:
    """A 1-based line and column in a staff file."""

    line: int
    column: int


@dataclass
class LoadProblem:
    """A problem found while reading a file, before any model sees it."""

    code: str
    mark: Mark
    path: Path_ = ()
    params: dict = field(default_factory=dict)


@dataclass
class Document:
    """The plain data of one file plus the mark of every key and value."""

    data: object
    marks: dict[Path_, Mark]
    key_marks: dict[Path_, Mark]

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


class YamlLoadError(Exception):
    """The file could not be read at all; ``problems`` says why."""

    def __init__(self, problems: list[LoadProblem]):
        self.problems = problems
        super().__init__(", ".join(p.code for p in problems))


def _mark(event_mark) -> Mark:
    return Mark(event_mark.line + 1, event_mark.column + 1)


def decode_text(raw: bytes) -> str:
    """Decode strict UTF-8, allow a BOM only at the very start, normalise to NFC."""
    problems = []
    if len(raw) > MAX_FILE_BYTES:
        raise YamlLoadError([LoadProblem("Y08", Mark(1, 1), params={"size": len(raw)})])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YamlLoadError([LoadProblem("Y01", Mark(line, column))]) from None
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\ufeff" in text:
        offset = text.index("\ufeff")
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        problems.append(LoadProblem("Y02", Mark(line, column)))
    if problems:
        raise YamlLoadError(problems)
    return unicodedata.normalize("NFC", text)


class _Builder:
    """Turns a stream of parser events into plain Python data with marks."""

    def __init__(self, events):
        self.events = iter(events)
        self.marks: dict[Path_, Mark] = {}
        self.key_marks: dict[Path_, Mark] = {}
        self.problems: list[LoadProblem] = []

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

    def _check_node_event(self, event, path: Path_) -> None:
        if getattr(event, "anchor", None):
            self.problems.append(
                LoadProblem("Y04", _mark(event.start_mark), path, {"anchor": event.anchor})
            )
        tag = getattr(event, "tag", None)
        implicit = getattr(event, "implicit", True)
        explicit_tag = tag and tag != "!" and (
            not isinstance(event, yaml.ScalarEvent) or not any(implicit)
        )
        if explicit_tag:
            self.problems.append(LoadProblem("Y05", _mark(event.start_mark), path, {"tag": tag}))

    def _node(self, event, path: Path_, depth: int) -> object:
        if depth > MAX_DEPTH:
            self.problems.append(LoadProblem("Y09", _mark(event.start_mark), path))
            self._skip(event)
            return None
        self.marks[path] = _mark(event.start_mark)
        if isinstance(event, yaml.AliasEvent):
            self.problems.append(
                LoadProblem("Y04", _mark(event.start_mark), path, {"anchor": event.anchor})
            )
            return None
        self._check_node_event(event, path)
        if isinstance(event, yaml.ScalarEvent):
            return self._scalar(event)
        if isinstance(event, yaml.SequenceStartEvent):
            return self._sequence(path, depth)
        return self._mapping(path, depth)

    @staticmethod
    def _scalar(event) -> str | None:
        if event.style is None and event.value in ("", "~", "null", "Null", "NULL"):
            return None  # An empty value means "not filled in".
        return unicodedata.normalize("NFC", event.value)

    def _sequence(self, path: Path_, depth: int) -> list:
        items: list = []
        for event in self.events:
            if isinstance(event, yaml.SequenceEndEvent):
                return items
            items.append(self._node(event, (*path, len(items)), depth + 1))
        return items

    def _mapping(self, path: Path_, depth: int) -> dict:
        result: dict = {}
        for event in self.events:
            if isinstance(event, yaml.MappingEndEvent):
                return result
            key_mark = _mark(event.start_mark)
            key = self._node(event, (*path, "<key>"), depth + 1)
            value_event = next(self.events)
            if not isinstance(key, str):
                self.problems.append(LoadProblem("Y06", key_mark, path))
                self._node(value_event, (*path, "<key>"), depth + 1)
                continue
            child = (*path, key)
            if key in result:
                first = self.key_marks[child]
                self.problems.append(
                    LoadProblem("Y03", key_mark, child, {"key": key, "first_line": first.line})
                )
                self._node(value_event, (*path, "<duplicate>"), depth + 1)
                continue
            self.key_marks[child] = key_mark
            result[key] = self._node(value_event, child, depth + 1)
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


def load_yaml(raw: bytes) -> Document:
    """Parse one staff file strictly; raise :class:`YamlLoadError` on any problem."""
    text = decode_text(raw)
    builder = _Builder(yaml.parse(text, Loader=_Loader))
    try:
        data = builder.build()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = Mark(mark.line + 1, mark.column + 1) if mark else Mark(1, 1)
        problem = (exc.problem or "").strip()
        builder.problems.append(LoadProblem("Y10", where, params={"problem": problem}))
    except yaml.YAMLError as exc:  # pragma: no cover - unmarked reader errors
        builder.problems.append(LoadProblem("Y10", Mark(1, 1), params={"problem": str(exc)}))
    if builder.problems:
        raise YamlLoadError(builder.problems)
    return Document(data, builder.marks, builder.key_marks)
