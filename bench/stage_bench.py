"""The read path stage by stage: CPU milliseconds per page of each stage, on the snapshot's article pages.

Stages, as `document.parse_docs` runs them: decode (`decode_html`), main text and page metadata
(`extract_article` + `page_noise`), cleaning (`clean_text`), sections (`split_sections`), report metadata
(`read_meta`), indicators (`extract`: quantities, clauses and cues, attribution). Each stage is timed alone
over every page of a group (its inputs computed first), best of `--rounds`, in CPU seconds, so the figures
add up to about one page's read path. The indicator stage is also split in its own steps
(`indicators.extract.stage_times`).

    python bench/stage_bench.py [--rounds 5] [--group "report pages"] [--out result.json]
"""

from __future__ import annotations

import argparse
import gc
import time
from collections.abc import Callable
from typing import Any

from common import emit, load
from parse_bench import article_pages

import importlib

from countyreports import native
from countyreports.reading.article import extract_article, page_noise
from countyreports.reading.document import RawDoc
from countyreports.reading.metadata import read_meta
from countyreports.reading.sections import split_sections
from countyreports.text.clean import clean_text
from countyreports.text.decode import decode_html

extract_mod = importlib.import_module("countyreports.reading.indicators.extract")


def best(fn: Callable[[], object], rounds: int) -> float:
    fn()
    out = float("inf")
    for _ in range(rounds):
        gc.collect()
        t0 = time.process_time()
        fn()
        out = min(out, time.process_time() - t0)
    return out


def stages(docs: list[RawDoc], rounds: int) -> dict[str, float]:
    decoded = [decode_html(d.body, d.content_type) for d in docs]
    articles = [extract_article(x.text, d.url) for x, d in zip(decoded, docs, strict=True)]
    texts = ["\n".join(a.paragraphs) for a in articles]
    cleaned = [clean_text(t).text for t in texts]
    sections = [split_sections(t) for t in cleaned]
    n = len(docs)

    def each(fn: Callable[..., object], *cols: list[Any]) -> float:
        return best(lambda: [fn(*args) for args in zip(*cols, strict=True)], rounds) / n * 1000

    out = {
        "decode": each(lambda d: decode_html(d.body, d.content_type), docs),
        "main_text": each(lambda x, d: page_noise(x.text, extract_article(x.text, d.url)), decoded, docs),
        "clean": each(lambda t: clean_text(t), texts),
        "sections": each(split_sections, cleaned),
        "metadata": each(lambda a, t: read_meta(a.title, t, a.published), articles, cleaned),
        "indicators": each(extract_mod.extract, cleaned, sections),
    }
    out["total"] = sum(out.values())
    steps = getattr(extract_mod, "stage_times", None)
    if steps is not None:
        out.update({f"indicators.{k}": v / n * 1000 for k, v in steps(cleaned, sections, rounds).items()})
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--group", action="append", help="only this group (repeatable)")
    ap.add_argument("--out", default=None)
    a = ap.parse_args()
    load0 = load()
    res: dict[str, Any] = {"compiled": str(native.in_use()) if native.in_use() else None, "ms_per_page": {}}
    for name, docs in article_pages().items():
        if a.group and name not in a.group:
            continue
        res["ms_per_page"][name] = {k: round(v, 4) for k, v in stages(docs, a.rounds).items()}
        res["ms_per_page"][name]["pages"] = len(docs)
    res["load"] = [load0, load()]
    emit(res, a.out)


if __name__ == "__main__":
    main()
