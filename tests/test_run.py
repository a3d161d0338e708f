"""A first run as a new user: ./run and the commands the documentation shows are exactly the ones that work."""

from __future__ import annotations

import hashlib
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from invoke import Collection
from invoke.parser import Parser, ParserContext

import tasks

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
INLINE = re.compile(r"`(\./run(?: [^`]*)?)`")
LINE = re.compile(r"^\s*((?:\./run|\.venv/bin/invoke)\b[^#\n]*)", re.MULTILINE)


def documented_commands() -> list[tuple[str, str]]:
    """``(doc, command)`` for every ``./run …`` and ``.venv/bin/invoke …`` the docs show, placeholders left out."""
    found = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        for command in [*INLINE.findall(text), *LINE.findall(text)]:
            command = command.strip().replace("[", "").replace("]", "")
            if not any(mark in command for mark in "<…*"):
                found.append((doc.name, command))
    return sorted(set(found))


@pytest.mark.parametrize(("doc", "command"), documented_commands())
def test_every_documented_command_parses(doc: str, command: str) -> None:
    words = shlex.split(command)[1:]
    collection = Collection.from_module(tasks)
    if not words or words[0].startswith("--"):  # ./run alone (serve) or invoke's own --list
        assert words in ([], ["--list"]), command
        return
    task = collection[words[0]]  # a task named in prose (`./run new-batch`) must exist
    if len(words) > 1:  # a command with its options must parse as it is written
        Parser(contexts=[ParserContext(name=words[0], args=task.get_arguments())]).parse_argv(words)


def test_the_run_script_names_only_tasks_that_exist() -> None:
    script = (ROOT / "run").read_text(encoding="utf-8")
    case = re.search(r"^\s*([\w|-]+)\) setup_browser_tools", script, re.MULTILINE).group(1)
    assert set(case.split("|")) <= set(Collection.from_module(tasks).task_names)


@pytest.fixture
def sandbox(tmp_path: Path) -> Path:
    """A copy of ./run beside the project's tasks and requirements, with a set-up .venv (its bin/ the real one)."""
    shutil.copy2(ROOT / "run", tmp_path / "run")
    for name in ("tasks.py", "requirements.txt", "requirements-dev.txt"):
        (tmp_path / name).symlink_to(ROOT / name)
    venv = tmp_path / ".venv"
    venv.mkdir()
    (venv / "bin").symlink_to(Path(sys.executable).parent, target_is_directory=True)
    requirements = (ROOT / "requirements.txt").read_bytes() + (ROOT / "requirements-dev.txt").read_bytes()
    (venv / ".stamp").write_text(hashlib.sha256(requirements).hexdigest()[:16] + "\n", encoding="utf-8")
    return tmp_path


@pytest.fixture
def busy_port():
    """A port another program listens on."""
    with socket.socket() as other:
        other.bind(("127.0.0.1", 0))
        other.listen()
        yield other.getsockname()[1]


def run(sandbox: Path, port: int, *args: str) -> subprocess.CompletedProcess:
    """``./run ARGS`` in the sandbox with ``PORT=port``."""
    env = {**os.environ, "PORT": str(port)}
    return subprocess.run(["bash", str(sandbox / "run"), *args], cwd=sandbox, capture_output=True, text=True,
                          env=env, check=False, timeout=600)


def busy_message(port: int) -> str:
    return (f"Gagal: Port {port} di 127.0.0.1 sudah dipakai program lain (mungkin `./run serve` atau `./run "
            f"livereload` yang masih berjalan). Hentikan program itu, atau pilih port lain dengan PORT, mis. "
            f"`PORT={port + 1} ./run serve`.")


@pytest.mark.parametrize("args", [(), ("serve",), ("livereload",)], ids=["no-task", "serve", "livereload"])
def test_run_serves_by_default_and_names_a_busy_port_before_building(sandbox, busy_port, args) -> None:
    done = run(sandbox, busy_port, *args)
    assert done.returncode == 1, done.stdout + done.stderr
    assert done.stderr.strip() == busy_message(busy_port)
    assert "Traceback" not in done.stdout + done.stderr
    assert "Situs dibangun" not in done.stdout  # checked before the build, not after it


def test_test_output_stays_in_the_ignored_cache_folder(tmp_path, tmp_path_factory) -> None:
    from tests.conftest import TEST_TMP

    made = tmp_path_factory.mktemp("eigen")
    for path in (tmp_path, made, Path(tempfile.mkdtemp()), Path(tempfile.gettempdir())):
        assert path.resolve().is_relative_to(TEST_TMP.resolve()), path
    done = subprocess.run(["git", "check-ignore", "-q", str(tmp_path)], cwd=ROOT, check=False)
    assert done.returncode == 0  # git ignores it: nothing of a test run can be committed
    child = subprocess.run([sys.executable, "-c", "import tempfile; print(tempfile.gettempdir())"],
                           capture_output=True, text=True, check=True)
    assert Path(child.stdout.strip()).resolve().is_relative_to(TEST_TMP.resolve())  # subprocesses too


def test_each_parallel_worker_has_its_own_search_cache() -> None:
    from pelican.settings import read_settings

    from tests.conftest import TEST_TMP

    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    mine = TEST_TMP / f"search-{worker}"
    assert os.environ["ETALASE_SEARCH_CACHE"] == str(mine)
    assert read_settings(str(ROOT / "pelicanconf.py"))["ETALASE_SEARCH_CACHE"] == str(mine)  # builds in tests use it
