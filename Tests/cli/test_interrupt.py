"""Interrupting `coursemap build` (Ctrl-C, or SIGTERM from a CI runner) at any stage: the previous site stays as
it was, no staging folder, Pagefind process or temporary file is left, and the exit status is exactly 128 + the
signal's number. A build killed with SIGKILL leaves its staging folder; the next build removes it, and never
the staging folder of a build that is still running.

The content is the benchmark's generated corpus (scripts/bench/make-corpus.py), large enough that each stage
lasts long enough to be caught: the test waits for the sign of the stage (no staging folder yet while loading,
the staging folder while rendering, a child process while Pagefind runs).
"""
import hashlib
import os
import pathlib
import signal
import subprocess
import sys
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import ROOT, coursemap_binary  # noqa: E402

FIXTURE = ROOT / "Tests/Fixtures/site"


def digest(folder: pathlib.Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> pathlib.Path:
    root = tmp_path_factory.mktemp("interrupt-corpus")
    subprocess.run([sys.executable, str(ROOT / "scripts/bench/make-corpus.py"), "3000", str(root)],
                   check=True, capture_output=True)
    return root / "coursemap"


def children(pid: int) -> list:
    """Processes whose parent is `pid`."""
    found = []
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat[stat.rindex(")") + 2:].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rindex(")") + 2] != "Z"


def staging_folders(folder: pathlib.Path) -> list:
    return [p.name for p in folder.iterdir() if ".staging-" in p.name]


def previous_site(tmp_path: pathlib.Path) -> pathlib.Path:
    site = tmp_path / "Site"
    first = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(FIXTURE),
                            "--output", str(site)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    return site


def wait_for(condition, build, what: str, limit: float = 300):
    deadline = time.monotonic() + limit
    while not condition():
        assert build.poll() is None, f"the build ended before {what}: " + build.stderr.read()
        assert time.monotonic() < deadline, f"no {what}"
        time.sleep(0.005)


@pytest.mark.parametrize("signum,stage", [
    (signum, stage) for signum in (signal.SIGINT, signal.SIGTERM) for stage in ("load", "render", "render late", "pagefind")
] + [
    # A closed terminal (SIGHUP) and Ctrl-\\ (SIGQUIT) stop a build the same way.
    (signum, stage) for signum in (signal.SIGHUP, signal.SIGQUIT) for stage in ("render", "pagefind")
])
def test_an_interrupted_build_leaves_the_previous_site_and_nothing_else(corpus, tmp_path, signum, stage):
    site = previous_site(tmp_path)
    before = digest(site)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    search = [] if stage == "pagefind" else ["--no-search"]
    build = subprocess.Popen([str(coursemap_binary()), "build", *search, "--content", str(corpus), "--output", str(site)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=dict(os.environ, TMPDIR=str(temporary)))
    pagefind = []
    if stage == "load":
        time.sleep(0.3)
        assert build.poll() is None and not staging_folders(tmp_path), "the build was past loading"
    elif stage.startswith("render"):
        wait_for(lambda: staging_folders(tmp_path), build, "staging folder")
        time.sleep(0.2 if stage == "render" else 3)  # let the render threads write some pages, or many
        assert build.poll() is None, "the build ended before the signal"
    else:
        def pagefind_runs():
            pagefind[:] = children(build.pid)
            return bool(pagefind)
        wait_for(pagefind_runs, build, "Pagefind process")
        time.sleep(0.3)
        assert list(temporary.iterdir()), "Pagefind's temporary folder is not there"
    build.send_signal(signum)
    _, stderr = build.communicate(timeout=60)

    assert build.returncode == 128 + signum, stderr
    assert "build interrupted, " in stderr and "Site/ left unchanged" in stderr, stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Site", "tmp"]
    assert list(temporary.iterdir()) == [], "temporary files were left"
    assert digest(site) == before
    for child in pagefind:
        deadline = time.monotonic() + 10
        while alive(child):
            assert time.monotonic() < deadline, f"Pagefind (pid {child}) still runs"
            time.sleep(0.05)


def tag(pid: int) -> str:
    """The staging folder's process tag for `pid`: id, boot id (12 digits) and start time."""
    boot = pathlib.Path("/proc/sys/kernel/random/boot_id").read_text().strip().replace("-", "")[:12]
    stat = pathlib.Path(f"/proc/{pid}/stat").read_text()
    return f"{pid}-{boot}-{stat[stat.rindex(')') + 2:].split()[19]}"


def test_the_next_build_removes_the_staging_folder_of_a_killed_build_only(corpus, tmp_path):
    site = previous_site(tmp_path)
    before = digest(site)
    build = subprocess.Popen([str(coursemap_binary()), "build", "--no-search", "--content", str(corpus), "--output", str(site)],
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    wait_for(lambda: staging_folders(tmp_path), build, "staging folder")
    killed = staging_folders(tmp_path)
    build.kill()
    build.wait()
    assert staging_folders(tmp_path) == killed, "SIGKILL cannot clean up; the folder should still be there"

    # A running process's folders (this test's own tag), with every shape the writer makes, stay.
    live = [f".Site.staging-{tag(os.getpid())}", f".Site.staging-{tag(os.getpid())}-interrupted",
            f".Site.previous-{tag(os.getpid())}"]
    # Dead ones: a finished process, the same pid with another start time, another boot, an old pid-only name.
    finished = subprocess.Popen(["true"])
    finished_tag = tag(finished.pid)
    finished.wait()
    own = tag(os.getpid()).split("-")
    dead = [f".Site.staging-{finished_tag}", f".Site.previous-{finished_tag}",
            f".Site.staging-{own[0]}-{own[1]}-{int(own[2]) + 1}",
            f".Site.staging-{own[0]}-0123456789ab-{own[2]}",
            f".Site.staging-{finished.pid}", f".Site.staging-{finished.pid}-interrupted"]
    # Not ours at all: other outputs' folders and names that are not a tag.
    foreign = [".Other.staging-1-0123456789ab-5", ".Site.staging-notes", ".Site.staging-1-xyz-5"]
    for name in live + dead + foreign:
        (tmp_path / name).mkdir()
        (tmp_path / name / "page.html").write_text("x")

    rebuild = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(FIXTURE),
                              "--output", str(site)], capture_output=True, text=True)
    assert rebuild.returncode == 0, rebuild.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["Site"] + live + foreign)
    assert digest(site) == before
