"""The concepts a quantity's clause is read for, as data: each concept is a role and the words (cues) that
express it in county reports, synonyms included.

    CONCEPTS["recon"] == Concept("object", ("复议", ...))

The words were gathered from many published 法治政府建设年度报告 and kept as short as meaning allows, so a
phrase is read as the concepts it is made of (行政复议申请 = recon + …, 审结复议案件 = close + recon): a
code (frames.py) asks for concepts, never for a phrase. Scanning (cues.py) is leftmost-longest and
non-overlapping, so a longer word shadows the shorter ones inside it (出庭应诉 hides 应诉; 人大常委会 hides
常委会; 证明材料 hides 材料) — that is how a compound that means something else is kept apart.

Roles:
  object   what a figure counts or is about (closes a clause segment: see attribution.py)
  action   what was done to it (受理, 审结, 清理, 培训, 发放 …)
  context  a topic that may stand anywhere in the sentence or paragraph (执法, 普法, 法律顾问)
  blocker  a counted thing that is no indicator (模板, 咨询, 企业, 一审 …): as the head of a figure, it
           stops every code
  rate     a rate word (率, 比例, 占)
  frame    words about the figure rather than the thing: change, baseline, plan, per-unit, other bodies,
           parts, carried-over
  glue     words that say nothing of the thing (共, 累计, 全年, 达到, 数量 …): transparent when deciding
           which words are next to the number
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Concept:
    role: str
    words: tuple[str, ...]


def _w(s: str) -> tuple[str, ...]:
    return tuple(s.split())


_BODIES = "县 区 市 旗 州 盟"
_RULE_OF_LAW_BODIES = " ".join(f"依法治{b}委员会 依法治{b}办" for b in _BODIES.split())

CONCEPTS: dict[str, Concept] = {
    # ------------------------------------------------------------------ meetings and study
    "party_sc": Concept("object", _w("常委会 常委扩大会 常委会议 常委（扩大）会议 常委(扩大)会议")),
    "gov_exec": Concept("object", _w("常务会议 常务会")),
    "party_group": Concept("blocker", _w("党组会议 党组会 县长办公会 区长办公会 市长办公会 专题会议 联席会议")),
    "committee_other": Concept("blocker", _w(f"{_RULE_OF_LAW_BODIES} 依法治县委 委员会会议 领导小组会议")),
    "center_group": Concept("object", _w("中心组")),
    "rol_topic": Concept("context", _w("法治 依法治 依法行政 法制建设 法制工作 全面依法 法治政府 法治建设 法治工作 涉法议题 涉法事项")),
    "deliberate": Concept("glue", _w("研究 听取 审议 部署 讨论 专题研究 议题 议程 汇报 涉及 列入 纳入 安排")),
    "study": Concept("action", _w(
        "学法 学习法律法规 学习宪法 法律法规 法治讲座 法治学习 法治专题 讲法 学习习近平法治思想 习近平法治思想 "
        "学习民法典 集体学法 专题学法 法治专题学习")),
    # the study before an executive meeting, named without the meeting (会前学法N次)
    "exec_study": Concept("object", _w("会前学法 会前学习 会前集体学法 会前专题学法")),
    "study_generic": Concept("action", _w("集体学习 专题学习 学习研讨 专题辅导 学习")),
    # ------------------------------------------------------------------ legality review and advice
    "adviser": Concept("context", _w("法律顾问 公职律师 顾问律师 政府律师 法律顾问团")),
    "opinion": Concept("object", _w("法律意见 意见书 法律建议 法律审查意见 法律咨询意见")),
    "opinion_weak": Concept("object", _w(
        "修改意见 意见建议 意见和建议 建议意见 审查意见 审核意见 修改建议 审查意见书 审核意见书 书面意见 意见")),
    "normdoc": Concept("object", _w("规范性文件 红头文件")),
    "decision": Concept("object", _w("重大行政决策 重大决策 决策事项 行政决策 决策")),
    "contract": Concept("object", _w("合同 协议 行政协议")),  # (行政协议 hides 政协)
    "doc_generic": Concept("object", _w("文件 涉法事项 涉法事务 法律事务")),
    "legality": Concept("action", _w("合法性审查 合法性审核 前置审查 前置审核 合法性审定 法制审核 合法性把关")),
    "review": Concept("action", _w("审查 审核 把关 审核把关 审读")),
    "file": Concept("action", _w("备案 报备 报送备案 备案审查 备案登记")),
    "clean": Concept("action", _w("清理 审查清理 集中清理 专项清理 全面清理 梳理")),
    "issue_doc": Concept("glue", _w("制发 出台 制定 发布 起草 审议通过 通过")),
    "doc_outcome": Concept("action", _w("废止 修改 保留 宣布失效 失效 继续有效 拟修改 拟废止 修订")),
    # ------------------------------------------------------------------ reconsideration and litigation
    "recon": Concept("object", _w("复议")),
    "admin_act": Concept("object", _w("行政行为 行政执法行为 具体行政行为")),
    "receive": Concept("action", _w("收到 受理 新收 收案 接收 收件 立案 申请")),
    "close": Concept("action", _w("办结 审结 结案 调结 作出决定 全部审结 已审结 已办结 已结 终结 审查终结 终结性处理")),
    "recon_close": Concept("action", _w("作出复议决定 作出行政复议决定 复议决定 复议决定书")),
    "correct": Concept("action", _w("纠错 纠正 撤销 变更 改变 确认违法 责令履行 确认无效")),
    # the reconsideration statistics' own terms: a correction by the reconsideration body, said without 复议
    "recon_correct": Concept("action", _w("直接纠错 综合纠错")),
    "pending": Concept("action", _w(
        "维持 驳回 终止 撤回 不予受理 和解 正在办理 正在审理 审理中 办理中 在办 未结 待审 转送 告知 中止 "
        "撤诉 上诉 申诉 生效 判决 裁定 执行 听证 听证审理 公开听证")),  # (a procedure's cases: a part)
    "won": Concept("action", _w("胜诉 驳回原告诉讼请求")),
    "litig": Concept("object", _w("行政诉讼 行政应诉 应诉 被诉 被告 行政案件 诉讼案件 起诉 民告官 行政争议")),
    "lost": Concept("action", _w("败诉 输掉 输了")),
    "appear": Concept("object", _w("出庭应诉 出庭 到庭")),
    "court": Concept("context", _w("人民法院 法院")),
    "trial": Concept("blocker", _w("一审 二审 再审 一审案件 二审案件")),
    # ------------------------------------------------------------------ enforcement
    "enf_staff": Concept("object", _w(
        "执法人员 执法力量 执法队伍 执法骨干 执法干部 执法队员 执法者 在编执法 在岗执法")),
    # (the management of certificates is a topic, not the certified: 纳入执法证件管理系统的执法人员)
    "enf": Concept("context", _w("执法 执法证件管理 执法证管理 执法资格管理")),
    "cert": Concept("action", _w("执法证 执法证件 执法资格 持证 领证 执法证书")),
    # certificates taken back are no certification (注销、暂扣行政执法证件23个); entities deregistered (注销) no stock
    "revoke": Concept("action", _w("注销 暂扣 吊销 收回 收缴")),
    "exam": Concept("action", _w("资格考试 资格认证 申领 换证 发证 参考人员 参考人数 参考 考试 取得证件 办理证件")),
    "training": Concept("action", _w(
        "培训 轮训 练兵 自训 培训班 训练 业务培训 专题培训 集中培训 集训 办班 法律知识培训 法律培训 法治培训")),
    "trainee": Concept("action", _w("参训 受训 培训人数 培训人员 参加培训 接受培训 参培")),
    "other_trainee": Concept("blocker", _w(
        "领导干部 国家工作人员 公职人员 公务员 党员干部 村干部 调解员 网格员 明白人 律师 干部")),
    # lenient decisions are no count of cases (不予处罚、减轻处罚决定96宗)
    "lenient": Concept("blocker", _w(
        "不予处罚 免予处罚 免罚 减轻处罚 从轻处罚 首违不罚 轻微不罚 不予处罚决定 免予处罚决定 减轻处罚决定 从轻处罚决定 "
        "不予处罚案件 免予处罚案件 减轻处罚案件 从轻处罚案件")),
    "penalty": Concept("object", _w(
        "行政处罚 处罚决定 处罚案件 违法案件 违法行为 立案查处 查处 罚款决定 执法案件 一般程序")),
    # ------------------------------------------------------------------ publicity
    "pufa": Concept("object", _w(
        "普法 法治宣传 法律宣传 法制宣传 宣传教育 法治教育 送法 以案释法 法治文艺 法治文化 宪法宣传 "
        "宣传活动 宣讲 讲堂 法律进 宪法进 民法典进 法律知识 法治知识 知识竞赛 宣传 法治讲座 进社区 进企业 进乡村 "
        "进农村 进校园 进机关 进单位 进万家 进村 进家庭 进网络 进寺庙 进军营 进景区 进市场 进园区 进工地 五进 六进 七进 "
        "八进 九进")),
    "activity": Concept("context", _w("活动 讲座 演出 巡演 宣传日 宣传周 宣传月")),
    "audience": Concept("object", _w(
        "受益 惠及 覆盖 受众 听众 观众 参与 群众 参加人员 参与人数 参与人次")),
    # people "educated" are legal publicity's audience (受教育群众, 教育群众N人次), said without 普法
    "edu_audience": Concept("object", _w("受教育 受教育人数 教育群众 受教育群众")),
    "material": Concept("object", _w(
        "资料 材料 手册 宣传册 宣传单 折页 读本 书籍 图书 宣传品 口袋书 挂历 海报 传单 明白纸 宣传页 "
        "法律书籍 法治读物 读物 漫画")),
    "distribute": Concept("action", _w("发放 印发 分发 赠送 散发 印制 编印 制作 派发 赠阅")),
    # ------------------------------------------------------------------ disputes and legal aid
    "dispute": Concept("object", _w("纠纷 矛盾 矛盾纠纷 信访事项")),
    "mediate": Concept("action", _w("调解 调处 化解 排查化解 排查调处 调结 诉调对接 访调对接 分流 人民调解")),
    "med_success": Concept("action", _w(
        "成功 调解成功 调处成功 成功调解 成功调处 成功化解 达成协议 达成调解协议 化解成功 调解率 调处率")),
    # a case of mediation is a mediated dispute (人民调解案件同比增加205件)
    "med_case": Concept("object", _w("调解案件 人民调解案件 调解纠纷案件")),
    "legal_aid": Concept("object", _w("法律援助 援助案件 援助申请 法援 援助事项")),
    # ------------------------------------------------------------------ business environment
    "approval": Concept("object", _w(
        "审批事项 许可事项 审批项目 许可项目 行政审批 行政许可 许可清单 审批清单")),
    "approval_out": Concept("action", _w(
        "划转 下放 承接 赋予 委托 进驻 入驻 网上 即办 通办 告知承诺 承诺 中介 跨省 帮办 代办 办件 业务 "
        "受理 办理 实施 调整 授权 服务事项")),
    "certif": Concept("object", _w("证明事项 证明材料 证明")),
    "market": Concept("object", _w("市场主体 经营主体 新市场主体 新经营主体 经营户")),
    "new": Concept("action", _w("新增 新登记 设立登记 新设立 新注册 新发展 新办 新开办 新成立 新设 新市场主体 新经营主体")),
    "net": Concept("action", _w("净增 净增加 净增长")),
    "net_down": Concept("action", _w("净减少 净减")),
    "stock": Concept("frame", _w("实有 现有 保有量 保有 总量 总数 登记在册 存量 目前")),
    "tax": Concept("object", _w(
        "减税降费 减税 降费 税费减免 减免税费 减免税收 减轻企业负担 减轻税费负担 税费负担 减轻负担 减负 税费优惠 "
        "减免 降成本 减征 免征 少缴 缓缴 减缴 免缴 退减缓税费 退减缓")),
    "tax_other": Concept("blocker", _w("留抵退税 退税 罚没 罚款 资金 经费 补贴 挽回 讨薪 投资 损失 融资")),
    "disclosure": Concept("object", _w(
        "信息公开申请 依申请公开 公开申请 政务公开申请")),
    "reply": Concept("action", _w("答复 回复 办理")),
    "proactive": Concept("blocker", _w("主动公开")),
    # ------------------------------------------------------------------ counted things that are no indicator
    "blocker": Concept("blocker", _w(
        "模板 范本 示范文本 平台 窗口 服务点 工作站 阵地 短剧 短视频 视频 调研报告 案卷 卷宗 法律咨询 咨询 "
        "法官 调解组织 调解委员会 调解室 委员会 企业 个体工商户 纳税人 乡镇 村（社区） 社区 部门 单位 中队 "
        "记录仪 设备 热线 电话 账号 新媒体 公众号 人大代表建议 代表建议 提案 检察建议 司法建议 学时 课时 播放 "
        "浏览 点击 阅读量 转发 隐患 线索 评查 督察 检查 抽查 考核 群体 困难群众 农民工 受援人 "
        "律师事务所 事务所 机构 司法所 户籍 工作人员 人员名单 名单")),
    # ------------------------------------------------------------------ words about the figure
    "rate": Concept("rate", _w("率 比例 比率 百分比 占比 占 比重")),
    # a rate word that holds its concept, the verb after 成功 (成功调解率: 调解率 would hide its 率)
    "success_rate": Concept("rate", _w("成功调解率 成功调处率 成功化解率")),
    "up": Concept("frame", _w("增加 增长 上升 提高 提升 扩大 多出 高出 多减 多 增")),  # (多减: more relief)
    "down": Concept("frame", _w("减少 下降 降低 压减 精简 缩减 削减 压缩 取消 少 缩小 降 减")),
    "baseline": Concept("frame", _w(
        "较上年 比上年 同比 环比 比去年 较去年 与上年相比 与去年相比 较上一年 比上一年 较改革前 比改革前 "
        "较前 较年初 比年初 上年 去年 同期 上一年 往年 改革前 原来 与上一年相比 与上一年度相比 与前一年相比 "
        "较上一年度 比上一年度 较前一年 比前一年 前一年 上一年度 比起上一年 比起上年 比起去年")),
    # the state after a change, labelling this year's figure (｜改革前 245｜改革后 198): says nothing of the thing
    "after_state": Concept("frame", _w("改革后 清理后 调整后 精简后 压减后 整合后")),
    "compare_other": Concept("frame", _w("平均水平 全市平均 全省平均 全国平均 平均 排名 位居 位列")),
    "plan": Concept("frame", _w(
        "力争 计划 预计 目标 不少于 不低于 至少 确保 争取 将至少 规划 预期 努力实现 要达到 达标 任务数 目标任务 "
        "年度任务 不超过 不高于 红线 及格线 标准值 考核目标 预测")),
    "future": Concept("frame", _w("下一步 下步 明年 今后 下一年 新的一年 下阶段 来年")),
    "per": Concept("frame", _w(
        "每季度 每年 每月 每半年 每千人 每万人 每人 人均 日均 年均 月均 每周 每次 每个 每件 每户 平均每 "
        "每期 每场 每批 每班 每轮 每堂 每名 每家 场均 期均")),
    "other_body": Concept("frame", _w(
        "全省 省委 省政府 省级 省司法厅 省高级 全国 国务院 党中央 中央 中级人民法院 中院 高级人民法院 省法院 "
        "人大常委会 人大 政协 检察院 人民检察院 司法部 依法治省 依法治国 法院诉前 诉前调解 乡镇政府 乡镇人民政府 "
        "街道办事处")),
    # the city's bodies: the prefecture in a report of a 县, 区 or 旗 (another body there), the county itself in
    # a 县级市's report (extract's `prefecture_other` says which); transparent otherwise, like 全县
    "prefecture": Concept("frame", _w("全市 我市 本市 市委 市政府 市人民政府 市直 市本级 市级")),
    "peer_units": Concept("frame", _w("各县区 各县（市、区） 各县(市、区) 县（市、区） 县（区） 县区 设区市 各地 各市")),
    "distrib": Concept("frame", _w("分别 依次")),
    "subordinate": Concept("frame", _w(
        "各乡镇 乡镇党委 各单位 各部门 各级党委 各级党组 党组（党委） 党组(党委) 县直各部门 各党委 各党组 "
        "乡镇（街道） 各街道 各镇")),
    "part": Concept("frame", _w("其中 含 包括 另有")),
    "carry": Concept("frame", _w("结转 上年结转 转结 结余 遗留 尚有 尚余")),  # (尚有7件在审理期限内: still open)
    "glue": Concept("glue", _w(
        "共 共计 共有 累计 合计 总计 计 达 达到 为 有 是 了 的 约 近 超 超过 逾 突破 全年 全部 均 已 仅 只 仅剩 "
        "剩 先后 依法 各类 各种 各项 各级 等 在 于 中 内 全县 全区 全旗 本级 县级 区级 本年度 "
        "年度 年 到 至 今年 年内 当年 数量 件数 次数 人数 户数 数 量 规模 事项 案件 情况 工作 组织 开展 "
        "举办 召开 进行 完成 实现 全覆盖 一年来 线上 线下 现场 集中 专题 专门 我县 我区 我旗 县政府 "
        "区政府 政府 以来 截至 年底 年末 县委 区委 旗委 主要 相关 有关 统一 按时 及时 严格 "
        "对 将 向 由 从 给 为了 通过 经 经过 被 获 得到 给予 予以 作出 出具 提出 提供 形成 协助 "
        "指派 承办 查办 申请人 建设 推进 加强 深化 持续 不断 积极 认真 扎实 切实 全面 进一步 有效 充分 "
        "稳步 着力 坚持 落实 贯彻 大力 广泛 深入 健全 完善 强化 优化 相继 陆续 多次 及 和 与 并 或 金额 行政 各类型")),
    "law_title": Concept("context", _w(
        "宪法 民法典 行政复议法 行政诉讼法 行政处罚法 行政许可法 行政强制法 法律援助法 人民调解法 监察法 "
        "安全生产法 国家安全法 信访工作条例 优化营商环境条例 法治政府建设实施纲要 政府信息公开条例")),
}

#: a concept that implies another (a cue of the left one also counts as the right ones)
IMPLIES: dict[str, tuple[str, ...]] = {
    "enf_staff": ("enf",), "cert": ("enf",), "penalty": ("enf",), "training": (),
    "appear": ("litig_topic",), "litig": ("litig_topic",), "lost": ("litig_topic",),
    "mediate": ("dispute_topic",), "med_case": ("dispute", "mediate", "dispute_topic"), "dispute": ("dispute_topic",), "med_success": ("dispute_topic",),
    "normdoc": ("review_object",), "decision": ("review_object",), "contract": ("review_object",),
    "doc_generic": ("review_object",),
    "opinion": ("adviser_topic",), "adviser": ("adviser_topic",),
    "legality": ("review",), "recon_close": ("close", "recon"), "net": ("up",), "net_down": ("down",),
    "pufa": ("pufa_topic",), "material": (), "recon": ("recon_topic",),
    "recon_correct": ("correct", "recon"), "success_rate": ("rate", "med_success", "dispute_topic"), "edu_audience": ("audience", "pufa"), "exec_study": ("gov_exec", "study"),
}

#: concepts that stand for an implied one only (never scanned for themselves)
DERIVED = frozenset(c for parents in IMPLIES.values() for c in parents) - set(CONCEPTS)

#: words of a to-phrase: the number after them is the value reached (由214项压减到195项, 降至4.1%)
TO_WORDS = ("到", "至", "为", "到了", "至了")
#: between a to-word and its number, a bound of the value (降到不足4%, 增加到近5万户, 压减至约120项)
TO_BOUNDS = ("不足", "不到", "将近", "接近", "近", "约", "超过", "逾", "以下的")
#: words that make the number before them the baseline of a comparison (与上年的15.2%相比)
BASELINE_AFTER = ("相比", "相较", "比较")
#: before a number: the number is the starting value of a from→to pair (由214项…, 从上年的41件…)
FROM_WORDS = ("由", "从")
#: between 由/从 and the starting value (由上年的41件, 从原来的214项, 由2022年的3次)
FROM_FILLERS = ("上一年的", "前一年的", "上年的", "去年的", "原来的", "改革前的", "上一年", "前一年", "上年", "去年", "原来", "年初的",
                "前年的")
#: a clause that states last year's figure opens with one of these (…结案45件，而上年为32件; 上年证明事项为29项，…)
BASELINE_OPENERS = ("上年同期", "去年同期", "上一年度", "上一年", "上年度", "上年", "去年", "前一年度", "前一年")
#: before a baseline opener and 的, words that make the figure after them last year's (与上年的15.2%相比, 比起上一年的
#: 380件，今年…增至455件)
COMPARE_WORDS = ("与", "同", "比起", "较之", "相比于", "相较于")
#: before a baseline opener (or an earlier year), with or without 的, words that make the figure after them last
#: year's: a comparison's baseline, never this year's value (较前一年的4次; 比照上年的58件; 较前一年4,210户;
#: 比2022年的1.19亿元; 较上年的14次减少到11次)
BASELINE_COMPARE = ("较之", "比起", "比照", "对比", "较", "比")
#: a clause that states this year's figure opens with one of these (上年27件，今年40件; 去年底…，今年底…)
THIS_YEAR_OPENERS = ("今年", "本年度", "本年", "当年")
#: a table cell's or a list item's period label that names the state before / after a change, ranked with last
#: year's / this year's figure (证明事项（项）｜清理前 78｜清理后 23; 行政许可事项｜改革前 245｜改革后 198)
BEFORE_LABELS = ("改革前", "清理前", "调整前", "精简前", "压减前", "整合前")
AFTER_LABELS = ("改革后", "清理后", "调整后", "精简后", "压减后", "整合后")
#: right after a period label, words that make the figure no figure of that period (上年结转4件: a part carried
#: over; 2019年以来: a total since; 2022年以前)
LABEL_NOT: tuple[str, ...] = ("结转", "遗留", "以来", "以前", "之前", "以后", "之后", "来", "前", "后")
#: … and its number follows one of these (上年为32件, 上年同期是4600户, 上年这一比例为88%)
BASELINE_VERBS = ("为", "是", "有", "共", "达", "达到", "仅", "只有", "仅有", "还是", "仅为")

#: bounds that make a figure a minimum or maximum to reach (a plan's or a rule's), never a figure reached: the
#: scanner keeps them in the quantity (不少于12场, 不超过3件), so they are read from its surface
PLAN_BOUNDS: tuple[str, ...] = ("不少于", "不低于", "不超过", "不高于", "不多于", "至少")
#: plan words that frame the later clauses of their sentence too (计划组织轮训8期，培训1,000人次以上); the others
#: (确保, 目标 …) frame their own clause only (确保审核质量，对14项重大行政决策…审查: a purpose, not a plan)
PLAN_LEADS: tuple[str, ...] = ("计划", "力争", "预计", "争取", "预期")
#: 拟 before a verb is an intent (拟排6次; opening its sentence, 拟再精简…20项，…10项, it frames the whole sentence)
#: — unless a 的 or a list's 、 follows soon, naming what is about to be issued (拟出台的文件, 拟作出的5项决策,
#: 拟决策事项、…: reviewed before issue, a figure of the year): regex
INTENT: str = "拟(?![^，,。；;：:]{0,5}[的、及和])"
#: … before 拟 at the start of its sentence (拟再…, 还拟…, 并拟…)
INTENT_OPENERS: tuple[str, ...] = ("", "还", "并", "将", "另")
#: before a plan word, words that make it a reference, not the frame of the figure (按计划完成…, 对照年度目标…)
PLAN_REFERENCE: tuple[str, ...] = ("按", "按照", "对照", "围绕", "根据", "完成", "实现", "超额", "提前")
#: an ordinal before a figure in its clause: the figure is of that one meeting, session or batch (第二期培训班共
#: 40人, 第12次常务会议审议…)
ORDINAL_MEASURES: str = "期次批轮届场个"
