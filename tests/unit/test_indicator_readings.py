"""Indicators by meaning (issue 16): sentences in constructions neither the snapshot nor the phrasebook uses,
written for these tests with the reading a careful human gives them (values, from-values, changes), and the
mechanisms one by one: cues recorded, signed changes, from→to pairs, distributive lists, ellipsis, parts,
brackets, plans, other bodies, the next-year-plan section."""

from __future__ import annotations

import collections

import pytest

from countyreports.models import Section, SectionKind
from countyreports.reading.indicators import extract

Key = tuple[str, float, float | None, str]

#: (sentence, [(code, value, from_value, value_kind)]): every indicator a correct reading yields
READINGS: list[tuple[str, list[Key]]] = [
    ("县政府常务会议全年专题研究依法行政工作5次。", [("gov_meetings_rule_of_law", 5, None, "value")]),
    ("全年召开县委常委会会议专题研究法治建设4次，召开县政府常务会议研究法治政府建设6次。", [("party_meetings_rule_of_law", 4, None, "value"), ("gov_meetings_rule_of_law", 6, None, "value")]),
    ("县委常委会会议听取全面依法治县工作汇报2次。", [("party_meetings_rule_of_law", 2, None, "value")]),
    ("区委常委会议先后3次研究部署法治建设工作。", [("party_meetings_rule_of_law", 3, None, "value")]),
    ("县人大常委会听取和审议县政府法治政府建设情况报告1次。", []),
    ("召开政府常务会议12次，审议议题68个。", []),
    ("县委常委会专题研究法治政府建设重大事项3次，县政府常务会议研究法治议题8次。", [("party_meetings_rule_of_law", 3, None, "value"), ("gov_meetings_rule_of_law", 8, None, "value")]),
    ("县政府常务会会前学法15次，学习法律法规32部。", [("study_sessions_exec_meeting", 15, None, "value")]),
    ("全年开展县委理论学习中心组专题学法4次。", [("study_sessions_party_group", 4, None, "value")]),
    ("县委理论学习中心组全年开展集体学习12次，其中法治专题学习3次。", [("study_sessions_party_group", 3, None, "value")]),
    ("县政府常务会议会前学法实现常态化，全年共开展学法活动18次。", [("study_sessions_exec_meeting", 18, None, "value")]),
    ("政府法律顾问全年列席县政府常务会议26次，审查各类合同120余份，出具法律意见书85份。", [("contracts_reviewed", 120, None, "value"), ("legal_adviser_opinions", 85, None, "value")]),
    ("发挥公职律师作用，全年提供法律意见建议190条。", [("legal_adviser_opinions", 190, None, "value")]),
    ("聘请法律顾问4名。", []),
    ("对现行有效的规范性文件进行清理，共清理文件156件，拟废止12件。", [("normative_docs_cleaned", 156, None, "value")]),
    ("县司法局审核县政府及办公室规范性文件草案19件。", [("normative_docs_reviewed", 19, None, "value")]),
    ("报请市政府备案规范性文件6件，备案率100%。", [("normative_docs_filed", 6, None, "value")]),
    ("县政府作出的8项重大行政决策全部经过合法性审查。", [("major_decisions_reviewed", 8, None, "value")]),
    ("全年审查县政府合同协议235份，提出修改意见600余条。", [("contracts_reviewed", 235, None, "value")]),
    ("合法性审查重大决策事项12项、政府合同86件。", [("major_decisions_reviewed", 12, None, "value"), ("contracts_reviewed", 86, None, "value")]),
    ("全年共完成各类合法性审查420件。", [("legality_reviews_total", 420, None, "value")]),
    ("全县共收到行政复议申请96件，受理89件，不予受理7件。", [("admin_reconsideration_received", 96, None, "value"), ("admin_reconsideration_received", 89, None, "value")]),
    ("审结行政复议案件80件，审结率89.9%。", [("admin_reconsideration_closed", 80, None, "value")]),
    ("行政复议决定撤销、变更、确认违法的案件共9件，纠错率11.2%。", [("admin_reconsideration_corrected", 9, None, "value")]),
    ("行政复议案件数量同比增长20.5%。", []),
    ("新收行政复议案件同比减少8件。", [("admin_reconsideration_received", -8, None, "change")]),
    ("全县行政机关作为被告的一审行政诉讼案件共63件，审结58件，败诉4件。", [("admin_litigation_cases", 63, None, "value"), ("admin_litigation_lost", 4, None, "value")]),
    ("行政诉讼案件败诉率为6.3%，低于全市平均水平。", [("admin_litigation_loss_rate", 6.3, None, "value")]),
    ("全县行政应诉案件同比下降12.5%。", []),
    ("行政机关负责人出庭应诉56件次，出庭应诉率达100%。", [("head_court_appearance_rate", 100, None, "value")]),
    ("行政诉讼一审败诉案件3件。", [("admin_litigation_lost", 3, None, "value")]),
    ("负责人出庭率较上年提高15个百分点。", [("head_court_appearance_rate", 15, None, "change")]),
    ("全县共有持证行政执法人员856人，其中乡镇综合执法人员212人。", [("enforcement_certified", 856, None, "value")]),
    ("组织开展行政执法人员培训4期，培训执法人员650人次，考试合格率98%。", [("enforcement_training_sessions", 4, None, "value"), ("enforcement_trainees", 650, None, "value")]),
    ("全年新申领行政执法证件48人。", [("enforcement_certified", 48, None, "value")]),
    ("县综合行政执法局全年办理行政处罚案件1258件，罚没款326万元。", [("enforcement_cases", 1258, None, "value")]),
    ("全县行政执法机关共实施行政检查2.3万次。", []),
    ("立案查处各类违法案件600余起，结案560起。", [("enforcement_cases", 600, None, "value")]),
    ("组织开展“宪法宣传周”活动16场次，发放宣传品3000余份，受教育群众5000余人次。", [("pufa_activities", 16, None, "value"), ("pufa_materials", 3000, None, "value"), ("pufa_audience", 5000, None, "value")]),
    ("开展送法下乡活动85次，解答法律咨询2100余人次。", [("pufa_activities", 85, None, "value")]),
    ("利用微信公众号推送普法信息560条。", []),
    ("全县共培育“法律明白人”1800余名。", []),
    ("举办法治讲座42场，参与人数达6800人次。", [("pufa_activities", 42, None, "value"), ("pufa_audience", 6800, None, "value")]),
    ("全县各级调解组织共排查矛盾纠纷1860件，调解成功1795件，调解成功率96.5%。", [("disputes_mediated", 1795, None, "value"), ("disputes_mediation_success_rate", 96.5, None, "value")]),
    ("受理法律援助申请420件，办结法律援助案件398件。", [("legal_aid_cases", 420, None, "value"), ("legal_aid_cases", 398, None, "value")]),
    ("为困难群众提供法律咨询3600人次。", []),
    ("县级行政许可事项由原来的198项精简为142项。", [("approval_items", 142, 198, "value")]),
    ("全县实有各类市场主体3.8万户，较上年末增长9.6%。", [("market_entities_total", 38000, None, "value")]),
    ("全年新增市场主体4120户，其中新增企业860户。", [("market_entities_new", 4120, None, "value")]),
    ("累计为市场主体减税降费及退税缓税缓费2.36亿元。", [("tax_fee_relief", 236000000, None, "value")]),
    ("取消证明事项46项。", [("certification_items", -46, None, "change")]),
    ("全年共收到政府信息公开申请78件，已全部按时答复。", [("info_disclosure_requests", 78, None, "value")]),
    ("主动公开政府信息5600余条。", []),
    ("办理行政复议案件58件，比上年增加16件。", [("admin_reconsideration_received", 58, None, "value"), ("admin_reconsideration_received", 16, None, "change")]),
    ("法律援助案件从上年的310件增加到365件。", [("legal_aid_cases", 365, 310, "value")]),
    ("全县持证执法人员较上年增加120人，达到1560人。", [("enforcement_certified", 120, None, "change"), ("enforcement_certified", 1560, None, "value")]),
    ("计划2024年开展普法活动200场以上。", []),
    ("全省共受理行政复议案件2.1万件。", []),
    ("市中级人民法院审结涉我县行政案件45件。", []),
    ("2023年12月4日，开展宪法宣传日活动。", []),
    ("县委依法治县办印发《2023年全县普法依法治理工作要点》（清法办〔2023〕3号）。", []),
    ("每名执法人员每年参加培训不少于40学时。", []),
    ("县长、副县长出庭应诉3次。", []),
    ("全年应诉行政案件41起，胜诉37起。", [("admin_litigation_cases", 41, None, "value")]),
    ("以县人民政府为被申请人的行政复议案件27件。", [("admin_reconsideration_received", 27, None, "value")]),
    ("行政复议综合纠错率达到18.6%。", []),
    ("共化解各类矛盾纠纷3204起，化解率99.2%。", [("disputes_mediated", 3204, None, "value")]),
    ("全县146个村（社区）实现法律顾问全覆盖。", []),
    ("法律援助中心共指派律师办理援助案件273件，挽回经济损失860余万元。", [("legal_aid_cases", 273, None, "value")]),
    ("新设立各类经营主体3906户，同比增长11.2%。", [("market_entities_new", 3906, None, "value")]),
    ("截至12月底，全县经营主体总量达到5.12万户。", [("market_entities_total", 51200, None, "value")]),
    ("全年累计新增减税降费1.05亿元。", [("tax_fee_relief", 105000000, None, "value")]),
    ("行政许可事项压减至168项，压减比例达22%。", [("approval_items", 168, None, "value")]),
    ("县政府依申请公开受理量为39件，同比下降25%。", [("info_disclosure_requests", 39, None, "value")]),
    ("开展法治宣传进机关、进乡村、进社区、进学校、进企业、进单位“六进”活动240余场次。", [("pufa_activities", 240, None, "value")]),
    ("组织执法人员参加全省行政执法资格考试，参考人员183人。", [("enforcement_certified", 183, None, "value")]),
    ("持证上岗率达100%。", []),
    ("全县行政执法人员共1032名，比上年减少18名。", [("enforcement_staff", 1032, None, "value"), ("enforcement_staff", -18, None, "change")]),
    ("行政机关败诉案件由上年的7件下降至2件，败诉率由9.2%下降至3.1%。", [("admin_litigation_lost", 2, 7, "value"), ("admin_litigation_loss_rate", 3.1, 9.2, "value")]),
    ("县委常委会全年研究经济社会发展重大事项86次。", []),
    ("县政府党组会议专题学法6次。", []),
    ("审核行政合同及协议书176份。", [("contracts_reviewed", 176, None, "value")]),
    ("全年共审核规范性文件、重大决策和合同等各类文件356件，提出法律意见和建议420余条。", [("legality_reviews_total", 356, None, "value"), ("legal_adviser_opinions", 420, None, "value")]),
    ("全年共召开政府常务会议32次，研究法治政府建设议题9个。", []),
    ("县委常委会听取法治建设专题汇报，全年共研究法治工作5次。", [("party_meetings_rule_of_law", 5, None, "value")]),
    ("县政府常务会议先后四次研究依法行政工作，审议规范性文件8件。", [("gov_meetings_rule_of_law", 4, None, "value")]),
    ("县委中心组开展法治专题学习6次，县政府常务会议会前学法12次，各部门领导班子集中学法200余次。", [("study_sessions_party_group", 6, None, "value"), ("study_sessions_exec_meeting", 12, None, "value")]),
    ("县委理论学习中心组把宪法、民法典纳入学习内容，全年学习4次。", [("study_sessions_party_group", 4, None, "value")]),
    ("县政府法律顾问审查各类合同218件、出具法律意见书64份。", [("contracts_reviewed", 218, None, "value"), ("legal_adviser_opinions", 64, None, "value")]),
    ("全年审查行政规范性文件17件，纠正违法条款5条。", [("normative_docs_reviewed", 17, None, "value")]),
    ("县政府规范性文件备案审查21件，备案审查率100%。", [("normative_docs_filed", 21, None, "value")]),
    ("对2020年以前出台的78件规范性文件进行了清理。", [("normative_docs_cleaned", 78, None, "value")]),
    ("组织开展民法典涉及规范性文件专项清理，清理规范性文件33件，修改2件，废止4件。", [("normative_docs_cleaned", 33, None, "value")]),
    ("重大行政决策事项全部纳入合法性审查范围，全年审查重大行政决策7项。", [("major_decisions_reviewed", 7, None, "value")]),
    ("审核招商引资、政府采购等合同142份，涉及金额18.6亿元。", [("contracts_reviewed", 142, None, "value")]),
    ("全县各级行政复议机关共收到复议申请45件，依法受理41件，审结38件，纠错5件。", [("admin_reconsideration_received", 45, None, "value"), ("admin_reconsideration_received", 41, None, "value"), ("admin_reconsideration_closed", 38, None, "value"), ("admin_reconsideration_corrected", 5, None, "value")]),
    ("行政复议案件中，维持原行政行为22件，驳回复议申请6件，终止审理4件。", []),
    ("行政复议案件直接纠错率为14.3%。", []),
    ("办理行政应诉案件72件，其中一审58件、二审14件。", [("admin_litigation_cases", 72, None, "value")]),
    ("全年行政案件败诉率为3.9%，同比下降5.1个百分点。", [("admin_litigation_loss_rate", 3.9, None, "value"), ("admin_litigation_loss_rate", -5.1, None, "change")]),
    ("被诉行政机关负责人出庭应诉率达98.6%，较上年提高6.2个百分点。", [("head_court_appearance_rate", 98.6, None, "value"), ("head_court_appearance_rate", 6.2, None, "change")]),
    ("行政机关负责人出庭应诉率连续三年保持100%。", [("head_court_appearance_rate", 100, None, "value")]),
    ("全县现有行政执法主体52个，行政执法人员1680名。", [("enforcement_staff", 1680, None, "value")]),
    ("组织143名新进执法人员参加执法资格考试。", [("enforcement_certified", 143, None, "value")]),
    ("开展行政执法人员全员轮训，举办培训班8期，培训1300余人次。", [("enforcement_training_sessions", 8, None, "value"), ("enforcement_trainees", 1300, None, "value")]),
    ("各执法部门共作出行政处罚决定2356件，同比增长8.2%。", [("enforcement_cases", 2356, None, "value")]),
    ("对12家企业作出行政处罚。", []),
    ("全年开展普法宣传活动450余场次，发放法治宣传资料8.6万份，覆盖群众20余万人次。", [("pufa_activities", 450, None, "value"), ("pufa_materials", 86000, None, "value"), ("pufa_audience", 200000, None, "value")]),
    ("组织“法律七进”活动320场，受益群众4.2万人次。", [("pufa_activities", 320, None, "value"), ("pufa_audience", 42000, None, "value")]),
    ("录制普法微视频36部，播放量达50万次。", []),
    ("开展法治文艺汇演12场次。", [("pufa_activities", 12, None, "value")]),
    # the successes are a part of the disputes mediated (one figure of a code per year: 3856), as phrasebook2 reads it
    ("全县人民调解组织共调解各类矛盾纠纷3856件，调解成功3790件，调解成功率98.3%。", [("disputes_mediated", 3856, None, "value"), ("disputes_mediation_success_rate", 98.3, None, "value")]),
    ("排查矛盾纠纷隐患1200余次。", []),
    ("全年办理法律援助案件612件，其中刑事案件210件、民事案件402件。", [("legal_aid_cases", 612, None, "value")]),
    ("法律援助受援人数达到680人。", []),
    ("县级行政审批事项精简至126项。", [("approval_items", 126, None, "value")]),
    ("全面清理证明事项，共取消证明材料58项。", [("certification_items", -58, None, "change")]),
    ("新增各类市场主体5230户，市场主体总数达到3.46万户。", [("market_entities_new", 5230, None, "value"), ("market_entities_total", 34600, None, "value")]),
    ("落实各项减税降费政策，为企业减负3.6亿元。", [("tax_fee_relief", 360000000, None, "value")]),
    ("受理依申请公开事项52件，按时办结率100%。", [("info_disclosure_requests", 52, None, "value")]),
    ("全年政府信息公开申请办理量同比增加14件。", [("info_disclosure_requests", 14, None, "change")]),
    ("行政诉讼案件由上年的56件减少到48件，败诉案件由5件减少到2件。", [("admin_litigation_cases", 48, 56, "value"), ("admin_litigation_lost", 2, 5, "value")]),
    ("力争2024年行政复议案件办结率达到95%以上。", []),
    ("全省法律援助机构共办理法律援助案件5.8万件。", []),
    ("县人民法院全年受理行政诉讼案件96件。", [("admin_litigation_cases", 96, None, "value")]),
    ("县人民检察院提出检察建议18份。", []),
    ("全县共有专职人民调解员126名。", []),
    ("年内组织执法人员培训6次。", [("enforcement_training_sessions", 6, None, "value")]),
    ("全县行政执法人员持证率达100%，执法证件年审率100%。", []),
    ("开展行政执法案卷评查，共评查案卷360卷。", []),
    ("县政府2023年共收到行政复议申请64件。", [("admin_reconsideration_received", 64, None, "value")]),
    ("县法律援助中心受理各类法律援助案件比上年增长21.4%。", []),
    ("市场主体净减少120户。", [("market_entities_total", -120, None, "change")]),
    ("全年共召开县政府常务会议26次，研究涉法事项45项，其中专题研究法治政府建设工作3次。", [("gov_meetings_rule_of_law", 3, None, "value")]),
    ("县委常委会议专题研究部署法治建设工作4次，审议法治建设相关文件6件。", [("party_meetings_rule_of_law", 4, None, "value")]),
    ("县政府党组中心组学法3次，县政府常务会议会前学法10次。", [("study_sessions_party_group", 3, None, "value"), ("study_sessions_exec_meeting", 10, None, "value")]),
    ("县委理论学习中心组开展习近平法治思想专题学习2次。", [("study_sessions_party_group", 2, None, "value")]),
    ("聘请政府法律顾问5名，全年出具法律意见书117份，参与重大事项论证32次。", [("legal_adviser_opinions", 117, None, "value")]),
    ("对县政府及其部门制定的行政规范性文件全部进行合法性审核，共审核36件，纠正问题条款18处。", [("normative_docs_reviewed", 36, None, "value")]),
    ("全年共报送市政府备案规范性文件11件，备案审查通过率100%。", [("normative_docs_filed", 11, None, "value")]),
    ("开展涉及不平等对待企业法规政策清理，清理各类文件210件，废止和修改9件。", [("normative_docs_cleaned", 210, None, "value")]),
    ("全年审查县政府重大行政决策6项，审查行政协议和合同89份。", [("major_decisions_reviewed", 6, None, "value"), ("contracts_reviewed", 89, None, "value")]),
    ("全年共办理合法性审查事项331件，其中行政规范性文件29件、重大行政决策9件、行政合同293件。", [("legality_reviews_total", 331, None, "value"), ("normative_docs_reviewed", 29, None, "value"), ("major_decisions_reviewed", 9, None, "value"), ("contracts_reviewed", 293, None, "value")]),
    ("新收行政复议申请87件，受理75件，审结71件，依法纠错9件，纠错率12.7%。", [("admin_reconsideration_received", 87, None, "value"), ("admin_reconsideration_received", 75, None, "value"), ("admin_reconsideration_closed", 71, None, "value"), ("admin_reconsideration_corrected", 9, None, "value")]),
    ("复议案件调解和解结案14件。", [("admin_reconsideration_closed", 14, None, "value")]),
    ("全县行政机关共发生行政应诉案件49件，已审结41件，行政机关败诉3件，败诉率7.3%。", [("admin_litigation_cases", 49, None, "value"), ("admin_litigation_lost", 3, None, "value"), ("admin_litigation_loss_rate", 7.3, None, "value")]),
    ("县政府作为被告的行政诉讼案件较上年增加7件。", [("admin_litigation_cases", 7, None, "change")]),
    ("行政机关负责人出庭应诉43次，出庭应诉率为87.8%。", [("head_court_appearance_rate", 87.8, None, "value")]),
    ("全县共有行政执法单位38个，持有执法证件的人员1430人。", [("enforcement_certified", 1430, None, "value")]),
    ("开展执法人员法律知识更新培训2期，培训人员460人。", [("enforcement_training_sessions", 2, None, "value"), ("enforcement_trainees", 460, None, "value")]),
    ("组织全县168名行政执法人员参加公共法律知识考试。", [("enforcement_certified", 168, None, "value")]),
    ("县市场监管局全年查办各类案件485件，罚没款1260万元。", []),
    ("全县各行政执法部门办理行政处罚案件1.26万件。", [("enforcement_cases", 12600, None, "value")]),
    ("开展“法律明白人”培训12场次，培训1500人次。", []),
    ("组织开展宪法宣传周、民法典宣传月等活动126场次，受教育群众3.6万人次。", [("pufa_activities", 126, None, "value"), ("pufa_audience", 36000, None, "value")]),
    ("发放法律知识手册、宣传折页等资料5.2万份。", [("pufa_materials", 52000, None, "value")]),
    ("举办以案释法讲座38场。", [("pufa_activities", 38, None, "value")]),
    ("全年共排查矛盾纠纷2186件，成功化解2142件，化解成功率97.9%。", [("disputes_mediated", 2142, None, "value"), ("disputes_mediation_success_rate", 97.9, None, "value")]),
    ("县法律援助中心全年受理法律援助案件503件，提供法律咨询4300人次。", [("legal_aid_cases", 503, None, "value")]),
    ("法律援助案件同比增长12.3%，达到503件。", [("legal_aid_cases", 503, None, "value")]),
    ("县本级行政许可事项精简为136项，审批时限压缩60%以上。", [("approval_items", 136, None, "value")]),
    ("全面推行证明事项告知承诺制，取消证明事项17项。", [("certification_items", -17, None, "change")]),
    ("全县登记在册市场主体达4.38万户，其中个体工商户3.12万户。", [("market_entities_total", 43800, None, "value")]),
    ("全年新设立市场主体5126户，增长11.8%。", [("market_entities_new", 5126, None, "value")]),
    ("为市场主体减免税费2.05亿元，办理留抵退税1.1亿元。", [("tax_fee_relief", 205000000, None, "value")]),
    ("收到政府信息公开申请64件，均在法定期限内答复。", [("info_disclosure_requests", 64, None, "value")]),
    ("县政府门户网站主动公开各类信息8600余条。", []),
    ("下一步，将力争行政复议案件纠错率提高到15%。", []),
    ("全市共受理行政复议案件1260件。", [("admin_reconsideration_received", 1260, None, "value")]),
    ("省司法厅对我县复议工作进行了评查，抽查案卷20卷。", []),
    ("行政复议案件数由2022年的62件上升至2023年的87件。", [("admin_reconsideration_received", 87, 62, "value")]),
    ("调解成功率由96.8%提高到98.1%。", [("disputes_mediation_success_rate", 98.1, 96.8, "value")]),
    ("县长带头出庭应诉，全年出庭应诉率达100%，较上年提高12个百分点。", [("head_court_appearance_rate", 100, None, "value"), ("head_court_appearance_rate", 12, None, "change")]),
    ("行政执法人员由原来的1250名精简至1180名。", [("enforcement_staff", 1180, 1250, "value")]),
    ("培训执法人员较上年多620人次。", [("enforcement_trainees", 620, None, "change")]),
    ("受理、审结行政复议案件分别为45件、43件。", [("admin_reconsideration_received", 45, None, "value"), ("admin_reconsideration_closed", 43, None, "value")]),
    ("全年办理了56件行政复议案件。", [("admin_reconsideration_received", 56, None, "value")]),
    ("县政府常务会议全年研究法治工作二十余次。", [("gov_meetings_rule_of_law", 20, None, "value")]),
    ("全年开展普法活动逾300场次，受众近万人次。", [("pufa_activities", 300, None, "value"), ("pufa_audience", 10000, None, "value")]),
    ("组织开展法治宣传活动数十场。", []),
    ("法律援助案件较上年分别增加了15件。", [("legal_aid_cases", 15, None, "change")]),
    ("行政复议、行政诉讼案件较上年分别减少3件和5件。", [("admin_reconsideration_received", -3, None, "change"), ("admin_litigation_cases", -5, None, "change")]),
    ("全年累计开展执法培训16期，培训执法人员上千人次。", [("enforcement_training_sessions", 16, None, "value"), ("enforcement_trainees", 1000, None, "value")]),
    ("县司法局共审核县政府及部门规范性文件、合同等267件（次）。", [("legality_reviews_total", 267, None, "value")]),
    ("行政复议案件中，以乡镇政府为被申请人的有18件。", []),
    ("全县执法人员中，取得执法证件的有1312人。", [("enforcement_certified", 1312, None, "value")]),
    ("市场主体总数为38412户，比上年增长6.2%。", [("market_entities_total", 38412, None, "value")]),
    ("减税降费政策惠及企业4600余户，减轻税费负担1.6亿元。", [("tax_fee_relief", 160000000, None, "value")]),
    ("开展公共法律服务进万家活动72场，法律援助值班律师解答咨询1850人次。", [("pufa_activities", 72, None, "value")]),
    ("全年共收到政府信息公开申请36件，其中网上申请28件、信函申请8件。", [("info_disclosure_requests", 36, None, "value")]),
    ("行政机关负责人出庭应诉率连续两年达到100%。", [("head_court_appearance_rate", 100, None, "value")]),
    ("全年行政诉讼败诉案件2件，败诉率下降至2.9%。", [("admin_litigation_lost", 2, None, "value"), ("admin_litigation_loss_rate", 2.9, None, "value")]),
    ("县级保留行政许可事项175项，比改革前精简42项。", [("approval_items", 175, None, "value"), ("approval_items", -42, None, "change")]),
    ("各类矛盾纠纷调解率达100%，调解成功率达98.9%。", [("disputes_mediation_success_rate", 98.9, None, "value")]),
    ("人民调解组织全年共调解矛盾纠纷1632件，其中疑难复杂纠纷86件。", [("disputes_mediated", 1632, None, "value")]),
    ("县政府法律顾问全年参与信访案件化解36件，提供法律咨询280余次。", []),
    ("县委理论学习中心组学习研讨15次，其中专题学法4次。", [("study_sessions_party_group", 4, None, "value")]),
    ("全年县政府常务会议审议议题186个，学法9次。", [("study_sessions_exec_meeting", 9, None, "value")]),
    ("2023年全县共办理行政处罚案件4126件，较2022年增长18.3%。", [("enforcement_cases", 4126, None, "value")]),
    ("全年共计发放普法资料11万余份。", [("pufa_materials", 110000, None, "value")]),
    ("计划于2024年上半年完成全部规范性文件清理。", []),
    ("县人大常委会全年审议通过规范性文件5件。", []),
    ("受理法律援助案件325件，同比上升5.5%，为困难群众挽回损失560万元。", [("legal_aid_cases", 325, None, "value")]),
    ("全年新登记各类市场主体4852户，注销1230户。", [("market_entities_new", 4852, None, "value")]),
    ("组织行政执法人员旁听庭审6次。", []),
]


def _keys(text: str, sections: tuple[Section, ...] = ()) -> collections.Counter[Key]:
    inds, _ = extract(text, sections)
    return collections.Counter((i.code, round(i.value, 2), None if i.from_value is None else round(i.from_value, 2),
                                i.value_kind) for i in inds)


@pytest.mark.parametrize(("text", "expected"), READINGS, ids=[t[:14] for t, _ in READINGS])
def test_reading(text: str, expected: list[Key]) -> None:
    assert _keys(text) == collections.Counter((c, round(v, 2), f, k) for c, v, f, k in expected)


def test_indicators_record_the_cues_that_decided() -> None:
    (closed,), _ = extract("审结行政复议案件80件。")
    assert closed.cues == ("recon:复议", "close:审结", "measure:件")
    (change,), _ = extract("新收行政复议案件同比减少8件。")
    assert change.value == -8 and change.value_kind == "change" and "down:减少" in change.cues
    (rate,), _ = extract("行政机关负责人出庭应诉的比率为100%。")
    assert rate.cues[:2] == ("appear:出庭应诉", "rate:比率")


def test_changes_are_signed_and_never_values() -> None:
    got = _keys("执法人员数量较上年减少27人，行政处罚案件比上年多出36件，调解成功率较上年提高1.5个百分点。")
    assert got == collections.Counter({("enforcement_staff", -27, None, "change"): 1,
                                       ("enforcement_cases", 36, None, "change"): 1,
                                       ("disputes_mediation_success_rate", 1.5, None, "change"): 1})
    assert _keys("审查规范性文件同比增长20%。") == collections.Counter()  # a relative change of a count: no figure


def test_from_to_in_every_order() -> None:
    for text, key in [
        ("审批事项由上年的214项压减到195项。", ("approval_items", 195, 214, "value")),
        ("从2019年的256项精简至2023年的178项，行政审批事项大幅减少。", ("approval_items", 178, 256, "value")),
        ("与上年的15.2%相比，今年行政诉讼败诉率下降到9.8%。", ("admin_litigation_loss_rate", 9.8, 15.2, "value")),
        ("行政诉讼败诉率由12%降至5%。", ("admin_litigation_loss_rate", 5, 12, "value")),
    ]:
        got = _keys(text)
        assert got == (collections.Counter({key: 1}) if key else collections.Counter()), text


def test_a_baseline_is_no_value() -> None:
    assert _keys("受理行政复议案件较上年的40件减少6件。") == collections.Counter(
        {("admin_reconsideration_received", -6, None, "change"): 1})


def test_distributive_lists_pair_subjects_and_figures_in_order() -> None:
    assert _keys("县委常委会、县政府常务会议分别专题研究法治工作3次、9次。") == collections.Counter(
        {("party_meetings_rule_of_law", 3, None, "value"): 1, ("gov_meetings_rule_of_law", 9, None, "value"): 1})


def test_parts_brackets_and_carried_over_figures_are_not_coded() -> None:
    assert _keys("办理行政复议案件56件（新收52件、上年结转4件），审结50件。") == collections.Counter(
        {("admin_reconsideration_received", 56, None, "value"): 1, ("admin_reconsideration_closed", 50, None, "value"): 1})
    assert _keys("清理规范性文件92件，其中废止7件、修改11件。") == collections.Counter(
        {("normative_docs_cleaned", 92, None, "value"): 1})


def test_plans_targets_and_other_bodies_are_not_coded() -> None:
    for text in ["力争行政机关负责人出庭应诉率达到100%。", "下一步，每季度至少召开1次县政府常务会议研究法治工作。",
                 "全省行政复议机关共审结案件1.8万件。", "市中级人民法院全年受理行政案件860件。",
                 "全县每万人拥有市场主体920户。"]:
        assert _keys(text) == collections.Counter(), text


def test_a_figure_in_the_next_year_plan_part_is_not_coded() -> None:
    text = "一、标题\n全年受理行政复议申请30件。"
    plan = (Section("一", 1, "下一步工作打算", text, SectionKind.NEXT_YEAR_PLAN, None, 0, len(text)),)
    assert _keys(text, plan) == collections.Counter()
    measures = (Section("一", 1, "主要举措和成效", text, SectionKind.MEASURES_RESULTS, None, 0, len(text)),)
    assert _keys(text, measures) == collections.Counter({("admin_reconsideration_received", 30, None, "value"): 1})
