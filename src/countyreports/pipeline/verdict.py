"""The verdict on a finished run: did it work, work in part, or fail? And which counties got worse?

``judge(counters, outcomes, max_failed_share)`` rules, in order (counters as `close_run` returns them):

- no county attempted (a resumed backfill with nothing left): ``ok``;
- requests were made and none was answered with a page (no 2xx body, no 304): ``failed``, "no county could be
  reached" — the network, the proxy or every portal is down;
- every county attempted failed: ``failed``;
- more than `max_failed_share` of them failed: ``failed``;
- some failed: ``degraded`` (the run completes, and says how many and where to look);
- else ``ok``.

A failed verdict makes the flow run end Failed (after its artifacts are published) and the CLI exit 1; the
reason is one line, also written in the run's summary artifact. ``regressions(db, run_id)`` are the counties
that failed in this run but loaded (``ok`` or ``partial``) in their previous run: what the alert for a completed
run names.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

WHERE_TO_LOOK = "`countyreports status` and the run's summary artifact list them"
_KIND = re.compile(r"\(([a-z0-9-]+)\)\s*$")


@dataclass(frozen=True, slots=True)
class Verdict:
    state: str  # ok | degraded | failed
    reason: str  # one line ("" when ok)
    failed: int
    attempted: int

    @property
    def is_failed(self) -> bool:
        return self.state == "failed"


@dataclass(frozen=True, slots=True)
class Regression:
    """A county that loaded in its previous run and failed in this one."""

    adcode: str
    county: str
    error: str
    previous_run_id: str
    previous_outcome: str


def _most_common_error(outcomes: Sequence[Any]) -> str:
    """The most frequent failure among the failed counties: its kind in parentheses when it has one."""
    kinds: Counter[str] = Counter()
    for o in outcomes:
        if o.outcome == "failed":
            err = o.error or "unknown error"
            m = _KIND.search(err)
            kinds[m.group(1) if m else err] += 1
    if not kinds:
        return ""
    kind, n = kinds.most_common(1)[0]
    return f"{kind} ({n})"


def judge(counters: Mapping[str, int], outcomes: Sequence[Any], max_failed_share: float) -> Verdict:
    """The verdict on a run from its counters and its counties' outcomes (objects with .outcome and .error)."""
    attempted = int(counters.get("counties_total", len(outcomes)))
    failed = int(counters.get("counties_failed", sum(o.outcome == "failed" for o in outcomes)))
    if attempted == 0:
        return Verdict("ok", "", 0, 0)
    top = _most_common_error(outcomes)
    most = f"; most often {top}" if top else ""
    requests = int(counters.get("requests", 0))
    answered = int(counters.get("bodies_downloaded", 0)) + int(counters.get("not_modified", 0))
    if requests and not answered:
        return Verdict("failed", f"no county could be reached: {requests} requests, none answered with a page "
                                 f"({failed} of {attempted} counties failed{most}); check the network, the proxy and "
                                 f"the portals", failed, attempted)
    if failed == attempted:
        return Verdict("failed", f"every county failed ({failed} of {attempted}{most}); {WHERE_TO_LOOK}",
                       failed, attempted)
    share = failed / attempted
    if share > max_failed_share:
        return Verdict("failed", f"{failed} of {attempted} counties failed ({share:.0%}, more than the "
                                 f"{max_failed_share:.0%} allowed by max_failed_share{most}); {WHERE_TO_LOOK}",
                       failed, attempted)
    if failed:
        return Verdict("degraded", f"{failed} of {attempted} counties failed ({share:.0%}{most}); {WHERE_TO_LOOK}",
                       failed, attempted)
    return Verdict("ok", "", 0, attempted)


REGRESSIONS_SQL = """
    WITH now AS (SELECT adcode, county, error, finished_at FROM county_runs
                 WHERE run_id = $run_id AND outcome = 'failed'),
    before AS (SELECT c.adcode, c.run_id, c.outcome,
                      row_number() OVER (PARTITION BY c.adcode ORDER BY c.finished_at DESC) AS n
               FROM county_runs c JOIN runs r USING (run_id)
               WHERE c.run_id <> $run_id AND r.kind <> 'reparse' AND c.adcode IN (SELECT adcode FROM now)
                 AND c.finished_at < (SELECT min(finished_at) FROM now))
    SELECT now.adcode, now.county, now.error, before.run_id AS previous_run_id, before.outcome AS previous_outcome
    FROM now JOIN before ON before.adcode = now.adcode AND before.n = 1
    WHERE before.outcome IN ('ok', 'partial')
    ORDER BY now.adcode"""


def regressions(db: Path, run_id: str, wait_s: float = 60.0) -> list[Regression]:
    """Counties that failed in `run_id` and loaded in their previous run (read once the run has closed)."""
    from countyreports.warehouse.reader import query

    if not Path(db).exists():
        return []
    rows = query(db, REGRESSIONS_SQL, params={"run_id": run_id}, wait_s=wait_s).to_pylist()
    return [Regression(r["adcode"], r["county"] or "", r["error"] or "", r["previous_run_id"],
                       r["previous_outcome"]) for r in rows]


def regression_message(kind: str, run_id: str, found: Sequence[Regression], limit: int = 10) -> str:
    """A short alert text: which counties that loaded last time failed now."""
    head = f"{kind} run {run_id}: {len(found)} count{'y' if len(found) == 1 else 'ies'} that loaded last time failed"
    lines = [f"- {r.adcode} {r.county}: {r.error}" for r in found[:limit]]
    if len(found) > limit:
        lines.append(f"- … and {len(found) - limit} more ({WHERE_TO_LOOK})")
    return "\n".join([head, *lines])
