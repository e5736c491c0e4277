"""Per-CMS-family selectors and patterns, as data (used by countyreports.reading.article).

Each family lists, in order of preference, the CSS selectors of:

* ``content`` — the main-text container of an article page;
* ``title`` — the visible title element (used when there is no ``<meta name="ArticleTitle">``);
* ``info`` — the info line(s) holding 发布时间/来源 (and the xxgk_table of 政府信息公开 pages).

Family detection (:func:`countyreports.reading.article.detect_family`) uses the URL patterns first (strong and
cheap), then the markers (a selector whose presence identifies the family).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from countyreports.models import Family


@dataclass(frozen=True, slots=True)
class FamilySelectors:
    family: Family
    content: tuple[str, ...]
    title: tuple[str, ...]
    info: tuple[str, ...]
    url_patterns: tuple[re.Pattern[str], ...] = ()
    markers: tuple[str, ...] = ()


TRS = FamilySelectors(
    family=Family.TRS,
    content=(".TRS_Editor", ".TRS_UEDITOR", ".view", "#UCAP-CONTENT"),
    title=("h1.title", ".article h1", "h1", ".title"),
    info=(".info", ".article-info", "table.xxgk_table"),
    # .../201901/t20190111_2494666.html, t20190111_2494666_1.html
    url_patterns=(re.compile(r"/t\d{8}_\d+(?:_\d+)?\.s?html?$", re.IGNORECASE),),
    markers=(".TRS_Editor", ".TRS_UEDITOR"),
)

HANWEB = FamilySelectors(
    family=Family.HANWEB,
    content=("#zoom", "#Zoom", ".bt_content", "#UCAP-CONTENT"),
    title=(".title", "h1", ".art_title", "td.title"),
    info=(".info", "table.xxgk_table", ".xxgk_table"),
    # /art/2019/1/7/art_5734_3146469.html
    url_patterns=(re.compile(r"/art/\d{4}/\d{1,2}/\d{1,2}/art_\d+_\d+\.html?$", re.IGNORECASE),),
    markers=("table.xxgk_table", "a[href*='downfile.jsp']"),
)

# The provincial intensive-platform family (政府网站集约化平台): /<site>/<col>/.../content_<id>.html,
# main text in div.article-content (some sites: div#Zoom), info in div.article-info.
PLATFORM = FamilySelectors(
    family=Family.PLATFORM,
    content=(".article-content", "#Zoom", "#zoom", ".content-text"),
    title=(".article h1", "h1", ".title"),
    info=(".article-info", ".info"),
    url_patterns=(re.compile(r"/content_\d+\.html?$", re.IGNORECASE),),
    markers=(".article-content", ".article-info"),
)

GENERIC = FamilySelectors(
    family=Family.GENERIC,
    content=(
        ".TRS_Editor", "#zoom", ".article-content", "#UCAP-CONTENT", ".pages_content", "#content",
        ".content", ".article_content", ".art_con", ".main-content", "article",
    ),
    title=("h1", ".title", ".article-title", "h2"),
    info=(".info", ".article-info", "table.xxgk_table", ".xxgk_table", ".pages-date", ".time"),
)

FAMILIES: tuple[FamilySelectors, ...] = (TRS, HANWEB, PLATFORM)
BY_FAMILY: dict[Family, FamilySelectors] = {f.family: f for f in (TRS, HANWEB, PLATFORM, GENERIC)}

# Elements whose text is never article text.
DROP_TAG_NAMES = frozenset({"style", "script", "noscript", "template", "iframe", "object", "embed", "select",
                            "button", "input", "textarea"})
DROP_TAGS = ", ".join(sorted(DROP_TAG_NAMES))
HIDDEN = "[style*='display:none'], [style*='display: none'], [hidden]"

BLOCK_TAGS = frozenset({
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "table", "tbody", "thead", "tfoot",
    "tr", "td", "th", "blockquote", "section", "article", "pre", "center", "dl", "dt", "dd", "form",
    "header", "footer", "figure", "figcaption", "address", "hr", "caption", "main", "aside", "nav",
    "fieldset", "details", "summary",
})
# Block elements that are always one paragraph (a <br> inside is a soft break).
PARAGRAPH_TAGS = frozenset({"p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "dt", "dd", "pre", "caption",
                            "figcaption", "summary"})

# Lines inside the content container that are page furniture, not report text: a line that starts with one
# of the BOILERPLATE_STARTS patterns, or holds one of the BOILERPLATE_WORDS anywhere.
BOILERPLATE_STARTS = (
    r"(?:[【\[]?\s*(?:打印本[页頁]|打印|关闭窗口|關閉窗口|关闭|關閉|返回顶部|返回頂部|收藏|分享到?)\s*[】\]]?\s*)+$",
    r"(?:相关文章|相關文章|相关链接|相關鏈接|相关阅读|相關閱讀|相关稿件)[:：]?$",
    r"(?:主办|主辦|承办|承辦|协办|協辦|技术支持|技術支持)[:：]",
    r"字号[:：]?\s*[【\[]?\s*大\s*中\s*小",
    r"(?:扫一扫在手机打开当前页|掃一掃在手機打開當前頁)$",
    r"(?:上一[篇页頁]|下一[篇页頁])[:：]?",
    r"(?:【\s*)?(?:字体|字體)[:：]",
    r"(?:浏览次数|瀏覽次數|阅读次数|閱讀次數)[:：]",
)
BOILERPLATE_WORDS = ("ICP备", "ICP備", "网站标识码", "網站標識碼", "公网安备", "公網安備")
BOILERPLATE_LINE = re.compile("|".join([*(f"^{p}" for p in BOILERPLATE_STARTS), *BOILERPLATE_WORDS]))
# The same test in two cheaper parts: BOILERPLATE_LINE.search(line) finds a match exactly when
# BOILERPLATE_START.match(line) or BOILERPLATE_WORD.search(line) does.
BOILERPLATE_START = re.compile("|".join(BOILERPLATE_STARTS))
BOILERPLATE_WORD = re.compile("|".join(BOILERPLATE_WORDS))

ATTACHMENT_EXT = re.compile(r"\.(?:docx?|pdf|wps|xlsx?|et|ofd|zip|rar)$", re.IGNORECASE)
ATTACHMENT_WANTED = re.compile(r"\.(?:docx?|pdf|wps)$", re.IGNORECASE)

INFO_DATE = re.compile(
    r"(?:[发發][布佈](?:[时時][间間]|日期)|生成日期|成文日期|[发發]文日期|公[开開]日期|[时時][间間]|日期)"
    r"\s*[:：]?\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
ANY_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
INFO_SOURCE = re.compile(
    r"(?:信息)?(?:[来來]源|[发發][布佈][机機][构構]|[发發]文[机機][关關])\s*[:：]\s*"
    r"([^\s\u3000\xa0|｜,，;；:：【\[]{1,40})"
)
# Pinyin annotations appended by simplified→traditional converters: 發(fā)佈, 網(wǎng)站. Removed from a copy of
# label text before matching labels (never from article paragraphs).
PINYIN_NOTE = re.compile(r"\([a-zA-Z\u00e0-\u00fc\u0101-\u01dc\u0300-\u036f]{1,8}\)")
SITE_ID = re.compile(r"(?:[网網]站[标標][识識][码碼])\s*[:：]?\s*([0-9A-Za-z]{6,20})")
# Separators between an article title and the site name in <title> (a bare "—" is part of titles:
# 《纲要（2015—2020年）》, so only spaced dashes count).
TITLE_SEPARATORS = ("_", " - ", " | ", "｜", "|", " — ", " -- ", " —— ")
#: A bare hyphen before a site's name ends a page title only when what follows names a site (人民政府, 政府网,
#: 门户网站): "2021-2025年" and "…报告-附件" stay whole.
SITE_NAME_TAIL = re.compile(r"\s*[-－—]\s*[\u4e00-\u9fff（）()]{2,28}(?:人民政府|政府网|门户网站?|政府门户|网站|网)\s*$")
PAGER_TEXT = re.compile(
    r"^\s*(?:\d{1,3}|\[\s*\d{1,3}\s*\]|第\s*\d{1,3}\s*[页頁]|[上下]一[页頁]|[上下前后後][页頁]|首[页頁]|尾[页頁]|末[页頁]"
    r"|>|»|›|<|«|‹)\s*$"
)
# Cheap test first: stripped, a text PAGER_TEXT matches is at most PAGER_SHORT characters long unless it starts
# with one of PAGER_LONG_FIRST (the forms with inner spaces: "[ 2 ]", "第 2 页").
PAGER_SHORT = 3
PAGER_LONG_FIRST = "[第"
NEXT_PAGE_TEXT = re.compile(r"^\s*(?:下一[页頁]|下[页頁]|后[页頁]|>|»|›)\s*$")
CREATE_PAGE_HTML = re.compile(
    r"createPageHTML\(\s*['\"]?(\d+)['\"]?\s*,\s*['\"]?(\d+)['\"]?\s*,\s*['\"]([^'\"]*)['\"]\s*,\s*['\"]([^'\"]*)['\"]"
)

# ---------------------------------------------------------------- article titles (countyreports.reading.titles)
# <title> separators: the title and the site name, column name or breadcrumb around it. A strong separator
# ("_", "|", "｜", "::", a spaced dash) may drop an unknown short end segment; a weak one (a bare "-", "—",
# "–": they occur inside titles, 《纲要（2021-2025年）》) only a segment known to be a site or column name.
TITLE_SPLIT = re.compile(r"(\s*(?:_{1,2}|::|[|｜]|\s[-—–－]{1,2}\s|[-—–－]{1,2})\s*)")
TITLE_WEAK_SEPARATOR = re.compile(r"[-—–－]{1,2}")
BREADCRUMB_SPLIT = re.compile(r"\s*(?:>|&gt;|＞|»|›|→)\s*")
# A site's name: a place's government or body, with or without its web-site word; a place with a web-site
# word; a bare county name; any name ending in a web-site word. (A title ending in 县/市 is longer than a
# bare name: 创建省级法治政府建设示范县 is not one.)
_PLACE = r"(?:中共)?[\u4e00-\u9fff·]{1,14}?(?:自治)?[县縣区區市旗州盟省]"
_WEB = r"(?:门户网站|門戶網站|政府网站|网站|網站|门户网|门户|官网|政务网|信息网|普法网|网|網)"
SITE_NAME = re.compile(
    rf"{_PLACE}(?:人民政府|政府|委员会|委員會|司法局){_WEB}?|{_PLACE}{_WEB}|[\u4e00-\u9fff]{{1,6}}[县縣区區市旗]"
    r"|[\u4e00-\u9fff·]{1,16}(?:门户网站|門戶網站|政府网站|网站|網站|门户网|官网|官方网站|政务网|信息网|普法网|融媒体中心)"
)
# Navigation words and breadcrumbs: never an article title.
TITLE_NAV_WORDS = frozenset({
    "首页", "网站首页", "主页", "返回首页", "正文", "详情", "详细信息", "文章详情", "内容页", "信息详情", "新闻详情",
    "政务公开", "信息公开", "政府信息公开", "新闻中心", "新闻动态", "工作动态", "通知公告", "相关文章", "相关链接",
    "当前位置", "您的位置", "您当前的位置", "所在位置",
})
TITLE_NAV_START = re.compile(r"(?:当前位置|您的位置|您当前的位置|您现在的位置|所在位置|位置)[:：]|.*(?:>|&gt;|＞|»)")
# Meta names of the site and column names (their values are not the article's title).
SITE_METAS = ("sitename", "site", "og:site_name", "columnname", "application-name", "apple-mobile-web-app-title")
# Meta names of a title that may carry the site name around it (peeled like <title>).
TITLE_METAS = ("og:title", "dc.title")
# Elements whose text may be the title: headings, elements whose class or id says title; and where the page
# names its site: the logo, the header, the banner.
TITLE_NODES = ("h1, h2, h3, [class*=tit i], [id*=tit i], [class*=bt i], [id*=bt i], [class*=biaoti i], "
               "[id*=biaoti i], [class*=headline i], [id*=headline i]")
TITLE_CLASS = re.compile(r"tit|biaoti|headline|(?:^|[_-])bt(?:$|[_-]|\d)", re.IGNORECASE)
SITE_NODES = ("[class*=logo i], [id*=logo i], header, [class*=header i], [id*=header i], [class*=banner i], "
              "[id*=banner i], [class*=sitename i], [class*=site-name i], [class*=webname i]")
# An info line glued to a title (cut off from the first of its items): labels, a full date, a font-size bar.
INFO_LINE = re.compile(
    r"\s*[【\[（(]?\s*(?:(?:信息|文章|稿件)?[来來]源|[发發][布佈](?:[时時][间間]|日期|者|人|机构|於|于)?|更新(?:时间|日期)"
    r"|[时時][间間]|日期|作者|编辑|責任編輯|责任编辑|撰稿|供稿|浏览(?:次数|量)?|瀏覽(?:次數)?|阅读(?:次数|量)?|閱讀"
    r"|点击(?:数|量|率)?|點擊|访问(?:次数|量)|评论|評論|字号|字號|字体|字體)\s*[:：]"
    r"|\s*[【\[（(]?\s*(?:字号|字號|字体|字體)\s*[【\[]?\s*[大小]"
    r"|\s*\d{4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?!\d)"
    r"|\s+\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
)
