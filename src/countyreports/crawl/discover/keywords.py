"""The discovery tables, as data: column keywords and their scores, URL shapes of articles, columns and
attachments, containers that are never content, breadcrumb and date patterns (used by
countyreports.crawl.discover.common and the adapters). A new portal variant is a change here."""

from __future__ import annotations

import re


#: Column keywords, matched against a link's text (or a page's column name). Best first; the
#: score of a text is the score of the first pattern that matches it.
COLUMN_TEXT_SCORES: tuple[tuple[re.Pattern[str], int, str], ...] = tuple(
    (re.compile(p), s, r)
    for p, s, r in (
        (r"法治政府建设(工作)?年度报告", 100, "exact"),
        (r"法治政府建设.{0,8}报告", 95, "report"),
        (r"法治(政府)?建设.{0,4}年报", 92, "report"),
        (r"(法治政府|依法行政|依法治(县|区|旗|市))(工作)?.{0,6}(报告|年报)", 90, "report"),
        (r"法治政府建设", 80, "fzzfjs"),
        (r"法治政府", 75, "fzzf"),
        (r"依法行政", 68, "yfxz"),
        (r"依法治(县|区|旗|市|州)|法治(县|区|旗|市|乡村)建设|全面依法治", 62, "yfz"),
        (r"法治建设|法治专栏|法治专题", 55, "fzjs"),
        (r"法制(政府|建设|工作)|政府法制|依法治理", 50, "fzjs"),  # the older word (法制), 普法依法治理
        (r"法定主动公开(内容)?", 42, "parent"),
        (r"重点领域(信息)?公开|主动公开(目录|内容)?$", 38, "parent"),
        (r"^(政府)?信息公开(目录|平台|专栏|专题)?$|信息公开目录", 36, "parent"),
        (r"政务公开", 32, "parent"),
        # the county government's office in a department directory (政府信息公开目录 › 县政府办公室 › 法治政府建设):
        # the issuer of the county's reports, before the 司法局 (not the bare 县人民政府: every page's <title>)
        (r"^[\u4e00-\u9fff]{0,8}(县|区|旗|市)(人民)?政府(办公室|办)$|^[县区旗市]?府办$", 34, "parent"),
        (r"^专题专栏$|^专题(专项|集锦|活动)?$|^(工作)?专栏$|^(更多|全部)专题(专栏)?$", 30, "parent"),  # where topic columns live
        (r"司法局$|司法行政", 30, "parent"),  # the justice bureau runs 依法治县办: its site holds the topic
        # the portal's directory of departments (the justice bureau's pages are under it), a site map
        (r"^(?:政府)?(?:工作)?部门(?:信息|信息公开|网站|导航|频道|站群|专栏)?$|^机构设置$|^(?:政府)?机构(?:导航|信息)$"
         r"|^(?:栏目|网站|站点)(?:导航|地图)$", 30, "parent"),
        (r"信息公开", 28, "parent"),
        # 法治乡宁: a topic named for a place — the county's own topic column when the place is the county
        # (the search checks; any other place scores nothing)
        (r"^(?:法治|法治建设|依法治理)\s*[·•]?\s*[\u4e00-\u9fff]{2,8}$", 26, "place"),
        (r"(规划|计划|总结|工作报告)", 12, "weak"),
    )
)

#: A column name that says only "report" (年度报告, 工作报告, 报告): the report column when its parent is a
#: topic column (法治政府建设 › 年度报告); scored as the parent's name followed by it — never 政府工作报告 (the
#: government's report to the people's congress, a column of its own).
REPORT_WORDS = re.compile(r"^(?:本级|县级|政府(?!工作报告$))?(?:年度|工作|情况|建设|年度工作|工作情况)*(?:报告|年报|总结)$")
#: A column name that is a year (per-year sub-columns: 2023年, 2023年度, 二〇二三年): a part of its column.
YEAR_LABEL = re.compile(r"^(?:(?:19|20)\d{2}|[〇零○一二][〇零○一二三四五六七八九]{3})\s*(?:年度?|年度报告|年报)?$")
#: A topic named for a place (法治乡宁): its place, and the score it has when the place is the county.
PLACE_TOPIC = re.compile(r"^(?:法治|法治建设|依法治理)\s*[·•]?\s*(?P<place>[\u4e00-\u9fff]{2,8})$")
PLACE_TOPIC_SCORE = 62
#: what such a topic's "年度报告" child is scored as (its place's 法治政府 report column)
PLACE_TOPIC_STANDS_FOR = "法治政府"
#: Link texts that name the site's mobile (or other) edition: its pages hold columns the desktop's may lack.
#: what a link with no words (an image, an empty anchor) names by its image's file name or its target host's first
#: label (/images/rk_xxgk.png, http://zwgk.<county>.gov.cn/): the pinyin initials government sites use for columns.
PINYIN_NAMES: dict[str, str] = {
    "xxgk": "政府信息公开", "zfxxgk": "政府信息公开", "zwgk": "政务公开", "gkml": "政府信息公开目录",
    "fzzf": "法治政府", "fzzfjs": "法治政府建设", "fzjs": "法治建设", "yfzx": "依法治县",
}
PINYIN_TOKEN = re.compile(r"[a-z]+")
ALTERNATE_TEXT = re.compile(r"^\s*(?:手机版|移动版|手机门户|手机网站|移动门户|触屏版|WAP版?|移动端)\s*$", re.I)

#: The lowest score of a topic column (法治建设 and above): its child named by REPORT_WORDS is the report column.
TOPIC_SCORE = 55

#: Texts that are never the way to the report column (sibling traps).
NEGATIVE_TEXT = re.compile(
    r"(信息公开|政务公开)(工作)?(年度)?(年报|报告)|年报$|指南|制度$|依申请|申请表|搜索|检索|登录|注册"
    r"|无障碍|长者|English|繁體|首页$|^返回|意见征集|留言|信箱|办事|服务大厅|下载$"
)

#: Link texts that only say "more": the column name is the heading of their block.
MORE_TEXTS = frozenset({"更多", "更多>>", "更多>", "更多 >>", "更多+", "+更多", "MORE", "More", "more", "more>>",
                        ">>", "+", "查看更多", "more+"})
#: the same, whatever punctuation surrounds it ([更多], 更多», >>更多, MORE+)
MORE_RE = re.compile(r"^[^\w\u4e00-\u9fff]*(?:更多|查看更多|更多内容|more)[^\w\u4e00-\u9fff]*$", re.I)
#: what a "load more" control says or is called (加载更多, 点击加载更多, 查看更多, class="load-more", id="btnMore")
LOAD_MORE_RE = re.compile(r"加载|更多|下一批|load|more", re.I)

#: URL path hints (pinyin abbreviations used by Chinese government CMSs).
URL_SCORES: tuple[tuple[re.Pattern[str], int, str], ...] = tuple(
    (re.compile(p, re.I), s, r)
    for p, s, r in (
        (r"fzzfjsndbg|fzzfndbg|fzzfbg", 90, "url:fzzfndbg"),
        (r"fzzfjs|fzzf", 72, "url:fzzf"),
        (r"yfxz|fzjs|yfzx|yfz[xqs]", 50, "url:yfxz"),
        (r"fdzdgknr|zdlygk", 36, "url:parent"),
        (r"(^|/)(zfxxgk|xxgk|zwgk)(/|$)", 26, "url:parent"),
    )
)

#: URLs that are never column candidates (search, login, robots-disallowed dynamic modules).
NEGATIVE_URL = re.compile(r"/search|[?&](q|keyword|keywords|searchword)=|/login|/member/|/interact/", re.I)

#: Article (leaf) page URL shapes of Chinese government CMSs (any family: a list row with such a URL is an
#: entry even without a date).
ARTICLE_URL = re.compile(
    r"/t\d{8}_\d+(?:_\d+)?\.s?html?$"  # TRS
    r"|/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html"  # Hanweb
    r"|/art/\d{4}/(?:\d{1,2}/){0,2}art_[0-9a-z_]{6,}\.html"  # art/YYYY/art_<hash>.html (Gansu, Henan)
    r"|/content_\d+(?:_\d+)?\.html?$"  # provincial platform
    r"|/art_\d+_\d+\.html"
    r"|/post_\d+(?:_\d+)?\.s?html?$"  # Guangdong gkmlpt
    r"|/\d{4}-?\d{2}/\d{2}/[^/]+\.s?html?$"
    r"|/\d{6,8}/[0-9a-z_]{6,}\.s?html?$"
    r"|/info/\d+/\d+\.html?$"  # VSB
    r"|/public/\d+/\d+\.html?$"  # Anhui 信息公开
    r"|/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?:\.\w+)?$"  # UUID paths
    r"|/[0-9a-f]{24,}\.s?html?$"  # hash paths
    r"|/(detail|content|article|show|view)[^/]*[?/].*\d{3,}"
    r"|[?&](articleid|docid|infoid|newsid|contentid|wbnewsid|artid|itemid|aid|nid|id)=[0-9a-z-]{2,}(&|$)",
    re.I,
)

#: Query parameters that number the pages of a list (``?page=2``, ``&pageIndex=3``, ``pageNo``).
PAGE_PARAM = re.compile(r"^(?:page|paged|pageindex|pageno|pagenum|pagenumber|curpage|currentpage|p|pn|pg|pageid|start)$", re.I)

#: URLs that look like column / list pages.
COLUMN_URL = re.compile(
    r"/col/col\d+/|/(index|list|default)(_\d+)?\.s?html?$|/$|/\d{4,6}/list(_\d+)?\.html", re.I
)

ATTACHMENT_URL = re.compile(
    r"\.(pdf|docx?|xlsx?|wps|ofd|zip|rar|7z|txt|jpe?g|png|gif|mp4|et|dps|pptx?)(\?.*)?$"
    r"|/downfile\.jsp|/download(\.jsp|\?)|/attach/",
    re.I,
)

BAD_SCHEMES = ("javascript:", "mailto:", "tel:", "data:", "ftp:", "#", "about:", "vbscript:")

#: Class/id tokens of containers whose links are not list entries. Unambiguous words match
#: inside a token too ("xxgk-nav", "footer-wrap"); ambiguous ones ("page", "top", "side", ...)
#: only as a whole token, because sites also use them for wrappers ("page-content").
EXCLUDED_CONTAINER = re.compile(
    r"nav|menu|footer|breadcrumb|crumb|mbx|pagination|pager|paging|pagebar|fenye|position|location|"
    r"dqwz|weizhi|curpos|yqlj|friend|related|xgwz|xglj|xgxx|bdshare|share|qrcode|toolbar|"
    r"search(?![-_]?(?:result|res\b|list|item|content|main))",  # the search box, not a search's result list
    re.I,
)
EXCLUDED_CONTAINER_EXACT = frozenset(
    {"header", "head", "top", "topbar", "top-bar", "foot", "bottom", "links", "link", "page", "pages",
     "banner", "logo", "sidebar", "side", "aside", "hot", "ranking", "ewm", "tools"}
)
EXCLUDED_TAGS = frozenset({"header", "footer", "nav", "aside", "script", "style", "noscript"})

#: Breadcrumb containers (class/id) and their lead-in texts.
BREADCRUMB_CONTAINER = re.compile(r"crumb|position|location|dqwz|weizhi|curpos|path|place|mbx|bread|\bwz\b", re.I)
BREADCRUMB_LEAD = re.compile(r"^\s*(当前位置|您的位置|您现在的位置|所在位置|当前页面|位置)\s*[:：]?")

#: List titles on a column page.
LIST_TITLE_SELECTORS = (
    ".list-title", ".list_title", ".listtitle", ".lm-title", ".lmtitle", ".lm_name", ".lmmc", ".column-title",
    ".column-name", ".columnName", ".channel-name", ".col-title", ".title-bar", ".tit", "h2", "h3",
)

DATE_RE = re.compile(r"(?<!\d)((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})(?!\d)")
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")
#: Words of an article's title, not of a column's name (a link text longer than a column name that holds one,
#: or a year, is an entry, whatever its URL looks like).
TITLE_WORDS = re.compile(r"报告|总结|通知|通告|公告|意见|办法|方案|规定|决定|情况|会议|要点|批复|函$|讲话|答复")
ELLIPSIS_RE = re.compile(r"(\.{2,}|…+|．{2,}|。{3,})\s*$")
SPACE_RE = re.compile(r"\s+")


#: Owners of a site as its header and footer name them (主办单位：乡宁县人民政府办公室).
OWNER_RE = re.compile(r"(?:主办单位|主办|主管单位|承办单位|版权所有|Copyright\s*©?|©)\s*[:：]?\s*(?:&nbsp;|\s)*"
                      r"([\u4e00-\u9fff（）()]{2,40})")

#: What the site's own search is asked (point 5 of issue 15), in turn, each query's results read like a list: a
#: search engine that matches the words as one phrase misses a report worded otherwise (…工作总结, …情况), so
#: the broad topic is asked too. Then the words that make a form a search form.
SEARCH_QUERIES = ("法治政府建设 年度报告", "法治政府建设年度报告", "法治政府建设")
SEARCH_FORM_HINT = re.compile(r"search|sousuo|query|搜索|检索|查询|\bs\b|/s\?|jsearch|guestweb|so\.", re.I)
SEARCH_FIELD_NAMES = re.compile(r"^(?:q|query|keyword|keywords|searchword|searchwords|wd|kw|word|words|qt|key|"
                                r"searchkey|searchtext|text|title|content|showkeycode|s)$", re.I)
