"""Grading you can trust: for every practice item of every bank, the self-check in headless Chromium accepts
the item's own key and rejects a wrong answer.

Sites: the shipped example (Content/), one built from the interop fixtures in ../shared/interop (every Moodle
XML file except the deliberately invalid one, every QTI 2.1 item; sidecars make them practice), and a small
hand-made bank with what the fixtures lack (matching with a shared target and a distractor, feedback,
numerical tolerance, drop-down blanks). Every answer is given by real clicks, selections and typing.
"""
import json
import pathlib
import shutil
import subprocess
import tempfile

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import ROOT, coursemap_binary, serve

INTEROP = ROOT.parent / "shared" / "interop"

CORRECT = {"回答正确。", "Correct."}

HANDMADE_BANK = """<?xml version="1.0" encoding="UTF-8"?>
<bank xmlns="urn:coursemap:exercises:1" id="graded" course="intro">
  <title><zh>评分测试</zh><en>Grading test</en></title>
  <section>
    <title><zh>一</zh></title>
    <matching id="shared" usage="practice" score="3">
      <stem>把术语与风险转移点配对。</stem>
      <pair><left>FOB</left><right>装运港船上</right></pair>
      <pair><left>CFR</left><right>装运港船上</right></pair>
      <pair><left>EXW</left><right>卖方工厂</right></pair>
      <distractor>目的港码头</distractor>
      <feedback when="correct">配对正确：FOB 与 CFR 的风险都在装运港船上转移。</feedback>
      <feedback when="incorrect">再看看风险转移点。</feedback>
      <feedback when="general">风险转移与费用划分不同。</feedback>
    </matching>
    <single id="pick" usage="practice" score="2">
      <stem>哪一项是到岸价？</stem>
      <choice>FOB</choice>
      <choice correct="true">CIF</choice>
      <choice>EXW</choice>
      <feedback when="correct">对。</feedback>
      <feedback when="incorrect">CIF 才是到岸价。</feedback>
    </single>
  </section>
  <section>
    <title><zh>二</zh></title>
    <multiple id="many" usage="practice">
      <stem>哪些是贸易术语？</stem>
      <choice correct="true">FOB</choice>
      <choice>GMV</choice>
      <choice correct="true">CIF</choice>
    </multiple>
    <ordering id="steps" usage="practice">
      <stem>排出顺序。</stem>
      <step>询盘</step><step>报价</step><step>还盘</step><step>接受</step>
    </ordering>
    <fill id="typed" usage="practice">
      <stem>点击率英文缩写是 <blank/>，转化率是 <blank/>。</stem>
      <blank-answer><accept>CTR</accept></blank-answer>
      <blank-answer><accept>CVR</accept><accept>conversion rate</accept></blank-answer>
    </fill>
    <truefalse id="tf" usage="practice">
      <stem>FOB 由买方租船。</stem>
      <answer>true</answer>
    </truefalse>
    <single id="locked" usage="exam">
      <stem>考试题。</stem>
      <choice>甲</choice>
      <choice correct="true">乙</choice>
      <feedback when="correct">考试反馈不应出现。</feedback>
    </single>
  </section>
</bank>
"""

MOODLE_EXTRA = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="numerical">
    <name><text>tolerance</text></name>
    <questiontext format="html"><text>1.034 × 0.2 = ?</text></questiontext>
    <answer fraction="100"><text>0.2068</text><tolerance>0.0002</tolerance></answer>
  </question>
  <question type="matching">
    <name><text>shared-target</text></name>
    <questiontext format="html"><text>配对。</text></questiontext>
    <subquestion format="html"><text>FOB</text><answer><text>船上</text></answer></subquestion>
    <subquestion format="html"><text>CFR</text><answer><text>船上</text></answer></subquestion>
    <subquestion format="html"><text>EXW</text><answer><text>工厂</text></answer></subquestion>
    <subquestion format="html"><text></text><answer><text>码头</text></answer></subquestion>
  </question>
  <question type="shortanswer">
    <name><text>wildcard</text></name>
    <questiontext format="html"><text>What animal croaks?</text></questiontext>
    <usecase>0</usecase>
    <answer fraction="100"><text>frog*</text></answer>
    <answer fraction="0"><text>*</text><feedback><text>No.</text></feedback></answer>
  </question>
  <question type="cloze">
    <name><text>cloze</text></name>
    <questiontext format="html"><text>FOB 是 {1:SHORTANSWER:=离岸价~%50%船上交货} 价，CIF 是 {1:MULTICHOICE:=到岸价~离岸价~工厂价} 价。</text></questiontext>
  </question>
</quiz>
"""


def build(content: pathlib.Path, output: pathlib.Path):
    done = subprocess.run([str(coursemap_binary()), "build", "--no-search", "--content", str(content), "--output", str(output)],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    return output


def handmade_content(folder: pathlib.Path):
    """The test fixture site plus the hand-made bank and Moodle questions."""
    content = folder / "content"
    shutil.copytree(ROOT / "Tests/Fixtures/site", content)
    (content / "exercises" / "graded.xml").write_text(HANDMADE_BANK, encoding="utf-8")
    (content / "exercises" / "extra-moodle.xml").write_text(MOODLE_EXTRA, encoding="utf-8")
    (content / "exercises" / "extra-moodle.bank.yml").write_text("id: extra-moodle\ntitle:\n  zh: 额外题\nusage: practice\n", encoding="utf-8")
    return content


def interop_content(folder: pathlib.Path):
    """A content folder with every usable interop fixture as a practice bank."""
    content = folder / "interop"
    (content / "exercises" / "qti").mkdir(parents=True)
    (content / "coursemap.yml").write_text("title:\n  zh: 互操作\n  en: Interop\nlanguage: zh-CN\n", encoding="utf-8")
    for source in sorted((INTEROP / "moodle-xml").glob("*.xml")):
        if source.name.startswith("error_"):
            continue
        shutil.copy(source, content / "exercises" / source.name)
        bank = source.stem.replace("_", "-")
        (content / "exercises" / f"{source.stem}.bank.yml").write_text(
            f"id: moodle-{bank}\ntitle:\n  zh: {source.stem}\nusage: practice\n", encoding="utf-8")
    for source in sorted((INTEROP / "qti-2.1").glob("*.xml")):
        shutil.copy(source, content / "exercises" / "qti" / source.name)
    (content / "exercises" / "qti" / "bank.yml").write_text("id: qti\ntitle:\n  zh: QTI\nusage: practice\n", encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def sites():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-grading-"))
    built = {
        "content": build(ROOT / "Content", folder / "content-site"),
        "interop": build(interop_content(folder), folder / "interop-site"),
        "handmade": build(handmade_content(folder), folder / "handmade-site"),
    }
    servers = {name: serve(path) for name, path in built.items()}
    yield {name: (path, f"http://127.0.0.1:{servers[name].server_address[1]}") for name, path in built.items()}
    for server in servers.values():
        server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


def bank_pages(site: pathlib.Path):
    return sorted(path.parent.name for path in (site / "banks").glob("*/index.html"))


# --- Driving one item ------------------------------------------------------------------------------------

def centre(browser, element):
    browser.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)


def click(browser, element):
    centre(browser, element)
    element.click()


def check(browser, article):
    click(browser, article.find_element(By.CSS_SELECTOR, ".selfcheck button"))
    return article.find_element(By.CSS_SELECTOR, ".selfcheck-status").text


def verdict_is_correct(article, text):
    return any(text.startswith(word) for word in CORRECT) and "is-right" in article.get_attribute("class")


def normalise(text, case_sensitive):
    value = " ".join(str(text).split())
    return value if case_sensitive else value.lower()


def set_choices(browser, article, wanted):
    for box in article.find_elements(By.CSS_SELECTOR, ".choices input"):
        if box.is_selected() != (box.get_attribute("value") in wanted):
            click(browser, box)


def type_into(browser, field, text):
    centre(browser, field)
    field.clear()
    field.send_keys(text)


def answer_blank(browser, field, blank, right):
    accepted = [normalise(value, blank["caseSensitive"]) for value in blank["accepted"]]
    if field.tag_name == "select":
        select = Select(field)
        centre(browser, field)
        options = [option.text for option in select.options if option.get_attribute("value") != ""]
        chosen = [text for text in options if (normalise(text, blank["caseSensitive"]) in accepted) == right]
        assert chosen, f"no {'accepted' if right else 'wrong'} option among {options}"
        select.select_by_visible_text(chosen[0])
    else:
        type_into(browser, field, blank["accepted"][0] if right else "完全不对的答案 zz")


def answer(browser, article, key, right):
    """Answers `article` with its key (right) or with a wrong answer; every kind of key has a driver."""
    kind = key["type"]
    if kind == "choice":
        correct = set(key["correct"])
        if right:
            set_choices(browser, article, correct)
        else:
            values = [box.get_attribute("value") for box in article.find_elements(By.CSS_SELECTOR, ".choices input")]
            others = [value for value in values if value not in correct]
            assert others, "a choice item without a wrong choice"
            single = article.find_element(By.CSS_SELECTOR, ".choices input").get_attribute("type") == "radio"
            set_choices(browser, article, {others[0]} if single else correct | {others[0]})
    elif kind == "fill":
        fields = article.find_elements(By.CSS_SELECTOR, "input[data-blank], select[data-blank]")
        assert len(fields) == len(key["blanks"])
        for index, (field, blank) in enumerate(zip(fields, key["blanks"])):
            answer_blank(browser, field, blank, right or index > 0)
    elif kind == "numeric":
        field = article.find_element(By.CSS_SELECTOR, "input[data-blank]")
        best = key["numbers"][0]
        if right:
            type_into(browser, field, repr(best["value"]))
        else:
            wrong = best["value"] + best["tolerance"] + max(1.0, abs(best["value"]))
            assert all(abs(wrong - number["value"]) > number["tolerance"] for number in key["numbers"])
            type_into(browser, field, repr(wrong))
    elif kind == "positions":
        selects = article.find_elements(By.CSS_SELECTOR, "select[data-position]")
        assert len(selects) == len(key["positions"])
        for index, (select, position) in enumerate(zip(selects, key["positions"])):
            centre(browser, select)
            if right or index > 0:
                Select(select).select_by_value(str(position))
            else:
                values = [option.get_attribute("value") for option in Select(select).options]
                Select(select).select_by_value(next(value for value in values if value not in ("", str(position))))
    else:
        pytest.fail(f"no driver for self-check key type {kind!r}: add one to test_grading.py")


def grade_every_item(browser, base, site):
    checked = []
    for bank in bank_pages(site):
        browser.get(f"{base}/banks/{bank}/index.html")
        browser.execute_script("window.localStorage.clear()")
        browser.refresh()
        for article in browser.find_elements(By.CSS_SELECTOR, ".item[data-answer]"):
            key = json.loads(article.get_attribute("data-answer"))
            name = f"{bank}#{article.get_attribute('id')} ({key['type']})"
            answer(browser, article, key, right=True)
            text = check(browser, article)
            assert verdict_is_correct(article, text), f"{name}: the key was not accepted: {text!r}"
            assert article.find_elements(By.CSS_SELECTOR, ".is-wrong-mark") == [], f"{name}: a right answer is marked wrong"
            answer(browser, article, key, right=False)
            text = check(browser, article)
            assert not verdict_is_correct(article, text), f"{name}: a wrong answer was accepted: {text!r}"
            assert article.find_elements(By.CSS_SELECTOR, ".is-wrong-mark"), f"{name}: nothing is marked wrong"
            checked.append((name, key["type"]))
        browser.execute_script("window.localStorage.clear()")
    return checked


def test_every_practice_item_of_the_shipped_banks_grades_right(browser, sites):
    site, base = sites["content"]
    checked = grade_every_item(browser, base, site)
    assert len(checked) >= 20
    assert {"choice", "fill", "positions"} <= {kind for _, kind in checked}
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE" and entry["source"] != "network"] == []


def test_every_practice_item_of_the_interop_fixtures_grades_right(browser, sites):
    site, base = sites["interop"]
    checked = grade_every_item(browser, base, site)
    kinds = {kind for _, kind in checked}
    assert {"choice", "fill", "positions"} <= kinds, kinds
    # Every QTI fixture that has a self-check is a practice item here.
    assert sum(name.startswith("qti#") for name, _ in checked) >= 6


def test_hand_made_items_grade_right(browser, sites):
    site, base = sites["handmade"]
    checked = dict(grade_every_item(browser, base, site))
    for name in ("graded#item-shared", "graded#item-pick", "graded#item-many", "graded#item-steps", "graded#item-typed",
                 "graded#item-tf", "extra-moodle#item-tolerance", "extra-moodle#item-shared-target", "extra-moodle#item-cloze"):
        assert any(entry.startswith(name + " ") for entry in checked), f"{name} was not graded: {sorted(checked)}"


# --- Matching with shared targets and a distractor -------------------------------------------------------

def open_bank(browser, base, bank, clear=True):
    browser.get(f"{base}/banks/{bank}/index.html")
    if clear:
        browser.execute_script("window.localStorage.clear()")
        browser.refresh()


def test_shared_target_is_offered_once_and_the_distractor_too(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    article = browser.find_element(By.ID, "item-shared")
    targets = [item.text for item in article.find_elements(By.CSS_SELECTOR, ".match-options li")]
    assert sorted(targets) == sorted(["装运港船上", "卖方工厂", "目的港码头"])
    key = json.loads(article.get_attribute("data-answer"))
    assert key["positions"][0] == key["positions"][1], "FOB and CFR share one target"
    for select in article.find_elements(By.CSS_SELECTOR, "select[data-position]"):
        assert len([option for option in Select(select).options if option.get_attribute("value")]) == 3


def test_the_imported_moodle_matching_offers_its_shared_target_once(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "extra-moodle")
    article = browser.find_element(By.ID, "item-shared-target")
    targets = [item.text for item in article.find_elements(By.CSS_SELECTOR, ".match-options li")]
    assert targets.count("船上") == 1


def test_tolerance_is_printed_as_written(sites):
    site, _ = sites["handmade"]
    page = (site / "banks" / "extra-moodle" / "index.html").read_text(encoding="utf-8")
    assert "±0.0002" in page and "0.00019999" not in page


# --- Marking, feedback, scores ---------------------------------------------------------------------------

def test_wrong_choice_is_marked_with_text_and_feedback_appears_after_a_check(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    article = browser.find_element(By.ID, "item-pick")
    feedback = {block.get_attribute("data-when"): block for block in article.find_elements(By.CSS_SELECTOR, ".feedback")}
    assert set(feedback) == {"correct", "incorrect"}
    assert not any(block.is_displayed() for block in feedback.values()), "feedback is shown before a check"
    click(browser, article.find_element(By.CSS_SELECTOR, "input[value='A']"))
    text = check(browser, article)
    assert "得分 0 / 2" in text
    wrong = article.find_element(By.CSS_SELECTOR, "li.is-wrong-mark")
    assert "FOB" in wrong.text and "错误" in wrong.find_element(By.CSS_SELECTOR, ".wrong-note").text
    assert feedback["incorrect"].is_displayed() and not feedback["correct"].is_displayed()
    click(browser, article.find_element(By.CSS_SELECTOR, "input[value='B']"))
    text = check(browser, article)
    assert text.startswith("回答正确。") and "得分 2 / 2" in text
    assert feedback["correct"].is_displayed() and not feedback["incorrect"].is_displayed()
    assert article.find_elements(By.CSS_SELECTOR, ".is-wrong-mark") == []


def test_partial_matching_scores_a_fraction_and_marks_the_wrong_row(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    article = browser.find_element(By.ID, "item-shared")
    key = json.loads(article.get_attribute("data-answer"))
    selects = article.find_elements(By.CSS_SELECTOR, "select[data-position]")
    wrong_value = next(str(value) for value in (1, 2, 3) if value != key["positions"][2])
    for select, value in zip(selects, [str(key["positions"][0]), str(key["positions"][1]), wrong_value]):
        centre(browser, select)
        Select(select).select_by_value(value)
    text = check(browser, article)
    assert text.startswith("部分正确。") and "得分 2 / 3" in text
    marked = article.find_elements(By.CSS_SELECTOR, "select.is-wrong-mark")
    assert len(marked) == 1 and marked[0].get_attribute("aria-invalid") == "true"
    assert article.find_element(By.CSS_SELECTOR, ".feedback[data-when='general']").is_displayed()


def test_exam_item_has_no_feedback_in_the_student_edition(sites):
    site, _ = sites["handmade"]
    for page in [site / "banks" / "graded" / "index.html", site / "banks" / "graded" / "locked.html"]:
        assert "考试反馈不应出现" not in page.read_text(encoding="utf-8")
    assert "考试题只显示题目" in (site / "banks" / "graded" / "index.html").read_text(encoding="utf-8")


def test_check_all_reset_and_bank_score(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    bar = browser.find_element(By.CSS_SELECTOR, ".bank-selfcheck")
    assert bar.is_displayed()
    score = bar.find_element(By.CSS_SELECTOR, ".bank-score")
    assert score.text.startswith("已答 0 / 6")
    set_choices(browser, browser.find_element(By.ID, "item-pick"), {"B"})
    set_choices(browser, browser.find_element(By.ID, "item-tf"), {"false"})
    click(browser, bar.find_element(By.CSS_SELECTOR, ".bank-check-all"))
    assert score.text == "已答 2 / 6 · 得分 2 / 9"
    assert browser.find_element(By.ID, "item-shared").find_element(By.CSS_SELECTOR, ".selfcheck-result").text == "请先作答。"
    assert "is-wrong" in browser.find_element(By.ID, "item-tf").get_attribute("class")
    click(browser, bar.find_element(By.CSS_SELECTOR, ".bank-reset"))
    assert score.text.startswith("已答 0 / 6")
    assert browser.find_elements(By.CSS_SELECTOR, ".choices input:checked") == []
    assert browser.find_elements(By.CSS_SELECTOR, ".is-wrong-mark, .item.is-right, .item.is-wrong") == []
    assert not any(block.is_displayed() for block in browser.find_elements(By.CSS_SELECTOR, ".feedback"))
    assert browser.execute_script("return JSON.parse(localStorage.getItem('coursemap-selfcheck:graded') || '{}')") == {}


def test_answers_are_kept_across_a_reload(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    set_choices(browser, browser.find_element(By.ID, "item-pick"), {"B"})
    typed = browser.find_element(By.ID, "item-typed").find_elements(By.CSS_SELECTOR, "input[data-blank]")
    type_into(browser, typed[0], "CTR")
    check(browser, browser.find_element(By.ID, "item-pick"))
    open_bank(browser, base, "graded", clear=False)
    article = browser.find_element(By.ID, "item-pick")
    assert article.find_element(By.CSS_SELECTOR, "input[value='B']").is_selected()
    assert article.find_element(By.CSS_SELECTOR, ".selfcheck-result").text.startswith("回答正确。")
    assert browser.find_element(By.ID, "item-typed").find_element(By.CSS_SELECTOR, "input[data-blank='1']").get_attribute("value") == "CTR"
    assert browser.find_element(By.CSS_SELECTOR, ".bank-score").text.startswith("已答 1 / 6")
    # The item page of the same bank shares the saved answers.
    browser.get(f"{base}/banks/graded/pick.html")
    assert browser.find_element(By.CSS_SELECTOR, "#item-pick input[value='B']").is_selected()
    browser.execute_script("window.localStorage.clear()")


def test_touch_targets_are_at_least_24_px(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    sizes = browser.execute_script("""
        return Array.from(document.querySelectorAll(
          '.item .choices input, .item select, .item .selfcheck button, .bank-selfcheck button, .item-anchor'))
          .filter(e => e.offsetParent !== null)
          .map(e => { const r = e.getBoundingClientRect(); return [e.outerHTML.slice(0, 60), r.width, r.height]; });
    """)
    assert sizes
    small = [entry for entry in sizes if entry[1] < 24 or entry[2] < 24]
    assert small == []


def test_english_pages_grade_too(browser, sites):
    _, base = sites["handmade"]
    browser.get(f"{base}/en/banks/graded/index.html")
    browser.execute_script("window.localStorage.clear()")
    article = browser.find_element(By.ID, "item-pick")
    click(browser, article.find_element(By.CSS_SELECTOR, "input[value='A']"))
    text = check(browser, article)
    assert text.startswith("Not quite") and "Score 0 / 2" in text
    assert "wrong" in article.find_element(By.CSS_SELECTOR, ".wrong-note").text


def test_long_banks_have_a_section_menu_and_item_anchors(browser, sites):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    menu = browser.find_element(By.CSS_SELECTOR, "nav.bank-contents")
    links = [link.get_attribute("href").split("#")[1] for link in menu.find_elements(By.CSS_SELECTOR, "a")]
    assert "section-1" in links and "item-shared" in links and "item-locked" in links
    anchor = browser.find_element(By.CSS_SELECTOR, "#item-steps .item-anchor")
    assert anchor.get_attribute("href").endswith("#item-steps") and "#" in anchor.text


def test_course_and_module_pages_link_to_their_banks(sites):
    site, _ = sites["content"]
    pages = list((site / "courses").glob("*/index.html"))
    linked = [page for page in pages if 'class="practice-links"' in page.read_text(encoding="utf-8")]
    assert linked, "no course page links to a bank"
    modules = [page for page in (site / "courses").glob("*/*.html") if page.name != "index.html"]
    assert any("practice-items" in page.read_text(encoding="utf-8") for page in modules), "no module page lists items"


def test_graders_are_open_to_other_scripts_and_composites_grade_their_parts(browser, sites):
    """The contract interactions.js relies on: window.CoursemapGraders[type] is used for unknown types, and
    window.CoursemapSelfcheck.grade grades a composite's parts, each inside its .item-part[data-part=N]."""
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    result = browser.execute_script("""
        const container = document.createElement('div');
        const part0 = document.createElement('div'); part0.className = 'item-part'; part0.dataset.part = '1';
        const field = document.createElement('input'); field.type = 'text'; field.name = 'p0'; field.dataset.blank = '1';
        part0.appendChild(field);
        const part1 = document.createElement('div'); part1.className = 'item-part'; part1.dataset.part = '2';
        const hidden = document.createElement('input'); hidden.type = 'hidden'; hidden.name = 'p1'; hidden.value = '';
        part1.appendChild(hidden);
        container.append(part0, part1);
        window.CoursemapGraders = window.CoursemapGraders || {};
        window.CoursemapGraders.hidden = function (scope, key) {
          const input = scope.querySelector('input[type=hidden]');
          if (!input.value) return null;
          return {correct: input.value === key.value, fraction: input.value === key.value ? 1 : 0, wrong: input.value === key.value ? [] : [input]};
        };
        const key = {type: 'parts', parts: [
          {part: 1, key: {type: 'fill', blanks: [{accepted: ['CTR'], caseSensitive: false}]}},
          {part: 2, key: {type: 'hidden', value: 'B'}}]};
        const grade = window.CoursemapSelfcheck.grade;
        const empty = grade(container, key);
        field.value = 'ctr'; hidden.value = 'B';
        const right = grade(container, key);
        hidden.value = 'C';
        const half = grade(container, key);
        return [empty, [right.correct, right.fraction], [half.correct, half.fraction, half.wrong.length]];
    """)
    assert result == [None, [True, 1], [False, 0.5, 1]]


# --- Input the authors did not design for (red team) -----------------------------------------------------

ODD_BANK = """<?xml version="1.0" encoding="UTF-8"?>
<bank xmlns="urn:coursemap:exercises:1" id="odd" course="intro">
  <title><zh>奇怪输入</zh></title>
  <ordering id="same-steps" usage="practice">
    <stem>有两个相同步骤的排序。</stem>
    <step>检查</step><step>修改</step><step>检查</step><step>发布</step>
  </ordering>
  <matching id="same-left" usage="practice">
    <stem>两个相同的左项。</stem>
    <pair><left>同</left><right>一</right></pair>
    <pair><left>同</left><right>二</right></pair>
    <pair><left>异</left><right>三</right></pair>
  </matching>
  <fill id="widths" usage="practice">
    <stem>填 <blank/> 和 <blank/> 和 <blank/>。</stem>
    <blank-answer><accept>CTR</accept></blank-answer>
    <blank-answer case-sensitive="true"><accept>iPhone 15</accept></blank-answer>
    <blank-answer><accept>12</accept></blank-answer>
  </fill>
</bank>
"""

ODD_NUMBERS = """<?xml version="1.0" encoding="UTF-8"?>
<quiz>
  <question type="numerical"><name><text>one-point-five</text></name>
    <questiontext format="html"><text>1.5</text></questiontext>
    <answer fraction="100"><text>1,5</text><tolerance>0</tolerance></answer></question>
  <question type="numerical"><name><text>fifteen</text></name>
    <questiontext format="html"><text>15</text></questiontext>
    <answer fraction="100"><text>15</text><tolerance>0</tolerance></answer></question>
  <question type="numerical"><name><text>thousand</text></name>
    <questiontext format="html"><text>1000</text></questiontext>
    <answer fraction="100"><text>1000</text><tolerance>0</tolerance></answer></question>
  <question type="numerical"><name><text>negative</text></name>
    <questiontext format="html"><text>-3.5</text></questiontext>
    <answer fraction="100"><text>-3.5</text><tolerance>0</tolerance></answer></question>
</quiz>
"""

PREFIX_BANKS = {
    "a.xml": """<?xml version="1.0" encoding="UTF-8"?>
<bank xmlns="urn:coursemap:exercises:1" id="a" course="intro"><title><zh>A</zh></title>
  <single id="b--c" usage="practice"><stem>a / b--c</stem><choice correct="true">对</choice><choice>错</choice></single>
</bank>
""",
    "a--b.xml": """<?xml version="1.0" encoding="UTF-8"?>
<bank xmlns="urn:coursemap:exercises:1" id="a--b" course="intro"><title><zh>A--B</zh></title>
  <single id="c" usage="practice"><stem>a--b / c</stem><choice>对</choice><choice correct="true">错</choice></single>
</bank>
""",
}


@pytest.fixture(scope="module")
def odd_site():
    folder = pathlib.Path(tempfile.mkdtemp(prefix="coursemap-odd-"))
    content = folder / "content"
    shutil.copytree(ROOT / "Tests/Fixtures/site", content)
    (content / "exercises" / "odd.xml").write_text(ODD_BANK, encoding="utf-8")
    (content / "exercises" / "numbers.xml").write_text(ODD_NUMBERS, encoding="utf-8")
    (content / "exercises" / "numbers.bank.yml").write_text("id: numbers\ntitle:\n  zh: moodle-core_sample_questions_with_old_image_tag_exported\nusage: practice\n", encoding="utf-8")
    for name, text in PREFIX_BANKS.items():
        (content / "exercises" / name).write_text(text, encoding="utf-8")
    module = content / "courses" / "intro" / "01-basics.md"
    module.write_text(module.read_text(encoding="utf-8") + "\n{{embed item:a/b--c}}\n\n{{embed item:a--b/c}}\n\n{{embed item:basics/s1}}\n", encoding="utf-8")
    site = build(content, folder / "site")
    server = serve(site)
    yield site, f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    shutil.rmtree(folder, ignore_errors=True)


def test_odd_items_grade_their_own_key(browser, odd_site):
    site, base = odd_site
    checked = [name for name, _ in grade_every_item(browser, base, site)]
    for name in ("odd#item-same-steps", "odd#item-same-left", "odd#item-widths", "numbers#item-one-point-five"):
        assert any(entry.startswith(name + " ") for entry in checked), f"{name} was not graded: {checked}"


def typed_number_verdicts(browser, base, answers):
    open_bank(browser, base, "numbers")
    verdicts = []
    for item, text in answers:
        article = browser.find_element(By.ID, item)
        type_into(browser, article.find_element(By.CSS_SELECTOR, "input[data-blank]"), text)
        verdicts.append((item, text, verdict_is_correct(article, check(browser, article))))
    return verdicts


def test_numbers_typed_full_width_or_with_a_decimal_comma_grade_as_meant(browser, odd_site):
    """Full-width digits (Chinese input methods), the minus sign U+2212, a decimal comma (the importer reads the
    author's "1,5" as 1.5, so must the self-check) and thousands groups; "1,5" is not 15."""
    _, base = odd_site
    verdicts = typed_number_verdicts(browser, base, [
        ("item-one-point-five", "1,5"), ("item-one-point-five", "１．５"), ("item-fifteen", "１５"),
        ("item-thousand", "1,000"), ("item-thousand", "１０００"), ("item-thousand", "1e3"),
        ("item-negative", "−3.5"), ("item-negative", "－３.５")])
    assert [entry for entry in verdicts if not entry[2]] == []
    verdicts = typed_number_verdicts(browser, base, [("item-fifteen", "1,5"), ("item-thousand", "1,00"), ("item-thousand", "10,00")])
    assert [entry for entry in verdicts if entry[2]] == []
    browser.execute_script("window.localStorage.clear()")


def test_full_width_letters_and_digits_fill_blanks(browser, odd_site):
    _, base = odd_site
    open_bank(browser, base, "odd")
    article = browser.find_element(By.ID, "item-widths")
    fields = article.find_elements(By.CSS_SELECTOR, "input[data-blank]")
    for field, text in zip(fields, ["ＣＴＲ", "iPhone\u300015", "１２"]):
        type_into(browser, field, text)
    assert verdict_is_correct(article, check(browser, article))
    # Case still matters where the author says so.
    type_into(browser, fields[1], "ＩＰＨＯＮＥ 15")
    assert not verdict_is_correct(article, check(browser, article))
    browser.execute_script("window.localStorage.clear()")


def test_rows_that_look_the_same_may_swap(browser, odd_site):
    """Two identical ordering steps (or matching left items) cannot be told apart: either order is right, but
    both rows cannot take one position."""
    _, base = odd_site
    open_bank(browser, base, "odd")
    for item, text_selector in (("item-same-steps", ".ordering li span"), ("item-same-left", ".matching th")):
        article = browser.find_element(By.ID, item)
        key = json.loads(article.get_attribute("data-answer"))
        texts = [element.text for element in article.find_elements(By.CSS_SELECTOR, text_selector)]
        first, second = [index for index, text in enumerate(texts) if texts.count(text) > 1]
        selects = article.find_elements(By.CSS_SELECTOR, "select[data-position]")
        swapped = list(key["positions"])
        swapped[first], swapped[second] = swapped[second], swapped[first]
        assert swapped != key["positions"]
        for select, position in zip(selects, swapped):
            centre(browser, select)
            Select(select).select_by_value(str(position))
        assert verdict_is_correct(article, check(browser, article)), f"{item}: swapped identical rows were marked wrong"
        doubled = list(key["positions"])
        doubled[second] = doubled[first]
        for select, position in zip(selects, doubled):
            Select(select).select_by_value(str(position))
        assert not verdict_is_correct(article, check(browser, article)), f"{item}: one position taken twice was accepted"
    browser.execute_script("window.localStorage.clear()")


def test_items_of_banks_whose_ids_run_together_keep_their_own_radio_groups(browser, odd_site):
    """Bank "a" item "b--c" and bank "a--b" item "c", embedded in one module: distinct control names, so ticking
    one item's radio button leaves the other's alone."""
    site, base = odd_site
    page = (site / "courses" / "intro" / "01-basics.html").read_text(encoding="utf-8")
    browser.get(f"{base}/courses/intro/01-basics.html")
    browser.execute_script("window.localStorage.clear()")
    first = browser.find_element(By.CSS_SELECTOR, "article[data-bank='a'][id='item-b--c']")
    second = browser.find_element(By.CSS_SELECTOR, "article[data-bank='a--b'][id='item-c']")
    names = {article.find_element(By.CSS_SELECTOR, ".choices input").get_attribute("name") for article in (first, second)}
    assert len(names) == 2, names
    click(browser, first.find_element(By.CSS_SELECTOR, "input[value='A']"))
    click(browser, second.find_element(By.CSS_SELECTOR, "input[value='B']"))
    assert first.find_element(By.CSS_SELECTOR, "input[value='A']").is_selected()
    assert verdict_is_correct(first, check(browser, first)) and verdict_is_correct(second, check(browser, second))
    assert page.count('name="a--b--c"') == 0
    browser.execute_script("window.localStorage.clear()")


@pytest.mark.parametrize("stored", ["[1,2]", "not json", '{"item-tf": null}', '{"item-tf": {"values": 5, "checked": true}}', "42"])
def test_a_corrupted_saved_entry_is_replaced_not_kept(browser, sites, stored):
    _, base = sites["handmade"]
    open_bank(browser, base, "graded")
    browser.execute_script("localStorage.setItem('coursemap-selfcheck:graded', arguments[0])", stored)
    browser.get_log("browser")
    browser.refresh()
    article = browser.find_element(By.ID, "item-tf")
    set_choices(browser, article, {"true"})
    assert verdict_is_correct(article, check(browser, article))
    saved = browser.execute_script("return JSON.parse(localStorage.getItem('coursemap-selfcheck:graded'))")
    assert isinstance(saved, dict) and saved.get("item-tf", {}).get("checked") is True, saved
    assert [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE" and entry["source"] != "network"] == []
    browser.execute_script("window.localStorage.clear()")


LAYOUT = """
  const root = document.documentElement, bar = document.querySelector('.bank-selfcheck');
  const item = document.querySelector('.item[data-answer]');
  const small = Array.from(document.querySelectorAll(
      '.item .choices input, .item select, .item button, .bank-selfcheck button, .item-anchor, .bank-contents a'))
    .filter(e => e.offsetParent !== null)
    .map(e => [e.outerHTML.slice(0, 60), e.getBoundingClientRect()])
    .filter(([, r]) => r.width < 24 || r.height < 24).map(([html]) => html);
  return {overflow: root.scrollWidth - root.clientWidth, bar: bar.getBoundingClientRect().height,
          margin: parseFloat(getComputedStyle(item).scrollMarginTop), small: small};
"""


@pytest.mark.parametrize("width", [320, 375, 768, 1280])
def test_bank_pages_fit_small_screens_and_anchors_clear_the_score_bar(browser, sites, odd_site, width):
    """No sideways scrolling (a long imported title in the breadcrumbs included), the sticky score bar never
    covers an item reached by its anchor, and every control is at least 24 px, from 320 px up."""
    pages = [f"{sites['handmade'][1]}/banks/graded/index.html", f"{odd_site[1]}/banks/numbers/index.html"]
    browser.set_window_size(width, 800)
    try:
        for page in pages:
            browser.get(page)
            layout = browser.execute_script(LAYOUT)
            assert layout["overflow"] <= 0, (page, width, layout)
            assert layout["bar"] <= layout["margin"], (page, width, layout)
            assert layout["small"] == [], (page, width, layout)
    finally:
        browser.set_window_size(1280, 1000)


def test_an_item_embedded_twice_in_a_module_is_shown_once_and_linked_the_second_time(browser, odd_site):
    """Two live copies shared one id and one radio group: ticking the second cleared the first."""
    site, base = odd_site
    page = (site / "courses" / "intro" / "01-basics.html").read_text(encoding="utf-8")
    assert page.count('id="item-s1"') == 1
    assert page.count('class="embed embed-item-again"><a href="#item-s1">') == 1
    browser.get(f"{base}/courses/intro/01-basics.html")
    link = browser.find_element(By.CSS_SELECTOR, ".embed-item-again a")
    click(browser, link)
    assert browser.execute_script("return location.hash") == "#item-s1"


def test_moodle_short_answer_wildcards_match_as_moodle_does(browser, sites):
    """Moodle's `*` in a short answer stands for any run of characters: "frog*" accepts "frogs" and "Frog",
    not "a frog"."""
    _, base = sites["handmade"]
    open_bank(browser, base, "extra-moodle")
    article = browser.find_element(By.ID, "item-wildcard")
    assert json.loads(article.get_attribute("data-answer"))["blanks"][0]["wildcard"] is True
    field = article.find_element(By.CSS_SELECTOR, "input[data-blank]")
    for typed, right in (("frogs", True), ("Frog", True), ("frog", True), ("a frog", False), ("fro", False)):
        field.clear()
        field.send_keys(typed)
        assert verdict_is_correct(article, check(browser, article)) == right, typed
