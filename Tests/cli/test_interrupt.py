"""Interrupting `coursemap build` (Ctrl-C, or SIGTERM from a CI runner): the previous site stays as it was,
no staging folder is left beside it, and the exit status is 128 + the signal's number.

The content is the benchmark's generated corpus (scripts/bench/make-corpus.py), large enough that the
build is still rendering when the signal arrives: the test waits for the staging folder to appear.
"""
import hashlib
import pathlib
import signal
import subprocess
import sys
import time

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import ROOT, coursemap_binary  # noqa: E402


def digest(folder: pathlib.Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> pathlib.Path:
    root = tmp_path_factory.mktemp("interrupt-corpus")
    subprocess.run([sys.executable, str(ROOT / "scripts/bench/make-corpus.py"), "3000", str(root)],
                   check=True, capture_output=True)
    return root / "coursemap"


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM])
def test_an_interrupted_build_leaves_the_previous_site_and_no_staging_folder(corpus, tmp_path, signum):
    binary = str(coursemap_binary())
    site = tmp_path / "Site"
    first = subprocess.run([binary, "build", "--no-search", "--content", str(ROOT / "Tests/Fixtures/site"),
                            "--output", str(site)], capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    before = digest(site)

    build = subprocess.Popen([binary, "build", "--no-search", "--content", str(corpus), "--output", str(site)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not any(p.name.startswith(".Site.staging-") for p in tmp_path.iterdir()):
        assert build.poll() is None, "the build ended before it started writing: " + build.stderr.read()
        assert time.monotonic() < deadline, "no staging folder appeared"
        time.sleep(0.005)
    time.sleep(0.2)  # let the render threads write some pages
    build.send_signal(signum)
    _, stderr = build.communicate(timeout=60)

    assert build.returncode == 128 + signum, stderr
    assert "build interrupted, " in stderr and "left unchanged" in stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Site"]
    assert digest(site) == before
