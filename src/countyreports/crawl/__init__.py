"""The only network code: `fetch` (the one httpx user) with its `politeness`, the raw `archive` of bodies,
`discover/` (the report column and its lists: one adapter per CMS family + the generic reader), the crawl
of one `county`, crawler `processes`, and the `proxy` check (does it accept a connection?).

May import `countyreports.reading`, `.registry` (portal identity, the national list) and `.text`; not the
warehouse, the portal or the evaluation (the pipeline joins crawl and warehouse).
"""
