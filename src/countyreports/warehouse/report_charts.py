"""The charts of the HTML report (countyreports.warehouse.report): Vega-Lite specs with their data inlined."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import altair as alt

from countyreports.warehouse.report_tables import STATUS_COLOURS, Row


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


