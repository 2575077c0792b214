#!/usr/bin/env python3
"""Make the example media of the shipped content (micro-lectures and resources).

What it writes, all under the content folder (default: Content/ beside this script's parent):

  lectures/media/<id>.webm      silent VP9 video, 640x360, 2 frames/s, exactly the lecture's `duration`,
                                a plain slide-like frame with the lecture's title (zh and en)
  lectures/media/<id>.jpg       the poster: the first frame of that video
  lectures/media/<id>.pdf       slides, for every lecture whose front matter has `slides:`
                                (the outlines are in SLIDE_DECKS below)
  resources/slides/*.pdf        the slide decks of the resource library (SLIDE_DECKS)
  resources/recordings/*.webm   the class recordings (RECORDINGS), a chapter title per section

With --captions it also rewrites lectures/media/<id>.zh.vtt from each lecture's time-coded transcript
(the English .en.vtt files are translations written by hand and never touched).

The lecture title, duration and slides path come from the front matter of Content/lectures/*.md (a tiny
YAML-subset reader is built in, so only the standard library is needed). The PDFs are written by hand,
without libraries: Chinese text uses the standard CJK font STSong-Light (Adobe-GB1, UniGB-UCS2-H), which
PDF readers supply themselves, so no font is embedded; a ToUnicode map keeps the text extractable.

Requirements: Python 3.8+, ffmpeg (with libvpx and fontconfig) and the Noto CJK fonts; poppler-utils
only for --check.

    apt-get install -y ffmpeg fonts-noto-cjk poppler-utils
    python3 scripts/make-example-media.py              # write every video, poster and PDF
    python3 scripts/make-example-media.py --captions   # ... and regenerate the zh-CN captions
    python3 scripts/make-example-media.py --only l04-title-formula --only p4p-overview
    python3 scripts/make-example-media.py --check      # verify durations, captions and PDFs; write nothing

The output is deterministic for a given ffmpeg/libvpx build (single-threaded encoding, bit-exact muxing,
no dates in the PDFs), so running the script again on the same machine changes nothing.
"""

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_CONTENT = os.path.join(ROOT, "Content")

# Background colour of the frames, per course.
COURSE_COLOURS = {
    "cbec-store-ops": "0x1F4E79",
    "cbec-data-analysis": "0x1E5F5B",
    "b2b-trade-mgmt": "0x7A3E12",
}
DEFAULT_COLOUR = "0x333F4F"

# ---------------------------------------------------------------------------------------------------
# Slide outlines: path (from the content folder) -> pages of (title, [bullets]).
# Lecture decks have 3-5 pages, resource decks 4-8.
# ---------------------------------------------------------------------------------------------------

SLIDE_DECKS = {
    # --- lecture slides -------------------------------------------------------------------------
    "lectures/media/l01-store-profile.pdf": [
        ("店铺信息：买家眼中的线上展厅", [
            "买家发询盘前，先看公司介绍、工厂照片与认证证书",
            "判断对方是工厂还是贸易商、规模能否承接订单",
            "信息不完整或前后矛盾，会直接降低买家信任",
        ]),
        ("公司信息的三条填写原则", [
            "一致性：名称、地址、经营范围与营业执照一致",
            "英文名称与海关备案、收款账户使用的名称相同",
            "可验证：产值、人数、厂房面积经得起验厂",
            "针对性：先写产能、交期、质量体系与定制能力",
        ]),
        ("主营类目与课后任务", [
            "以销售额最高、最具竞争力的产品线为准",
            "不为“多占位置”勾选大量无关类目",
            "课后：对照营业执照检查实训店铺的公司信息",
            "列出需要修改的字段，并说明修改依据",
        ]),
    ],
    "lectures/media/l04-title-formula.pdf": [
        ("标题决定搜索相关性", [
            "海外买家主要通过搜索找到产品",
            "平台依据标题判断产品与搜索词是否相关",
            "好标题：平台读得懂，买家看得明白",
        ]),
        ("四段式结构", [
            "修饰词：面向采购商的卖点",
            "属性词：材质、规格、功能",
            "核心词：产品名称，只出现一次",
            "用途或场景：for ... / 使用场合",
        ]),
        ("示例拆解", [
            "Foldable Plastic Storage Box with Lid 45L for Home Organization",
            "核心词：storage box",
            "属性词：foldable, plastic, with lid, 45L",
            "场景：for home organization",
        ]),
        ("三个常见错误", [
            "堆砌多个核心词：box、bin、container 同时出现",
            "使用与产品无关的热门词或他人注册商标",
            "标题过长，核心词被挤到末尾、显示不全",
            "练习：为三款产品各写一个标题并互查",
        ]),
    ],
    "lectures/media/l07-keyword-library.pdf": [
        ("为什么要建关键词库", [
            "标题、直通车、RFQ报价都从同一个词库取词",
            "避免临时想词、前后用词不一致",
            "关键词库是店铺运营的底层资产",
        ]),
        ("第一步：收集", [
            "平台关键词工具",
            "买家搜索框的下拉词",
            "同行热销产品的标题",
            "收集阶段先求全，不急于删减",
        ]),
        ("第二步：分级", [
            "核心词：搜索量大、竞争激烈，如 storage box",
            "属性词：材质、规格、功能，如 foldable、stackable",
            "长尾词：三个以上单词、意向明确",
            "例：foldable storage box with lid",
        ]),
        ("第三步：标注与维护", [
            "标注适用产品分组、搜索热度与竞争度",
            "写明用途：标题、直通车还是详情页",
            "每月依据关键词报表更新一次",
            "长期无曝光的词移入备用区，补充新热词",
        ]),
    ],
    "lectures/media/l09-showcase-rotation.pdf": [
        ("橱窗是稀缺资源", [
            "平台提供的优先展示位，数量有限",
            "放什么产品进橱窗，由数据决定",
            "不凭“老板喜欢哪款”做选择",
        ]),
        ("优先放入的两类产品", [
            "已有询盘但曝光不足的产品：放大已有吸引力",
            "点击率高于店铺平均的新品：标题与主图受欢迎",
        ]),
        ("每两周评估一次", [
            "对比放入前后的曝光、点击与询盘",
            "连续两个周期曝光增加而点击、询盘无改善：替换",
            "记录每次替换的理由，便于复盘",
        ]),
        ("结合产品生命周期", [
            "新品：用橱窗积累初始数据",
            "主推品：用橱窗稳定排名",
            "长尾产品：一般不占橱窗，靠长尾词获取流量",
        ]),
    ],
    "lectures/media/l12-p4p-plan.pdf": [
        ("外贸直通车：按点击付费", [
            "产品出现在推广位不收费，买家点击才扣费",
            "扣费与出价、推广评分和同行竞价有关",
            "推广评分反映相关性与产品信息质量",
        ]),
        ("先定目标与预算", [
            "目标：稳定询盘，还是测试新品？",
            "预算决定推广产品的数量与出价高低",
            "避免“一个计划放所有产品、统一出价”",
        ]),
        ("三个计划分开建", [
            "主推计划：成熟产品 + 核心词，出价较高",
            "测款计划：新品、潜力品 + 属性词与长尾词，出价中等",
            "长尾计划：大量长尾词，出价较低",
        ]),
        ("日预算的起步分配", [
            "主推计划约占一半",
            "测款计划与长尾计划平分其余部分",
            "运行一周后按数据调整",
        ]),
    ],
    "lectures/media/l14-p4p-time-region.pdf": [
        ("同样的预算，不同的效果", [
            "投放时段与地域会显著影响单次询盘成本",
            "先看分时段、分地域报表，再调整设置",
        ]),
        ("分时段：实训店铺数据", [
            "北京时间 02:00-15:00：花费约 841 元，询盘 0 个",
            "询盘集中在北京时间下午至午夜",
            "降低低效时段的出价比例，把预算留给高效时段",
        ]),
        ("分地域：实训店铺数据", [
            "美国：花费约 500 元，询盘 3 个",
            "澳大利亚：花费约 153 元，询盘 3 个，成本约 51 元",
            "印度、巴基斯坦：点击率较高，但没有询盘",
        ]),
        ("调整原则", [
            "累计至少两周数据再下结论",
            "点击次数很少的地区不做判断",
            "结合目标市场与起订量决定加投或降投",
            "记录调整前后的单次询盘成本",
        ]),
    ],
    "lectures/media/l17-traffic-funnel.pdf": [
        ("流量漏斗的四层", [
            "曝光 → 点击 → 访客 → 询盘",
            "相邻两层之间的比率，说明不同环节的问题",
        ]),
        ("两个核心比率", [
            "点击率 = 点击量 ÷ 曝光量：标题与主图的吸引力",
            "询盘转化率 = 询盘数 ÷ 访客数：详情页、价格与信任度",
        ]),
        ("用漏斗诊断问题", [
            "曝光少：关键词覆盖不足、质量分不够",
            "曝光多点击少：标题、主图或价格区间",
            "访客多询盘少：详情页、起订量、信任背书",
        ]),
        ("实训店铺 2025 年 9 月", [
            "点击率 2.41%，同行平均 2.40%",
            "询盘转化率 2.66%，同行平均 3.40%",
            "问题主要出在访客进店以后",
            "至少看四周趋势，排除大促与节假日影响",
        ]),
    ],
    "lectures/media/l20-product-tiers.pdf": [
        ("两个维度，一条中位数线", [
            "曝光量：产品获得的展示机会",
            "询盘转化 = 询盘数 ÷ 点击量：把兴趣变成商机的能力",
            "两条分界线都取全店产品的中位数",
        ]),
        ("四个层级", [
            "爆品：曝光高、转化高",
            "潜力品：曝光低、转化高",
            "待优化品：曝光高、转化低",
            "低效品：曝光低、转化低",
        ]),
        ("分层后的措施", [
            "爆品：保持投入，拓展同系列款式",
            "潜力品：放入橱窗，补充关键词",
            "待优化品：改进主图、详情页与价格",
            "低效品：合并或下架，释放运营精力",
        ]),
        ("为什么用中位数", [
            "少数爆品的曝光可能是普通产品的几十倍",
            "平均数被拉高，多数产品会被划为“低曝光”",
            "练习：为 40 个产品打上层级标签",
        ]),
    ],
    "lectures/media/l22-weekly-report.pdf": [
        ("报表与报告", [
            "报表回答“发生了什么”",
            "报告回答“为什么、怎么办”",
            "周报的第一要求：指标、口径、格式每周相同",
        ]),
        ("周报的六个版块", [
            "核心指标概览与近 8 周趋势",
            "流量来源与产品表现",
            "商机转化",
            "本周行动回顾",
        ]),
        ("比率指标怎样汇总", [
            "周点击率 = 一周点击量总和 ÷ 一周曝光量总和",
            "不要把七天的点击率相加再除以七",
            "用数据透视表按周汇总日数据",
        ]),
        ("图表的选择", [
            "趋势：折线图",
            "来源占比：堆积柱形图",
            "产品排名：条形图",
            "转化环节：漏斗图",
        ]),
    ],
    "lectures/media/l24-inquiry-grading.pdf": [
        ("为什么要分级", [
            "业务员每天可能收到几十条询盘",
            "按时间顺序逐条回复，高价值询盘会被耽误",
            "先分级，再按优先级处理",
        ]),
        ("判断询盘的四个方面", [
            "内容：型号、数量、目标价是否写明",
            "身份：公司名称、网站能否查到",
            "行为：是否多次浏览本店产品",
            "匹配：需求是否在供货能力之内",
        ]),
        ("三级处理", [
            "A 级：信息完整、需求明确，2 小时内回复并报价",
            "B 级：有意向但信息不全，当天回复并追问",
            "C 级：索要目录或内容笼统，模板回复",
        ]),
        ("课堂练习", [
            "打开询盘记录表（inquiry_log.csv）",
            "为前 20 条询盘标注等级",
            "写出每条的判断理由",
        ]),
    ],
    "lectures/media/l29-export-pricing.pdf": [
        ("报价核算的思路", [
            "算进交货地点之前发生的全部费用",
            "加上目标利润",
            "按汇率折算成美元",
        ]),
        ("实训数据：FS-45 折叠收纳箱", [
            "含税采购价 20.34 元，退税 2.34 元，实际成本 18.00 元",
            "国内费用 1.50 元 / 件",
            "目标利润率 10%，汇率 7.10",
            "40HQ 海运费 USD 2650，可装 4350 件",
        ]),
        ("三种贸易术语的报价", [
            "FOB = (18.00 + 1.50) ÷ (1 - 10%) ÷ 7.10 ≈ USD 3.05",
            "CFR = FOB + 2650 ÷ 4350 ≈ USD 3.66",
            "CIF = CFR ÷ (1 - 110% × 0.3%) ≈ USD 3.67",
        ]),
        ("两个注意事项", [
            "中间结果不要过早四舍五入",
            "算出利润底线价：利润率 5% 时 FOB ≈ USD 2.89",
            "底线价是谈判时不能突破的价格",
        ]),
    ],
    "lectures/media/l32-logistics-choice.pdf": [
        ("四种物流方式", [
            "海运整柜：大批量，单件成本最低，约 3-6 周",
            "海运拼箱：不满一柜，杂费较多，约 4-7 周",
            "空运：货值高、时间紧，约 3-7 天",
            "国际快递：门到门，样品与小批量急单",
        ]),
        ("案例一：汉堡大货", [
            "720 箱折叠收纳箱，要求 55 天内到货",
            "40HQ 整柜：约 USD 3035，35-40 天",
            "空运：约 USD 40917",
            "选择：海运整柜",
        ]),
        ("案例二：伦敦样品", [
            "2 箱样品，要求 7 天内到货",
            "国际快递门到门：约 USD 235，3-5 天",
            "空运机场到机场：约 USD 246，还需清关提货",
            "选择：国际快递",
        ]),
        ("选择的三个因素", [
            "货量",
            "时效要求",
            "成本",
            "在订单中写明物流方式与预计时效",
        ]),
    ],

    # --- resource decks -------------------------------------------------------------------------
    "resources/slides/store-setup-checklist.pdf": [
        ("模块一：店铺基础信息设置与首页装修", [
            "对接证书工作任务 1.1“店铺基础建设”",
            "12 课时，理论与实践各半",
            "交付成果：一份店铺装修方案",
        ]),
        ("公司信息检查清单", [
            "名称、注册地址、经营范围与营业执照一致",
            "英文名称与海关备案、收款账户一致",
            "年产值、员工人数、厂房面积有据可查",
            "公司介绍先写产能、交期、质量体系与定制能力",
            "主营类目只选实际最强的产品线",
        ]),
        ("首页版块规划", [
            "首屏轮播图 2-3 张，突出主营系列与核心卖点",
            "产品分组按买家的采购逻辑划分",
            "公司实力：生产线、检测设备、认证证书",
            "版面风格与目标市场匹配",
        ]),
        ("子账号与权限", [
            "原则：最小够用",
            "运营专员：产品发布、橱窗、直通车",
            "业务员：询盘、报价、订单",
            "主管：全店数据、询盘分配、绩效统计",
            "离职即停用，客户及时转交",
        ]),
        ("实训任务", [
            "对照营业执照检查实训店铺的公司信息",
            "绘制首页版块草图并说明每个版块的目的",
            "为五人团队设计权限分配表",
        ]),
    ],
    "resources/slides/p4p-overview.pdf": [
        ("外贸直通车是什么", [
            "按点击付费：展示不收费，点击才扣费",
            "扣费与出价、推广评分、同行竞价有关",
            "推广评分：关键词相关性 + 产品信息质量",
        ]),
        ("推广计划的组成", [
            "推广产品与关键词",
            "出价与匹配方式（广泛 / 精准）",
            "日预算",
            "投放时段与投放地域",
        ]),
        ("按目标拆分计划", [
            "主推计划：成熟主推品 + 核心词，目标稳定询盘",
            "测款计划：新品、潜力品 + 属性词，快速积累数据",
            "长尾计划：大量长尾词，低价获取精准流量",
        ]),
        ("读懂关键指标", [
            "点击率 = 点击量 ÷ 曝光量",
            "平均点击花费 = 花费 ÷ 点击量",
            "单次询盘成本 = 花费 ÷ 询盘数",
            "付费访客在全店访客中的占比",
        ]),
        ("优化方法", [
            "评分低、成本高的词：降价、改精准匹配或暂停",
            "有询盘、成本低的词：适当提价争取展示",
            "低效时段与地域：降低投放比例",
            "每次调价不超过 20%，三到五天后复查",
        ]),
        ("实训任务", [
            "读懂关键词推广报表（p4p_keyword_report.csv）",
            "提出三条有数据依据的出价调整",
            "根据分时段、分地域数据优化投放设置",
            "写出调整后一周的跟踪指标",
        ]),
    ],
    "resources/slides/traffic-analysis-methods.pdf": [
        ("学习目标", [
            "计算并解读点击率、询盘转化率",
            "拆分流量来源，分析结构变化",
            "与同行对比，确定改进优先级",
        ]),
        ("流量漏斗", [
            "曝光 → 点击 → 访客 → 询盘",
            "曝光少：关键词与质量分",
            "点击少：标题、主图、价格",
            "询盘少：详情页、起订量、信任背书",
        ]),
        ("流量来源结构（2025 年 9 月）", [
            "自然搜索访客 1829 人，约 61.6%",
            "直通车访客 860 人，约 29.0%",
            "站外引流访客 150 人，约 5.1%",
            "其他来源访客 129 人，约 4.3%",
        ]),
        ("与同行对比", [
            "询盘转化率：本店 2.66%，同行平均 3.40%，优秀 5.20%",
            "24 小时内回复率：本店 75.3%，同行平均 88.0%",
            "平均首次回复时长：本店 15.4 小时，同行平均 9.5 小时",
            "曝光量、点击率、访客数接近同行平均",
        ]),
        ("确定改进优先级", [
            "与同行差距越大，越优先",
            "越靠近询盘一端的指标，越优先",
            "成本低、见效快的措施先做",
            "对比时保证统计周期与口径一致",
        ]),
        ("实训任务", [
            "用 store_traffic_daily.csv 计算每日与全月核心指标",
            "制作流量来源堆积柱形图",
            "用 industry_benchmark.csv 列出三项短板及优先级",
        ]),
    ],
    "resources/slides/export-quotation.pdf": [
        ("从报价到下单", [
            "核算报价 → 制作报价单 → 价格谈判 → 起草信保订单",
            "每一步都以前一步的结果为依据",
        ]),
        ("报价的成本构成", [
            "实际成本 = 含税采购价 - 出口退税收入",
            "国内费用：包装、内陆运输、报关、港杂",
            "国际运费与保险（CFR、CIF）",
            "目标利润与汇率",
        ]),
        ("三种贸易术语的计算", [
            "FOB = (实际成本 + 国内费用) ÷ (1 - 利润率) ÷ 汇率",
            "CFR = FOB + 每件分摊运费",
            "CIF = CFR ÷ (1 - 保险加成 × 保险费率)",
            "同时算出利润底线价",
        ]),
        ("英文报价单的要素", [
            "编号、日期、买卖双方信息",
            "型号规格、数量、单价、贸易术语与交货港",
            "付款方式、交货期、包装方式",
            "报价有效期：一般不超过 15-30 天",
        ]),
        ("应对还价", [
            "先问原因：价格偏高还是预算有限",
            "以量换价、调整包装或配件、延长交期、改变付款方式",
            "每一次让步都换取买家的某种承诺",
            "不突破利润底线价",
        ]),
        ("起草信用保障订单", [
            "产品明细、数量、单价与总金额",
            "贸易术语与交货地点与报价单一致",
            "付款比例，如 30% 预付、70% 发货前付清",
            "发货期按实际排产填写；修改订单保留记录",
        ]),
    ],
    "resources/slides/inquiry-handling.pdf": [
        ("询盘处理的三个环节", [
            "分级：判断买家类型与采购意向",
            "回复：在时效内准确、完整、礼貌地回答",
            "跟进：记录沟通，推动下一步行动",
        ]),
        ("询盘分级标准", [
            "A 级：型号、数量、目标价齐全，身份清楚",
            "B 级：有意向但关键信息缺失",
            "C 级：索要目录、内容笼统",
            "回复时限：A 级 2 小时内，B 级当天",
        ]),
        ("英文回复的四段结构", [
            "称呼与感谢，点明询问的具体产品",
            "逐条回答规格、价格、起订量、交货期",
            "补充对买家有用的信息：样品、定制、目录",
            "提出下一步行动，附签名与联系方式",
        ]),
        ("RFQ 的筛选与报价", [
            "匹配：品类、数量、目的市场",
            "放弃：数量过小、需特殊认证、目标价低于成本",
            "报价写全：单价与术语、付款、交期、包装、优势",
            "提交后 24 小时内跟进一次",
        ]),
        ("发送前的检查清单", [
            "型号、数量、价格有无笔误",
            "是否回答了买家的每一个问题",
            "语气是否得体，是否避免整段套话",
            "是否写明报价的贸易术语与有效期",
        ]),
    ],
}

# Class recordings (教学录像): path, title, subtitle, course id (for the colour), duration in seconds,
# and chapters (start second, text). The sidecar beside each file describes it for the portal.
RECORDINGS = [
    {
        "path": "resources/recordings/p4p-plan-demo.webm",
        "title": "课堂实录：外贸直通车推广计划搭建",
        "subtitle": "Class recording: building a P4P campaign",
        "course": "cbec-store-ops",
        "duration": 400,
        "chapters": [
            (0, "课堂导入：本周推广目标与预算"),
            (45, "演示一：新建主推计划"),
            (120, "演示二：选词、匹配方式与出价"),
            (200, "演示三：日预算、投放时段与地域"),
            (280, "学生分组操作，教师巡回指导"),
            (350, "课堂小结与课后任务"),
        ],
    },
    {
        "path": "resources/recordings/inquiry-roleplay.webm",
        "title": "课堂实录：询盘回复与价格谈判角色扮演",
        "subtitle": "Class recording: inquiry replies and price negotiation role play",
        "course": "b2b-trade-mgmt",
        "duration": 440,
        "chapters": [
            (0, "情境导入：一位德国批发商的询盘"),
            (50, "第一轮：学生撰写英文询盘回复"),
            (140, "教师点评：准确、完整、礼貌、及时"),
            (210, "第二轮：买家还价，小组谈判"),
            (320, "小组互评与谈判记录整理"),
            (390, "课堂小结"),
        ],
    },
]


# ---------------------------------------------------------------------------------------------------
# A tiny YAML-subset reader: enough for the front matter of lectures and courses (nested mappings by
# indentation, flow lists `[a, b]`, quoted and plain scalars, `#` comments).
# ---------------------------------------------------------------------------------------------------

def _scalar(text):
    text = text.strip()
    if not text:
        return None
    if text.startswith('"'):
        end = _closing_quote(text, '"')
        return json.loads(text[: end + 1])
    if text.startswith("'"):
        end = _closing_quote(text, "'")
        return text[1:end].replace("''", "'")
    if text.startswith("["):
        inner = text[1: text.rindex("]")]
        return [_scalar(part) for part in _split_flow(inner) if part.strip()]
    text = re.sub(r"\s+#.*$", "", text)
    if re.fullmatch(r"-?\d+", text):
        return int(text)
    if text in ("~", "null"):
        return None
    return text


def _closing_quote(text, quote):
    i = 1
    while i < len(text):
        if quote == '"' and text[i] == "\\":
            i += 2
            continue
        if text[i] == quote:
            if quote == "'" and i + 1 < len(text) and text[i + 1] == "'":
                i += 2
                continue
            return i
        i += 1
    raise ValueError("unterminated quoted string: " + text)


def _split_flow(text):
    parts, current, quote = [], "", None
    for ch in text:
        if quote:
            current += ch
            if ch == quote:
                quote = None
        elif ch in "\"'":
            quote = ch
            current += ch
        elif ch == ",":
            parts.append(current)
            current = ""
        else:
            current += ch
    parts.append(current)
    return parts


def parse_yaml_subset(text):
    root = {}
    stack = [(-1, root)]
    for raw in text.split("\n"):
        if not raw.strip() or raw.lstrip().startswith("#"):
            continue
        indent = len(raw) - len(raw.lstrip(" "))
        match = re.match(r"^\s*(.*?):(?:\s+(.*)|\s*)$", raw)
        if not match:
            raise ValueError("cannot read line: " + raw)
        key, value = match.group(1).strip(), match.group(2)
        if key[:1] in "\"'":
            key = _scalar(key)
        while stack[-1][0] >= indent:
            stack.pop()
        parent = stack[-1][1]
        value_clean = (value or "").strip()
        if not value_clean or value_clean.startswith("#"):
            child = {}
            parent[key] = child
            stack.append((indent, child))
        else:
            parent[key] = _scalar(value_clean)
    return root


def read_front_matter(path):
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    if not text.startswith("---\n"):
        raise ValueError(path + ": no front matter")
    end = text.index("\n---\n", 3)
    return parse_yaml_subset(text[4:end]), text[end + 5:]


def parse_clock(text):
    """'3:40' or '1:02:03' -> seconds."""
    parts = [int(p) for p in str(text).split(":")]
    seconds = 0
    for part in parts:
        seconds = seconds * 60 + part
    return seconds


def zh_text(value):
    if isinstance(value, dict):
        return value.get("zh") or ""
    return value or ""


def en_text(value):
    if isinstance(value, dict):
        return value.get("en") or ""
    return ""


# ---------------------------------------------------------------------------------------------------
# Lectures
# ---------------------------------------------------------------------------------------------------

class Lecture:
    def __init__(self, content, path):
        self.id = os.path.splitext(os.path.basename(path))[0]
        self.path = path
        meta, body = read_front_matter(path)
        self.meta = meta
        self.title = zh_text(meta.get("title"))
        self.title_en = en_text(meta.get("title"))
        self.duration = parse_clock(meta["duration"])
        self.video = meta.get("video")
        self.poster = meta.get("poster")
        self.slides = meta.get("slides")
        self.captions = meta.get("captions") or {}
        self.course = meta.get("course")
        self.paragraphs = parse_transcript(body)


TIME_CODE = re.compile(r"^\[((?:\d+:)?\d{1,2}:\d{2})\]\s*(.*)$")


def parse_transcript(body):
    paragraphs = []
    for block in re.split(r"\n\s*\n", body.strip()):
        block = " ".join(line.strip() for line in block.strip().split("\n"))
        match = TIME_CODE.match(block)
        if match:
            paragraphs.append((parse_clock(match.group(1)), match.group(2).strip()))
    return paragraphs


def load_lectures(content):
    folder = os.path.join(content, "lectures")
    lectures = []
    for name in sorted(os.listdir(folder)):
        if name.endswith(".md") and not name.lower().startswith("readme"):
            lectures.append(Lecture(content, os.path.join(folder, name)))
    return lectures


def course_titles(content):
    titles = {}
    folder = os.path.join(content, "courses")
    for course in sorted(os.listdir(folder)):
        path = os.path.join(folder, course, "course.md")
        if os.path.isfile(path):
            meta, _ = read_front_matter(path)
            titles[course] = zh_text(meta.get("title"))
    return titles


# ---------------------------------------------------------------------------------------------------
# Captions
# ---------------------------------------------------------------------------------------------------

SENTENCE_END = {"zh": "。！？", "en": ".!?"}
SOFT_BREAK = {"zh": "，、；：", "en": ",;:"}
LINE_WIDTH = {"zh": 22, "en": 42}  # characters per caption line; at most two lines per cue


def _tokens(text):
    """CJK characters one by one; runs of ASCII (words, numbers) and of spaces kept whole."""
    return re.findall(r"[A-Za-z0-9$%&'+\-./×÷=≈()]+|\s+|.", text)


def _sentences(text, lang):
    pattern = r"(?<=[。！？])" if lang == "zh" else r"(?<=[.!?])\s+"
    return [part.strip() for part in re.split(pattern, text) if part.strip()]


def _boundaries(tokens, lang):
    """(position, tokens before it, bonus) for every place a line may break: never inside an ASCII
    word, never just before punctuation; breaks after punctuation are preferred."""
    result, position = [], 0
    for index in range(1, len(tokens)):
        position += len(tokens[index - 1])
        following = tokens[index].strip()[:1] if tokens[index].strip() else (tokens[index + 1][:1] if index + 1 < len(tokens) else "")
        if following and (following in SOFT_BREAK[lang] + SENTENCE_END[lang] or following in "）)”%"):
            continue
        if lang == "en" and not tokens[index].isspace():
            continue
        previous = tokens[index - 1].rstrip()[-1:] if tokens[index - 1].strip() else ""
        bonus = 1 if previous in SOFT_BREAK[lang] else 0
        if lang == "zh" and previous.isascii() and previous.isalnum() and tokens[index][:1].isascii() and tokens[index][:1].isalnum():
            continue
        result.append((position, index, bonus))
    return result


def _split_at(tokens, lang, parts, width):
    """Split tokens into `parts` pieces of similar length, preferring breaks after punctuation."""
    total = sum(len(t) for t in tokens)
    candidates = _boundaries(tokens, lang)
    cuts, last = [], 0
    for k in range(1, parts):
        target = total * k / parts
        best = None
        for position, index, bonus in candidates:
            if index <= last:
                continue
            score = abs(position - target) - bonus * width * 0.35
            if best is None or score < best[0]:
                best = (score, index)
        if best is None:
            return None
        cuts.append(best[1])
        last = best[1]
    pieces, previous = [], 0
    for cut in cuts + [len(tokens)]:
        pieces.append(tokens[previous:cut])
        previous = cut
    return pieces


def _text_of(tokens):
    return "".join(tokens).strip()


def _cue_lines(tokens, lang):
    """One or two lines of at most LINE_WIDTH characters, or None if the tokens do not fit."""
    width = LINE_WIDTH[lang]
    text = _text_of(tokens)
    if len(text) <= width:
        return [text]
    halves = _split_at(tokens, lang, 2, width)
    if halves:
        lines = [_text_of(h) for h in halves]
        if all(0 < len(line) <= width for line in lines):
            return lines
    return None


def caption_cues(text, lang):
    """The cues of one transcript paragraph, each a list of one or two lines; cues never span two
    sentences, and a long sentence is split into cues of similar length."""
    cues = []
    for sentence in _sentences(text, lang):
        tokens = _tokens(sentence)
        parts = max(1, -(-len(sentence) // (2 * LINE_WIDTH[lang] - 4)))
        while True:
            pieces = _split_at(tokens, lang, parts, LINE_WIDTH[lang]) if parts > 1 else [tokens]
            lines = [_cue_lines(piece, lang) for piece in pieces] if pieces else [None]
            if all(lines):
                cues.extend(lines)
                break
            parts += 1
            if parts > len(tokens):
                raise ValueError("cannot split caption text: " + sentence)
    return cues


def timed_cues(paragraphs, duration, lang):
    """[(start, end, [lines])] for time-coded paragraphs; each paragraph's cues share its time span in
    proportion to their length, with short gaps so that no two cues overlap."""
    result = []
    for index, (start, text) in enumerate(paragraphs):
        end = paragraphs[index + 1][0] if index + 1 < len(paragraphs) else duration
        cues = caption_cues(text, lang)
        lo, hi = start + 0.2, end - 0.4
        weights = [sum(len(line) for line in cue) + 4 for cue in cues]
        total = float(sum(weights))
        t = lo
        for cue, weight in zip(cues, weights):
            span = (hi - lo) * weight / total
            result.append((round(t, 3), round(t + span - 0.15, 3), cue))
            t += span
    return result


def vtt_time(seconds):
    millis = int(round(seconds * 1000))
    h, rest = divmod(millis, 3600000)
    m, rest = divmod(rest, 60000)
    s, ms = divmod(rest, 1000)
    if h:
        return "%02d:%02d:%02d.%03d" % (h, m, s, ms)
    return "%02d:%02d.%03d" % (m, s, ms)


def render_vtt(cues):
    out = ["WEBVTT", ""]
    for start, end, lines in cues:
        out.append("%s --> %s" % (vtt_time(start), vtt_time(end)))
        out.extend(lines)
        out.append("")
    return "\n".join(out)


def write_zh_captions(content, lecture):
    target = lecture.captions.get("zh-CN")
    if not target:
        return None
    path = os.path.join(content, target)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(render_vtt(timed_cues(lecture.paragraphs, lecture.duration, "zh")))
    return path


# ---------------------------------------------------------------------------------------------------
# Video and posters (ffmpeg)
# ---------------------------------------------------------------------------------------------------

def find_cjk_font():
    """(file, fontconfig family) of Noto Sans CJK SC, found with fc-match."""
    family = "Noto Sans CJK SC"
    try:
        out = subprocess.run(["fc-match", "-f", "%{file}|%{family}", family],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError):
        sys.exit("fc-match not found: install fontconfig and fonts-noto-cjk")
    path, families = out.split("|", 1)
    if "Noto Sans CJK" not in families or not os.path.isfile(path):
        sys.exit("Noto Sans CJK SC not installed (apt-get install fonts-noto-cjk); fc-match gave " + out)
    return path, family


def wrap_title(text, width):
    if len(text) <= width:
        return [text]
    # Prefer a break after punctuation near the middle, otherwise split in half.
    best = None
    for i, ch in enumerate(text):
        if ch in "：，、" and 4 <= i + 1 <= width:
            if best is None or abs(i + 1 - len(text) / 2) < abs(best - len(text) / 2):
                best = i + 1
    cut = best or (len(text) + 1) // 2
    return [text[:cut]] + wrap_title(text[cut:], width)


class FrameText:
    """drawtext filters for a frame; texts go through files so nothing needs escaping."""

    def __init__(self, workdir, font):
        self.workdir, self.font, self.filters, self.count = workdir, font, [], 0

    def add(self, text, size, y, colour="white", enable=None):
        self.count += 1
        path = os.path.join(self.workdir, "t%03d.txt" % self.count)
        with open(path, "w", encoding="utf-8") as handle:
            handle.write(text)
        # The family name (not fontfile=) so that fontconfig picks the SC face of the .ttc collection;
        # fontfile= would always load its first face (JP), with Japanese glyph shapes.
        spec = ["font='%s'" % self.font[1]]
        spec += ["textfile='%s'" % path, "fontcolor=%s" % colour, "fontsize=%d" % size,
                 "x=(w-text_w)/2", "y=%d" % y]
        if enable:
            spec.append("enable='%s'" % enable)
        self.filters.append("drawtext=" + ":".join(spec))

    def chain(self):
        return ",".join(self.filters)


def encode_video(path, colour, duration, frame, extra_filters=""):
    vf = frame.chain() + extra_filters
    os.makedirs(os.path.dirname(path), exist_ok=True)
    command = [
        "ffmpeg", "-v", "error", "-y", "-nostdin",
        "-f", "lavfi", "-i", "color=c=%s:s=640x360:r=2:d=%d" % (colour, duration),
        "-vf", vf,
        "-c:v", "libvpx-vp9", "-crf", "50", "-b:v", "0", "-r", "2", "-g", "240",
        "-deadline", "good", "-cpu-used", "4", "-threads", "1", "-row-mt", "0",
        "-pix_fmt", "yuv420p", "-an", "-t", str(duration),
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1",
        path,
    ]
    subprocess.run(command, check=True)


def extract_poster(video, poster):
    subprocess.run([
        "ffmpeg", "-v", "error", "-y", "-nostdin", "-i", video, "-frames:v", "1", "-q:v", "5",
        "-fflags", "+bitexact", "-flags:v", "+bitexact", "-map_metadata", "-1", poster,
    ], check=True)


def make_lecture_video(content, lecture, courses, font):
    video = os.path.join(content, lecture.video)
    with tempfile.TemporaryDirectory() as work:
        frame = FrameText(work, font)
        course = courses.get(lecture.course, "")
        frame.add("微课 · " + course if course else "微课", 20, 46, colour="0xDDE6F0")
        lines = wrap_title(lecture.title, 15)
        y = 150 - 28 * (len(lines) - 1)
        for line in lines:
            frame.add(line, 38, y)
            y += 56
        if lecture.title_en:
            frame.add(lecture.title_en, 18, y + 8, colour="0xC8D2DC")
        frame.add("时长 %s · 跨境电子商务专业教学资源库（示例）" % clock(lecture.duration), 16, 316, colour="0xAAB8C6")
        colour = COURSE_COLOURS.get(lecture.course, DEFAULT_COLOUR)
        encode_video(video, colour, lecture.duration, frame)
    if lecture.poster:
        extract_poster(video, os.path.join(content, lecture.poster))


def make_recording(content, recording, courses, font):
    path = os.path.join(content, recording["path"])
    duration = recording["duration"]
    chapters = recording["chapters"]
    with tempfile.TemporaryDirectory() as work:
        frame = FrameText(work, font)
        course = courses.get(recording["course"], "")
        frame.add("教学录像 · " + course, 20, 40, colour="0xDDE6F0")
        frame.add(recording["title"], 30, 96)
        frame.add(recording["subtitle"], 16, 144, colour="0xC8D2DC")
        for index, (start, text) in enumerate(chapters):
            end = chapters[index + 1][0] if index + 1 < len(chapters) else duration + 1
            label = "第%d部分 / 共%d部分" % (index + 1, len(chapters))
            enable = "gte(t,%d)*lt(t,%d)" % (start, end)
            frame.add(label, 18, 208, colour="0xFFE08A", enable=enable)
            frame.add(text, 28, 244, enable=enable)
        frame.add("时长 %s · 跨境电子商务专业教学资源库（示例）" % clock(duration), 16, 316, colour="0xAAB8C6")
        colour = COURSE_COLOURS.get(recording["course"], DEFAULT_COLOUR)
        encode_video(path, colour, duration, frame)


def clock(seconds):
    h, rest = divmod(int(seconds), 3600)
    m, s = divmod(rest, 60)
    return "%d:%02d:%02d" % (h, m, s) if h else "%d:%02d" % (m, s)


# ---------------------------------------------------------------------------------------------------
# PDF slides, written by hand
# ---------------------------------------------------------------------------------------------------

PAGE_W, PAGE_H = 720, 405

# Advance widths (1/1000 em) of the proportional Latin glyphs of Adobe-GB1 (CIDs 1-95, which
# UniGB-UCS2-H uses for U+0020-U+007E) in STSong-Light; everything else is full width (DW 1000).
ASCII_WIDTHS = [
    207, 270, 342, 467, 462, 797, 710, 239, 374, 374, 423, 605, 238, 375, 238, 334, 462, 462, 462, 462,
    462, 462, 462, 462, 462, 462, 238, 238, 605, 605, 605, 344, 748, 684, 560, 695, 739, 563, 511, 729,
    793, 318, 312, 666, 526, 896, 758, 772, 544, 772, 628, 465, 607, 753, 711, 972, 647, 620, 607, 374,
    333, 374, 606, 500, 239, 417, 503, 427, 529, 415, 264, 444, 518, 241, 230, 495, 228, 793, 527, 524,
    524, 504, 338, 336, 277, 517, 450, 652, 466, 452, 407, 370, 258, 370, 605,
]


def _hex(text):
    data = text.encode("utf-16-be")
    return "<" + data.hex().upper() + ">"


def _text_width(text, size):
    """Advance of the text at `size`, from the same widths as the font's /W array."""
    return sum(size * (ASCII_WIDTHS[ord(ch) - 32] if 32 <= ord(ch) < 127 else 1000) / 1000.0 for ch in text)


def _wrap(text, size, width):
    """Greedy line filling by approximate width, never breaking inside an ASCII word."""
    lines, current = [], ""
    for token in _tokens(text):
        candidate = current + token
        if _text_width(candidate.strip(), size) <= width or not current.strip():
            current = candidate
        else:
            lines.append(current.strip())
            current = token.lstrip()
    if current.strip():
        lines.append(current.strip())
    return lines


def _text(x, y, size, text, rgb):
    return "BT %s rg /F1 %d Tf 1 0 0 1 %.1f %.1f Tm %s Tj ET" % (rgb, size, x, y, _hex(text))


def _page_stream(deck_title, index, total, title, bullets):
    ops = [
        "0.97 0.975 0.98 rg 0 0 %d %d re f" % (PAGE_W, PAGE_H),
        "0.122 0.306 0.475 rg 0 %d %d 70 re f" % (PAGE_H - 70, PAGE_W),
        "0.85 0.65 0.2 rg 0 %d %d 4 re f" % (PAGE_H - 74, PAGE_W),
    ]
    title_size = 24 if _text_width(title, 24) <= PAGE_W - 80 else 20
    ops.append(_text(40, PAGE_H - 46, title_size, title, "1 1 1"))
    y = PAGE_H - 122
    for bullet in bullets:
        lines = _wrap(bullet, 17, PAGE_W - 110)
        ops.append("0.85 0.65 0.2 rg 48 %.1f 7 7 re f" % (y + 3))
        for line in lines:
            ops.append(_text(66, y, 17, line, "0.15 0.17 0.2"))
            y -= 26
        y -= 10
    ops.append("0.8 0.82 0.85 RG 0.5 w 40 34 m %d 34 l S" % (PAGE_W - 40))
    ops.append(_text(40, 16, 10, deck_title, "0.4 0.42 0.45"))
    footer = "%d / %d" % (index, total)
    ops.append(_text(PAGE_W - 40 - _text_width(footer, 10), 16, 10, footer, "0.4 0.42 0.45"))
    return "\n".join(ops).encode("ascii")


def _to_unicode_cmap(codes):
    highs = sorted({code >> 8 for code in codes})
    ranges = ["<%02X00> <%02XFF> <%02X00>" % (h, h, h) for h in highs]
    body = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        "<0000> <FFFF>",
        "endcodespacerange",
    ]
    for start in range(0, len(ranges), 100):
        chunk = ranges[start:start + 100]
        body.append("%d beginbfrange" % len(chunk))
        body.extend(chunk)
        body.append("endbfrange")
    body += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(body).encode("ascii")


def build_pdf(deck_title, pages):
    """A PDF with one page per (title, bullets); returns bytes."""
    streams = [_page_stream(deck_title, i + 1, len(pages), title, bullets)
               for i, (title, bullets) in enumerate(pages)]
    codes = set()
    for title, bullets in pages:
        for text in [deck_title, title] + list(bullets) + ["0123456789 /"]:
            codes.update(ord(ch) for ch in text)
    if any(code > 0xFFFF for code in codes):
        raise ValueError("characters outside the BMP cannot be written with UniGB-UCS2-H")

    objects = []  # index i -> object number i + 1

    def add(body):
        objects.append(body)
        return len(objects)

    catalog = add(None)
    pages_obj = add(None)
    font = add(None)
    cid_font = add(None)
    descriptor = add(
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] "
        b"/ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>")
    cmap_data = _to_unicode_cmap(codes)
    to_unicode = add(b"<< /Length %d >>\nstream\n" % len(cmap_data) + cmap_data + b"\nendstream")
    objects[font - 1] = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H "
        b"/DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>" % (cid_font, to_unicode))
    objects[cid_font - 1] = (
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> "
        b"/FontDescriptor %d 0 R /DW 1000 /W [1 [%s]] >>" % (descriptor, " ".join(map(str, ASCII_WIDTHS)).encode("ascii")))
    page_ids = []
    for stream in streams:
        content_id = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        page_ids.append(add(
            b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Resources << /Font << /F1 %d 0 R >> >> "
            b"/Contents %d 0 R >>" % (pages_obj, PAGE_W, PAGE_H, font, content_id)))
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % p for p in page_ids), len(page_ids))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R /Lang (zh-CN) >>" % pages_obj
    info = add(("<< /Title %s /Producer (make-example-media.py) >>" % ("<FEFF" + _hex(deck_title)[1:])).encode("ascii"))

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n" % (len(objects) + 1)
    out += b"0000000000 65535 f \n"
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root %d 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, catalog, info, xref)
    return bytes(out)


def deck_title_for(content, rel_path, lectures):
    for lecture in lectures:
        if lecture.slides == rel_path:
            return lecture.title + "（微课课件）"
    sidecar = os.path.join(content, rel_path + ".yml")
    if os.path.isfile(sidecar):
        with open(sidecar, encoding="utf-8") as handle:
            return zh_text(parse_yaml_subset(handle.read()).get("title"))
    return os.path.splitext(os.path.basename(rel_path))[0]


def write_pdf(content, rel_path, lectures):
    pages = SLIDE_DECKS[rel_path]
    path = os.path.join(content, rel_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as handle:
        handle.write(build_pdf(deck_title_for(content, rel_path, lectures), pages))


# ---------------------------------------------------------------------------------------------------
# Checks
# ---------------------------------------------------------------------------------------------------

def probe_duration(path):
    out = subprocess.run(["ffprobe", "-v", "error", "-show_entries", "format=duration", "-of", "csv=p=0", path],
                         capture_output=True, text=True, check=True).stdout
    return float(out.strip())


def read_vtt(path):
    with open(path, encoding="utf-8") as handle:
        lines = handle.read().split("\n")
    problems, cues = [], []
    if lines[0] != "WEBVTT":
        problems.append("first line is not WEBVTT")
    stamp = r"(?:\d{2}:)?\d{2}:\d{2}\.\d{3}"
    for number, line in enumerate(lines, start=1):
        if "-->" in line:
            match = re.fullmatch(r"(%s) --> (%s)" % (stamp, stamp), line.strip())
            if not match:
                problems.append("line %d: malformed timing" % number)
                continue
            cues.append([parse_vtt_time(match.group(1)), parse_vtt_time(match.group(2)), []])
        elif line.strip() and cues and number > 2:
            cues[-1][2].append(line)
    return cues, problems


def parse_vtt_time(text):
    parts = text.split(":")
    seconds = float(parts[-1])
    minutes = int(parts[-2])
    hours = int(parts[-3]) if len(parts) == 3 else 0
    return hours * 3600 + minutes * 60 + seconds


def check(content, lectures):
    failures = []

    def fail(message):
        failures.append(message)
        print("FAIL " + message)

    for lecture in lectures:
        for field in ("video", "poster", "slides"):
            rel = getattr(lecture, field)
            if rel and not os.path.isfile(os.path.join(content, rel)):
                fail("%s: %s %s is missing" % (lecture.id, field, rel))
        video = os.path.join(content, lecture.video)
        if os.path.isfile(video):
            actual = probe_duration(video)
            if abs(actual - lecture.duration) > 1:
                fail("%s: video lasts %.2f s, front matter says %d s" % (lecture.id, actual, lecture.duration))
        times = [t for t, _ in lecture.paragraphs]
        if not times or times[0] != 0 or times != sorted(set(times)) or times[-1] >= lecture.duration:
            fail("%s: transcript time codes must start at 0, increase and stay within the duration" % lecture.id)
        for language, rel in lecture.captions.items():
            path = os.path.join(content, rel)
            if not os.path.isfile(path):
                fail("%s: captions %s missing" % (lecture.id, rel))
                continue
            cues, problems = read_vtt(path)
            for problem in problems:
                fail("%s: %s" % (rel, problem))
            previous_end = 0.0
            for start, end, text in cues:
                if end <= start or start < previous_end:
                    fail("%s: cue at %.3f overlaps or runs backwards" % (rel, start))
                if not 1 <= len(text) <= 2:
                    fail("%s: cue at %.3f has %d lines" % (rel, start, len(text)))
                limit = 22 if language.startswith("zh") else 42
                for line in text:
                    if len(line) > limit:
                        fail("%s: line longer than %d characters: %s" % (rel, limit, line))
                previous_end = end
            if cues and cues[-1][1] > lecture.duration:
                fail("%s: last cue ends after the video" % rel)
    for recording in RECORDINGS:
        path = os.path.join(content, recording["path"])
        if not os.path.isfile(path):
            fail("recording %s missing" % recording["path"])
        elif abs(probe_duration(path) - recording["duration"]) > 1:
            fail("recording %s has the wrong duration" % recording["path"])
    have_poppler = shutil.which("pdfinfo") and shutil.which("pdftotext")
    for rel, pages in SLIDE_DECKS.items():
        path = os.path.join(content, rel)
        if not os.path.isfile(path):
            fail("slides %s missing" % rel)
            continue
        if have_poppler:
            info = subprocess.run(["pdfinfo", path], capture_output=True, text=True)
            count = re.search(r"^Pages:\s+(\d+)", info.stdout, re.M)
            if info.returncode != 0 or info.stderr.strip() or not count or int(count.group(1)) != len(pages):
                fail("%s: pdfinfo reports a problem: %s" % (rel, info.stderr.strip() or info.stdout))
            text = subprocess.run(["pdftotext", "-enc", "UTF-8", path, "-"], capture_output=True, text=True).stdout
            if pages[0][0] not in text:
                fail("%s: pdftotext does not find the first page title" % rel)
    print("%d problem(s)" % len(failures))
    return not failures


# ---------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", default=DEFAULT_CONTENT, help="content folder (default: %(default)s)")
    parser.add_argument("--captions", action="store_true", help="also regenerate the zh-CN captions from the transcripts")
    parser.add_argument("--only", action="append", default=[], metavar="NAME",
                        help="only this lecture id, slide deck or recording name (repeatable)")
    parser.add_argument("--check", action="store_true", help="verify the media and write nothing")
    args = parser.parse_args()
    content = os.path.abspath(args.content)
    lectures = load_lectures(content)

    if args.check:
        sys.exit(0 if check(content, lectures) else 1)

    for tool in ("ffmpeg", "ffprobe"):
        if not shutil.which(tool):
            sys.exit(tool + " not found: apt-get install -y ffmpeg")
    font = find_cjk_font()
    courses = course_titles(content)

    def wanted(name):
        return not args.only or name in args.only

    for lecture in lectures:
        if lecture.slides and lecture.slides not in SLIDE_DECKS:
            sys.exit("%s lists slides %s but SLIDE_DECKS has no outline for it" % (lecture.id, lecture.slides))
    for lecture in lectures:
        if not wanted(lecture.id):
            continue
        if args.captions:
            write_zh_captions(content, lecture)
        make_lecture_video(content, lecture, courses, font)
        print("lecture   %-28s %s" % (lecture.id, clock(lecture.duration)))
    for rel in sorted(SLIDE_DECKS):
        name = os.path.splitext(os.path.basename(rel))[0]
        if wanted(name) or any(l.slides == rel and wanted(l.id) for l in lectures):
            write_pdf(content, rel, lectures)
            print("slides    %s (%d pages)" % (rel, len(SLIDE_DECKS[rel])))
    for recording in RECORDINGS:
        name = os.path.splitext(os.path.basename(recording["path"]))[0]
        if wanted(name):
            make_recording(content, recording, courses, font)
            print("recording %s %s" % (recording["path"], clock(recording["duration"])))


if __name__ == "__main__":
    main()
