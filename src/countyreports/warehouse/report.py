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
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import altair as alt

from countyreports.warehouse.reader import DEFAULT_WAIT_S, fetch_table, open_readonly
from countyreports.warehouse.report_charts import chart_specs
from countyreports.warehouse.report_tables import (
    Row, changes_table, coverage_table, disputes_table,
    matrix_table, sources_table, timeliness_table,
)

__all__ = ["ReportSummary", "build_report", "render_report"]

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
    d["sources"] = _rows(con, f"""
        SELECT text_source, read_state, count(*) AS reports, round(avg(ocr_confidence), 4) AS mean_ocr_confidence,
               list(report_id ORDER BY report_id) FILTER (WHERE NOT is_text_read) AS unread,
               list(url ORDER BY report_id) FILTER (WHERE NOT is_text_read) AS unread_urls,
               list(read_reason ORDER BY report_id) FILTER (WHERE NOT is_text_read) AS reasons
        FROM core_reports WHERE is_active AND {w} GROUP BY text_source, read_state
        ORDER BY read_state <> 'ok' DESC, reports DESC""", p)
    d["counties_total"] = len({r["adcode"] for r in d["coverage"]})
    d["reports_total"] = sum(1 for r in d["coverage"] if r["coverage_status"] == "loaded")
    return d


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
        ("text-sources", "Where the text was read from", "Reports by source (html page, .docx, a PDF's text layer, "
         "a legacy Word file converted by LibreOffice, OCR of scans) and whether it could be read "
         "(core_reports: text_source, read_state). Numbers read by OCR may carry recognition errors: their page "
         "is in compare_indicators.ocr_page.", sources_table(d)),
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
