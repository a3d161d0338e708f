"""Progress lines: a step that runs long says so, with its seconds, and when it ends; a short one says nothing."""

from __future__ import annotations

import io
import re
import threading

import pytest
from etalase import progress


class Stream(io.StringIO):
    """A text stream that tells a waiting test when something was written."""

    def __init__(self) -> None:
        super().__init__()
        self.wrote = threading.Event()

    def write(self, text: str) -> int:
        """Keep ``text`` and wake whoever waits."""
        count = super().write(text)
        self.wrote.set()
        return count


@pytest.fixture
def stream():
    """Progress on into a fresh stream; off again afterwards."""
    out = Stream()
    progress.enable(out)
    yield out
    progress.disable()


def test_a_long_step_says_it_is_running_and_when_it_ended(stream, monkeypatch):
    monkeypatch.setattr(progress, "FIRST", 0.0)  # "long" from the start: no test waits three seconds
    monkeypatch.setattr(progress, "EVERY", 3600.0)
    with progress.step("Menyiapkan foto"):
        assert stream.wrote.wait(30)  # the step lasts until its first line is out
    lines = stream.getvalue().splitlines()
    assert len(lines) == 2, lines
    assert re.fullmatch(r"  Menyiapkan foto… \(\d+,\d dtk\)", lines[0])
    assert re.fullmatch(r"  Menyiapkan foto: selesai dalam \d+,\d dtk", lines[1])


def test_a_short_step_prints_nothing(stream, monkeypatch):
    monkeypatch.setattr(progress, "FIRST", 3600.0)
    with progress.step("Memeriksa katalog"):
        pass
    assert stream.getvalue() == ""


def test_nothing_is_printed_unless_enabled(monkeypatch, capsys):
    progress.disable()
    monkeypatch.setattr(progress, "FIRST", 0.0)
    with progress.step("Merender halaman"):
        pass
    assert capsys.readouterr() == ("", "")
    assert [t.name for t in threading.enumerate() if t.name == "etalase-progress"] == []


def test_seconds_are_written_the_indonesian_way():
    assert progress.seconds(24.56) == "24,6 dtk"
