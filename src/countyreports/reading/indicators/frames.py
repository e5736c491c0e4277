"""Each indicator code as data: the concepts (concepts.py) a figure's clause must hold for the figure to be
that code, and those that rule it out.

    Frame("admin_reconsideration_closed", objects=("recon",), actions=("close",))

A figure takes the code of the best frame its clause satisfies (attribution.py):

* ``objects``: one of them is what the figure counts — said next to it, elsewhere in its clause, or, when
  the figure's own words name nothing else (``其中审结26件``, ``全年轮训九期``), earlier in the sentence or
  the paragraph; ``()``: nothing needed (``败诉7件``);
* ``actions``: one of them is said of it, in any order around the number (``受理…30件``, ``27件…获得受理``);
  ``()``: the frame is the default reading of its objects (a 复议 figure with no other verb is a received
  figure);
* ``context``: a topic that must stand somewhere in the sentence or the paragraph (``执法`` for training);
  ``context_clause``: ... in the figure's own clause;
* ``avoid``: none of them among the figure's own words (a 维持/驳回 part of the reconsideration cases,
  a 划转 approval item, a 清理 of normative documents read as a review); ``avoid_lent``: … when the object
  is lent by other words (``结案560起`` after ``立案查处…600余起`` is a part; ``办结法律援助案件386件`` is not);
* ``rate``: a percent code: the concept a rate word (率/比例/占) is attached to (败诉率, 出庭应诉的比率);
* ``stock``: a code that counts a stock (items in force, staff, entities): a reduction or increase verb
  before it states a change (取消证明材料87项 = −87), not the value;
* ``lead``: a leading body (the county's own meetings): a figure of subordinate units (各乡镇党委) is not it;
* ``subtotal_of``: an outcome figure after one whose clause says one of these actions is a part of it
  (调解纠纷1526件，成功1490件).

Measure words come from `taxonomy.CODES`: a figure whose measure its code does not accept is never coded.
Frames of one code are alternatives; when several codes' frames fit, the one whose action is among the
figure's own words wins, then the nearest object, then table order.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Frame:
    code: str
    objects: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    context: tuple[str, ...] = ()
    context_clause: tuple[str, ...] = ()
    avoid: tuple[str, ...] = ()
    rate: tuple[str, ...] = ()
    stock: bool = False
    lead: bool = False
    multi: tuple[str, ...] = ()  # ≥ 2 distinct of these objects make the figure this code (a combined total)
    avoid_lent: tuple[str, ...] = ()  # like `avoid`, when the object is lent by other words (结案560起 after 查处…)
    # an outcome figure (its action not one of these, its object lent) after a figure whose clause says one of
    # these is a part of that one: 调解纠纷1526件，成功1490件 (not after 排查矛盾纠纷1860件: its successes are the count)
    subtotal_of: tuple[str, ...] = ()


_REVIEWED = ("normdoc", "decision", "contract", "doc_generic")
_LEAD_AVOID = ("study", "party_group", "committee_other")
_CASE_PARTS = ("pending", "carry")

FRAMES: tuple[Frame, ...] = (
    # meetings and study
    Frame("party_meetings_rule_of_law", objects=("party_sc",), context=("rol_topic",),
          avoid=(*_LEAD_AVOID, "gov_exec", "center_group"), lead=True),
    Frame("gov_meetings_rule_of_law", objects=("gov_exec",), context=("rol_topic",),
          avoid=(*_LEAD_AVOID, "party_sc", "center_group"), lead=True),
    Frame("study_sessions_party_group", objects=("center_group",), actions=("study",), lead=True),
    Frame("study_sessions_party_group", objects=("center_group",), actions=("study_generic",),
          context=("rol_topic", "law_title", "study"), lead=True),
    Frame("study_sessions_exec_meeting", objects=("gov_exec",), actions=("study",),
          avoid=("party_sc", "center_group"), lead=True),
    # legality review
    Frame("legal_adviser_opinions", objects=("opinion",), avoid=("recon", "court")),
    Frame("legal_adviser_opinions", objects=("opinion_weak",), context_clause=("adviser",),
          avoid=("recon", "court")),
    Frame("legality_reviews_total", objects=("doc_generic",), actions=("legality", "review"),
          multi=_REVIEWED, avoid=("file", "clean", "doc_outcome", "opinion", "opinion_weak")),
    # a clean-up or a filing is of normative documents by nature: 清理各类文件210件, 报送备案文件11件
    Frame("normative_docs_filed", objects=("normdoc", "doc_generic"), actions=("file",), avoid=("doc_outcome",)),
    Frame("normative_docs_cleaned", objects=("normdoc", "doc_generic"), actions=("clean",),
          avoid=("doc_outcome", "file")),
    Frame("normative_docs_reviewed", objects=("normdoc",), actions=("legality", "review"),
          avoid=("file", "clean", "doc_outcome", "opinion_weak", "opinion")),
    Frame("major_decisions_reviewed", objects=("decision",), actions=("legality", "review"),
          avoid=("opinion_weak", "opinion")),
    Frame("contracts_reviewed", objects=("contract",), actions=("legality", "review"),
          avoid=("opinion_weak", "opinion")),
    # reconsideration and litigation
    Frame("admin_reconsideration_corrected", objects=("recon", "admin_act"), actions=("correct",),
          avoid=("court", "lost")),
    Frame("admin_reconsideration_closed", objects=("recon",), actions=("close",), avoid=("correct", "carry")),
    Frame("admin_reconsideration_received", objects=("recon",),
          avoid=("close", "correct", "lost", "appear", "litig", *_CASE_PARTS)),
    Frame("admin_litigation_lost", actions=("lost",), avoid=("won", "recon")),
    Frame("admin_litigation_cases", objects=("litig",),
          avoid=("lost", "won", "appear", "close", "correct", "recon", *_CASE_PARTS)),
    Frame("admin_litigation_loss_rate", rate=("lost",)),
    Frame("head_court_appearance_rate", rate=("appear",)),
    # enforcement
    Frame("enforcement_certified", actions=("cert", "exam"), context=("enf",),
          avoid=("training", "trainee", "other_trainee", "revoke")),
    Frame("enforcement_trainees", actions=("training", "trainee"), context=("enf",),
          avoid=("other_trainee", "cert", "pufa")),
    Frame("enforcement_training_sessions", actions=("training",), context=("enf",),
          avoid=("other_trainee",)),
    Frame("enforcement_staff", objects=("enf_staff",), avoid=("cert", "exam", "training", "trainee", "new"),
          stock=True),
    Frame("enforcement_cases", objects=("penalty",), avoid=("carry", "pending"), avoid_lent=("close",)),
    # publicity
    Frame("pufa_audience", objects=("audience",), context=("pufa",), avoid=("training", "trainee")),
    Frame("pufa_materials", objects=("material",), context=("pufa", "distribute"),
          avoid=("certif", "approval")),
    Frame("pufa_activities", objects=("pufa",),
          avoid=("training", "center_group", "gov_exec", "material")),
    # disputes and legal aid
    Frame("disputes_mediation_success_rate", rate=("med_success",), context=("dispute_topic",)),
    Frame("disputes_mediated", objects=("dispute",), actions=("mediate", "med_success"),
          avoid=("carry", "pending"), subtotal_of=("mediate",)),
    Frame("legal_aid_cases", objects=("legal_aid",), avoid=("carry", "pending"), avoid_lent=("close",)),
    # business environment
    Frame("approval_items", objects=("approval",), avoid=("approval_out", "new"), stock=True),
    Frame("certification_items", objects=("certif",), avoid=("approval_out", "new"), stock=True),
    Frame("market_entities_new", objects=("market",), actions=("new",), avoid=("stock", "audience")),
    Frame("market_entities_total", objects=("market",), avoid=("new", "revoke", "audience"), stock=True),
    # (注销: deregistered; 惠及市场主体N户: the beneficiaries of a measure)
    Frame("tax_fee_relief", objects=("tax",)),
    Frame("info_disclosure_requests", objects=("disclosure",), avoid=("carry", "proactive")),
)
