"""The tables of the HTML report (countyreports.warehouse.report): numbers formatted, each linked to its report
with the sentence that states it as tooltip."""

from __future__ import annotations

import html
import urllib.parse
from collections.abc import Iterable, Mapping
from typing import Any

Row = dict[str, Any]

STATUS_COLOURS = {  # coverage_status -> colour
    "loaded": "#2e7d32", "withdrawn": "#8e24aa", "missing": "#e53935", "portal_failed": "#fb8c00",
    "not_crawled": "#9e9e9e",
}
STATUS_MARK = {"loaded": "●", "withdrawn": "✕", "missing": "—", "portal_failed": "!", "not_crawled": "?"}
PARTS = ("measures_results", "leader_duties", "court_judgments", "shortcomings", "next_year_plan")
PART_LABELS = {"measures_results": "举措成效", "leader_duties": "第一责任人", "court_judgments": "诉讼复议",
               "shortcomings": "不足", "next_year_plan": "下年安排"}



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




SOURCE_LABELS = {"html": "网页", "docx": ".docx", "pdf-text": "PDF（文字层）", "doc": ".doc/.wps（LibreOffice 转换）",
                 "ocr": "扫描件（OCR）", "text": "文本"}


def sources_table(d: Mapping[str, Any]) -> str:
    """Reports by where their text was read from and whether it could be read; the unread ones linked."""
    rows = []
    for r in d["sources"]:
        unread = ", ".join(
            f"<a href='{html.escape(u or '', quote=True)}' title='{html.escape(why or '', quote=True)}'>"
            f"{html.escape(rid)}</a>"
            for rid, u, why in zip(r["unread"] or [], r["unread_urls"] or [], r["reasons"] or [], strict=False))
        conf = "" if r["mean_ocr_confidence"] is None else f"{r['mean_ocr_confidence']:.3f}"
        rows.append(f"<tr><td>{html.escape(SOURCE_LABELS.get(r['text_source'], r['text_source']))}"
                    f"<br><span class='code'>{html.escape(r['text_source'])}</span></td>"
                    f"<td>{html.escape(r['read_state'])}</td><td class='num'>{r['reports']}</td>"
                    f"<td class='num'>{conf}</td><td>{unread}</td></tr>")
    head = _th("来源", "状态", "报告数", "OCR 平均置信度", "未能读取的报告")
    return _table("text-sources", head, rows)
