"""The warehouse writer: the only module that writes DuckDB.

One process writes at a time (DuckDB holds a file lock), so the pipeline keeps its write windows short: each
county's results are staged in memory and loaded in ONE transaction (`load_county`). A crash (even kill -9)
mid-load rolls the county back; re-running the harvest then yields the same warehouse as an uninterrupted
run, because loading is idempotent (a report whose cleaned text hash is unchanged is not written again).

Rows are inserted from Arrow tables (never row by row), scanned by name (no view registered per insert).
Views in ``sql/`` are (re)created by `apply_views`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from countyreports.errors import WarehouseBusy
from countyreports.models import Fetched, Report

SQL_DIR = Path(__file__).resolve().parents[2] / "sql"
VIEW_LAYERS = ("staging", "core", "marts")


def naive_utc(ts: dt.datetime) -> dt.datetime:
    """Timestamps are stored as naive UTC (TIMESTAMP without time zone)."""
    return ts.astimezone(dt.UTC).replace(tzinfo=None) if ts.tzinfo else ts


def sql_files(layer: str, sql_dir: Path = SQL_DIR) -> list[Path]:
    """The .sql files of one layer, in the order they are applied (file name order)."""
    return sorted((sql_dir / layer).glob("*.sql"))


@dataclass(frozen=True, slots=True)
class PageState:
    """Crawl state of one article page (table `pages`)."""

    url: str
    adcode: str
    kind: str
    title: str
    report_id: str | None
    content_sha256: str | None
    last_checked: dt.datetime | None = None  # when the page was last requested (None: not this run)


@dataclass(frozen=True, slots=True)
class CountyLoad:
    """Everything one county's crawl produced, loaded in one transaction."""

    run_id: str
    adcode: str
    county: str
    outcome: str  # ok | empty | failed | skipped
    error: str | None
    column_url: str | None
    column_hosts: tuple[str, ...]
    reports: tuple[Report, ...]
    fetches: tuple[tuple[str, Fetched], ...]  # (adcode, exchange)
    pages: tuple[PageState, ...]
    present_report_ids: frozenset[str] | None  # report_ids listed on the column now; None = unknown
    pages_parsed: int
    warnings: tuple[str, ...]
    started_at: dt.datetime
    finished_at: dt.datetime
    list_complete: bool = True  # False: a list page could not be read (the next run walks the list again)
    seen_report_ids: frozenset[str] = frozenset()  # reports confirmed on the portal by this crawl
    reparse: bool = False  # rebuilt from the archive: replace derived rows in place, touch no crawl dates


@dataclass(frozen=True, slots=True)
class LoadStats:
    new_reports: int = 0
    new_versions: int = 0
    unchanged: int = 0
    withdrawn: int = 0


def _connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(db_path))
    except duckdb.IOException as exc:  # the file lock of another process
        raise WarehouseBusy(
            f"the warehouse {db_path} is in use by another process ({exc}); wait for it to finish"
        ) from exc


class Warehouse:
    """A writer connection to the warehouse file. Use as a context manager."""

    def __init__(self, db_path: Path | str, sql_dir: Path = SQL_DIR) -> None:
        self.db_path = Path(db_path)
        self.sql_dir = sql_dir
        self.con = _connect(self.db_path)
        # The writer runs many small statements (a few rows each, one transaction per county): DuckDB's thread
        # pool only adds scheduling to them (bench/: ~2x faster loads on 2 cores with one thread).
        self.con.execute("SET threads = 1")
        self._schemas: dict[str, pa.Schema] = {}
        # rows of insert-only tables held back while a batch of counties loads, inserted once per table
        self._deferred: dict[str, list[dict[str, Any]]] | None = None
        self._deferred_upserts: dict[str, dict[Any, dict[str, Any]]] = {}
        self._deferred_replaces: list[tuple[Report, int]] = []
        self.con.execute((sql_dir / "tables" / "tables.sql").read_text(encoding="utf-8"))
        self.apply_views()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------------------
    def apply_views(self) -> None:
        """(Re)create every view, layer by layer (staging → core → marts)."""
        for layer in VIEW_LAYERS:
            for path in sql_files(layer, self.sql_dir):
                self.con.execute(path.read_text(encoding="utf-8"))

    # -- runs -----------------------------------------------------------------------------------------------
    def start_run(self, run_id: str, kind: str, started_at: dt.datetime, params: dict[str, Any],
                  registry_errors: Sequence[str]) -> None:
        self.con.execute(
            "INSERT INTO runs (run_id, kind, started_at, registry_errors, params) VALUES (?, ?, ?, ?, ?)",
            [run_id, kind, started_at, list(registry_errors), json.dumps(params, ensure_ascii=False)],
        )

    def finish_run(self, run_id: str, finished_at: dt.datetime, counters: dict[str, int]) -> None:
        cols = ", ".join(f"{k} = ?" for k in counters)
        self.con.execute(
            f"UPDATE runs SET finished_at = ?, {cols} WHERE run_id = ?",
            [finished_at, *counters.values(), run_id],
        )

    # -- crawl state (read by the pipeline before crawling) -----------------------------------------------
    def all_crawl_states(self) -> dict[str, dict[str, Any]]:
        """adcode → what earlier runs know: its report column, its hosts and its article pages."""
        states: dict[str, dict[str, Any]] = {}
        for adcode, url, hosts, last_ok in self.con.execute(
                "SELECT adcode, column_url, hosts, last_ok FROM columns").fetchall():
            states[adcode] = {"column_url": url, "column_hosts": tuple(hosts or ()), "pages": {},
                              "column_ok": last_ok is not None}
        for row in self.con.execute(
                "SELECT url, adcode, kind, title, report_id, content_sha256, last_checked FROM pages"
        ).fetchall():
            st = states.setdefault(row[1], {"column_url": None, "column_hosts": (), "pages": {}})
            st["pages"][row[0]] = PageState(*row)
        return states

    def all_validators(self) -> dict[str, tuple[str | None, str | None, str | None]]:
        """url → (etag, last_modified, sha256) of its last 200 answer."""
        rows = self.con.execute("SELECT url, etag, last_modified, sha256 FROM http_cache").fetchall()
        return {r[0]: (r[1], r[2], r[3]) for r in rows}

    def fresh_robots(self, max_age: dt.timedelta) -> list[tuple[str, int, bytes | None, dt.datetime]]:
        """robots.txt answers younger than `max_age` (origin, status, body, fetched_at)."""
        cutoff = dt.datetime.now(dt.UTC).replace(tzinfo=None) - max_age
        return [(r[0], int(r[1]), r[2], r[3]) for r in self.con.execute(
            "SELECT origin, status, body, fetched_at FROM robots WHERE fetched_at >= ?", [cutoff]).fetchall()]

    def save_robots(self, rows: Sequence[tuple[str, int, bytes | None, dt.datetime]]) -> None:
        for origin, status, body, fetched_at in rows:
            self.con.execute("INSERT OR REPLACE INTO robots VALUES (?, ?, ?, ?)",
                             [origin, status, body, naive_utc(fetched_at)])

    def report_sources(self, adcodes: Sequence[str], years: Sequence[int] | None = None
                       ) -> list[tuple[str, str, list[str], list[str], str | None]]:
        """For re-parsing from the archive: (report_id, adcode, pages, raw_sha256, attachment) per report."""
        sql = ("SELECT report_id, adcode, pages, raw_sha256, attachment FROM reports "
               "WHERE status = 'active' AND list_contains(?, adcode)")
        params: list[Any] = [list(adcodes)]
        if years is not None:
            sql += " AND list_contains(?, report_year)"
            params.append(list(years))
        return [(r[0], r[1], list(r[2] or []), list(r[3] or []), r[4])
                for r in self.con.execute(sql + " ORDER BY report_id", params).fetchall()]

    def content_types(self, shas: Sequence[str]) -> dict[str, str | None]:
        rows = self.con.execute(
            "SELECT sha256, any_value(content_type) FROM fetches WHERE list_contains(?, sha256) GROUP BY 1",
            [list(shas)]).fetchall()
        return {r[0]: r[1] for r in rows}

    def known_sha(self, report_id: str) -> tuple[int, str] | None:
        row = self.con.execute(
            "SELECT version, content_sha256 FROM reports WHERE report_id = ?", [report_id]).fetchone()
        return (int(row[0]), str(row[1])) if row else None

    # -- the load -------------------------------------------------------------------------------------------
    def load_county(self, load: CountyLoad) -> LoadStats:
        """Load one county's results in one transaction (all or nothing)."""
        return self.load_counties([load])[0]

    def load_counties(self, loads: Sequence[CountyLoad]) -> list[LoadStats]:
        """Load the results of the counties ready now in one transaction (all or nothing): one commit (a WAL
        sync) for all of them, so a writer that falls behind the crawl catches up by loading bigger batches."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        self._deferred, self._deferred_upserts, self._deferred_replaces = {}, {}, []
        try:
            stats = [self._load_one(load) for load in loads]
            deferred, upserts, replaces = self._deferred, self._deferred_upserts, self._deferred_replaces
            self._deferred, self._deferred_upserts, self._deferred_replaces = None, {}, []
            if replaces:  # before the inserts: they add the re-parsed rows the deletes make room for
                self._replace_current_many(replaces)
            for table, rows in deferred.items():
                self._insert(table, rows)
            for table, by_key in upserts.items():
                self._upsert(table, list(by_key.values()), key="")
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        finally:
            self._deferred, self._deferred_upserts, self._deferred_replaces = None, {}, []
        return stats

    def _load_one(self, load: CountyLoad) -> LoadStats:
        stats = self._load_reports(load)
        self._load_fetches(load)
        self._load_state(load)
        self.con.execute(
            "INSERT OR REPLACE INTO county_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [load.run_id, load.adcode, load.county, load.outcome, load.error, load.column_url,
             len(load.reports), stats.new_reports, stats.new_versions, len(load.fetches),
             load.pages_parsed, list(load.warnings), load.started_at, load.finished_at],
        )
        return stats

    def _load_reports(self, load: CountyLoad) -> LoadStats:
        """Reports of one county: a new report is version 1; a changed cleaned text makes a new version (the
        old one stays in report_versions with its sections and indicators); an unchanged one only moves its
        dates, URL and duplicates. A re-parse (`load.reparse`) rebuilds the current version's rows in place:
        the archived bytes are the same publication, only our reading of them changed."""
        con = self.con
        new_reports = new_versions = unchanged = withdrawn = 0
        derived: dict[str, list[dict[str, Any]]] = {"sections": [], "indicators": [], "mentions": []}
        versions: list[dict[str, Any]] = []
        report_rows: list[dict[str, Any]] = []
        ids = [r.report_id for r in load.reports]
        rows = con.execute(
            "SELECT report_id, version, content_sha256, duplicates FROM reports WHERE list_contains(?, report_id)",
            [ids]).fetchall() if ids else []
        known_all = {r[0]: (int(r[1]), str(r[2])) for r in rows}
        # reposts found by an earlier crawl stay listed (this crawl may not have passed by them)
        old_dups = {r[0]: list(r[3] or []) for r in rows}
        first_seen = dict(con.execute(
            "SELECT report_id, min(fetched_at) FROM report_versions WHERE list_contains(?, report_id) "
            "GROUP BY 1", [ids]).fetchall()) if ids else {}
        for rep in load.reports:
            known = known_all.get(rep.report_id)
            now = rep.fetched_at
            dups = [u for u in dict.fromkeys([*old_dups.get(rep.report_id, []), *rep.duplicates])
                    if u != rep.url and u not in rep.pages]
            if load.reparse:
                if known is None:
                    continue  # re-parse only rebuilds reports the warehouse holds
                version = known[0]  # same publication: no new version, our reading of it is replaced
                unchanged += known[1] == rep.content_sha256
                self._replace_current(rep, version)
                self._derived_rows(rep, version, derived)
                continue
            if known is not None and known[1] == rep.content_sha256:
                unchanged += 1
                con.execute(
                    "UPDATE reports SET last_seen = greatest(last_seen, ?), status = 'active', "
                    "withdrawn_at = NULL, url = ?, pages = ?, duplicates = ? WHERE report_id = ?",
                    [now, rep.url, list(rep.pages), dups, rep.report_id])
                continue
            version = 1 if known is None else known[0] + 1
            if known is None:
                new_reports += 1
            else:
                new_versions += 1
            p = rep.parsed
            report_rows.append({
                "report_id": rep.report_id, "adcode": rep.county.adcode, "county": rep.county.county,
                "province": rep.county.province, "prefecture": rep.county.prefecture,
                "report_year": p.report_year, "title": p.title, "url": rep.url, "published_date": p.published,
                "issuer": p.issuer, "version": version, "content_sha256": rep.content_sha256,
                "clean_text": p.clean_text, "signed_date": p.signed_date, "noise": list(p.noise),
                "fetched_at": now, "status": "active", "first_seen": first_seen.get(rep.report_id) or now,
                "last_seen": now, "withdrawn_at": None, "pages": list(rep.pages), "attachment": rep.attachment,
                "duplicates": dups, "raw_sha256": list(rep.raw_sha256), "encoding": p.encoding,
                "site_id_code": p.site_id_code, "source": p.source})
            versions.append({"report_id": rep.report_id, "version": version,
                             "content_sha256": rep.content_sha256, "title": p.title, "url": rep.url,
                             "published_date": p.published, "clean_text": p.clean_text,
                             "noise": list(p.noise), "fetched_at": now, "run_id": load.run_id})
            self._derived_rows(rep, version, derived)
        if report_rows:
            con.execute("DELETE FROM reports WHERE list_contains(?, report_id)",
                        [[r["report_id"] for r in report_rows]])
            self._insert("reports", report_rows)
        self._insert("report_versions", versions)
        for table, rows in derived.items():
            self._insert(table, rows)
        loaded = {r.report_id for r in load.reports}
        seen = sorted(load.seen_report_ids - loaded)
        if seen and not load.reparse:  # confirmed on the portal (304, same bytes, listed): seen now
            con.execute(
                "UPDATE reports SET last_seen = greatest(last_seen, ?) "
                "WHERE list_contains(?, report_id) AND status = 'active'", [load.finished_at, seen])
        if load.present_report_ids is not None and load.outcome == "ok" and not load.reparse:
            present = set(load.present_report_ids)
            rows = con.execute(
                "SELECT report_id FROM reports WHERE adcode = ? AND status = 'active'", [load.adcode]
            ).fetchall()
            gone = sorted(r[0] for r in rows if r[0] not in present)
            for rid in gone:  # withdrawn_at: the last time the report was seen on the portal
                con.execute(
                    "UPDATE reports SET status = 'withdrawn', withdrawn_at = last_seen WHERE report_id = ?",
                    [rid])
            withdrawn = len(gone)
        return LoadStats(new_reports, new_versions, unchanged, withdrawn)

    def _replace_current(self, rep: Report, version: int) -> None:
        """Re-parse: the current version's parsed fields and derived rows are replaced (dates kept)."""
        if self._deferred is not None:  # within load_counties: done for the whole batch at once
            self._deferred_replaces.append((rep, version))
            return
        p = rep.parsed
        for table in ("sections", "indicators", "mentions"):
            self.con.execute(f"DELETE FROM {table} WHERE report_id = ? AND version = ?",
                             [rep.report_id, version])
        self.con.execute(
            "UPDATE reports SET report_year = ?, title = ?, published_date = ?, issuer = ?, content_sha256 = ?, "
            "clean_text = ?, signed_date = ?, noise = ?, encoding = ?, site_id_code = ?, source = ? "
            "WHERE report_id = ?",
            [p.report_year, p.title, p.published, p.issuer, rep.content_sha256, p.clean_text, p.signed_date,
             list(p.noise), p.encoding, p.site_id_code, p.source, rep.report_id])
        self.con.execute(
            "UPDATE report_versions SET content_sha256 = ?, title = ?, published_date = ?, clean_text = ?, "
            "noise = ? WHERE report_id = ? AND version = ?",
            [rep.content_sha256, p.title, p.published, p.clean_text, list(p.noise), rep.report_id, version])

    def _replace_current_many(self, items: list[tuple[Report, int]]) -> None:
        """`_replace_current` for many reports: one statement per table."""
        _keys = pa.table({"report_id": [rep.report_id for rep, _v in items],  # noqa: F841 (scanned by name)
                          "version": pa.array([v for _rep, v in items], pa.int32())})
        for table in ("sections", "indicators", "mentions"):  # a hash join: one pass over each table
            self.con.execute(f"DELETE FROM {table} USING _keys AS k "
                             f"WHERE {table}.report_id = k.report_id AND {table}.version = k.version")
        _upd = pa.Table.from_pylist([  # noqa: F841 (scanned by name)
            {"report_id": rep.report_id, "version": version, "report_year": rep.parsed.report_year,
             "title": rep.parsed.title, "published_date": rep.parsed.published, "issuer": rep.parsed.issuer,
             "content_sha256": rep.content_sha256, "clean_text": rep.parsed.clean_text,
             "signed_date": rep.parsed.signed_date, "noise": list(rep.parsed.noise),
             "encoding": rep.parsed.encoding, "site_id_code": rep.parsed.site_id_code, "source": rep.parsed.source}
            for rep, version in items], schema=pa.schema([
                ("report_id", pa.string()), ("version", pa.int32()), ("report_year", pa.int32()),
                ("title", pa.string()), ("published_date", pa.date32()), ("issuer", pa.string()),
                ("content_sha256", pa.string()), ("clean_text", pa.string()), ("signed_date", pa.date32()),
                ("noise", pa.list_(pa.string())), ("encoding", pa.string()), ("site_id_code", pa.string()),
                ("source", pa.string())]))
        self.con.execute(
            "UPDATE reports SET report_year = u.report_year, title = u.title, published_date = u.published_date, "
            "issuer = u.issuer, content_sha256 = u.content_sha256, clean_text = u.clean_text, "
            "signed_date = u.signed_date, noise = u.noise, encoding = u.encoding, site_id_code = u.site_id_code, "
            "source = u.source FROM _upd AS u WHERE reports.report_id = u.report_id")
        self.con.execute(
            "UPDATE report_versions SET content_sha256 = u.content_sha256, title = u.title, "
            "published_date = u.published_date, clean_text = u.clean_text, noise = u.noise "
            "FROM _upd AS u WHERE report_versions.report_id = u.report_id AND report_versions.version = u.version")

    @staticmethod
    def _derived_rows(rep: Report, version: int, out: dict[str, list[dict[str, Any]]]) -> None:
        """Sections, indicators and mentions of one report version, as rows."""
        p = rep.parsed
        for i, s in enumerate(p.sections):
            out["sections"].append({"report_id": rep.report_id, "version": version, "ordinal": i,
                                    "path": s.path, "level": s.level,
                                    "kind": str(s.kind) if s.kind else None,
                                    "secondary_kind": str(s.secondary_kind) if s.secondary_kind else None,
                                    "title": s.title, "text": s.text, "char_start": s.char_start,
                                    "char_end": s.char_end})
        for i, ind in enumerate(p.indicators):
            out["indicators"].append({"report_id": rep.report_id, "version": version, "ordinal": i,
                                      "code": ind.code, "value": float(ind.value), "unit": ind.unit,
                                      "approx": ind.approx,
                                      "from_value": None if ind.from_value is None else float(ind.from_value),
                                      "section_path": ind.section_path, "surface": ind.surface,
                                      "sentence": ind.sentence, "char_start": ind.char_start,
                                      "char_end": ind.char_end})
        for i, m in enumerate(p.mentions):
            out["mentions"].append({"report_id": rep.report_id, "version": version, "ordinal": i,
                                    "value": float(m.value), "measure": m.measure, "unit": m.unit,
                                    "approx": m.approx,
                                    "from_value": None if m.from_value is None else float(m.from_value),
                                    "before": m.before, "surface": m.surface, "sentence": m.sentence,
                                    "section_path": m.section_path, "char_start": m.char_start,
                                    "char_end": m.char_end, "code": m.code})

    def _load_fetches(self, load: CountyLoad) -> None:
        rows = []
        for adcode, f in load.fetches:
            rows.append({"run_id": load.run_id, "adcode": adcode, "url": f.url, "final_url": f.final_url,
                         "status": f.status, "bytes": len(f.body) if f.body is not None else f.size,
                         "sha256": f.sha256, "content_type": f.header("content-type"),
                         "etag": f.header("etag"), "last_modified": f.header("last-modified"),
                         "not_modified": f.not_modified, "fetched_at": naive_utc(f.fetched_at),
                         "elapsed_ms": f.elapsed_ms, "error": f.error})
        self._insert("fetches", rows)
        cache = {}
        for _adcode, f in load.fetches:
            if f.status == 200 and f.sha256 and f.error is None:
                for url in {f.url, f.final_url}:
                    cache[url] = {"url": url, "etag": f.header("etag"),
                                  "last_modified": f.header("last-modified"), "sha256": f.sha256,
                                  "content_type": f.header("content-type"),
                                  "fetched_at": naive_utc(f.fetched_at)}
        if cache:
            self._upsert("http_cache", list(cache.values()), key="url")

    def _load_state(self, load: CountyLoad) -> None:
        now = load.finished_at
        if load.column_url:
            # last_ok stays NULL while the column's list could not be read whole: the next run walks it again
            self.con.execute(
                "INSERT OR REPLACE INTO columns VALUES (?, ?, ?, "
                "COALESCE((SELECT found_at FROM columns WHERE adcode = ?), ?), ?)",
                [load.adcode, load.column_url, list(load.column_hosts), load.adcode, now,
                 now if load.list_complete else None])
        if load.pages:
            rows = [{"url": p.url, "adcode": p.adcode, "kind": p.kind, "title": p.title,
                     "report_id": p.report_id, "content_sha256": p.content_sha256,
                     "first_seen": now, "last_seen": now, "last_checked": p.last_checked}
                    for p in load.pages]
            _pages = pa.Table.from_pylist(rows, schema=self._schema("pages"))  # noqa: F841 (scanned by name)
            self.con.execute(
                "INSERT INTO pages SELECT * FROM _pages ON CONFLICT (url) DO UPDATE SET "
                "kind = excluded.kind, title = excluded.title, report_id = excluded.report_id, "
                "content_sha256 = COALESCE(excluded.content_sha256, pages.content_sha256), "
                "last_seen = excluded.last_seen, "
                "last_checked = COALESCE(excluded.last_checked, pages.last_checked)")

    # -- helpers --------------------------------------------------------------------------------------------
    def _schema(self, table: str) -> pa.Schema:
        """The Arrow schema of a base table (asked once per connection: the DDL does not change meanwhile)."""
        schema = self._schemas.get(table)
        if schema is None:
            schema = self._schemas[table] = self.con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
        return schema

    # Tables only appended to during a load and never read back by it: within `load_counties` their rows are
    # collected and inserted once per table (a statement costs far more than its few rows).
    DEFERRED = frozenset({"report_versions", "sections", "indicators", "mentions", "fetches"})

    def _insert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if not rows:
            return
        if self._deferred is not None and table in self.DEFERRED:
            self._deferred.setdefault(table, []).extend(rows)
            return
        _rows = pa.Table.from_pylist(rows, schema=self._schema(table))  # noqa: F841 (scanned by name)
        self.con.execute(f"INSERT INTO {table} SELECT * FROM _rows")

    def _upsert(self, table: str, rows: list[dict[str, Any]], key: str) -> None:
        if self._deferred is not None and key:  # within a batch: the last row per key wins, as in sequence
            by_key = self._deferred_upserts.setdefault(table, {})
            for row in rows:
                by_key[row[key]] = row
            return
        _rows = pa.Table.from_pylist(rows, schema=self._schema(table))  # noqa: F841 (scanned by name)
        self.con.execute(f"INSERT OR REPLACE INTO {table} SELECT * FROM _rows")
        del key
