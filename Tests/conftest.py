"""Fixtures for the browser and report tests: freshly built portals and a headless Chromium (Selenium).

The portal is built from Tests/Fixtures/site with the `coursemap` binary that `swift build` produced
(COURSEMAP_BIN overrides the path). Chromium and chromedriver come from Debian's packages; Selenium is
told where they are, so it never tries to download a driver.
"""
import os
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = pathlib.Path(__file__).resolve().parents[1]


def coursemap_binary() -> pathlib.Path:
    configured = os.environ.get("COURSEMAP_BIN")
    if configured:
        return pathlib.Path(configured)
    bin_path = subprocess.run(["swift", "build", "--show-bin-path"], cwd=ROOT, check=True,
                              capture_output=True, text=True).stdout.strip()
    return pathlib.Path(bin_path) / "coursemap"


@pytest.fixture(scope="session")
def site() -> pathlib.Path:
    output = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-browser-")) / "Site"
    subprocess.run([str(coursemap_binary()), "build", "--content", str(ROOT / "Tests/Fixtures/site"),
                    "--output", str(output)], check=True, capture_output=True)
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--window-size=1280,1000", "--allow-file-access-from-files"):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    driver = webdriver.Chrome(options=options, service=service)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def http_site(site):
    """The same portal served over HTTP on 127.0.0.1 (a random free port): browsers load caption tracks
    only from an http(s) origin."""
    server = serve(site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def shipped_site() -> pathlib.Path:
    """The shipped example content (Content/), built once for the report tests."""
    output = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-reports-")) / "Site"
    subprocess.run([str(coursemap_binary()), "build", "--content", str(ROOT / "Content"), "--output", str(output)],
                   check=True, capture_output=True)
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)


def serve(directory):
    """Serves a folder over HTTP on 127.0.0.1 (a random free port) in a background thread."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


@pytest.fixture(scope="session")
def http_shipped(shipped_site):
    server = serve(shipped_site)
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="session")
def screenshot_dir() -> pathlib.Path:
    """Screenshots of key pages for people to look at (COURSEMAP_SCREENSHOTS overrides the folder)."""
    folder = pathlib.Path(os.environ.get("COURSEMAP_SCREENSHOTS", ROOT / ".build" / "screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def shipped_teacher_site() -> pathlib.Path:
    """The shipped example content built as the teacher edition (`--edition teacher`: answer pages included)."""
    output = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-teacher-")) / "Site"
    subprocess.run([str(coursemap_binary()), "build", "--content", str(ROOT / "Content"), "--output", str(output),
                    "--edition", "teacher"], check=True, capture_output=True)
    yield output
    shutil.rmtree(output.parent, ignore_errors=True)
