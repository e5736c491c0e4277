"""The only DuckDB code: the `writer` (with `loadbatch`, a load transaction as rows), the read-only `reader`,
the Parquet `export`, the HTML `report`, the data `checks` of ``sql/tests/`` and `access` (can a run write the
file now? asked without DuckDB).

May import the vocabulary (`models`, `errors`, `settings`) and `countyreports.text`/`.reading` for pure
helpers; not the crawl, the portal or the evaluation.
"""
