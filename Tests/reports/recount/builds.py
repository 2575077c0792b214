"""Builds of the shipped content and of its edited copies, each once per test session, with the recount of
every reported scope next to what Coursemap wrote."""
import dataclasses
import os
import pathlib
import shutil
import subprocess
import tempfile

from . import content as content_module
from . import edits, provenance, rules

ROOT = pathlib.Path(__file__).resolve().parents[3]
LEVEL_FOLDERS = {"初级": "elementary", "中级": "intermediate", "高级": "advanced"}

VARIANTS = {
    "shipped": None,
    "multilevel": edits.multilevel,
    "two-certificates": edits.second_certificate,
    "revision": edits.revision,
    "gains-only": edits.gains_only,
    "lecture-only": edits.lecture_only,
    "changed-rules": edits.changed_rules,
    "remapped": edits.remapped,
}


def coursemap_binary() -> pathlib.Path:
    configured = os.environ.get("COURSEMAP_BIN")
    if configured:
        return pathlib.Path(configured)
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return pathlib.Path(bin_path) / "coursemap"


@dataclasses.dataclass
class Build:
    name: str
    content_dir: pathlib.Path
    site: pathlib.Path
    content: object
    reports: dict             # scope id -> rules.ScopeReport, in reported order
    output: str               # what `coursemap build` printed (diagnostics)

    def folder(self, scope_id) -> pathlib.Path:
        scope = self.content.scopes[scope_id]
        if scope.level:
            return self.site / "coverage" / scope.framework / LEVEL_FOLDERS[scope.level]
        return self.site / "coverage" / scope.framework

    def run(self, *arguments, check=False):
        """`coursemap ARGUMENTS --content <this content>`; returns the completed process (bytes)."""
        return subprocess.run([str(coursemap_binary()), *arguments, "--content", str(self.content_dir)],
                              capture_output=True, timeout=120, check=check, env=dict(provenance.ENVIRONMENT, COLUMNS="120"))


def coursemap_version():
    """What `coursemap --version` prints (the provenance's Coursemap version)."""
    return subprocess.run([str(coursemap_binary()), "--version"], capture_output=True, text=True,
                          check=True).stdout.strip()


class Builds:
    def __init__(self):
        self.folder = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-recount-"))
        self.cache = {}

    def get(self, name) -> Build:
        if name not in self.cache:
            self.cache[name] = self.build(name)
        return self.cache[name]

    def build(self, name) -> Build:
        target = self.folder / name
        content_dir = target / "Content"
        if VARIANTS[name] is None:
            content_dir = ROOT / "Content"
        else:
            edits.copy_content(content_dir)
            VARIANTS[name](content_dir)
        site = target / "Site"
        result = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(content_dir),
                                 "--output", str(site)], capture_output=True, text=True, timeout=300,
                                env=provenance.ENVIRONMENT)
        assert result.returncode == 0, f"{name}: build failed\n{result.stdout}\n{result.stderr}"
        content = content_module.read_content(content_dir)
        reports = {scope: rules.report(content, scope) for scope in rules.reported_scopes(content)}
        return Build(name, content_dir, site, content, reports, result.stdout + result.stderr)

    def close(self):
        shutil.rmtree(self.folder, ignore_errors=True)
