"""The GitHub Actions workflows: valid, pinned, least privilege, and nothing CI runs that a laptop cannot."""

from __future__ import annotations

import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
PR = ROOT / ".github" / "workflows" / "periksa.yml"
DEPLOY = ROOT / ".github" / "workflows" / "terbitkan.yml"
PINNED = re.compile(r"^\s*(?:-\s+)?uses:\s+([\w.-]+/[\w./-]+)@([0-9a-f]{40})\s+#\s+v\d+\.\d+\.\d+\s*$")


def load(path: Path) -> dict:
    """Parse a workflow; PyYAML reads the key ``on`` as True, so put it back."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def steps(workflow: dict):
    """Yield ``(job id, step)`` for every step of every job."""
    for job_id, job in workflow["jobs"].items():
        for step in job.get("steps", []):
            yield job_id, step


@pytest.fixture(scope="module")
def invoke_tasks() -> set[str]:
    """The task names ``invoke --list`` shows for this project."""
    listing = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True, text=True,
                             check=True).stdout
    return {line.split()[0] for line in listing.splitlines()[1:] if line.startswith("  ") and line.strip()}


def test_there_is_a_pull_request_and_a_deploy_workflow():
    assert WORKFLOWS == [PR, DEPLOY]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_valid_against_the_vendored_github_workflow_schema(path):
    checker = Path(sys.executable).with_name("check-jsonschema")
    done = subprocess.run([str(checker), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stdout + done.stderr


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_action_is_pinned_to_a_commit_sha_with_its_version(path):
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if re.match(r"^\s*(-\s+)?uses:", line)]
    assert lines
    assert [line for line in lines if not PINNED.match(line)] == []


def test_the_same_action_has_the_same_pin_everywhere():
    pins: dict[str, set[str]] = {}
    for path in WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            found = PINNED.match(line)
            if found:
                pins.setdefault(found.group(1), set()).add(found.group(2))
    assert {action: len(shas) for action, shas in pins.items()} == dict.fromkeys(pins, 1)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_least_privilege_permissions(path):
    workflow = load(path)
    assert workflow["permissions"] == {"contents": "read"}
    for job_id, job in workflow["jobs"].items():
        granted = job.get("permissions", {})
        deploys = any("actions/deploy-pages@" in step.get("uses", "") for step in job.get("steps", []))
        if deploys:
            assert granted == {"pages": "write", "id-token": "write"}, job_id
        else:
            assert granted == {}, job_id


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_a_concurrency_group(path):
    assert load(path)["concurrency"]["group"]


def test_a_running_deploy_is_never_cancelled():
    assert load(DEPLOY)["concurrency"] == {"group": "pages", "cancel-in-progress": False}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_run_step_is_one_invoke_task(path, invoke_tasks):
    runs = [(job_id, step["run"]) for job_id, step in steps(load(path)) if "run" in step]
    assert runs
    for job_id, command in runs:
        words = shlex.split(command)
        assert "\n" not in command.strip() and words[0] in ("./run", "invoke"), (job_id, command)
        assert words[1] in invoke_tasks, f"{job_id}: `{command}` calls no task in tasks.py"


def test_the_pull_request_checks_build_tests_links_and_uploads_a_preview():
    workflow = load(PR)
    assert set(workflow["on"]) == {"pull_request"}
    runs = [step["run"] for _, step in steps(workflow) if "run" in step]
    assert runs[:3] == ["./run pin-today", "./run validate --format github --publish", "./run build"]
    for command in ("./run test", "./run check-links", "./run check-links-kept --format github"):
        assert command in runs
    upload = [step for _, step in steps(workflow) if "actions/upload-artifact@" in step.get("uses", "")]
    assert upload[0]["with"]["path"] == "output/"


def test_the_deploy_builds_with_publishing_settings_and_deploys_to_pages():
    workflow = load(DEPLOY)
    assert workflow["on"]["push"] == {"branches": ["main"]}
    runs = [step["run"] for _, step in steps(workflow) if "run" in step]
    assert runs[:3] == ["./run pin-today", "./run validate --format github --publish", "./run publish"]
    assert "./run check-links-kept --format github" in runs
    uses = [step["uses"].split("@")[0] for _, step in steps(workflow) if "uses" in step]
    for action in ("actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"):
        assert action in uses
    assert workflow["jobs"]["deploy"]["needs"] == "build"


def test_the_site_is_published_again_every_night_in_jakarta():
    assert load(DEPLOY)["on"]["schedule"] == [{"cron": "5 17 * * *"}]  # 00:05 WIB: a new day, a true site


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_the_day_is_pinned_before_anything_reads_it(path):
    """Every job that validates or builds pins one day first, so its steps agree across midnight."""
    for job_id, job in load(path)["jobs"].items():
        runs = [step["run"] for step in job.get("steps", []) if "run" in step]
        reading = [i for i, command in enumerate(runs) if command.split()[1] in ("validate", "build", "publish",
                                                                                  "report")]
        if reading:
            assert runs.index("./run pin-today") < reading[0], job_id


FIRST_DEPLOY = {  # workflow: (when check-links-kept runs as a first deploy, when it runs as usual)
    PR: ("vars.ETALASE_FIRST_DEPLOY == 'true'", "vars.ETALASE_FIRST_DEPLOY != 'true'"),
    DEPLOY: ("${{ inputs.first_deploy || vars.ETALASE_FIRST_DEPLOY == 'true' }}",
             "${{ !inputs.first_deploy && vars.ETALASE_FIRST_DEPLOY != 'true' }}"),
}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_first_deploy_is_an_explicit_choice(path):
    kept = [step for _, step in steps(load(path)) if step.get("run", "").startswith("./run check-links-kept")]
    first = [step for step in kept if "--first-deploy" in step["run"].split()]
    usual = [step for step in kept if "--first-deploy" not in step["run"].split()]
    assert len(first) == 1 and len(usual) == 1, kept  # one check each way, so exactly one of them runs
    assert (first[0].get("if"), usual[0].get("if")) == FIRST_DEPLOY[path]  # the first deploy only when asked
    if path == DEPLOY:  # asked by hand: an input that is off unless ticked
        switch = load(path)["on"]["workflow_dispatch"]["inputs"]["first_deploy"]
        assert (switch["type"], switch["default"]) == ("boolean", False)


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_pip_and_image_caches_are_kept_between_runs(path):
    caches = {step["with"]["path"]: step["with"]["key"] for _, step in steps(load(path))
              if "actions/cache@" in step.get("uses", "")}
    assert "hashFiles('requirements.txt', 'requirements-dev.txt')" in caches["~/.cache/pip"]
    assert "hashFiles('catalogue_data/foto/**')" in caches[".cache/images"]
    assert "hashFiles('requirements.txt')" in caches[".cache/images"]


def test_main_saves_the_build_cache_and_pull_requests_restore_the_same_paths():
    def build_caches(path: Path) -> list[dict]:
        return [step for _, step in steps(load(path)) if "/cache" in step.get("uses", "")
                and "build-" in step["with"]["key"]]

    (saved,) = build_caches(ROOT / ".github" / "workflows" / "terbitkan.yml")
    (restored,) = build_caches(ROOT / ".github" / "workflows" / "periksa.yml")
    assert saved["uses"].startswith("actions/cache@") and restored["uses"].startswith("actions/cache/restore@")
    assert saved["uses"].split("@")[1] == restored["uses"].split("@")[1]
    paths = saved["with"]["path"].split()
    # The output link, its two generations and their states (etalase.outputs.state): one version of each.
    assert paths == restored["with"]["path"].split() == [".cache/build", ".cache/search", "output", ".output.*"]
    assert "github.sha" in saved["with"]["key"]
    prefix = saved["with"]["key"].rsplit("-", 1)[0] + "-"
    assert saved["with"]["restore-keys"] == restored["with"]["restore-keys"] == prefix


@pytest.mark.parametrize(
    ("task", "command"),
    [
        ("check-links-kept --live https://etalase.example/ --first-deploy --format github",
         "-m etalase check-links-kept output --data catalogue_data --format github "
         "--live https://etalase.example/ --first-deploy"),
        ("report --format github", "-m etalase report catalogue_data --format github"),
        ("validate --format github --publish", "-m etalase validate catalogue_data --format github --publish"),
        ("pin-today", "-m etalase today --github-env"),
        ("check-links", "npx --no-install linkinator"),
        ("test", "-m pytest -n auto --dist loadfile"),  # .ci/run runs ./run test: the suite in parallel
        ("test --workers 1 --no-browser -k kopi", "-m pytest -m 'not browser' -k kopi"),
    ],
)
def test_the_tasks_ci_runs_are_wired_to_the_commands(task, command):
    done = subprocess.run([sys.executable, "-m", "invoke", "--dry", *shlex.split(task)], cwd=ROOT,
                          capture_output=True, text=True, check=True)
    assert command in done.stdout


@pytest.mark.slow
@pytest.mark.parametrize(("href", "status"), [("/produk/", 0), ("/produk/tidak-ada/", 1)])
def test_check_links_fails_on_a_broken_internal_link(tmp_path, href, status):
    shutil.copy(ROOT / "tasks.py", tmp_path / "tasks.py")
    for name in ("plugins", "node_modules", "package.json"):
        (tmp_path / name).symlink_to(ROOT / name)
    (tmp_path / "output" / "produk").mkdir(parents=True)
    (tmp_path / "output" / "produk" / "index.html").write_text("<!doctype html><title>Produk</title>")
    (tmp_path / "output" / "index.html").write_text(
        f'<!doctype html><title>Beranda</title><a href="{href}">produk</a><a href="https://contoh.invalid/">luar</a>'
    )
    done = subprocess.run([sys.executable, "-m", "invoke", "check-links"], cwd=tmp_path, capture_output=True,
                          text=True, check=False)
    assert done.returncode == status, done.stdout + done.stderr
