"""`coursemap build` runs Pagefind so that no file in the working directory or the content folder is imported
or run, and checks what Pagefind wrote instead of trusting its exit status.

Each hostile file, when Python or a shell runs it, writes a canary file at an absolute path; the build must
succeed with a complete search index and no canary. A full disk during indexing (a file-size limit, which
Pagefind ignores: it truncates its files and exits 0) must fail the build with CM802, exit status 2, and
leave the previous site, no staging folder and no temporary folder behind.
"""
import hashlib
import json
import os
import pathlib
import shutil
import stat
import subprocess
import sys

import pytest

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[1]))
from conftest import ROOT, coursemap_binary  # noqa: E402

FIXTURE = ROOT / "Tests/Fixtures/site"


def python_payload(canary: pathlib.Path) -> str:
    return f"open({str(canary)!r}, 'w').write('ran')\n"


def shell_payload(canary: pathlib.Path) -> str:
    return f"#!/bin/sh\necho ran > '{canary}'\nexit 0\n"


def plant(folder: pathlib.Path, layout: str, canary: pathlib.Path) -> dict:
    """Writes the hostile files of `layout` into `folder`; returns extra environment variables."""
    py = python_payload(canary)
    if layout == "pagefind.py":
        (folder / "pagefind.py").write_text(py)
    elif layout == "pagefind package":
        (folder / "pagefind").mkdir()
        (folder / "pagefind/__init__.py").write_text(py)
        (folder / "pagefind/__main__.py").write_text(py)
    elif layout == "sitecustomize and usercustomize":
        (folder / "sitecustomize.py").write_text(py)
        (folder / "usercustomize.py").write_text(py)
    elif layout == "encodings and importlib shadows":
        (folder / "encodings").mkdir()
        (folder / "encodings/__init__.py").write_text(py)
        (folder / "importlib").mkdir()
        (folder / "importlib/__init__.py").write_text(py)
        (folder / "runpy.py").write_text(py)
    elif layout == "PYTHON variables":
        (folder / "startup.py").write_text(py)
        (folder / "evil.pth").write_text("import os; " + py)
        return {"PYTHONPATH": str(folder), "PYTHONSTARTUP": str(folder / "startup.py"), "PYTHONUSERBASE": str(folder),
                "PYTHONINSPECT": "1", "PYTHONWARNINGS": "error"}
    elif layout in ("executables on a relative PATH", "executables on an empty PATH entry"):
        for name in ("python3", "pagefind", "pagefind_extended", "sh", "env"):
            (folder / name).write_text(shell_payload(canary))
            (folder / name).chmod(0o755)
        entry = "." if layout == "executables on a relative PATH" else ""
        return {"PATH": entry + ":" + os.environ["PATH"]}
    elif layout == "pyenv version file and BASH_ENV":
        (folder / ".python-version").write_text("system\n")
        (folder / "bashenv.sh").write_text(shell_payload(canary))
        return {"PYENV_VERSION": "system", "BASH_ENV": str(folder / "bashenv.sh"), "ENV": str(folder / "bashenv.sh")}
    else:
        raise AssertionError(layout)
    return {}


LAYOUTS = ["pagefind.py", "pagefind package", "sitecustomize and usercustomize", "encodings and importlib shadows",
           "PYTHON variables", "executables on a relative PATH", "executables on an empty PATH entry",
           "pyenv version file and BASH_ENV"]


def entry_languages(site: pathlib.Path) -> set:
    entry = json.loads((site / "pagefind/pagefind-entry.json").read_text())
    return set(entry["languages"])


@pytest.fixture
def content(tmp_path) -> pathlib.Path:
    folder = tmp_path / "Content"
    shutil.copytree(FIXTURE, folder)
    return folder


@pytest.mark.parametrize("where", ["working directory", "content folder"])
@pytest.mark.parametrize("layout", LAYOUTS)
def test_nothing_in_the_working_directory_or_content_runs(tmp_path, content, layout, where):
    canary = tmp_path / "CANARY"
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    if where == "working directory":
        cwd = tmp_path / "project"
        cwd.mkdir()
    else:
        cwd = content
    extra = plant(cwd, layout, canary)
    environment = dict(os.environ, TMPDIR=str(temporary), **extra)
    build = subprocess.run([str(coursemap_binary()), "build", "--content", str(content), "--output", str(tmp_path / "Site")],
                           cwd=cwd, env=environment, capture_output=True, text=True, timeout=300)
    assert not canary.exists(), f"a file from the {where} ran: {layout}"
    assert build.returncode == 0, build.stderr
    assert "CM80" not in build.stderr, build.stderr
    assert entry_languages(tmp_path / "Site") == {"en", "zh-cn"}
    assert list((tmp_path / "Site/pagefind/fragment").iterdir())
    assert list(temporary.iterdir()) == [], "Pagefind's temporary folder was left behind"


def shell_environment(**extra) -> dict:
    """The environment of a shell: without what pyenv's shim added for pytest (PYENV_VERSION, PYENV_DIR, and
    the chosen version's folders in front of PATH), so that the shims choose as they would for a user."""
    root = os.environ.get("PYENV_ROOT", str(pathlib.Path.home() / ".pyenv"))
    added = (root + "/versions/", root + "/libexec", root + "/plugins/")
    environment = {k: v for k, v in os.environ.items() if k not in ("PYENV_VERSION", "PYENV_DIR")}
    environment["PATH"] = ":".join(
        entry for entry in os.environ["PATH"].split(":") if not (entry.startswith(added) and not entry.endswith("/shims")))
    environment.update(extra)
    return environment


def installed_pythons() -> list:
    """Versions pyenv has here (some without Pagefind), or a name it does not have when it is absent."""
    versions = pathlib.Path(os.environ.get("PYENV_ROOT", pathlib.Path.home() / ".pyenv")) / "versions"
    names = sorted(p.name for p in versions.iterdir()) if versions.is_dir() else []
    return names + ["no-such-python"]


@pytest.mark.parametrize("version", installed_pythons())
def test_a_python_version_file_in_the_temporary_folder_does_not_choose_python(tmp_path, content, version):
    """Pagefind's folder is made in TMPDIR (often the shared /tmp): a pyenv `.python-version` there or above
    must not pick the Python (a version without Pagefind would switch search off)."""
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    (temporary / ".python-version").write_text(version + "\n")
    (tmp_path / ".python-version").write_text(version + "\n")
    build = subprocess.run([str(coursemap_binary()), "build", "--content", str(content), "--output", str(tmp_path / "Site")],
                           cwd=tmp_path, env=shell_environment(TMPDIR=str(temporary)), capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    assert "CM80" not in build.stderr, build.stderr
    assert entry_languages(tmp_path / "Site") == {"en", "zh-cn"}


def digest(folder: pathlib.Path) -> dict:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("blocks", [110, 120, 300])
def test_a_full_disk_while_indexing_fails_the_build_and_keeps_the_previous_site(tmp_path, content, blocks):
    binary = str(coursemap_binary())
    site = tmp_path / "Site"
    first = subprocess.run([binary, "build", "--no-search", "--content", str(content), "--output", str(site)],
                           capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    # Every page is smaller than the limit; Pagefind's WebAssembly and scripts are larger.
    largest_page = max(p.stat().st_size for p in site.rglob("*") if p.is_file())
    assert largest_page < blocks * 512, largest_page
    before = digest(site)
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    build = subprocess.run(["sh", "-c", f'ulimit -f {blocks}; exec "$0" build --content "$1" --output "$2"',
                            binary, str(content), str(site)],
                           env=dict(os.environ, TMPDIR=str(temporary)), capture_output=True, text=True, timeout=300)
    assert build.returncode == 2, build.stderr
    assert "error[CM802]" in build.stderr, build.stderr
    assert digest(site) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Content", "Site", "tmp"]
    assert list(temporary.iterdir()) == []
