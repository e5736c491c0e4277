"""Which of the mandated parts of a report a level-1 section is: by the meaning of its heading, and, when the
heading says nothing of it, by its first sentences (pure functions).

    classify_part("存在的问题和改进措施", "一是……")   -> (SectionKind.SHORTCOMINGS, SectionKind.NEXT_YEAR_PLAN)
    classify_part("守正创新 再启新程", "2024年，我县将……")  -> (SectionKind.NEXT_YEAR_PLAN, None)

The five parts the 法治政府建设年度报告 must have (measures and results; the principal leaders' duties;
court judgments; shortcomings; next year's plan), and `other`, are each a set of words (HEADING_WORDS), as
data. A heading is cut at its conjunctions (及, 和, 与, 、 …) into pieces; each piece takes the strongest kind
of its words (the court, leaders and other parts before shortcomings, before the plan, before measures: in
下步举措 the plan modifies the measures). A court, leaders or other word decides alone; otherwise the first
piece's kind is the kind and the next different one the secondary (存在的问题和改进措施; 工作开展情况及2024年
工作安排). A heading with none of the words (a slogan: 守正创新 再启新程; a topic: 府院联动 is a word, 以法治之力
护航高质量发展 is not) is read from the section's first sentences (BODY_WORDS, counted); without any, it is
the measures part, as most topical level-1 headings are. A plan's word followed in its piece by a word of its
completion (年度重点任务完成情况) is the measures part: what was done of the plan. The plan's words weigh twice in a first sentence (我们将
持续…，进一步… is the plan), and measures after the plan in a heading are the plan's (2024年工作思路和举措).
"""

from __future__ import annotations

import re

from countyreports.models import SectionKind

K = SectionKind

#: words of the headings of each part (a topical heading, 依法全面履行政府职能, is a measures heading)
HEADING_WORDS: dict[SectionKind, tuple[str, ...]] = {
    K.COURT_JUDGMENTS: (
        "生效裁判", "生效判决", "法院判决", "法院裁判", "判决", "裁定", "裁判", "履行法院", "履行人民法院",
        "执行人民法院", "府院联动", "府院", "司法建议", "行政应诉", "出庭应诉", "败诉", "行政诉讼", "行政审判",
        "司法监督", "检察建议",
    ),
    K.LEADER_DUTIES: (
        "第一责任人", "第一责任", "主要负责人", "主要负责同志", "主要领导", "党政负责人", "党政主要", "一把手",
        "关键少数", "述法", "带头", "书记", "县长", "区长", "旗长", "领导干部", "领导班子", "主体责任",
    ),
    K.OTHER: ("其他", "其它", "需要说明", "情况说明", "说明", "附：", "附:", "附则", "附件", "备注", "体会", "启示",
              "特此报告", "以上报告", "此报告"),  # (a closing formula standing as a heading)
    K.SHORTCOMINGS: (
        "不足", "问题", "短板", "弱项", "差距", "困难", "挑战", "薄弱", "需要改进", "不容忽视", "欠缺", "原因",
        "瓶颈", "症结", "短处",
    ),
    K.NEXT_YEAR_PLAN: (
        "下一步", "下步", "下阶段", "下一阶段", "下一年", "明年", "今后", "新一年", "新的一年", "来年", "打算",
        "工作安排", "主要安排", "安排", "思路", "计划", "谋划", "目标任务", "重点任务", "努力方向", "改进方向",
        "改进措施", "整改措施", "工作方向", "整改方向", "对策", "建议", "展望", "新征程", "新程",
    ),
    K.MEASURES_RESULTS: (
        "举措", "成效", "做法", "主要工作", "工作推进", "推进情况", "开展情况", "工作情况", "建设情况", "进展",
        "成果", "成绩", "亮点", "完成情况", "取得", "落实情况", "基本情况", "回顾", "总体情况", "经验", "变化",
        "一年来", "过去一年", "措施", "政府职能", "放管服", "营商环境", "依法行政", "行政决策", "依法决策",
        "执法", "制度体系", "制度建设", "权力", "监督", "矛盾纠纷", "普法", "法治宣传", "党的领导",
        "组织领导", "政务公开", "法治思维", "法治保障", "高质量发展", "护航", "职能", "改革", "数字",
    ),
}

#: words of the first sentences of each part, for headings that name none (counted; the plan's 将 is "we will":
#: 我县将, 将继续 …, never the 将 of 将…纳入)
BODY_WORDS: dict[SectionKind, tuple[str, ...]] = {
    K.COURT_JUDGMENTS: ("法院", "判决", "裁定", "裁判", "司法建议", "应诉", "败诉", "行政审判", "检察建议"),
    K.LEADER_DUTIES: ("第一责任人", "主要负责人", "主要负责同志", "主要领导", "书记", "县长", "亲自", "带头",
                      "一把手", "关键少数"),
    K.SHORTCOMINGS: ("不足", "问题", "差距", "薄弱", "不够", "有待", "仍然", "依然", "短板", "还存在", "欠缺",
                     "不到位", "参差不齐", "不强", "不高"),
    K.NEXT_YEAR_PLAN: ("我县将", "我区将", "我市将", "我旗将", "我们将", "政府将", "将继续", "将进一步", "将着力",
                       "将持续", "将坚持", "将全面", "将重点", "将以", "下一步", "今后", "新的一年", "明年", "以下几",
                       "重点抓好", "计划"),
    K.OTHER: ("本报告", "数据", "统计", "截至"),
    K.MEASURES_RESULTS: ("一年来", "全年", "取得", "成效", "稳步", "明显", "不断", "持续", "完成", "实现",
                         "进一步", "提升"),
}
_STRONG = (K.COURT_JUDGMENTS, K.LEADER_DUTIES, K.OTHER)
_RANK = {K.COURT_JUDGMENTS: 0, K.LEADER_DUTIES: 1, K.OTHER: 2, K.SHORTCOMINGS: 3, K.NEXT_YEAR_PLAN: 4,
         K.MEASURES_RESULTS: 5}
_CONJUNCTIONS = re.compile(r"以及|及|和|与|、|并|，|,|；|\s+")
_BODY_CHARS = 160  # how much of the section's opening is read


def _compile(table: dict[SectionKind, tuple[str, ...]]) -> re.Pattern[str]:
    alts = sorted(((w, k) for k, ws in table.items() for w in ws), key=lambda x: -len(x[0]))
    return re.compile("|".join(re.escape(w) for w, _ in alts))


_HEAD_RX = _compile(HEADING_WORDS)
_HEAD_KIND = {w: k for k, ws in HEADING_WORDS.items() for w in ws}
_BODY_RX = _compile(BODY_WORDS)
_BODY_KIND = {w: k for k, ws in BODY_WORDS.items() for w in ws}


#: after a plan's word in one piece, words of its completion: the piece is the measures part (年度重点任务完成情况,
#: 工作计划执行情况: what was done of the plan)
DONE_WORDS = ("完成情况", "落实情况", "执行情况", "推进情况", "进展情况")


#: in a piece after a leaders' heading words, words of a report of what was done (…履职和依法行政推进
#: 情况): the measures part is named second; a topic alone (加强党的领导) is not
RESULT_WORDS = ("推进情况", "开展情况", "工作情况", "建设情况", "进展", "成效", "完成情况", "落实情况", "总体情况",
                "基本情况")


def _piece_kind(piece: str) -> SectionKind | None:
    best: SectionKind | None = None
    plan_end = -1
    for m in _HEAD_RX.finditer(piece):
        k = _HEAD_KIND[m.group()]
        if k == K.NEXT_YEAR_PLAN and plan_end < 0:
            plan_end = m.end()
        if best is None or _RANK[k] < _RANK[best]:
            best = k
    if best == K.NEXT_YEAR_PLAN and any(piece.find(w, plan_end) >= 0 for w in DONE_WORDS):
        return K.MEASURES_RESULTS
    return best


def heading_kinds(title: str) -> tuple[SectionKind, SectionKind | None] | None:
    """The kinds a heading names (None: it names none)."""
    kinds = [k for k in (_piece_kind(p) for p in _CONJUNCTIONS.split(title) if p) if k is not None]
    if not kinds:
        return None
    for k in _STRONG:
        if k in kinds:  # (主要负责人履职和依法行政推进情况: the leaders' part, and what was done second)
            done = k == K.LEADER_DUTIES and any(_piece_kind(p) == K.MEASURES_RESULTS and any(w in p for w in RESULT_WORDS)
                                        for p in _CONJUNCTIONS.split(title) if p)
            return k, K.MEASURES_RESULTS if done else None
    first = kinds[0]
    second = next((k for k in kinds[1:] if k != first), None)
    if first == K.NEXT_YEAR_PLAN and second == K.MEASURES_RESULTS:
        second = None  # 2024年工作思路和举措, 下一步努力方向和工作措施: the measures planned, no part of their own
    return first, second


def body_kind(body: str) -> SectionKind:
    """The part whose words the opening of a section holds most often (measures when none)."""
    counts: dict[SectionKind, int] = {}
    for m in _BODY_RX.finditer(body[:_BODY_CHARS]):
        k = _BODY_KIND[m.group()]
        counts[k] = counts.get(k, 0) + (2 if k == K.NEXT_YEAR_PLAN else 1)  # ("we will" outweighs 进一步, 持续)
    if not counts:
        return K.MEASURES_RESULTS
    return max(counts, key=lambda k: (counts[k], -_RANK[k]))


def classify_part(title: str, body: str = "") -> tuple[SectionKind, SectionKind | None]:
    """`kind` and `secondary_kind` of a level-1 section from its heading title and, when the title names no
    part, from the first sentences of its text (module doc)."""
    got = heading_kinds(title)
    return got if got is not None else (body_kind(body), None)
