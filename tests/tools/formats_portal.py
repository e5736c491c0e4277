"""Put the format fixtures (tests/fixtures/formats, made by make_formats.py) into the bundled replay snapshot
(tests/fixtures/portal), as the reports of their counties (issue 17).

    .venv/bin/python tests/tools/formats_portal.py [--check]

For each fixture, the snapshot report it was rendered from becomes a report published only in that format: its
article page (same URL, both epochs) keeps the site's template, but its main text is replaced by one line
(``<title>详见附件。`` for a file; the caption ``<title>（扫描件）`` and one ``<img>`` per page for page images),
and the file is served beside it under a URL in the site's own style (TRS ``P0….pdf`` / ``W0….jpg``, Hanweb
``downfile.jsp?…&filename=….wps``, the provincial platform ``/attach/0/….doc``). The file's bytes are the fixture's
own (the snapshot's bodies are named by SHA-1: git keeps one copy of each).

The report's gold (gold/reports.jsonl) follows: ``attachment`` (the file's URL; ``null`` for page images),
``images`` (the page images' URLs, in order), ``noise`` (``attachment_only``, or ``page_images``), ``text_source``
(``doc`` / ``ocr``), the ``clean_text`` of a Word file with its table's caption and rows (cells joined by a tab)
after the line the fixture's gold names, ``pages`` (the one article page), the ETag of each epoch. Every other
report gets ``text_source`` and ``images`` too (``html``, ``docx``, ``pdf-text``; ``[]``), so that the field is
gold everywhere. Running it again changes nothing (``--check`` exits 1 when the snapshot is not as this makes it).
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import re
import sys
from pathlib import Path
from urllib.parse import urljoin, urlsplit

ROOT = Path(__file__).resolve().parents[2]
FORMATS = ROOT / "tests/fixtures/formats"
PORTAL = ROOT / "tests/fixtures/portal"

CONTAINERS = (  # (start tag of the main text, template): the families' content containers
    (re.compile(r'<div id="zoom">'), "hanweb"),
    (re.compile(r'<div class="TRS_Editor">'), "trs"),
    (re.compile(r'<div class="article-content">'), "platform"),
)
CONTENT_TYPES = {"doc": "application/msword", "wps": "application/octet-stream", "pdf": "application/pdf",
                 "jpg": "image/jpeg"}


def _sha1(data: bytes) -> str:
    return hashlib.sha1(data).hexdigest()


def _digits(*parts: str, n: int) -> str:
    return str(int(hashlib.sha256("/".join(parts).encode()).hexdigest(), 16))[:n]


def file_url(page_url: str, template: str, ext: str, report_id: str, k: int = 0) -> str:
    """Where the site would serve the file: in its CMS's own style."""
    path = urlsplit(page_url).path
    if template == "trs":  # …/201906/t20190613_7460050.html → ./P020190613746005012345.pdf, ./W0…jpg
        m = re.search(r"t(\d{8})_(\d+)", path)
        stem = f"{m.group(1)}{m.group(2)}" if m else _digits(report_id, n=15)
        return urljoin(page_url, f"./{'W0' if ext == 'jpg' else 'P0'}{stem}{_digits(report_id, ext, str(k), n=5)}.{ext}")
    if template == "hanweb":  # /art/2020/3/13/art_9819_7979963.html → downfile.jsp?classid=0&filename=…
        m = re.search(r"/art/(\d{4})/(\d{1,2})/(\d{1,2})/art_\d+_(\d+)", path)
        stem = f"{m.group(1)}{int(m.group(2)):02d}{int(m.group(3)):02d}{m.group(4)[-6:]}" if m else _digits(report_id, n=14)
        return urljoin(page_url, f"/module/download/downfile.jsp?classid=0&filename={stem}.{ext}")
    site = path.strip("/").split("/")[0]  # the platform: /95733/…/content_N.html → /95733/attach/0/<hex>.doc
    return urljoin(page_url, f"/{site}/attach/0/{hashlib.sha256(report_id.encode()).hexdigest()[:9]}.{ext}")


def _container(page: str) -> tuple[int, int, int, str]:
    """(start of the container's inner HTML, its end, end of the container, template)."""
    for pattern, template in CONTAINERS:
        m = pattern.search(page)
        if m is None:
            continue
        depth, i = 1, m.end()
        for t in re.finditer(r"<(/?)div\b[^>]*>", page[m.end():]):
            depth += -1 if t.group(1) else 1
            if depth == 0:
                return m.end(), m.end() + t.start(), m.end() + t.end(), template
            i = t.end()
        raise SystemExit(f"unclosed container at {i}")
    raise SystemExit("no known content container in the page")


def stub_page(page: str, title: str, files: list[tuple[str, str]], images: bool) -> tuple[str, str]:
    """The article page with its main text replaced: (new page, template). `files`: (href, shown name)."""
    start, end, close, template = _container(page)
    if images:
        inner = (f'\n<p style="text-align:center">{html.escape(title)}（扫描件）</p>\n'
                 + "".join(f'<p style="text-align:center"><img src="{html.escape(h)}" alt="" width="800"></p>\n'
                           for h, _ in files))
        return page[:start] + inner + page[end:], template
    inner = f'\n<p style="text-indent:2em">{html.escape(title)}详见附件。</p>\n'
    links = "".join(f'<a href="{html.escape(h)}" target="_blank">{html.escape(n)}</a>' for h, n in files)
    return page[:start] + inner + page[end:close] + f'<div class="attach">附件：{links}</div>' + page[close:], template


def _etag(old: str | None, body: bytes, last_modified: str | None) -> str | None:
    if old is None:
        return None
    m = re.fullmatch(r'"([0-9a-f]+)-([0-9a-f]+)"', old)  # nginx: mtime-size
    return f'"{m.group(1)}-{len(body):x}"' if m else f'"{_sha1(body)[:16]}:0"'  # IIS: the body's hash


def _body(data: bytes, ext: str, write: bool) -> str:
    h = _sha1(data)
    rel = f"bodies/{h[:2]}/{h}.{ext}"
    if write:
        (PORTAL / rel).parent.mkdir(parents=True, exist_ok=True)
        (PORTAL / rel).write_bytes(data)
    return rel


def _text_source(rep: dict) -> str:
    att = (rep.get("attachment") or "").lower()
    return "docx" if att.endswith(".docx") else "pdf-text" if att.endswith(".pdf") else "html"


def build(write: bool) -> list[str]:
    """Apply the fixtures to the snapshot (when `write`); the differences from the snapshot as it is."""
    manifest = [json.loads(x) for x in (PORTAL / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(x) for x in (PORTAL / "gold/reports.jsonl").read_text(encoding="utf-8").splitlines()]
    fixtures = [json.loads(x) for x in (FORMATS / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {g["report_id"]: g for g in gold}
    by_url = {m["url"]: m for m in manifest}
    originals = json.loads((FORMATS / "portal_originals.json").read_text(encoding="utf-8")) \
        if (FORMATS / "portal_originals.json").exists() else {}
    new_entries: list[dict] = []
    for fx in fixtures:
        rep = by_id[fx["report_id"]]
        entry = by_url[rep["url"]]
        # the page as recorded before: kept once (its body file stays in bodies/, named in portal_originals.json)
        original = originals.setdefault(rep["report_id"], {"body": entry["body"], "headers": entry["headers"],
                                                           "clean_text": rep["clean_text"]})
        page = (PORTAL / original["body"]).read_text(encoding="utf-8")
        fmt, ext = fx["format"], Path(fx["file"]).suffix.lstrip(".")
        template = _container(page)[3]
        if fmt == "html-images":
            urls = [file_url(rep["url"], template, "jpg", rep["report_id"], k) for k, _ in enumerate(fx["images"])]
            files = [(u, n) for u, n in zip(urls, fx["images"], strict=True)]
            datas = [(FORMATS / n).read_bytes() for n in fx["images"]]
        else:
            ext = "wps" if fmt == "wps" else ext
            urls = [file_url(rep["url"], template, ext, rep["report_id"])]
            files = [(urls[0], f"{rep['title']}.{ext}")]
            datas = [(FORMATS / fx["file"]).read_bytes()]
        rel_href = [(urlsplit(u).path + (f"?{urlsplit(u).query}" if urlsplit(u).query else ""), n) for u, n in files]
        new_page, _ = stub_page(page, rep["title"], rel_href, fmt == "html-images")
        data = new_page.encode("utf-8")
        entry["body"] = _body(data, "html", write)
        entry["headers"] = dict(original["headers"])
        if "ETag" in entry["headers"]:
            entry["headers"]["ETag"] = _etag(original["headers"]["ETag"], data, None)
        for url, blob in zip(urls, datas, strict=True):
            fext = "jpg" if fmt == "html-images" else ext
            new_entries.append({"url": url, "epochs": list(entry["epochs"]), "status": 200,
                                "headers": {"Content-Type": CONTENT_TYPES[fext],
                                            "Last-Modified": entry["headers"].get("Last-Modified")},
                                "body": _body(blob, "jpg" if fmt == "html-images" else Path(fx["file"]).suffix[1:], write),
                                "delay_ms": 0, "fail_first": 0,
                                "note": f"issue 17: the report as {fmt} (tests/fixtures/formats/{fx['file']})"})
        lines = original["clean_text"].split("\n")
        if fmt in ("doc", "wps"):
            at = int(fx["table_after_line"])
            lines = lines[:at + 1] + list(fx["table_lines"]) + lines[at + 1:]
        rep.update(attachment=None if fmt == "html-images" else urls[0], pages=[rep["url"]],
                   noise=["page_images"] if fmt == "html-images" else ["attachment_only"],
                   clean_text="\n".join(lines), text_source=fx["text_source"],
                   images=urls if fmt == "html-images" else [])
        for v in rep["versions"]:
            v["etag"] = entry["headers"].get("ETag")
    known = {e["url"] for e in new_entries}
    manifest = [m for m in manifest if m["url"] not in known] + new_entries
    for rep in gold:
        rep.setdefault("text_source", _text_source(rep))
        rep.setdefault("images", [])
    out_manifest = "".join(json.dumps(m, ensure_ascii=False) + "\n" for m in manifest)
    out_gold = "".join(json.dumps(g, ensure_ascii=False) + "\n" for g in gold)
    out_orig = json.dumps(originals, ensure_ascii=False, indent=1) + "\n"
    diffs = [name for name, path, text in (("manifest.jsonl", PORTAL / "manifest.jsonl", out_manifest),
                                            ("gold/reports.jsonl", PORTAL / "gold/reports.jsonl", out_gold),
                                            ("portal_originals.json", FORMATS / "portal_originals.json", out_orig))
             if not path.exists() or path.read_text(encoding="utf-8") != text]
    if write:
        (PORTAL / "manifest.jsonl").write_text(out_manifest, encoding="utf-8")
        (PORTAL / "gold/reports.jsonl").write_text(out_gold, encoding="utf-8")
        (FORMATS / "portal_originals.json").write_text(out_orig, encoding="utf-8")
    return diffs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="only say whether the snapshot is as this makes it")
    args = ap.parse_args(argv)
    diffs = build(write=not args.check)
    if args.check:
        print("up to date" if not diffs else f"differs: {', '.join(diffs)}")
        return 1 if diffs else 0
    print(f"written ({', '.join(diffs) or 'no change'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
