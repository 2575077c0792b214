"""Hostile file names in `coursemap serve`: the error overlay and the terminal show them escaped, as text.

A file whose name holds HTML, terminal escapes and a line break that forges a diagnostic is added while a
page is open: the overlay lists it on one row, as text (no element is made from it, no handler runs), with
every control character written as \\u{XXXX}; the serve log holds no raw control character either."""
import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_serve import MODULE_PAGE, server, wait_live  # noqa: F401  (server is a fixture)

NAMES = [
    'courses/intro/<img src=x onerror="window.__pwned=1">\x1b[31mred.md',
    "courses/intro/x.md\nx.md:1:1: error[CM999]: forged.md",
    "courses/intro/\x1b]8;;mailto:x@example.invalid\x07link\x1b]8;;\x07\u202egpj.md",
    "courses/intro/bell\x07\x9b2J.md",
]
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_hostile_file_names_reach_the_overlay_and_the_log_escaped(browser, server):
    browser.get(f"{server.base}/{MODULE_PAGE}")
    wait_live(browser)
    for name in NAMES:
        (server.content / name).write_text("---\ntitle: 坏\norder: 9\nhours: 1\n---\nx\n", encoding="utf-8")
    server.wait_for_log(r"not updated, the content has errors", 1)
    overlay = WebDriverWait(browser, 20).until(lambda d: d.find_element(By.ID, "__coursemap-diagnostics"))
    WebDriverWait(browser, 10).until(lambda d: "CM108" in overlay.text)
    rows = overlay.find_elements(By.CSS_SELECTOR, ":scope > div")[1:]
    texts = [row.get_attribute("textContent") for row in rows]
    assert len(texts) == len(NAMES), texts
    assert all(": error[CM108]: " in text for text in texts), texts
    assert not any(CONTROL.search(text) for text in texts), texts
    assert any('<img src=x onerror="window.__pwned=1">\\u{001B}[31mred.md' in text for text in texts), texts
    assert any("x.md\\u{000A}x.md:1:1: error[CM999]: forged.md: error[CM108]" in text for text in texts), texts
    assert overlay.find_elements(By.TAG_NAME, "img") == []
    assert browser.execute_script("return window.__pwned === undefined")

    log = server.text()
    assert "error[CM108]" in log
    assert not CONTROL.search(log.replace("\r\x1b[2K", "")), repr(log)
    assert not re.search(r"^x\.md:1:1: error\[CM999\]", log, re.MULTILINE)
