"""The only DuckDB code: the `writer` (with `loadbatch`, a load transaction as rows), the read-only `reader`,
the Parquet `export`, the HTML `report` and the data `checks` of ``sql/tests/``.

May import the vocabulary (`models`, `errors`, `settings`) and `countyreports.text`/`.reading` for pure
helpers; not the crawl, the portal or the evaluation.
"""
