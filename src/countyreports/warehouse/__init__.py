"""The only DuckDB code: the `writer` (with `loadbatch`, a load transaction as rows, and `searchindex`, the search
rows kept in step with the fold), the read-only `reader`, the Parquet `export` and the researchers' `formats`
(`workbook`, `stata`, labelled from the `dictionary`), the HTML `report`, the data `checks` of ``sql/tests/``,
full-text `search`, one report's `reportcard` and a correction's `changes`.

May import the vocabulary (`models`, `errors`, `settings`) and `countyreports.text`/`.reading` for pure
helpers; not the crawl, the portal or the evaluation.
"""
