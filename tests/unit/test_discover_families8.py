"""The mechanisms discovery round 8 added, each on its own, for the site shapes of tests/fixtures/families8 (zTree
catalogues drawn from {id, pId, name, url} node lists, lists filtered by a year, the 信息公开 platform linked only by
an image, lists paged by a GET form). Every county of the set is searched through the real fetcher by
test_discover_families.py."""

from __future__ import annotations

import json

from countyreports.crawl.discover import common as c
from countyreports.crawl.discover.endpoints import tree_scripts
from countyreports.crawl.discover.page import read_page, wordless_label
from countyreports.crawl.discover.variants import form_pages, year_views

HOSTS = frozenset({"x.gov.cn"})
NODES = [{"id": 1, "pId": 0, "name": "法定主动公开内容"}, {"id": 12, "pId": 1, "name": "法治政府建设"},
         {"id": 121, "pId": 12, "name": "年度报告", "url": "/gk/list.jsp?cid=121"},
         {"id": 122, "pId": 12, "name": "工作动态", "url": "/gk/list.jsp?cid=122"},
         {"id": 2, "pId": 0, "name": "年度报告", "url": "/gk/list.jsp?cid=2"}]


# -- zTree node lists: a leaf is named in the context of its ancestors ------------------------------------------
def test_a_tree_leaf_is_scored_under_its_parent():
    page = ('<html><body><ul id="tree" class="ztree"></ul><script>var zNodes = ['
            '{id:1, pId:0, name:"法定主动公开内容", open:true}, {id:12, pId:1, name:"法治政府建设"},'
            '{id:121, pId:12, name:"年度报告", url:"/gk/list.jsp?cid=121"},'
            '{id:2, pId:0, name:"年度报告", url:"/gk/list.jsp?cid=2"}];</script></body></html>')
    cands = {s.url: s for s in read_page(page, "http://x.gov.cn/gk/", hosts=HOSTS).candidates}
    assert cands["http://x.gov.cn/gk/list.jsp?cid=121"].score >= 90  # 法治政府建设 › 年度报告
    assert "http://x.gov.cn/gk/list.jsp?cid=2" not in cands  # 年度报告 under nothing: any year's report of anything


def test_a_tree_answered_as_json_or_nested_children_gives_the_same_context():
    flat = read_page(json.dumps(NODES, ensure_ascii=False), "http://x.gov.cn/gk/tree.json", hosts=HOSTS)
    nested = [{"name": "法治政府建设", "children": [{"name": "年度报告", "url": "/gk/list.jsp?cid=121"}]}]
    deep = read_page(json.dumps(nested, ensure_ascii=False), "http://x.gov.cn/gk/tree.json", hosts=HOSTS)
    for view in (flat, deep):
        best = view.candidates[0]
        assert (best.url, best.text) == ("http://x.gov.cn/gk/list.jsp?cid=121", "年度报告") and best.score >= 90


def test_an_empty_tree_takes_its_data_from_the_sites_own_script():
    page = ('<html><head><script src="/static/js/jquery.ztree.core.min.js"></script>'
            '<script src="/gk/js/tree_data.js"></script></head><body><ul id="gk" class="ztree"></ul>'
            '<script>$.fn.zTree.init($("#gk"), setting, treeNodes);</script></body></html>')
    assert tree_scripts(c.parse(page), "http://x.gov.cn/gk/", HOSTS) == ("http://x.gov.cn/gk/js/tree_data.js",)
    drawn = page.replace('<ul id="gk" class="ztree"></ul>', '<ul id="gk" class="ztree"><li><a href="/a/">甲</a></li></ul>')
    assert tree_scripts(c.parse(drawn), "http://x.gov.cn/gk/", HOSTS) == ()  # a tree in the HTML needs no data
    script = "var treeNodes = " + json.dumps(NODES, ensure_ascii=False) + ";"
    view = read_page(script, "http://x.gov.cn/gk/js/tree_data.js", hosts=HOSTS, base="http://x.gov.cn/gk/")
    assert view.candidates[0].url == "http://x.gov.cn/gk/list.jsp?cid=121"


# -- year filters ---------------------------------------------------------------------------------------------------
def test_a_year_select_in_a_get_form_names_each_years_list():
    page = ('<form method="get" action="list.php"><input type="hidden" name="catid" value="52">'
            '<select name="year" onchange="this.form.submit()"><option value="2025" selected>2025年</option>'
            '<option value="2024">2024年</option><option value="2023">2023年</option></select>'
            '<input type="submit" value="查询"></form>')
    assert year_views(c.parse(page), "http://x.gov.cn/zw/list.php?catid=52", HOSTS) == (
        "http://x.gov.cn/zw/list.php?catid=52&year=2025", "http://x.gov.cn/zw/list.php?catid=52&year=2024",
        "http://x.gov.cn/zw/list.php?catid=52&year=2023")
    # a search box with a year select asks words: no filter of this list
    search = page.replace('<input type="submit"', '<input type="text" name="keyword"><input type="submit"')
    assert year_views(c.parse(search), "http://x.gov.cn/zw/list.php?catid=52", HOSTS) == ()
    # a select of departments or of one year is no year filter
    depts = '<form method="get"><select name="dept"><option value="12">县司法局</option><option value="13">县财政局</option></select></form>'
    assert year_views(c.parse(depts), "http://x.gov.cn/zw/", HOSTS) == ()


def test_a_year_select_whose_script_builds_the_url():
    page = ('<select onchange="window.location.href=\'/fz/index.jsp?nf=\'+this.value"><option value="">请选择</option>'
            '<option value="2024">2024年</option><option value="2023">2023年</option></select>')
    assert year_views(c.parse(page), "http://x.gov.cn/fz/index.jsp", HOSTS) == (
        "http://x.gov.cn/fz/index.jsp?nf=2024", "http://x.gov.cn/fz/index.jsp?nf=2023")
    # the friend-links select opens other sites: nothing to build
    friends = '<select onchange="window.open(this.value)"><option value="2024">2024</option><option value="2023">2023</option></select>'
    assert year_views(c.parse(friends), "http://x.gov.cn/fz/", HOSTS) == ()


# -- page forms ------------------------------------------------------------------------------------------------------
def test_a_get_form_with_a_page_field_names_the_pages_after_this_one():
    go = ('<form id="pf" method="get" action="list.aspx"><input type="hidden" name="cid" value="45">'
          '<input type="hidden" name="pageIndex" value="{k}"></form><div class="pager">共11条 第{k}/3页 '
          '<a href="javascript:goPage(2)">下一页</a></div>')
    url = "http://x.gov.cn/fz/list.aspx?cid=45"
    assert form_pages(c.parse(go.format(k=1)), url, HOSTS) == (
        "http://x.gov.cn/fz/list.aspx?cid=45&pageIndex=2", "http://x.gov.cn/fz/list.aspx?cid=45&pageIndex=3")
    assert form_pages(c.parse(go.format(k=2)), url + "&pageIndex=2", HOSTS) == (
        "http://x.gov.cn/fz/list.aspx?cid=45&pageIndex=3",)
    # no count shown: the form's total and page size, else the highest page its pager names
    counted = ('<form method="get" action="/fz.php"><input type="hidden" name="pageNo" value="1">'
               '<input type="hidden" name="pageSize" value="5"><input type="hidden" name="totalCount" value="11"></form>')
    assert form_pages(c.parse(counted), "http://x.gov.cn/fz.php", HOSTS) == (
        "http://x.gov.cn/fz.php?pageNo=2&pageSize=5&totalCount=11", "http://x.gov.cn/fz.php?pageNo=3&pageSize=5&totalCount=11")
    named = ('<form method="get" action="/fz.php"><input type="hidden" name="pageNo" value="1"></form>'
             '<div><a href="javascript:goPage(2)">2</a> <a href="javascript:goPage(3)">3</a></div>')
    assert form_pages(c.parse(named), "http://x.gov.cn/fz.php", HOSTS)[-1] == "http://x.gov.cn/fz.php?pageNo=3"
    # a GO box: the page number typed in a text field, in the page's charset
    box = ('<form name="pf" method="get" action="list.jsp">共 <b>2</b> 页 跳转到 <input type="text" name="pageNo" value="1">'
           '<input type="hidden" name="col" value="法治"><input type="submit" value="GO"></form>')
    assert form_pages(c.parse(box), "http://x.gov.cn/list.jsp", HOSTS, "gbk") == (
        "http://x.gov.cn/list.jsp?pageNo=2&col=%B7%A8%D6%CE",)
    # a search form is no pager; a POST form is not asked
    assert form_pages(c.parse(box.replace('<input type="hidden" name="col" value="法治">', '<input type="text" name="q">')), "http://x.gov.cn/list.jsp", HOSTS) == ()
    assert form_pages(c.parse(go.format(k=1).replace('method="get"', 'method="post"')), url, HOSTS) == ()


# -- links without words ---------------------------------------------------------------------------------------------
def test_an_image_link_is_named_by_its_file_or_its_hosts_pinyin():
    tree = c.parse('<a href="http://xxgk.x.gov.cn/"><img src="/images/banner_01.png"></a>'
                   '<a href="/zt/"><img src="/images/rk_fzzf.jpg"></a><a href="/hd/"><img src="/images/rk_hdjl.png"></a>')
    got = [wordless_label(a, u) for a, u in c.anchors(tree, "http://www.x.gov.cn/")]
    assert got == ["政府信息公开", "法治政府", ""]
    home = ('<html><body><div class="rk"><a href="http://xxgk.x.gov.cn/"><img src="/images/rk.png"></a></div></body></html>')
    cands = read_page(home, "http://www.x.gov.cn/", hosts=frozenset({"www.x.gov.cn"})).candidates
    assert [(s.url, s.text) for s in cands] == [("http://xxgk.x.gov.cn/", "政府信息公开")] and cands[0].score >= 25
