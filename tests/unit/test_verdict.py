"""The verdict on a run (pipeline/verdict.py), rule by rule, as issue 20 states them: every county failed, more
than the allowed share failed, or no county could be reached → failed; some failed → degraded; none → ok."""

from __future__ import annotations

from types import SimpleNamespace

from countyreports.pipeline.verdict import judge


def outcomes(ok: int, failed: int, error: str = "homepage unreadable: http://x.gov.cn/ (connect-error)"):
    return ([SimpleNamespace(outcome="ok", error=None)] * ok
            + [SimpleNamespace(outcome="failed", error=error)] * failed)


def counters(ok: int, failed: int, requests: int = 100, bodies: int = 50, not_modified: int = 0) -> dict[str, int]:
    return {"counties_total": ok + failed, "counties_ok": ok, "counties_failed": failed, "requests": requests,
            "bodies_downloaded": bodies, "not_modified": not_modified}


def test_no_failure_is_ok() -> None:
    v = judge(counters(5, 0), outcomes(5, 0), 0.5)
    assert v.state == "ok" and not v.is_failed and v.reason == ""


def test_some_failures_complete_and_say_how_many_and_where_to_look() -> None:
    v = judge(counters(3, 1), outcomes(3, 1), 0.5)
    assert v.state == "degraded" and not v.is_failed
    assert "1 of 4 counties failed" in v.reason and "countyreports status" in v.reason


def test_exactly_the_allowed_share_still_completes_and_more_fails() -> None:
    assert judge(counters(2, 2), outcomes(2, 2), 0.5).state == "degraded"
    v = judge(counters(1, 2), outcomes(1, 2), 0.5)
    assert v.is_failed and "2 of 3 counties failed" in v.reason and "max_failed_share" in v.reason
    assert not judge(counters(1, 2), outcomes(1, 2), 0.9).is_failed  # the setting decides


def test_every_county_failed_fails_whatever_the_share() -> None:
    v = judge(counters(0, 4, bodies=3), outcomes(0, 4), 1.0)  # pages were answered (robots.txt, ...)
    assert v.is_failed and "every county failed (4 of 4" in v.reason


def test_no_county_reached_fails_and_names_the_most_common_error() -> None:
    v = judge(counters(0, 3, requests=24, bodies=0), outcomes(0, 3), 1.0)
    assert v.is_failed and "no county could be reached" in v.reason and "connect-error (3)" in v.reason


def test_not_modified_answers_count_as_reached() -> None:
    v = judge(counters(2, 1, requests=3, bodies=0, not_modified=2), outcomes(2, 1), 0.5)
    assert v.state == "degraded"


def test_a_run_with_nothing_left_to_do_is_ok() -> None:  # a resumed backfill whose counties are all done
    assert judge(counters(0, 0, requests=0, bodies=0), [], 0.5).state == "ok"


def test_a_reparse_makes_no_request_and_is_not_unreached() -> None:
    assert judge(counters(4, 0, requests=0, bodies=0), outcomes(4, 0), 0.5).state == "ok"
