"""The warehouse writer: the only module that writes DuckDB.

One process writes at a time (DuckDB holds a file lock), so the pipeline keeps its write windows short: the
counties ready together are loaded in ONE transaction (`load_counties`; `loadbatch.LoadBatch` turns them into
rows, then one statement per table). A crash (even kill -9) mid-load rolls the batch back; re-running the
harvest then yields the same warehouse as an uninterrupted run, because loading is idempotent (a report whose
cleaned text hash is unchanged is not written again).

Rows are inserted from Arrow tables (never row by row), scanned by name (no view registered per insert).
Views in ``sql/`` are (re)created by `apply_views`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa

from countyreports.errors import WarehouseBusy
from countyreports.models import CountyLoad, PageState
from countyreports.warehouse import searchindex
from countyreports.warehouse.loadbatch import Known, LoadBatch, LoadStats, naive_utc
from countyreports.models import Report

__all__ = ["CountyLoad", "LoadStats", "PageState", "Warehouse", "naive_utc", "sql_files"]

SQL_DIR = Path(__file__).resolve().parents[3] / "sql"  # the repository's sql/ (src/countyreports/warehouse/ → ../../..)
VIEW_LAYERS = ("staging", "core", "marts")
MACRO_LAYER = "macros"  # table and scalar macros (sql/macros/, one per file), applied after the marts
#: The writer's DuckDB memory: `memory_limit` caps the blocks it caches (bench/: ~200 MB by the end of a national
#: first harvest, blocks it hardly reads again; beyond the cap they are evicted, they are on disk), and until a
#: checkpoint (once the WAL passes `checkpoint_threshold`; at the default 16 MB a harvest checkpointed at nearly
#: every load commit) the rows written are held in memory too. A harvest touches a few rows per county: small
#: limits keep its footprint flat. A bulk rewrite (a re-parse after a parser change rewrites every report's rows)
#: gets larger ones: with the harvest's, it took 69 s instead of 51 s (bench/). A harvest's were 160 / 64 MB until
#: harvestmem2: at 64 / 32 MB the loading process peaked 488 → 403 MiB, the writer's CPU the same (79-80 s).
MEMORY = {"harvest": ("64MB", "32MB"), "bulk": ("1GB", "256MB")}  # (memory_limit, checkpoint_threshold)


def sql_files(layer: str, sql_dir: Path = SQL_DIR) -> list[Path]:
    """The .sql files of one layer, in the order they are applied (file name order)."""
    return sorted((sql_dir / layer).glob("*.sql"))


def _connect(db_path: Path) -> duckdb.DuckDBPyConnection:
    db_path.parent.mkdir(parents=True, exist_ok=True)
    try:
        return duckdb.connect(str(db_path))
    except duckdb.IOException as exc:  # the file lock of another process
        raise WarehouseBusy(
            f"the warehouse {db_path} is in use by another process ({exc}); wait for it to finish"
        ) from exc


class Warehouse:
    """A writer connection to the warehouse file. Use as a context manager. `bulk`: the larger memory settings
    of a bulk rewrite (see `MEMORY`)."""

    def __init__(self, db_path: Path | str, sql_dir: Path = SQL_DIR, *, bulk: bool = False) -> None:
        self.db_path = Path(db_path)
        self.sql_dir = sql_dir
        self.con = _connect(self.db_path)
        # The writer runs many small statements (a few rows each, one transaction per county): DuckDB's thread
        # pool only adds scheduling to them (bench/: ~2x faster loads on 2 cores with one thread).
        self.con.execute("SET threads = 1")
        memory_limit, checkpoint = MEMORY["bulk" if bulk else "harvest"]
        self.con.execute(f"SET memory_limit = '{memory_limit}'")
        self.con.execute(f"SET checkpoint_threshold = '{checkpoint}'")
        self._schemas: dict[str, pa.Schema] = {}
        self.con.execute((sql_dir / "tables" / "tables.sql").read_text(encoding="utf-8"))
        searchindex.ensure_current(self.con)  # the search rows of a warehouse older than the current fold
        self.apply_views()

    def __enter__(self) -> Warehouse:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # -- schema ---------------------------------------------------------------------------------------------
    def apply_views(self) -> None:
        """(Re)create every view, layer by layer (staging → core → marts), then the macros."""
        for layer in (*VIEW_LAYERS, MACRO_LAYER):
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
                "SELECT url, adcode, kind, title, report_id, content_sha256, last_checked, error FROM pages"
        ).fetchall():
            st = states.setdefault(row[1], {"column_url": None, "column_hosts": (), "pages": {}})
            st["pages"][row[0]] = PageState(*row)
        for adcode, at, found, tried in self.con.execute(
                "SELECT adcode, searched_at, found, tried FROM column_searches").fetchall():
            st = states.setdefault(adcode, {"column_url": None, "column_hosts": (), "pages": {}})
            st["search"] = {"searched_at": at, "found": found, "tried": tuple(tried or ())}
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
        by_origin = {origin: {"origin": origin, "status": status, "body": body, "fetched_at": naive_utc(at)}
                     for origin, status, body, at in rows}
        self._upsert("robots", list(by_origin.values()))

    def report_sources(self, adcodes: Sequence[str], years: Sequence[int] | None = None
                       ) -> list[tuple[str, str, list[str], list[str], str | None, str | None, tuple[int, int, int]]]:
        """For re-parsing from the archive, per active report: (report_id, adcode, pages, raw_sha256,
        attachment, parse_sha256, (sections, indicators, mentions) rows stored for the current version)."""
        where = "status = 'active' AND list_contains($adcodes, adcode)"
        params: dict[str, Any] = {"adcodes": list(adcodes)}
        if years is not None:
            where += " AND list_contains($years, report_year)"
            params["years"] = list(years)
        counts = ", ".join(f"{t} AS (SELECT report_id, version, count(*) AS n FROM {t} WHERE report_id IN "
                           f"(SELECT report_id FROM r) GROUP BY ALL)" for t in ("sections", "indicators", "mentions"))
        sql = (f"WITH r AS (SELECT report_id, version, adcode, pages, raw_sha256, attachment, parse_sha256 "
               f"FROM reports WHERE {where}), {counts} "
               "SELECT r.report_id, r.adcode, r.pages, r.raw_sha256, r.attachment, r.parse_sha256, "
               "coalesce(sections.n, 0), coalesce(indicators.n, 0), coalesce(mentions.n, 0) FROM r "
               "LEFT JOIN sections USING (report_id, version) LEFT JOIN indicators USING (report_id, version) "
               "LEFT JOIN mentions USING (report_id, version) ORDER BY r.report_id")
        return [(r[0], r[1], list(r[2] or []), list(r[3] or []), r[4], r[5], (int(r[6]), int(r[7]), int(r[8])))
                for r in self.con.execute(sql, params).fetchall()]

    def content_types(self, shas: Sequence[str]) -> dict[str, str | None]:
        rows = self.con.execute(
            "SELECT sha256, any_value(content_type) FROM fetches WHERE list_contains(?, sha256) GROUP BY 1",
            [list(shas)]).fetchall()
        return {r[0]: r[1] for r in rows}

    # -- the load -------------------------------------------------------------------------------------------
    def load_county(self, load: CountyLoad) -> LoadStats:
        """Load one county's results in one transaction (all or nothing)."""
        return self.load_counties([load])[0]

    def load_counties(self, loads: Sequence[CountyLoad]) -> list[LoadStats]:
        """Load the results of the counties ready now in one transaction (all or nothing): what the batch's
        reports are is read in two queries, `LoadBatch` turns the counties into rows, and each table gets ONE
        statement for the whole batch — one commit (a WAL sync) for all of them, so a writer that falls
        behind the crawl catches up by loading bigger batches."""
        con = self.con
        con.execute("BEGIN TRANSACTION")
        try:
            batch = self._batch(loads)
            stats = [batch.add(load) for load in loads]
            self._flush(batch)
            con.execute("COMMIT")
        except BaseException:
            con.execute("ROLLBACK")
            raise
        return stats

    def _batch(self, loads: Sequence[CountyLoad]) -> LoadBatch:
        """What the warehouse holds of the batch's reports: the reports loaded now and, for a crawl, every
        report of its counties (the ones confirmed or withdrawn by it); when the known ones were first seen."""
        ids = sorted({r.report_id for load in loads for r in load.reports}
                     | {rid for load in loads for rid in load.seen_report_ids})
        adcodes = sorted({load.adcode for load in loads if not load.reparse})
        known = {r[0]: Known(int(r[1]), str(r[2]), tuple(r[3] or ()), r[4], r[5], r[6] == "active")
                 for r in self.con.execute(
                     "SELECT report_id, version, content_sha256, duplicates, parse_sha256, adcode, status "
                     "FROM reports WHERE list_contains(?, report_id) OR list_contains(?, adcode)",
                     [ids, adcodes]).fetchall()}
        crawled = sorted({r.report_id for load in loads if not load.reparse for r in load.reports} & known.keys())
        first_seen = dict(self.con.execute(
            "SELECT report_id, min(fetched_at) FROM report_versions WHERE list_contains(?, report_id) "
            "GROUP BY 1", [crawled]).fetchall()) if crawled else {}
        return LoadBatch(known=known, first_seen=first_seen)

    def _flush(self, b: LoadBatch) -> None:
        """One statement per table, in the order loading the counties one by one would have written them."""
        con = self.con
        if b.replaces:  # before the inserts: they add the re-parsed rows the deletes make room for
            self._replace_current_many(b.replaces)
        if b.replaced_reports:
            con.execute("DELETE FROM reports WHERE list_contains(?, report_id)", [b.replaced_reports])
        if b.unchanged:
            _unch = pa.Table.from_pylist(b.unchanged, schema=pa.schema([  # noqa: F841 (scanned by name)
                ("report_id", pa.string()), ("seen", pa.timestamp("us")), ("url", pa.string()),
                ("pages", pa.list_(pa.string())), ("duplicates", pa.list_(pa.string()))]))
            con.execute(
                "UPDATE reports SET last_seen = greatest(reports.last_seen, u.seen), status = 'active', "
                "withdrawn_at = NULL, url = u.url FROM _unch AS u WHERE reports.report_id = u.report_id")
            con.execute(  # LIST columns: set only where they changed (see _replace_current_many)
                "UPDATE reports SET pages = u.pages, duplicates = u.duplicates FROM _unch AS u "
                "WHERE reports.report_id = u.report_id "
                "AND (reports.pages IS DISTINCT FROM u.pages OR reports.duplicates IS DISTINCT FROM u.duplicates)")
        if b.refolded:  # a re-parse changed these versions' text: their search rows are made again
            _refold = pa.table({"report_id": [k[0] for k in b.refolded],  # noqa: F841 (scanned by name)
                                "version": pa.array([k[1] for k in b.refolded], pa.int32())})
            con.execute("DELETE FROM search_sentences USING _refold AS k "
                        "WHERE search_sentences.report_id = k.report_id AND search_sentences.version = k.version")
        for table in ("reports", "report_versions", "sections", "indicators", "mentions", "search_sentences",
                      "fetches"):
            self._insert(table, b.inserts.get(table, []))
        if b.seen:
            _seen = pa.table({"report_id": list(b.seen),  # noqa: F841 (scanned by name)
                              "seen": pa.array(list(b.seen.values()), pa.timestamp("us"))})
            con.execute("UPDATE reports SET last_seen = greatest(reports.last_seen, s.seen) FROM _seen AS s "
                        "WHERE reports.report_id = s.report_id AND reports.status = 'active'")
        if b.withdrawn:  # withdrawn_at: the last time the report was seen on the portal
            con.execute("UPDATE reports SET status = 'withdrawn', withdrawn_at = last_seen "
                        "WHERE list_contains(?, report_id)", [b.withdrawn])
        ups = b.upserts
        if ups.get("columns"):
            _cols = self._arrow("columns", list(ups["columns"].values()))  # noqa: F841 (scanned by name)
            con.execute("INSERT OR REPLACE INTO columns SELECT c.adcode, c.column_url, c.hosts, "
                        "COALESCE(o.found_at, c.found_at), c.last_ok FROM _cols AS c "
                        "LEFT JOIN columns AS o ON o.adcode = c.adcode")
        if ups.get("pages"):
            _pages = self._arrow("pages", list(ups["pages"].values()))  # noqa: F841 (scanned by name)
            con.execute(
                "INSERT INTO pages SELECT * FROM _pages ON CONFLICT (url) DO UPDATE SET "
                "kind = excluded.kind, title = excluded.title, report_id = excluded.report_id, "
                "content_sha256 = COALESCE(excluded.content_sha256, pages.content_sha256), "
                "last_seen = excluded.last_seen, "
                "last_checked = COALESCE(excluded.last_checked, pages.last_checked), error = excluded.error")
        for table in ("http_cache", "county_runs", "column_searches"):
            self._upsert(table, list(ups.get(table, {}).values()))

    def _replace_current_many(self, items: list[tuple[Report, int]]) -> None:
        """Re-parse: the current version's parsed fields and derived rows are replaced (dates kept), one
        statement per table."""
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
             "encoding": rep.parsed.encoding, "site_id_code": rep.parsed.site_id_code, "source": rep.parsed.source,
             "parse_sha256": rep.parse_sha256, "text_source": rep.parsed.text_source,
             "read_state": rep.parsed.read_state, "read_reason": rep.parsed.read_reason,
             "ocr_confidence": rep.parsed.ocr_confidence}
            for rep, version in items], schema=pa.schema([
                ("report_id", pa.string()), ("version", pa.int32()), ("report_year", pa.int32()),
                ("title", pa.string()), ("published_date", pa.date32()), ("issuer", pa.string()),
                ("content_sha256", pa.string()), ("clean_text", pa.string()), ("signed_date", pa.date32()),
                ("noise", pa.list_(pa.string())), ("encoding", pa.string()), ("site_id_code", pa.string()),
                ("source", pa.string()), ("parse_sha256", pa.string()), ("text_source", pa.string()),
                ("read_state", pa.string()), ("read_reason", pa.string()), ("ocr_confidence", pa.float64())]))
        # DuckDB runs an UPDATE of a LIST column (noise) as a delete and re-insert of the whole row, clean_text
        # included, and rewrites updated text columns at the next checkpoint: those columns are set only where
        # they changed (clean_text and noise are most of the warehouse's bytes)
        self.con.execute(
            "UPDATE reports SET report_year = u.report_year, title = u.title, "
            "published_date = COALESCE(u.published_date, reports.published_date), "
            "issuer = u.issuer, signed_date = u.signed_date, encoding = u.encoding, site_id_code = u.site_id_code, "
            "source = u.source, parse_sha256 = u.parse_sha256, text_source = u.text_source, "
            "read_state = u.read_state, read_reason = u.read_reason, ocr_confidence = u.ocr_confidence "
            "FROM _upd AS u WHERE reports.report_id = u.report_id")
        self.con.execute(
            "UPDATE report_versions SET title = u.title, "
            "published_date = COALESCE(u.published_date, report_versions.published_date) FROM _upd AS u "
            "WHERE report_versions.report_id = u.report_id AND report_versions.version = u.version")
        for table, key in (("reports", "reports.report_id = u.report_id"),
                           ("report_versions", "report_versions.report_id = u.report_id "
                                               "AND report_versions.version = u.version")):
            self.con.execute(f"UPDATE {table} SET content_sha256 = u.content_sha256, clean_text = u.clean_text "
                             f"FROM _upd AS u WHERE {key} AND {table}.content_sha256 IS DISTINCT FROM u.content_sha256")
            self.con.execute(f"UPDATE {table} SET noise = u.noise FROM _upd AS u "
                             f"WHERE {key} AND {table}.noise IS DISTINCT FROM u.noise")

    # -- helpers --------------------------------------------------------------------------------------------
    def _schema(self, table: str) -> pa.Schema:
        """The Arrow schema of a base table (asked once per connection: the DDL does not change meanwhile)."""
        schema = self._schemas.get(table)
        if schema is None:
            schema = self._schemas[table] = self.con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
        return schema

    def _arrow(self, table: str, rows: Sequence[dict[str, Any] | tuple[Any, ...]]) -> pa.Table:
        """Rows (dicts by column name, or tuples in the table's column order) as an Arrow table."""
        schema = self._schema(table)
        if rows and isinstance(rows[0], tuple):  # transposed in C: far cheaper than a lookup per cell
            columns = list(zip(*rows, strict=True))
            if len(columns) != len(schema):
                raise ValueError(f"{table}: rows of {len(columns)} values for {len(schema)} columns")
            return pa.Table.from_arrays([pa.array(c, type=f.type) for c, f in zip(columns, schema, strict=True)],
                                        schema=schema)
        return pa.Table.from_pylist(rows, schema=schema)

    def _insert(self, table: str, rows: Sequence[dict[str, Any] | tuple[Any, ...]]) -> None:
        if rows:
            _rows = self._arrow(table, rows)  # noqa: F841 (scanned by name)
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _rows")

    def _upsert(self, table: str, rows: list[dict[str, Any]]) -> None:
        if rows:
            _rows = self._arrow(table, rows)  # noqa: F841 (scanned by name)
            self.con.execute(f"INSERT OR REPLACE INTO {table} SELECT * FROM _rows")
