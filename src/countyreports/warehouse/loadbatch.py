"""One load transaction, as rows: what the crawl (or re-parse) of a few counties gives, turned into the rows
of each table before the writer runs ONE statement per table for the whole batch (pure Python, no DuckDB).

A statement costs far more than its few rows (a county has ~5 reports, ~12 fetches, ~12 pages), so the writer
(`warehouse.Warehouse.load_counties`) reads what it needs to know about the batch's reports in two queries,
lets `LoadBatch.add` decide per county, and then flushes every table once. Within a batch the counties are
applied in order, so the outcome is the one of loading them one after the other (a key written twice keeps
the later row, merged the way the table's upsert merges).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from countyreports.models import CountyLoad, Report
from countyreports.reading.passages import passages


def naive_utc(ts: dt.datetime) -> dt.datetime:
    """Timestamps are stored as naive UTC (TIMESTAMP without time zone)."""
    return ts.astimezone(dt.UTC).replace(tzinfo=None) if ts.tzinfo else ts


@dataclass(frozen=True, slots=True)
class LoadStats:
    new_reports: int = 0
    new_versions: int = 0
    unchanged: int = 0
    withdrawn: int = 0


@dataclass(frozen=True, slots=True)
class Known:
    """What the warehouse holds of a report before the batch (table `reports`)."""

    version: int
    content_sha256: str
    duplicates: tuple[str, ...]
    parse_sha256: str | None
    adcode: str
    active: bool


Row = dict[str, Any] | tuple[Any, ...]  # by column name, or a tuple in the table's column order


@dataclass
class LoadBatch:
    """The rows of one load transaction. `known`: the batch's reports (and, for counties whose column was
    read whole, every active report of the county) as the warehouse holds them; `first_seen`: when a known
    report was first fetched."""

    known: dict[str, Known]
    first_seen: dict[str, dt.datetime]
    inserts: dict[str, list[Row]] = field(default_factory=dict)  # append-only tables
    replaced_reports: list[str] = field(default_factory=list)  # report rows deleted before `reports` inserts
    replaces: list[tuple[Report, int]] = field(default_factory=list)  # re-parse: rewrite in place
    unchanged: list[dict[str, Any]] = field(default_factory=list)  # same text again: dates, URL and reposts move
    seen: dict[str, dt.datetime] = field(default_factory=dict)  # confirmed on the portal (304, listed)
    withdrawn: list[str] = field(default_factory=list)
    refolded: list[tuple[str, int]] = field(default_factory=list)  # re-parse, text changed: search rows replaced
    upserts: dict[str, dict[Any, dict[str, Any]]] = field(default_factory=dict)  # keyed: the later row wins

    def add(self, load: CountyLoad) -> LoadStats:
        stats = self._reports(load)
        self._fetches(load)
        self._state(load)
        self._upsert("county_runs", (load.run_id, load.adcode), {
            "run_id": load.run_id, "adcode": load.adcode, "county": load.county, "outcome": load.outcome,
            "error": load.error, "column_url": load.column_url,
            "reports_found": len(load.reports) + load.reparse_same,
            "new_reports": stats.new_reports, "new_versions": stats.new_versions,
            "requests": len(load.fetches), "pages_parsed": load.pages_parsed, "warnings": list(load.warnings),
            "started_at": load.started_at, "finished_at": load.finished_at,
            "search_tried": list(load.search_tried) or None})
        return stats

    # -- reports --------------------------------------------------------------------------------------------
    def _reports(self, load: CountyLoad) -> LoadStats:
        """A new report is version 1; a changed cleaned text makes a new version (the old one stays in
        report_versions with its sections and indicators); an unchanged one only moves its dates, URL and
        reposts. A re-parse rebuilds the current version's rows in place: the archived bytes are the same
        publication (the pipeline leaves out the reports whose parse is the stored one); a report it does not
        hold yet (read from a page whose reading had failed) is new, as in a crawl."""
        new_reports = new_versions = unchanged = 0
        for rep in load.reports:
            known = self.known.get(rep.report_id)
            if load.reparse and known is not None:
                unchanged += known.content_sha256 == rep.content_sha256
                self.replaces.append((rep, known.version))
                self._derived(rep, known.version)
                if known.content_sha256 != rep.content_sha256:  # the search rows follow the text only
                    self.refolded.append((rep.report_id, known.version))
                    self._sentences(rep, known.version)
                continue
            now = rep.fetched_at
            # reposts found by an earlier crawl stay listed (this crawl may not have passed by them)
            dups = [u for u in dict.fromkeys([*(known.duplicates if known else ()), *rep.duplicates])
                    if u != rep.url and u not in rep.pages]
            if known is not None and known.content_sha256 == rep.content_sha256:
                unchanged += 1
                self.unchanged.append({"report_id": rep.report_id, "seen": now, "url": rep.url,
                                       "pages": list(rep.pages), "duplicates": dups})
                self.known[rep.report_id] = Known(known.version, known.content_sha256, tuple(dups),
                                                  known.parse_sha256, known.adcode, True)
                continue
            version = 1 if known is None else known.version + 1
            new_reports += known is None
            new_versions += known is not None
            p = rep.parsed
            self.replaced_reports.append(rep.report_id)
            self._insert("reports", {
                "report_id": rep.report_id, "adcode": rep.county.adcode, "county": rep.county.county,
                "province": rep.county.province, "prefecture": rep.county.prefecture,
                "report_year": p.report_year, "title": p.title, "url": rep.url, "published_date": p.published,
                "issuer": p.issuer, "version": version, "content_sha256": rep.content_sha256,
                "clean_text": p.clean_text, "signed_date": p.signed_date, "noise": list(p.noise),
                "fetched_at": now, "status": "active", "first_seen": self.first_seen.get(rep.report_id) or now,
                "last_seen": now, "withdrawn_at": None, "pages": list(rep.pages), "attachment": rep.attachment,
                "duplicates": dups, "raw_sha256": list(rep.raw_sha256), "encoding": p.encoding,
                "site_id_code": p.site_id_code, "source": p.source, "parse_sha256": rep.parse_sha256,
                "text_source": p.text_source, "read_state": p.read_state, "read_reason": p.read_reason,
                "ocr_confidence": p.ocr_confidence, "images": list(rep.images)})
            self._insert("report_versions", {
                "report_id": rep.report_id, "version": version, "content_sha256": rep.content_sha256,
                "title": p.title, "url": rep.url, "published_date": p.published, "clean_text": p.clean_text,
                "noise": list(p.noise), "fetched_at": now, "run_id": load.run_id})
            self.known[rep.report_id] = Known(version, rep.content_sha256, tuple(dups), rep.parse_sha256,
                                              rep.county.adcode, True)
            self._derived(rep, version)
            self._sentences(rep, version)
        if load.reparse:
            return LoadStats(new_reports, new_versions, unchanged + load.reparse_same, 0)
        loaded = {r.report_id for r in load.reports}
        for rid in load.seen_report_ids - loaded:  # confirmed on the portal (304, same bytes, listed): seen now
            if rid in self.known and self.known[rid].active:
                self.seen[rid] = max(self.seen.get(rid, load.finished_at), load.finished_at)
        withdrawn = 0
        if load.present_report_ids is not None and load.outcome == "ok":
            gone = sorted(rid for rid, k in self.known.items()
                          if k.adcode == load.adcode and k.active and rid not in load.present_report_ids)
            for rid in gone:  # withdrawn_at: the last time the report was seen on the portal
                k = self.known[rid]
                self.known[rid] = Known(k.version, k.content_sha256, k.duplicates, k.parse_sha256, k.adcode, False)
                self.withdrawn.append(rid)
            withdrawn = len(gone)
        return LoadStats(new_reports, new_versions, unchanged, withdrawn)

    def _derived(self, rep: Report, version: int) -> None:
        """Sections, indicators and mentions of one report version, as rows: tuples in the tables' column
        order (sql/tables/tables.sql) — most of a load's rows, turned into columns at once by the writer."""
        p, rid = rep.parsed, rep.report_id
        self.inserts.setdefault("sections", []).extend(
            (rid, version, i, s.path, s.level, str(s.kind) if s.kind else None,
             str(s.secondary_kind) if s.secondary_kind else None, s.title, s.text, s.char_start, s.char_end)
            for i, s in enumerate(p.sections))
        self.inserts.setdefault("indicators", []).extend(
            (rid, version, i, x.code, float(x.value), x.unit, x.approx,
             None if x.from_value is None else float(x.from_value), x.section_path, x.surface, x.sentence,
             x.char_start, x.char_end, x.value_kind, list(x.cues),
             p.page_at(x.char_start))
            for i, x in enumerate(p.indicators))
        self.inserts.setdefault("mentions", []).extend(
            (rid, version, i, float(m.value), m.measure, m.unit, m.approx,
             None if m.from_value is None else float(m.from_value), m.before, m.surface, m.sentence,
             m.section_path, m.char_start, m.char_end, m.code, m.value_kind)
            for i, m in enumerate(p.mentions))

    def _sentences(self, rep: Report, version: int) -> None:
        """The version's sentences with their search fold (table search_sentences), in its column order."""
        rid, text = rep.report_id, rep.parsed.clean_text
        self.inserts.setdefault("search_sentences", []).extend(
            (rid, version, i, a, b, text[a:b], folded, mask) for i, (a, b, folded, mask) in enumerate(passages(text)))

    # -- fetches and crawl state ----------------------------------------------------------------------------
    def _fetches(self, load: CountyLoad) -> None:
        for adcode, f in load.fetches:
            fetched_at = naive_utc(f.fetched_at)
            self._insert("fetches", {
                "run_id": load.run_id, "adcode": adcode, "url": f.url, "final_url": f.final_url,
                "status": f.status, "bytes": len(f.body) if f.body is not None else f.size, "sha256": f.sha256,
                "content_type": f.header("content-type"), "etag": f.header("etag"),
                "last_modified": f.header("last-modified"), "not_modified": f.not_modified,
                "fetched_at": fetched_at, "elapsed_ms": f.elapsed_ms, "error": f.error})
            if f.status == 200 and f.sha256 and f.error is None:
                for url in dict.fromkeys((f.url, f.final_url)):
                    self._upsert("http_cache", url, {
                        "url": url, "etag": f.header("etag"), "last_modified": f.header("last-modified"),
                        "sha256": f.sha256, "content_type": f.header("content-type"), "fetched_at": fetched_at})

    def _state(self, load: CountyLoad) -> None:
        now = load.finished_at
        if load.column_url:
            # found_at: kept from the stored row (the writer's upsert); last_ok stays NULL while the column's
            # list could not be read whole: the next run walks it again
            self._upsert("columns", load.adcode, {
                "adcode": load.adcode, "column_url": load.column_url, "hosts": list(load.column_hosts),
                "found_at": now, "last_ok": now if load.list_complete else None})
        if load.searched:
            self._upsert("column_searches", load.adcode, {
                "adcode": load.adcode, "searched_at": now, "found": load.column_url is not None,
                "column_url": load.column_url, "tried": list(load.search_tried)})
        pages = self.upserts.setdefault("pages", {})
        for p in load.pages:
            row = {"url": p.url, "adcode": p.adcode, "kind": p.kind, "title": p.title, "report_id": p.report_id,
                   "content_sha256": p.content_sha256, "first_seen": now, "last_seen": now,
                   "last_checked": p.last_checked, "error": p.error}
            old = pages.get(p.url)
            if old is not None:  # the same page twice in one batch: merged as the upsert merges
                row["adcode"], row["first_seen"] = old["adcode"], old["first_seen"]
                row["content_sha256"] = row["content_sha256"] or old["content_sha256"]
                row["last_checked"] = row["last_checked"] or old["last_checked"]
            pages[p.url] = row

    # -- helpers --------------------------------------------------------------------------------------------
    def _insert(self, table: str, row: Row) -> None:
        self.inserts.setdefault(table, []).append(row)

    def _upsert(self, table: str, key: Any, row: dict[str, Any]) -> None:
        by_key = self.upserts.setdefault(table, {})
        by_key.pop(key, None)  # re-inserted: the later row, in load order
        by_key[key] = row
