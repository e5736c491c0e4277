"""crawlers.merge_stats: the fetch counters of several crawler processes as one run's."""

from __future__ import annotations

from countyreports.crawl.processes import merge_stats
from countyreports.crawl.politeness import FetchStats


def test_merge_stats_sums_counters_and_joins_hosts() -> None:
    a = FetchStats(requests=10, bodies=7, bytes=1000, not_modified=2, retries=1, errors=2, robots_fetches=3,
                   host_failures={"a.gov.cn": 2}, failed_hosts=frozenset({"a.gov.cn"}))
    b = FetchStats(requests=5, bodies=1, bytes=50, not_modified=4, retries=0, errors=1, robots_fetches=2,
                   host_failures={"a.gov.cn": 1, "b.gov.cn": 1}, failed_hosts=frozenset({"b.gov.cn"}))
    m = merge_stats([a, b])
    assert (m.requests, m.bodies, m.bytes, m.not_modified, m.retries, m.errors, m.robots_fetches) == (
        15, 8, 1050, 6, 1, 3, 5)
    assert m.host_failures == {"a.gov.cn": 3, "b.gov.cn": 1}
    assert m.failed_hosts == frozenset({"a.gov.cn", "b.gov.cn"})
    assert merge_stats([]) == FetchStats()
