"""The report's provenance (docs/coverage.md §7.1), recomputed: the content revision and the build date."""
import datetime
import hashlib
import os
import pathlib
import subprocess


def git(content_dir, *arguments):
    result = subprocess.run(["git", "-C", str(content_dir), *arguments], capture_output=True, text=True)
    return result.stdout.strip() if result.returncode == 0 else None


def content_files(content_dir: pathlib.Path):
    """Every content file, by path relative to the content folder (POSIX separators), sorted. Files and
    folders whose name starts with `.` are not content (docs/content.md §1)."""
    files = []
    for path in content_dir.rglob("*"):
        relative = path.relative_to(content_dir)
        if path.is_file() and not any(part.startswith(".") for part in relative.parts):
            files.append(relative.as_posix())
    return sorted(files, key=lambda p: p.encode("utf-8"))


def content_hash(content_dir: pathlib.Path) -> str:
    digest = hashlib.sha256()
    for relative in content_files(content_dir):
        data = (content_dir / relative).read_bytes()
        digest.update(relative.encode("utf-8") + b"\0" + str(len(data)).encode("ascii") + b"\0"
                      + hashlib.sha256(data).hexdigest().encode("ascii") + b"\n")
    return "sha256:" + digest.hexdigest()[:16]


def revision(content_dir: pathlib.Path):
    """(revision text, dirty) — the commit and whether `git status --porcelain` lists a change under the
    content folder, or the content hash outside a git work tree (dirty False)."""
    inside = git(content_dir, "rev-parse", "--is-inside-work-tree") == "true"
    if inside:
        commit = git(content_dir, "rev-parse", "HEAD")
        status = git(content_dir, "status", "--porcelain", "--untracked-files=all", "--", ".")
        return commit, bool(status)
    return content_hash(content_dir), False


def build_date(epoch: int) -> str:
    return datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("%Y-%m-%d %H:%M")


SOURCE_DATE_EPOCH = 1790000000
BUILD_DATE = build_date(SOURCE_DATE_EPOCH)
ENVIRONMENT = dict(os.environ, SOURCE_DATE_EPOCH=str(SOURCE_DATE_EPOCH))
