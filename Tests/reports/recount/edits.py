"""Edited copies of the shipped content, made by code in a temporary folder. Each edit is a plain text
change that must find what it changes (a silent no-op would test nothing)."""
import pathlib
import shutil

ROOT = pathlib.Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "Content"


def copy_content(target: pathlib.Path) -> pathlib.Path:
    shutil.copytree(SHIPPED, target)
    return target


def replace(root, relative, old, new, count=1):
    path = root / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == count, f"{relative}: expected {count}× {old!r}, found {text.count(old)}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def write(root, relative, text):
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def set_reports(root, reports):
    lines = "\n".join(f"  - {r}" for r in reports)
    replace(root, "coursemap.yml", "reports:\n  - b2b-data:中级\n  - cbec-outcomes\n", f"reports:\n{lines}\n")


def add_coverage_rules(root, text):
    path = root / "coursemap.yml"
    path.write_text(path.read_text(encoding="utf-8") + "coverage:\n" + text, encoding="utf-8")


def add_competency(root, module, line):
    """Adds a mapping line at the end of a Markdown module's `competencies:`."""
    path = root / module
    text = path.read_text(encoding="utf-8")
    head, rest = text.split("competencies:\n", 1)
    entries, tail = [], rest
    lines = rest.split("\n")
    n = 0
    while lines[n].startswith("  "):
        n += 1
    path.write_text(head + "competencies:\n" + "\n".join(lines[:n] + [f"  {line}"] + lines[n:]), encoding="utf-8")


ELEMENTARY = """  <level name="初级">
    <area code="1" weight="60">
      <zh>初级店铺建设</zh>
      <en>Elementary store setup</en>
      <task code="1.1">
        <zh>店铺信息</zh>
        <requirement code="1.1.1"><zh>能按平台要求填写店铺基本信息。</zh></requirement>
        <requirement code="1.1.2"><zh>能上传企业资质文件。</zh></requirement>
      </task>
    </area>
    <area code="2" weight="25">
      <zh>初级产品发布</zh>
      <en>Elementary product listing</en>
      <task code="2.1">
        <zh>产品信息</zh>
        <requirement code="2.1.1"><zh>能按模板发布单个产品。</zh></requirement>
        <requirement code="2.1.2"><zh>能为产品选择正确类目。</zh></requirement>
        <requirement code="2.1.3"><zh>能识别平台禁限售商品。</zh></requirement>
      </task>
    </area>
    <area code="3">
      <zh>初级客户沟通</zh>
      <task code="3.1">
        <zh>询盘回复</zh>
        <requirement code="3.1.1"><zh>能使用模板回复简单询盘。</zh></requirement>
      </task>
    </area>
  </level>
"""


def multilevel(root):
    """b2b-data gets a 初级 level whose areas reuse codes 1, 2 (other weights, and one area without a weight);
    modules, a lecture and items map both levels; both levels are reported."""
    replace(root, "frameworks/b2b-data.xml", '  <level name="中级">', ELEMENTARY + '  <level name="中级">')
    set_reports(root, ["b2b-data:初级", "b2b-data:中级", "cbec-outcomes"])
    add_competency(root, "courses/cbec-store-ops/01-store-setup.md", "b2b-data:初级:1.1.1: M")
    add_competency(root, "courses/cbec-store-ops/01-store-setup.md", "b2b-data:初级:1.1.2: R")
    add_competency(root, "courses/cbec-store-ops/04-showcase-campaigns.md", "b2b-data:初级:2.1.1: M")
    add_competency(root, "courses/b2b-trade-mgmt/01-inquiry-rfq.md", "b2b-data:初级:3.1.1: M")
    add_competency(root, "lectures/l06-product-images.md", "b2b-data:初级:2.1.2: I")
    replace(root, "exercises/store-ops-basics.xml", '    <single id="so-101"',
            '''    <single id="so-901" usage="exam" score="3">
      <assesses ref="b2b-data:初级:1.1.1"/>
      <assesses ref="b2b-data:初级:2.1.1"/>
      <assesses ref="b2b-data:中级:1.1.1"/>
      <stem>初级与中级共同考查的题目</stem>
      <choice correct="true">是</choice>
      <choice>否</choice>
    </single>
    <single id="so-902" usage="exam" score="1">
      <assesses ref="b2b-data:初级:1.1.2"/>
      <assesses ref="b2b-data:初级:2.1.2"/>
      <assesses ref="b2b-data:初级:3.1.1"/>
      <stem>三个工作领域各得三分之一分</stem>
      <choice correct="true">是</choice>
      <choice>否</choice>
    </single>
    <single id="so-903" usage="practice" score="2.5">
      <assesses ref="b2b-data:初级:2.1.1"/>
      <stem>练习题</stem>
      <choice correct="true">是</choice>
      <choice>否</choice>
    </single>
    <single id="so-101"''')


SECOND_CERTIFICATE = """<?xml version="1.0" encoding="UTF-8"?>
<certificate xmlns="urn:coursemap:framework:1" id="cbec-ops" version="2025" illustrative="true">
  <title>
    <zh>跨境电商运营</zh>
    <en>Cross-border E-commerce Operations</en>
  </title>
  <level name="中级">
    <area code="1" weight="8.5">
      <zh>平台运营</zh>
      <en>Platform operations</en>
      <task code="1.1">
        <zh>店铺运营</zh>
        <requirement code="1.1.1"><zh>能完成店铺日常运营。</zh></requirement>
        <requirement code="1.1.2"><zh>能分析店铺流量。</zh></requirement>
      </task>
    </area>
    <area code="2" weight="11.5">
      <zh>交易管理</zh>
      <en>Transactions</en>
      <task code="2.1">
        <zh>订单</zh>
        <requirement code="2.1.1"><zh>能处理询盘与订单。</zh></requirement>
        <requirement code="2.1.2"><zh>能完成报价核算。</zh></requirement>
      </task>
    </area>
  </level>
</certificate>
"""


def second_certificate(root):
    """A second certificate framework (cbec-ops) with decimal weights; modules and items map both certificates."""
    write(root, "frameworks/cbec-ops.xml", SECOND_CERTIFICATE)
    set_reports(root, ["b2b-data:中级", "cbec-ops:中级", "cbec-outcomes"])
    add_competency(root, "courses/cbec-store-ops/02-product-listing.md", "cbec-ops:中级:1.1.1: M")
    add_competency(root, "courses/cbec-data-analysis/02-traffic-analysis.md", "cbec-ops:中级:1.1.2: R")
    add_competency(root, "courses/b2b-trade-mgmt/03-quotation-trade-assurance.md", "cbec-ops:中级:2.1.2: M")
    add_competency(root, "courses/b2b-trade-mgmt/01-inquiry-rfq.md", "cbec-ops:中级:2.1.1: I")
    replace(root, "exercises/trade-mgmt-basics.xml", '    <single id="tm-101"',
            '''    <single id="tm-901" usage="exam" score="1">
      <assesses ref="cbec-ops:中级:1.1.1"/>
      <assesses ref="cbec-ops:中级:2.1.2"/>
      <assesses ref="b2b-data:中级:4.1.1"/>
      <stem>跨证书题目</stem>
      <choice correct="true">是</choice>
      <choice>否</choice>
    </single>
    <single id="tm-101"''')


def revision(root):
    """The framework's next version: a requirement removed (6.3.2), one added (6.3.3), one restated (1.1.1);
    evidence lost and gained (a module mapping removed, a level lowered, items gone)."""
    replace(root, "frameworks/b2b-data.xml", 'version="2026-illustrative"', 'version="2027-illustrative"')
    text = (root / "frameworks/b2b-data.xml").read_text(encoding="utf-8")
    start = text.index('<requirement code="6.3.2">')
    end = text.index("</requirement>", start) + len("</requirement>")
    text = text[:start] + '<requirement code="6.3.3">\n          <zh>能完成跨境物流异常的登记与跟进。</zh>\n        </requirement>' + text[end:]
    start = text.index('<requirement code="1.1.1">')
    zh_start = text.index("<zh>", start) + 4
    zh_end = text.index("</zh>", zh_start)
    text = text[:zh_start] + "能根据企业资质，完成店铺认证信息设置（修订）。" + text[zh_end:]
    (root / "frameworks/b2b-data.xml").write_text(text, encoding="utf-8")
    # 1.1.1 loses its M module (now only I from a lecture) → covered to partial: coverage lost.
    replace(root, "courses/cbec-store-ops/01-store-setup.md", "  b2b-data:中级:1.1.1: M\n", "")
    # 4.3.3 loses a level: 04-operations-report R → I.
    replace(root, "courses/cbec-data-analysis/04-operations-report.md", "b2b-data:中级:4.3.3: R", "b2b-data:中级:4.3.3: I")
    # 6.1.2 gains a module.
    add_competency(root, "courses/b2b-trade-mgmt/03-quotation-trade-assurance.md", "b2b-data:中级:6.1.2: M")
    # 1.1.3 loses an exam item's mapping.
    replace(root, "exercises/store-ops-basics.xml",
            '      <assesses ref="b2b-data:中级:1.1.3"/>\n      <assesses ref="cbec-outcomes:Q1"/>',
            '      <assesses ref="cbec-outcomes:Q1"/>')


def gains_only(root):
    """Coverage only gained: 6.2.1 is taught to M and assessed; nothing is lost."""
    add_competency(root, "courses/b2b-trade-mgmt/03-quotation-trade-assurance.md", "b2b-data:中级:6.2.1: M")
    replace(root, "exercises/trade-mgmt-basics.xml", '    <single id="tm-101"',
            '''    <single id="tm-902" usage="exam">
      <assesses ref="b2b-data:中级:6.2.1"/>
      <stem>新增题目</stem>
      <choice correct="true">是</choice>
      <choice>否</choice>
    </single>
    <single id="tm-101"''')


def lecture_only(root):
    """A requirement (6.1.2, assessed by an item) that only a micro-lecture of no course teaches, at M."""
    write(root, "lectures/l33-customs-docs.md", """---
title:
  zh: 报关单证要点
duration: "4:10"
video: lectures/media/l32-logistics-choice.webm
competencies:
  b2b-data:中级:6.1.2: M
  b2b-data:中级:6.2.1: I
  cbec-outcomes:K5: R
---
[00:00] 本节讲报关单证。
""")


def changed_rules(root):
    """covered_at R, no assessment needed, a tolerance with decimals, lecture time counted as 学时 (40-minute
    学时), with the lecture of no course of `lecture_only`."""
    lecture_only(root)
    add_coverage_rules(root, "  covered_at: R\n  require_assessment: false\n  blueprint_tolerance: 8.3\n"
                             "  lectures_as_hours: true\n  class_hour_minutes: 40\n")


def remapped(root):
    """A module moved from one requirement to another, a level changed, stated per-mapping hours (Markdown and
    XML), a module whose every mapping in a scope states hours (unattributed rest), decimal hours, a 1-学时
    module over three requirements, decimal item scores, and a course whose modules exceed its hours (CM414)."""
    replace(root, "courses/cbec-store-ops/05-p4p-campaigns.md", "  b2b-data:中级:3.2.2: R\n", "  b2b-data:中级:2.4.1: M\n")
    replace(root, "courses/cbec-data-analysis/02-traffic-analysis.md", "b2b-data:中级:2.2.2: R", "b2b-data:中级:2.2.2: M")
    replace(root, "courses/cbec-store-ops/01-store-setup.md", "b2b-data:中级:1.1.1: M",
            "b2b-data:中级:1.1.1: {level: M, hours: 1.5}")
    replace(root, "courses/cbec-store-ops/03-keyword-publishing.xml",
            '<competency ref="b2b-data:中级:1.3.1" level="M"/>', '<competency ref="b2b-data:中级:1.3.1" level="M" hours="5"/>')
    # Every b2b-data mapping of 01-inquiry-rfq states hours: 16 − (3 + 4 + 2.25 + 1) = 5.75 unattributed.
    for code, hours in (("4.1.1", "3"), ("4.1.2", "4"), ("4.2.1", "2.25"), ("4.2.2", "1")):
        replace(root, "courses/b2b-trade-mgmt/01-inquiry-rfq.md", f"b2b-data:中级:{code}: M",
                f"b2b-data:中级:{code}: {{level: M, hours: {hours}}}")
    replace(root, "courses/cbec-data-analysis/01-data-collection.md", "hours: 14", "hours: 14.5")
    write(root, "courses/b2b-trade-mgmt/04-logistics-intro.md", """---
title:
  zh: 跨境物流入门
order: 4
hours: 1
competencies:
  b2b-data:中级:6.2.1: I
  b2b-data:中级:6.2.2: I
  b2b-data:中级:6.3.1: R
---
## 内容

跨境物流方式简介。
""")
    replace(root, "exercises/certificate-mock-exam.xml", '<single id="mx-s01" usage="exam" difficulty="easy" score="1">',
            '<single id="mx-s01" usage="exam" difficulty="easy" score="2.75">')
    replace(root, "exercises/certificate-mock-exam.xml", '<single id="mx-s02" usage="exam" difficulty="easy" score="1">',
            '<single id="mx-s02" usage="exam" difficulty="easy" score="1.333">')
