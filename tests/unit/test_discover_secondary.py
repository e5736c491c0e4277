"""Ways to the report column that real county portals have and earlier rounds missed, on small hand-made sites
(expected values from a human reading of the pages): a mobile site the homepage declares, a department's
(司法局) pages under the portal's department directory, a topic column named for the county (法治乡宁), a
column whose own links spell its query unescaped, a site map (栏目导航) listing every column."""

from __future__ import annotations

from countyreports.crawl.discover.common import page_key as _page_key
from countyreports.crawl.discover.names import text_score
from test_column_search import REPORTS, html, run


def test_the_homepage_s_mobile_site_is_searched_when_the_desktop_site_has_no_way():
    home = html('<head><meta name="mobile-agent" content="format=html5;url=http://m.x.gov.cn/"></head>'
                '<div class="nav"><a href="/xwzx/">新闻中心</a></div>'
                '<div class="topbar"><a href="http://m.x.gov.cn/" class="wap">手机版</a></div>')
    pages = {
        "http://x.gov.cn/": home,
        "http://m.x.gov.cn/": html('<nav class="grid"><a href="/zwgk.html"><span>政务公开</span></a>'
                                   '<a href="/list-2.html"><span>要闻</span></a></nav>'),
        "http://m.x.gov.cn/zwgk.html": html('<nav class="grid"><a href="/list-41.html"><span>法治政府</span></a></nav>'),
        "http://m.x.gov.cn/list-41.html": html(REPORTS, title="法治政府"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://m.x.gov.cn/list-41.html", asked
    assert "http://m.x.gov.cn/" in asked


def test_a_mobile_alternate_is_read_from_link_rel_alternate():
    home = html('<link rel="alternate" media="only screen and (max-width: 640px)" href="http://m.x.gov.cn/">'
                '<a href="/xwzx/">新闻中心</a>')
    pages = {"http://x.gov.cn/": home,
             "http://m.x.gov.cn/": html('<a href="/fz/">法治政府建设</a>'),
             "http://m.x.gov.cn/fz/": html(REPORTS, title="法治政府建设")}
    s, asked = run(pages)
    assert s.column_url == "http://m.x.gov.cn/fz/", asked


def test_the_justice_bureau_under_the_department_directory():
    pages = {
        "http://x.gov.cn/": html('<div class="nav"><a href="/jgsz/">机构设置</a><a href="/xwzx/">新闻中心</a></div>'),
        "http://x.gov.cn/jgsz/": html('<div class="tabs"><a href="/jgsz/xwbm/">县委部门</a>'
                                      '<a href="/jgsz/zfgzbm/">政府工作部门</a><a href="/jgsz/xz/">乡镇（街道）</a></div>'),
        "http://x.gov.cn/jgsz/zfgzbm/": html('<ul><li><a href="/jgsz/zfgzbm/fgw/">乡宁县发展和改革局</a></li>'
                                             '<li><a href="/jgsz/zfgzbm/xsfj/">乡宁县司法局</a></li></ul>'),
        "http://x.gov.cn/jgsz/zfgzbm/xsfj/": html('<ul><li><a href="/jgsz/zfgzbm/xsfj/yfzx/">依法治县</a></li></ul>'),
        "http://x.gov.cn/jgsz/zfgzbm/xsfj/yfzx/": html('<ul><li><a href="/jgsz/zfgzbm/xsfj/yfzx/nd/">年度法治政府建设情况</a>'
                                                       '</li></ul>'),
        "http://x.gov.cn/jgsz/zfgzbm/xsfj/yfzx/nd/": html(REPORTS, title="年度法治政府建设情况"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/jgsz/zfgzbm/xsfj/yfzx/nd/", asked


def test_department_directories_and_site_maps_are_ways():
    for name in ("机构设置", "部门信息", "部门信息公开", "政府工作部门", "部门网站", "栏目导航", "网站地图"):
        assert text_score(name)[0] >= 30, name
    assert text_score("县委部门")[0] < 30  # the party's departments do not report on 法治政府建设


def test_a_topic_column_named_for_the_county_is_the_topic():
    pages = {
        "http://x.gov.cn/": html('<a href="/ztzl/">专题专栏</a>'),
        "http://x.gov.cn/ztzl/": html('<ul class="ztlist"><li><a href="/ztzl/qt/"><img src="/a.jpg" alt="共同富裕">'
                                      '<p>共同富裕</p></a></li><li><a href="/ztzl/fzxn/"><img src="/b.jpg" alt="法治乡宁">'
                                      '<p>法治乡宁</p></a></li></ul>'),
        "http://x.gov.cn/ztzl/fzxn/": html('<div class="tit"><span>法治政府</span><a class="more" href="/ztzl/fzxn/fzzf/">更多</a>'
                                           '</div>'),
        "http://x.gov.cn/ztzl/fzxn/fzzf/": html(REPORTS, title="法治政府"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/ztzl/fzxn/fzzf/", asked
    assert "http://x.gov.cn/ztzl/qt/" not in asked


def test_a_page_linking_itself_with_an_unescaped_query_is_that_page():
    escaped = "http://x.gov.cn/News.asp?Big=%E6%94%BF%E5%8A%A1%E5%85%AC%E5%BC%80&Small=%E6%B3%95%E6%B2%BB"
    assert _page_key(escaped) == _page_key("http://x.gov.cn/News.asp?Big=政务公开&Small=法治")
    pages = {
        "http://x.gov.cn/": html('<a href="/News.asp?Big=政务公开&amp;Small=法治政府建设">法治政府建设</a>'),
        "http://x.gov.cn/News.asp?Big=政务公开&Small=法治政府建设": html(
            '<div class="left"><a href="/News.asp?Big=政务公开&amp;Small=法治政府建设">法治政府建设</a></div>' + REPORTS,
            title="法治政府建设"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/News.asp?Big=政务公开&Small=法治政府建设", asked


def test_a_county_topic_s_report_tab_is_the_column_not_the_topic_s_mixed_preview():
    mixed = REPORTS.replace("</ul>", '<li><a href="/fz/202402/t20240201_2.html">乡宁县召开依法治县委员会会议</a>'
                                      '<span>2024-02-01</span></li></ul>')
    pages = {
        "http://x.gov.cn/": html('<div class="zt"><a href="/fzxn/"><img src="/a.jpg" alt="法治乡宁"></a></div>'),
        "http://x.gov.cn/fzxn/": html('<div class="tabs"><a href="/fzxn/dt/">工作动态</a><a href="/fzxn/bg/">年度报告</a></div>'
                                      + mixed, title="法治乡宁"),
        "http://x.gov.cn/fzxn/bg/": html(REPORTS, title="年度报告"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/fzxn/bg/", asked


def test_a_heading_holding_its_own_more_link_names_the_column():
    pages = {
        "http://x.gov.cn/": html('<a href="/fz/">法治政府建设</a>'),
        "http://x.gov.cn/fz/": html('<div class="box"><div class="tit"><span>年度报告</span><a class="more" href="/fz/nb/">'
                                    '更多</a></div>' + REPORTS + '</div><div class="box"><div class="tit"><span>工作动态</span>'
                                    '<a class="more" href="/fz/dt/">更多</a></div></div>', title="法治政府建设"),
        "http://x.gov.cn/fz/nb/": html(REPORTS, title="年度报告"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/fz/nb/", asked


def test_a_list_row_s_title_is_not_the_page_s_name():
    rows = ('<ul class="newslist"><li><a href="/c.htm?id=9003"><p class="tit">乡宁县2024年法治政府建设工作要点</p>'
            '<p class="date">2024-04-18</p></a></li></ul>')
    pages = {
        "http://x.gov.cn/": html('<a href="/l35.html">法治乡宁</a>'),
        "http://x.gov.cn/l35.html": html('<div class="tabs"><a href="/l36.html">工作动态</a><a href="/l37.html">年度报告</a>'
                                         '</div>' + rows, title="法治乡宁"),
        "http://x.gov.cn/l37.html": html(REPORTS, title="年度报告"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/l37.html", asked


def test_a_topic_page_previewing_a_better_named_column_below_it_leads_there():
    preview = ('<ul class="list"><li><a href="/fz/fzzf/2024/0219/832.html">乡宁县2023年度法治政府建设工作报告</a>'
               '<span>2024-02-19</span></li></ul>')
    pages = {
        "http://x.gov.cn/": html('<a href="/fz/index.html">法治建设</a>'),
        "http://x.gov.cn/fz/index.html": html('<div class="left"><a href="/fz/fzzf/List_1.html">法治政府建设</a>'
                                              '<a href="/fz/pf/List_1.html">普法宣传</a></div>' + preview, title="法治建设"),
        "http://x.gov.cn/fz/fzzf/List_1.html": html(preview, title="法治政府建设"),
    }
    s, asked = run(pages)
    assert s.column_url == "http://x.gov.cn/fz/fzzf/List_1.html", asked


def _catalogue(tree: str) -> dict[str, str]:
    """A 信息公开 page of two iframes: the catalogue tree on the left, the lists on the right."""
    return {
        "http://x.gov.cn/": html('<a href="/web/open.action">信息公开</a>'),
        "http://x.gov.cn/web/open.action": html('<iframe src="/web/left.action" name="leftFrame"></iframe>'
                                                '<iframe src="/web/welcome.action" name="rightFrame"></iframe>'),
        "http://x.gov.cn/web/welcome.action": html("<p>请在左侧目录中选择信息类别查看。</p>"),
        "http://x.gov.cn/web/left.action": html(tree),
        "http://x.gov.cn/web/right.action?theID=f1": html(REPORTS, title="法治政府建设年度报告"),
    }


def test_a_catalogue_tree_of_scripted_calls_is_followed():
    tree = ('<ul><li><a href="javascript:void(0);" onclick="goColumn(\'z9\')">机构职能</a></li>'
            '<li><a href="javascript:void(0);" onclick="goColumn(\'f1\')">法治政府建设年度报告</a></li></ul>'
            '<script>function goColumn(id) { window.parent.document.getElementById("rightFrame").src = '
            '"/web/right.action?theID=" + id; }</script>')
    s, asked = run(_catalogue(tree))
    assert s.column_url == "http://x.gov.cn/web/right.action?theID=f1", asked


def test_a_catalogue_tree_held_as_a_script_literal_is_followed():
    tree = ('<ul id="tree" class="ztree"></ul><script>var zNodes = [\n{id:"r", pId:"0", name:"政府信息公开目录", open:true},\n'
            "{id:'z9', pId:'r', name:'机构职能'},\n{id:\"f1\", pId:\"r\", name:\"法治政府建设年度报告\"},\n];\n"
            'function onClick(e, treeId, treeNode) { window.parent.document.getElementById("rightFrame").src = '
            '"right.action?theID=" + treeNode.id; }</script>')
    s, asked = run(_catalogue(tree))
    assert s.column_url == "http://x.gov.cn/web/right.action?theID=f1", asked
