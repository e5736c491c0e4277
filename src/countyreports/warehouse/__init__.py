"""The only DuckDB code: the `writer` (with `loadbatch`, a load transaction as rows, and `searchindex`, the search
rows kept in step with the fold), the read-only `reader`, the Parquet `export` and the researchers' `formats`
(`workbook`, `stata`, labelled from the `dictionary`), the HTML `report`, the data `checks` of ``sql/tests/``,
full-text `search`, one report's `reportcard`, a correction's `changes`, and `access` (can a run write the file
now? asked without DuckDB).

May import the vocabulary (`models`, `errors`, `settings`) and `countyreports.text`/`.reading` for pure
helpers; not the crawl, the portal or the evaluation.
"""
