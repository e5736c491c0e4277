"""Scoring a warehouse against a snapshot's gold: `gold` (both sides, read), `scores` (records, normalisation,
edit distance), `scoring` (the metrics) and `scorecard` (floors, output, the body of `countyreports eval`).

Shares no code with the pipeline side, so a pipeline bug cannot hide itself by being mirrored in the scorer:
it may import only `countyreports.warehouse.reader` and the vocabulary (`errors`).
"""
