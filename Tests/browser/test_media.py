"""Micro-lectures and the resource library in a real browser."""
import time

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def test_lecture_plays_with_its_caption_track(browser, http_site):
    browser.get(f"{http_site}/lectures/l1.html")
    wait = WebDriverWait(browser, 10)
    wait.until(lambda d: d.execute_script("return document.getElementById('cm-video').readyState >= 1"))
    duration = browser.execute_script("return document.getElementById('cm-video').duration")
    assert abs(duration - 12) < 0.5
    track = wait.until(lambda d: d.execute_script("""
        const t = document.getElementById('cm-video').textTracks[0];
        t.mode = 'showing';
        return t.cues && t.cues.length ? {lang: t.language, cues: t.cues.length, first: t.cues[0].text} : null;"""))
    assert track == {"lang": "zh-CN", "cues": 2, "first": "点击率等于点击量除以曝光量。"}


def test_transcript_time_codes_seek_the_video(browser, http_site):
    browser.get(f"{http_site}/lectures/l1.html")
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.getElementById('cm-video').readyState >= 1"))
    browser.execute_script("document.getElementById('cm-video').muted = true")
    link = browser.find_element(By.CSS_SELECTOR, "a.timestamp[data-time='6']")
    link.click()
    WebDriverWait(browser, 10).until(
        lambda d: d.execute_script("return document.getElementById('cm-video').currentTime") >= 6)
    assert browser.current_url.endswith("/lectures/l1.html")  # the page did not navigate away


def test_library_filters_by_kind_course_and_competency(browser, site):
    browser.get((site / "resources" / "index.html").as_uri())
    form = browser.find_element(By.CSS_SELECTOR, "form.library-filters")
    assert form.is_displayed()
    rows = browser.find_elements(By.CSS_SELECTOR, "table.library tbody tr")
    assert len(rows) == 4

    def visible():
        return sorted(r.get_attribute("data-kind") for r in rows if r.is_displayed())

    Select(form.find_element(By.NAME, "kind")).select_by_value("slides")
    assert visible() == ["slides"]
    Select(form.find_element(By.NAME, "kind")).select_by_value("")
    Select(form.find_element(By.NAME, "course")).select_by_value("intro")
    assert visible() == ["lecture", "slides"]
    Select(form.find_element(By.NAME, "course")).select_by_value("")
    form.find_element(By.NAME, "competency").send_keys("1.1.1")
    assert visible() == ["dataset"]
    form.find_element(By.NAME, "competency").send_keys("9")
    assert visible() == []
    assert browser.find_element(By.CSS_SELECTOR, ".library-empty").is_displayed()
