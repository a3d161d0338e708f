"""Print catalogue problems and warnings for people (grouped by file) or for GitHub Actions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from ..data import messages
from ..errors import Issue


def _blocks(issues: Iterable[Issue], noun: str) -> tuple[list[str], int, int]:
    """One block per file (``file (N <noun>)``), one line per issue followed by its fix; and the two counts."""
    by_file: dict[str, list[Issue]] = defaultdict(list)
    for issue in sorted(issues):
        by_file[issue.file].append(issue)
    lines: list[str] = []
    for file, found in by_file.items():
        lines.append(f"{file} ({len(found)} {noun})")
        for issue in found:
            field_path = f"{issue.field_path}: " if issue.field_path else ""
            lines.append(f"  {issue.location()} [{issue.code}] {field_path}{issue.message}")
            lines.append(f"      {messages.title(issue.code)}. Cara memperbaiki: {issue.fix}")
        lines.append("")
    return lines, sum(len(v) for v in by_file.values()), len(by_file)


#: How the report ends when a check found problems (validate, report, check-links-kept never publish anything).
CHECK_END = "Perbaiki masalah di atas, lalu periksa lagi dengan `./run validate`."
#: How it ends when a build stopped on them.
BUILD_END = "Situs tidak diterbitkan."


def format_text(issues: Iterable[Issue], end: str = CHECK_END) -> str:
    """One block per file, one line per problem, each followed by its fix; the last line counts them, then ``end``."""
    lines, total, files = _blocks(issues, "masalah")
    lines.append(f"Ditemukan {total} masalah di {files} berkas. {end}")
    return "\n".join(lines)


def format_warnings(issues: Iterable[Issue], tail: str = "") -> str:
    """Warnings laid out like problems; the last line counts them, followed by ``tail`` (what they mean here)."""
    lines, total, files = _blocks(issues, "peringatan")
    lines.append(f"{total} peringatan di {files} berkas{tail}.")
    return "\n".join(lines)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def format_github(issues: Iterable[Issue]) -> str:
    """GitHub Actions workflow commands: one ``::error`` (or, for a warning, ``::warning``) annotation per issue."""
    lines = []
    for issue in sorted(issues):
        props = ",".join(
            [
                f"file={_escape_property(issue.file)}",
                f"line={issue.line}",
                f"col={issue.column}",
                f"title={_escape_property(issue.code + ' ' + messages.title(issue.code))}",
            ]
        )
        body = f"{issue.field_path}: {issue.message}\nCara memperbaiki: {issue.fix}"
        lines.append(f"::{issue.severity} {props}::{_escape_data(body)}")
    return "\n".join(lines)
