"""The HTML comparison report: one static page of charts and tables built from the marts.

The page loads nothing from the network: the Vega, Vega-Lite and Vega-Embed libraries are inlined (from the
``vl-convert-python`` package's bundle) and the charts' data is inlined in their specs. Every number in a
table links to the report it comes from (the link carries a text fragment, ``#:~:text=``, so browsers that
support it scroll to the words) and its tooltip quotes the sentence that states it; chart marks have the same
tooltip and open the report on click.

Once the charts have rendered, the page sets ``data-charts-rendered`` on ``<body>`` to the number of charts;
JavaScript errors are collected into ``<pre id="js-errors">`` (and ``data-js-errors``), so a headless browser
can check the page (tests/integration/test_report_browser.py).
"""

from __future__ import annotations

import datetime as dt
import functools
import html
import json
import urllib.parse
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt

from countyreports.reader import DEFAULT_WAIT_S, fetch_table, open_readonly

__all__ = ["ReportSummary", "build_report", "render_report"]

Row = dict[str, Any]

STATUS_COLOURS = {  # coverage_status -> colour
    "loaded": "#2e7d32", "withdrawn": "#8e24aa", "missing": "#e53935", "portal_failed": "#fb8c00",
    "not_crawled": "#9e9e9e",
}
STATUS_MARK = {"loaded": "●", "withdrawn": "✕", "missing": "—", "portal_failed": "!", "not_crawled": "?"}
PARTS = ("measures_results", "leader_duties", "court_judgments", "shortcomings", "next_year_plan")
PART_LABELS = {"measures_results": "举措成效", "leader_duties": "第一责任人", "court_judgments": "诉讼复议",
               "shortcomings": "不足", "next_year_plan": "下年安排"}


@dataclass(frozen=True, slots=True)
class ReportSummary:
    out: Path
    charts: int
    tables: int
    counties: int
    reports: int
    years: tuple[int, ...]
    bytes: int


# ------------------------------------------------------------------------------------------- data


def _rows(con: Any, sql: str, params: Sequence[Any] = ()) -> list[Row]:
    return fetch_table(con, sql, list(params)).to_pylist()


def _where(province: str | None, year: int | None, *, prefix: str = "") -> tuple[str, list[Any]]:
    conds, params = ["TRUE"], []
    if province:
        conds.append(f"{prefix}province = ?")
        params.append(province)
    if year is not None:
        conds.append(f"{prefix}report_year = ?")
        params.append(year)
    return " AND ".join(conds), params


def load_data(con: Any, province: str | None, year: int | None) -> dict[str, Any]:
    """Everything the page shows, as lists of row dicts."""
    w, p = _where(province, year)
    years = [r["report_year"] for r in _rows(
        con, f"SELECT DISTINCT report_year FROM mart_coverage WHERE {w} ORDER BY 1", p)]
    focus = year if year is not None else (max(years) if years else None)
    wf, pf = _where(province, focus)
    d: dict[str, Any] = {"years": years, "focus_year": focus}
    d["codes"] = _rows(con, "SELECT indicator_code, unit, topic, label_zh, counted FROM stg_indicator_codes")
    d["matrix"] = _rows(con, f"""
        SELECT province, prefecture, adcode, county, report_year, indicator_code, value, unit, is_approx,
               from_value, url, surface, sentence
        FROM compare_indicators WHERE {wf} ORDER BY province, prefecture, county""", pf)
    d["matrix_counties"] = _rows(con, f"""
        SELECT province, prefecture, adcode, county, report_id, url FROM mart_indicator_matrix
        WHERE {wf} ORDER BY province, prefecture, county""", pf)
    d["disputes"] = _rows(con, f"SELECT * FROM mart_admin_disputes WHERE {w} "
                               "ORDER BY province, prefecture, county, report_year", p)
    d["evidence"] = {(r["report_id"], r["indicator_code"]): r for r in _rows(con, f"""
        SELECT report_id, indicator_code, value, surface, sentence, url FROM compare_indicators
        WHERE {w} AND indicator_code IN ('admin_reconsideration_received', 'admin_reconsideration_closed',
            'admin_reconsideration_corrected', 'admin_litigation_cases', 'admin_litigation_lost',
            'admin_litigation_loss_rate', 'head_court_appearance_rate')""", p)}
    d["timeliness"] = _rows(con, f"""
        SELECT *, published_date - deadline_date AS days_from_deadline FROM mart_report_timeliness
        WHERE {w} ORDER BY province, prefecture, county, report_year""", p)
    d["coverage"] = _rows(con, f"SELECT * FROM mart_coverage WHERE {w} "
                               "ORDER BY province, prefecture, county, report_year", p)
    d["changes"] = _rows(con, f"""
        SELECT c.*, k.label_zh FROM mart_indicator_changes AS c
        LEFT JOIN stg_indicator_codes AS k USING (indicator_code)
        WHERE {_where(province, focus, prefix="c.")[0]}
        ORDER BY abs(coalesce(c.change_pct, 0)) DESC, c.county, c.indicator_code""", pf)
    d["counties_total"] = len({r["adcode"] for r in d["coverage"]})
    d["reports_total"] = sum(1 for r in d["coverage"] if r["coverage_status"] == "loaded")
    return d


# ------------------------------------------------------------------------------------------- formatting


def fmt_number(value: float | int | None, unit: str | None = None) -> str:
    if value is None:
        return ""
    v = float(value)
    if unit == "yuan" and abs(v) >= 1e4:
        return f"{v / 1e8:,.2f}亿" if abs(v) >= 1e8 else f"{v / 1e4:,.1f}万"
    if v.is_integer():
        return f"{int(v):,}"
    return f"{v:,.2f}".rstrip("0").rstrip(".")


def source_link(url: str | None, surface: str | None = None) -> str:
    """The report URL, with a text fragment pointing at the words when they are known."""
    if not url:
        return ""
    if surface:
        return f"{url}#:~:text={urllib.parse.quote(surface, safe='')}"
    return url


def cell(value: float | int | None, *, url: str | None = None, sentence: str | None = None,
         surface: str | None = None, unit: str | None = None, approx: bool = False, note: str = "",
         suffix: str = "") -> str:
    """A table cell: the number, linked to its report, with the sentence stating it as its tooltip."""
    if value is None:
        return "<td class='na'></td>"
    text = ("≈" if approx else "") + fmt_number(value, unit) + suffix
    tip = "\n".join(x for x in (note, f"“{sentence}”" if sentence else "", url or "") if x)
    if url:
        inner = (f"<a href='{html.escape(source_link(url, surface), quote=True)}' "
                 f"title='{html.escape(tip, quote=True)}'>{html.escape(text)}</a>")
    else:
        inner = f"<span title='{html.escape(tip, quote=True)}'>{html.escape(text)}</span>"
    return f"<td class='num'>{inner}</td>"


def _th(*labels: str) -> str:
    return "".join(f"<th>{html.escape(x)}</th>" for x in labels)


def _county_cells(r: Mapping[str, Any]) -> str:
    return (f"<td>{html.escape(r.get('province') or '')}</td><td>{html.escape(r.get('prefecture') or '')}</td>"
            f"<td>{html.escape(r.get('county') or '')} <span class='code'>{html.escape(r['adcode'])}</span></td>")


def _table(table_id: str, head: str, rows: Iterable[str], empty: str = "no rows for this selection") -> str:
    body = "\n".join(rows)
    if not body:
        body = f"<tr><td class='empty' colspan='99'>{html.escape(empty)}</td></tr>"
    return (f"<div class='scroll'><table id='{table_id}'><thead><tr>{head}</tr></thead>"
            f"<tbody>\n{body}\n</tbody></table></div>")


# ------------------------------------------------------------------------------------------- tables


def matrix_table(d: Mapping[str, Any]) -> str:
    codes = [c["indicator_code"] for c in d["codes"]]
    label = {c["indicator_code"]: c["label_zh"] for c in d["codes"]}
    unit = {c["indicator_code"]: c["unit"] for c in d["codes"]}
    cells: dict[tuple[str, str], Row] = {(r["adcode"], r["indicator_code"]): r for r in d["matrix"]}
    head = _th("省", "市", "县") + "".join(
        f"<th title='{html.escape(c)} ({unit[c]})'>{html.escape(label[c])}<br><span class='code'>"
        f"{html.escape(c)}</span></th>" for c in codes)
    rows = []
    for cty in d["matrix_counties"]:
        tds = []
        for c in codes:
            r = cells.get((cty["adcode"], c))
            if r is None:
                tds.append("<td class='na'></td>")
                continue
            note = f"{c}: {fmt_number(r['value'], r['unit'])} {r['unit']}"
            if r["from_value"] is not None:
                note += f" (from {fmt_number(r['from_value'], r['unit'])})"
            tds.append(cell(r["value"], url=r["url"], sentence=r["sentence"], surface=r["surface"],
                            unit=r["unit"], approx=bool(r["is_approx"]), note=note))
        rows.append(f"<tr>{_county_cells(cty)}{''.join(tds)}</tr>")
    return _table("matrix", head, rows)


def disputes_table(d: Mapping[str, Any]) -> str:
    ev = d["evidence"]
    spec: list[tuple[str, str | None, str, str]] = [  # (column, code stating it, header, suffix)
        ("reconsideration_received_count", "admin_reconsideration_received", "复议收案", ""),
        ("reconsideration_closed_count", "admin_reconsideration_closed", "复议办结", ""),
        ("reconsideration_corrected_count", "admin_reconsideration_corrected", "复议纠错", ""),
        ("reconsideration_correction_rate_pct", None, "纠错率", "%"),
        ("litigation_cases_count", "admin_litigation_cases", "行政诉讼案件", ""),
        ("litigation_lost_count", "admin_litigation_lost", "败诉", ""),
        ("litigation_loss_rate_pct", "admin_litigation_loss_rate", "败诉率", "%"),
        ("head_court_appearance_rate_pct", "head_court_appearance_rate", "负责人出庭率", "%"),
    ]
    rows = []
    for r in d["disputes"]:
        tds = []
        for col, code, _h, suffix in spec:
            e = ev.get((r["report_id"], code)) if code else None
            if e is not None:
                tds.append(cell(r[col], url=e["url"], sentence=e["sentence"], surface=e["surface"],
                                suffix=suffix, note=code or ""))
            elif r[col] is not None:  # computed rate
                how = ("100 × corrected / closed" if col.startswith("reconsideration")
                       else "100 × lost / cases (the report states no rate)")
                tds.append(cell(r[col], url=r["url"], suffix=suffix, note=f"computed: {how}"))
            else:
                tds.append("<td class='na'></td>")
        rows.append(f"<tr>{_county_cells(r)}<td>{r['report_year']}</td>{''.join(tds)}</tr>")
    head = _th("省", "市", "县", "年度", *[h for _c, _k, h, _s in spec])
    return _table("disputes", head, rows)


def timeliness_table(d: Mapping[str, Any]) -> str:
    rows = []
    for r in d["timeliness"]:
        late = r["days_late"]
        cls = "late" if late else "ok"
        parts = "".join(f"<td class='part {'yes' if r['has_' + k] else 'no'}'>{'✓' if r['has_' + k] else '✗'}</td>"
                        for k in PARTS)
        link = (f"<a href='{html.escape(r['url'], quote=True)}' title='{html.escape(r['title'] or '', quote=True)}'>"
                f"{r['published_date']}</a>")
        rows.append(f"<tr>{_county_cells(r)}<td>{r['report_year']}</td><td>{link}</td><td>{r['deadline_date']}</td>"
                    f"<td class='num {cls}'>{'' if late is None else late}</td>{parts}"
                    f"<td class='num'>{r['mandated_parts_count']}/5</td></tr>")
    head = _th("省", "市", "县", "年度", "发布日期", "截止日期", "逾期天数", *[PART_LABELS[k] for k in PARTS], "完整度")
    return _table("timeliness", head, rows)


def coverage_table(d: Mapping[str, Any]) -> str:
    years = d["years"]
    by: dict[str, dict[int, Row]] = {}
    order: list[Row] = []
    for r in d["coverage"]:
        if r["adcode"] not in by:
            by[r["adcode"]] = {}
            order.append(r)
        by[r["adcode"]][r["report_year"]] = r
    rows = []
    for c in order:
        tds = []
        for y in years:
            r = by[c["adcode"]].get(y)
            if r is None:
                tds.append("<td></td>")
                continue
            st = r["coverage_status"]
            mark = STATUS_MARK.get(st, "?")
            tip = f"{y}: {st}" + (f" — {r['last_error']}" if st == "portal_failed" and r["last_error"] else "")
            inner = (f"<a href='{html.escape(r['url'], quote=True)}' title='{html.escape(tip, quote=True)}'>{mark}</a>"
                     if r["url"] else f"<span title='{html.escape(tip, quote=True)}'>{mark}</span>")
            tds.append(f"<td class='st st-{st}'>{inner}</td>")
        rows.append(f"<tr>{_county_cells(c)}{''.join(tds)}</tr>")
    head = _th("省", "市", "县", *[str(y) for y in years])
    return _table("coverage", head, rows)


def changes_table(d: Mapping[str, Any]) -> str:
    rows = []
    for r in d["changes"]:
        rows.append(
            f"<tr>{_county_cells(r)}<td>{html.escape(r['label_zh'] or '')}<br><span class='code'>"
            f"{html.escape(r['indicator_code'])}</span></td>"
            + cell(r["previous_value"], url=r["previous_url"], sentence=r["previous_sentence"], unit=r["unit"],
                   note=f"{r['previous_report_year']}")
            + cell(r["value"], url=r["url"], sentence=r["sentence"], unit=r["unit"], note=f"{r['report_year']}")
            + cell(r["change_value"], url=r["url"], sentence=r["sentence"], unit=r["unit"],
                   note=f"{r['report_year']} − {r['previous_report_year']}", approx=bool(r["is_approx"]))
            + (cell(r["change_pct"], url=r["url"], sentence=r["sentence"], suffix="%",
                    note="100 × change / previous value") if r["change_pct"] is not None else "<td class='na'></td>")
            + "</tr>")
    head = _th("省", "市", "县", "指标", "上年", "本年", "变化", "变化率")
    return _table("changes", head, rows)


# ------------------------------------------------------------------------------------------- charts


def _jsonable(rows: Iterable[Mapping[str, Any]], keys: Sequence[str]) -> list[Row]:
    out = []
    for r in rows:
        o: Row = {}
        for k in keys:
            v = r.get(k)
            o[k] = v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
        out.append(o)
    return out


def chart_specs(d: Mapping[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    """(element id, caption, Vega-Lite spec) of each chart."""
    specs: list[tuple[str, str, dict[str, Any]]] = []
    width = 720
    cov = _jsonable(d["coverage"], ["province", "county", "adcode", "report_year", "coverage_status", "url",
                                    "published_date", "last_error"])
    if cov:
        ch = alt.Chart(alt.Data(values=cov)).mark_rect(stroke="white").encode(
            x=alt.X("report_year:O", title="report year"),
            y=alt.Y("county:N", title=None, sort=list(dict.fromkeys(str(r["county"]) for r in cov))),
            color=alt.Color("coverage_status:N", title="status",
                            scale=alt.Scale(domain=list(STATUS_COLOURS), range=list(STATUS_COLOURS.values()))),
            tooltip=["province:N", "county:N", "report_year:O", "coverage_status:N", "published_date:N",
                     "url:N", "last_error:N"],
            href="url:N",
        ).properties(width=min(width, 60 * max(1, len(d["years"]))), height={"step": 14})
        specs.append(("chart-coverage", "Coverage: is each county's report for each year in the warehouse?",
                      ch.to_dict()))
    ev = d["evidence"]
    lit = []
    for r in d["disputes"]:
        if r["report_year"] != d["focus_year"] or r["litigation_cases_count"] is None:
            continue
        e = ev.get((r["report_id"], "admin_litigation_cases"), {})
        lost = ev.get((r["report_id"], "admin_litigation_lost"), {})
        lit.append({"county": r["county"], "province": r["province"], "cases": r["litigation_cases_count"],
                    "lost": r["litigation_lost_count"], "loss_rate_pct": r["litigation_loss_rate_pct"],
                    "sentence": e.get("sentence"), "lost_sentence": lost.get("sentence"), "url": r["url"]})
    if lit:
        lit.sort(key=lambda r: -float(r["cases"]))
        base = alt.Chart(alt.Data(values=lit)).encode(
            y=alt.Y("county:N", title=None, sort=[str(r["county"]) for r in lit]),
            tooltip=["county:N", "province:N", "cases:Q", "lost:Q", "loss_rate_pct:Q", "sentence:N",
                     "lost_sentence:N", "url:N"],
            href="url:N")
        ch = alt.layer(
            base.mark_bar(color="#90caf9").encode(x=alt.X("cases:Q", title="administrative litigation cases")),
            base.mark_bar(color="#c62828", height=6).encode(x="lost:Q"),
        ).properties(width=width // 1.5, height={"step": 16})
        specs.append(("chart-litigation",
                      f"Administrative litigation cases in {d['focus_year']} (red: cases lost)", ch.to_dict()))
    rates = [{"county": r["county"], "report_year": r["report_year"],
              "loss_rate_pct": r["litigation_loss_rate_pct"], "appearance_pct": r["head_court_appearance_rate_pct"],
              "url": r["url"]}
             for r in d["disputes"] if r["litigation_loss_rate_pct"] is not None
             and r["head_court_appearance_rate_pct"] is not None]
    if rates:
        ch = alt.Chart(alt.Data(values=rates)).mark_circle(size=80, opacity=0.8).encode(
            x=alt.X("appearance_pct:Q", title="head-of-organ court appearance rate (%)",
                    scale=alt.Scale(zero=False)),
            y=alt.Y("loss_rate_pct:Q", title="litigation loss rate (%)"),
            color=alt.Color("report_year:O", title="year"),
            tooltip=["county:N", "report_year:O", "appearance_pct:Q", "loss_rate_pct:Q", "url:N"],
            href="url:N",
        ).properties(width=width // 1.5, height=300)
        specs.append(("chart-rates", "Loss rate against the heads' court appearance rate (one dot per report)",
                      ch.to_dict()))
    tim = _jsonable(d["timeliness"], ["county", "province", "report_year", "published_date", "deadline_date",
                                      "days_from_deadline", "days_late", "is_on_time", "title", "url",
                                      "mandated_parts_count"])
    tim = [t for t in tim if t["days_from_deadline"] is not None]
    if tim:
        pts = alt.Chart(alt.Data(values=tim)).mark_circle(size=60, opacity=0.75).encode(
            x=alt.X("report_year:O", title="report year"),
            y=alt.Y("days_from_deadline:Q", title="days after the deadline (31 March; negative = early)"),
            color=alt.Color("is_on_time:N", title="on time",
                            scale=alt.Scale(domain=[True, False], range=["#2e7d32", "#e53935"])),
            xOffset=alt.XOffset("jitter:Q"),
            tooltip=["county:N", "report_year:O", "published_date:N", "deadline_date:N", "days_late:Q",
                     "mandated_parts_count:Q", "title:N", "url:N"],
            href="url:N",
        ).transform_calculate(jitter="random()")
        rule = alt.Chart(alt.Data(values=[{"y": 0}])).mark_rule(color="#555", strokeDash=[4, 3]).encode(y="y:Q")
        ch = alt.layer(pts, rule).properties(width=width // 1.5, height=300)
        specs.append(("chart-timeliness", "Publication date against the deadline", ch.to_dict()))
    return specs


# ------------------------------------------------------------------------------------------- page

CSS = """
body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:24px;color:#222}
h1{font-size:22px}h2{font-size:18px;margin-top:32px;border-bottom:1px solid #ddd}
.meta{color:#555}.code{color:#888;font-size:10px;font-family:monospace}
.scroll{overflow-x:auto;max-height:640px;overflow-y:auto;border:1px solid #eee}
table{border-collapse:collapse;font-size:12px}th,td{border:1px solid #e3e3e3;padding:2px 6px;white-space:nowrap}
thead th{position:sticky;top:0;background:#f5f5f5;z-index:1}td.num{text-align:right}
td.na{background:#fafafa}a{color:#1565c0;text-decoration:none}a:hover{text-decoration:underline}
td.late{color:#c62828;font-weight:bold}td.part.no{color:#c62828}td.part.yes{color:#2e7d32}
td.st{text-align:center}td.st-loaded a{color:#2e7d32}td.st-missing{color:#e53935}
td.st-portal_failed{color:#fb8c00}td.st-withdrawn a{color:#8e24aa}
.chart{margin:12px 0 24px}.caption{font-weight:bold;margin-bottom:4px}#js-errors{color:#c62828}
"""

ERROR_HOOK = """
(function(){var errs=[];function note(m){errs.push(String(m));var el=document.getElementById('js-errors');
if(el){el.textContent=errs.join('\\n');}document.body&&document.body.setAttribute('data-js-errors',String(errs.length));}
window.addEventListener('error',function(e){note(e.message||e);});
window.addEventListener('unhandledrejection',function(e){note(e.reason);});
var ce=console.error;console.error=function(){note(Array.prototype.join.call(arguments,' '));ce.apply(console,arguments);};
})();
"""


def _script_json(obj: Any) -> str:
    """JSON safe inside a <script> element."""
    return json.dumps(obj, ensure_ascii=False).replace("</", "<\\/").replace("<!--", "<\\!--")


@functools.lru_cache(maxsize=1)
def _js_bundle() -> str:
    import vl_convert as vlc

    vl_version = alt.SCHEMA_VERSION.lstrip("v").rsplit(".", 1)[0]  # v6.4.1 -> 6.4
    return str(vlc.javascript_bundle(vl_version=vl_version))


def render_report(d: Mapping[str, Any], *, province: str | None, year: int | None,
                  db_label: str, js_bundle: Callable[[], str] = _js_bundle) -> tuple[str, int, int]:
    """The page as a string, the number of charts and of tables."""
    specs = chart_specs(d)
    scope = " · ".join(x for x in (province or "all provinces", f"report year {year}" if year else "all years") if x)
    sections = [
        ("indicator-matrix", f"Indicator matrix, report year {d['focus_year']}",
         "One row per county, one column per indicator code (values picked by the rule of core_indicator_values: "
         "the first exact mention). ≈ = approximate. Hover a number for its sentence; click it for the report.",
         matrix_table(d)),
        ("admin-disputes", "Administrative disputes", "Reconsideration and litigation per county and year "
         "(mart_admin_disputes). Rates not stated by a report are computed and say so in their tooltip.",
         disputes_table(d)),
        ("timeliness", "Timeliness and completeness", "Publication date against the deadline (31 March of the "
         "following year) and the five mandated parts found among the level-1 sections (mart_report_timeliness).",
         timeliness_table(d)),
        ("coverage", "Coverage", "Every registry county × year (mart_coverage): ● loaded, — missing, "
         "! portal failed, ✕ withdrawn, ? not crawled.", coverage_table(d)),
        ("year-over-year", f"Year over year, {d['focus_year']} against the year before",
         "mart_indicator_changes, largest relative changes first.", changes_table(d)),
    ]
    charts_html = "\n".join(
        f"<div class='chart'><div class='caption'>{html.escape(cap)}</div><div id='{cid}' class='vega'></div></div>"
        for cid, cap, _s in specs)
    embed = _script_json([[f"#{cid}", spec] for cid, _c, spec in specs])
    toc = " · ".join(f"<a href='#{sid}'>{html.escape(title)}</a>" for sid, title, _i, _t in sections)
    body = "\n".join(f"<h2 id='{sid}'>{html.escape(title)}</h2><p class='meta'>{html.escape(intro)}</p>\n{table}"
                     for sid, title, intro, table in sections)
    generated = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
    page = f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:">
<title>法治政府建设年度报告 — county comparison ({html.escape(scope)})</title>
<style>{CSS}</style>
<script>{ERROR_HOOK}</script>
</head><body data-charts-expected="{len(specs)}" data-charts-rendered="0" data-js-errors="0">
<h1>法治政府建设年度报告 — county comparison</h1>
<p class="meta">{html.escape(scope)} · {d['counties_total']} counties · {d['reports_total']} reports loaded ·
years {', '.join(str(y) for y in d['years'])} · warehouse {html.escape(db_label)} · generated {generated}</p>
<p>{toc}</p>
<pre id="js-errors"></pre>
<h2 id="charts">Charts</h2>
{charts_html or "<p class='meta'>no data to chart for this selection</p>"}
{body}
<script>{js_bundle()}</script>
<script>
(function(){{
  var charts = {embed};
  var done = charts.map(function(c){{
    return vegaEmbed(c[0], c[1], {{renderer: 'svg', actions: false}});
  }});
  Promise.all(done).then(function(){{
    document.body.setAttribute('data-charts-rendered', String(charts.length));
  }}).catch(function(e){{ console.error('chart failed: ' + e); }});
}})();
</script>
</body></html>
"""
    return page, len(specs), len(sections)


def build_report(db_path: str | Path, out: str | Path, *, province: str | None = None, year: int | None = None,
                 wait_s: float = DEFAULT_WAIT_S) -> ReportSummary:
    """Write the comparison page for the warehouse (optionally one province and/or one report year)."""
    con = open_readonly(db_path, wait_s=wait_s)
    try:
        d = load_data(con, province, year)
    finally:
        con.close()
    page, n_charts, n_tables = render_report(d, province=province, year=year, db_label=Path(db_path).name)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, encoding="utf-8")
    return ReportSummary(out, n_charts, n_tables, d["counties_total"], d["reports_total"], tuple(d["years"]),
                         len(page.encode("utf-8")))
