"""Score .doc/.wps converters and OCR engines on files made by make_formats.py (issue 17; docs/formats.md).

    .venv/bin/python tests/tools/make_formats.py --heldout /tmp/heldout
    taskset -c 1 env OMP_NUM_THREADS=1 OMP_THREAD_LIMIT=1 .venv/bin/python tests/tools/measure_formats.py word /tmp/heldout
    taskset -c 1 env OMP_NUM_THREADS=1 OMP_THREAD_LIMIT=1 .venv/bin/python tests/tools/measure_formats.py ocr /tmp/heldout \
        --engine rapidocr --set max_side_len=4000 --set use_cls=0 [--formats scan-clean,scan-hard] [--pages N]

Character error rate (CER): Levenshtein distance between the output and the rendered text (make_formats
``rendered_lines``: title, report lines, for Word files the table), both NFKC-normalised with all whitespace removed,
divided by the length of the reference. Seconds are wall-clock per file (Word) or per page (OCR, the engine call
only, models loaded before), in this process and its children, which the commands above pin to one core.

``ocr`` prints, per file format, the CER of the raw engine output (lines in the engine's order) and after
the product's post-processing (countyreports.reading.ocrtext: page numbers, repeated header/footer lines and tilted
seal text dropped, lines joined into paragraphs), and with ``--recall`` the indicator recall of ``countyreports
parse`` on both texts.

The product itself, as a user runs it (issue 17's "Must show"):

    taskset -c 1 env OMP_NUM_THREADS=1 .venv/bin/python tests/tools/measure_formats.py product /tmp/heldout
    taskset -c 1 env OMP_NUM_THREADS=1 .venv/bin/python tests/tools/measure_formats.py speed /tmp/heldout --pages 2

``product`` runs ``countyreports parse --format json`` once on every file of the set (a fresh derived cache, so
every file is converted or OCR'd) and scores its ``text`` (against the rendered lines without the title, which the
parser sets apart) and its indicators (against the gold); ``speed`` times the product's OCR of one page
(countyreports.attachments.ocr: page preparation and engine, PDF rendering included) in this process, CPU and wall
seconds per page, after one untimed warm-up page.
"""

from __future__ import annotations

import argparse
import io
import json
import math
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image
from rapidfuzz.distance import Levenshtein

from countyreports.models import OcrLine, OcrPage
from countyreports.reading.ocrtext import fix_confusables, kept_lines, ocr_text

sys.path.insert(0, str(Path(__file__).resolve().parent))
import make_formats as mf  # noqa: E402

ROOT = mf.ROOT
VENV_BIN = Path(sys.executable).parent

# ------------------------------------------------------------------------------------------------------ scoring


def norm(s: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", s))


def cer(hyp: str, ref: str) -> float:
    r = norm(ref)
    return Levenshtein.distance(norm(hyp), r) / max(1, len(r))


def load_gold(folder: Path) -> list[tuple[dict[str, object], mf.Report]]:
    snap = mf.load_snapshot()
    own = {r.report_id: r for r in mf.load_heldout_texts()}
    out = []
    for raw in (folder / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        e = json.loads(raw)
        rid = str(e["report_id"])
        out.append((e, snap[rid] if rid in snap else own[rid]))
    return out


def reference(entry: dict[str, object], report: mf.Report) -> str:
    return "\n".join(mf.rendered_lines(report, str(entry["format"])))


# ---------------------------------------------------------------------------------------------- Word converters


def run(cmd: Sequence[str], timeout: float = 120) -> tuple[str, float]:
    t = time.perf_counter()
    p = subprocess.run(list(cmd), capture_output=True, timeout=timeout)
    return p.stdout.decode("utf-8", "replace"), time.perf_counter() - t


def conv_antiword(path: Path, _tmp: Path) -> tuple[str, float]:
    text, secs = run(["antiword", "-m", "UTF-8.txt", "-w", "0", str(path)])
    # antiword draws a table row as |cell|cell|: the bars are layout, not text
    rows = [re.sub(r"^\|(.*)\|$", lambda m: m.group(1).replace("|", "\t"), ln) for ln in text.splitlines()]
    return "\n".join(rows), secs


def conv_catdoc(path: Path, _tmp: Path) -> tuple[str, float]:
    return run(["catdoc", "-d", "utf-8", "-w", str(path)])


def _soffice(path: Path, tmp: Path, target: str) -> tuple[Path, float]:
    # the file under its own name and extension (LibreOffice detects a Word 97 binary in a .wps by its content)
    src = tmp / path.name
    shutil.copyfile(path, src)
    profile = (tmp / "profile").as_uri()
    cmd = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--convert-to", target, "--outdir", str(tmp)]
    _, secs = run([*cmd, str(src)])
    return tmp / (path.stem + "." + target.split(":")[0]), secs


def conv_soffice_txt(path: Path, tmp: Path) -> tuple[str, float]:
    out, secs = _soffice(path, tmp, "txt:Text (encoded):UTF8")
    return out.read_text(encoding="utf-8-sig") if out.exists() else "", secs


def conv_soffice_docx(path: Path, tmp: Path) -> tuple[str, float]:
    out, secs = _soffice(path, tmp, "docx:MS Word 2007 XML")
    t = time.perf_counter()
    text = docx_text(out) if out.exists() else ""
    return text, secs + time.perf_counter() - t


def docx_text(path: Path) -> str:
    """Body paragraphs and table rows (cells joined by a tab) in document order, as python-docx reads them."""
    from docx import Document
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    doc = Document(str(path))
    lines = []
    for block in doc.element.body.iterchildren():
        tag = block.tag.rsplit("}", 1)[-1]
        if tag == "p":
            lines.append(Paragraph(block, doc).text)
        elif tag == "tbl":
            for row in Table(block, doc).rows:
                lines.append("\t".join(c.text for c in row.cells))
    return "\n".join(lines)


UNO_SERVER = r"""
import sys, time, uno, json
from com.sun.star.beans import PropertyValue
def prop(n, v):
    p = PropertyValue(); p.Name = n; p.Value = v; return p
port, target, files = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
filt = {"txt": (prop("FilterName", "Text (encoded)"), prop("FilterOptions", "UTF8")), "docx": (prop("FilterName", "MS Word 2007 XML"),)}[target]
local = uno.getComponentContext()
resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
for _ in range(200):
    try:
        ctx = resolver.resolve(f"uno:socket,host=127.0.0.1,port={port};urp;StarOffice.ComponentContext"); break
    except Exception:
        time.sleep(0.1)
desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
for f in files:
    t = time.perf_counter()
    doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(f), "_blank", 0, (prop("Hidden", True), prop("FilterName", "MS Word 97")))
    doc.storeToURL(uno.systemPathToFileUrl(f + "." + target), filt)
    doc.close(True)
    print(json.dumps({"file": f, "secs": time.perf_counter() - t}), flush=True)
"""


def soffice_kept_alive(paths: Sequence[Path], tmp: Path, target: str) -> dict[Path, tuple[str, float]]:
    """One LibreOffice process kept running, driven over UNO (Debian python3-uno, system python): per-file cost."""
    port = 20000 + os.getpid() % 10000
    profile = (tmp / "profile-uno").as_uri()
    srv = subprocess.Popen(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--invisible", "--norestore",
         f"--accept=socket,host=127.0.0.1,port={port};urp;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    try:
        copies = []
        for p in paths:
            c = tmp / f"uno-{p.stem}.doc"
            shutil.copyfile(p, c)
            copies.append(c)
        out = subprocess.run(["/usr/bin/python3", "-c", UNO_SERVER, str(port), target, *map(str, copies)],
                             capture_output=True, text=True, timeout=600)
        if out.returncode:
            raise RuntimeError(out.stderr[-2000:])
        res = {}
        for line, p, c in zip(out.stdout.splitlines(), paths, copies, strict=True):
            secs = json.loads(line)["secs"]
            if target == "txt":
                res[p] = (Path(str(c) + ".txt").read_text(encoding="utf-8-sig"), secs)
            else:
                t = time.perf_counter()
                res[p] = (docx_text(Path(str(c) + ".docx")), secs + time.perf_counter() - t)
        return res
    finally:
        srv.terminate()
        srv.wait(timeout=30)


CONVERTERS = {
    "antiword": conv_antiword,
    "catdoc": conv_catdoc,
    "soffice-txt": conv_soffice_txt,
    "soffice-docx+python-docx": conv_soffice_docx,
}


def table_kept(text: str, rows: Sequence[str]) -> bool:
    """Every table row on one line, its cells in order and nothing else on that line."""
    lines = [[c for c in re.split(r"\t|\|| {2,}", norm_keep_space(ln)) if c.strip()] for ln in text.splitlines()]
    return all([norm(c) for c in row.split("\t")] in [[norm(c) for c in ln] for ln in lines] for row in rows)


def norm_keep_space(s: str) -> str:
    return unicodedata.normalize("NFKC", s).strip()


def field_codes_seen(text: str) -> list[str]:
    return [w for w in ("HYPERLINK", "PAGE", "MERGEFORMAT", "example.gov.cn") if w in text]


def cmd_word(args: argparse.Namespace) -> None:
    gold = [(e, r) for e, r in load_gold(args.dir) if e["format"] in ("doc", "wps")]
    rows = []
    with tempfile.TemporaryDirectory() as tmpd:
        tmp = Path(tmpd)
        # warm the disk cache and LibreOffice's profile once, untimed
        conv_soffice_txt(args.dir / str(gold[0][0]["file"]), tmp)
        for name, fn in CONVERTERS.items():
            for e, r in gold:
                text, secs = fn(args.dir / str(e["file"]), tmp)
                rows.append((name, e, r, text, secs))
        for target in ("txt", "docx"):
            kept = soffice_kept_alive([args.dir / str(e["file"]) for e, _ in gold], tmp, target)
            for e, r in gold:
                text, secs = kept[args.dir / str(e["file"])]
                label = "soffice-txt" if target == "txt" else "soffice-docx+python-docx"
                rows.append((f"{label}, kept alive (UNO)", e, r, text, secs))
    by: dict[str, list[tuple[float, float, bool, list[str]]]] = {}
    for name, e, r, text, secs in rows:
        c = cer(text, reference(e, r))
        tk = table_kept(text, list(e["table_lines"])[1:])  # type: ignore[arg-type]
        fc = field_codes_seen(text)
        if args.verbose:
            print(f"{name:28} {e['file']:28} CER {c:.4f} table {tk} fields {fc} {secs:.2f}s")
        by.setdefault(name, []).append((c, secs, tk, fc))
        if args.save:
            out = args.save / name.replace(" ", "_").replace("(", "").replace(")", "")
            out.mkdir(parents=True, exist_ok=True)
            (out / (Path(str(e["file"])).name + ".txt")).write_text(text, encoding="utf-8")
    print(f"| converter | files | CER mean | CER max | tables as rows | field codes in text | s/file median |")
    print("|---|---|---|---|---|---|---|")
    for name, v in by.items():
        cs = [x[0] for x in v]
        print(f"| {name} | {len(v)} | {statistics.mean(cs):.2%} | {max(cs):.2%} | {sum(x[2] for x in v)}/{len(v)} "
              f"| {sum(bool(x[3]) for x in v)}/{len(v)} {sorted(set(w for x in v for w in x[3]))} "
              f"| {statistics.median(x[1] for x in v):.2f} |")


# ----------------------------------------------------------------------------------------------------------- OCR
# (the sniffing and the post-processing first written here are product code now: countyreports.reading.fileformat
# and countyreports.reading.ocrtext; the OCR lines are countyreports.models.OcrLine / OcrPage)


def page_images(path: Path, entry: dict[str, object]) -> list[Image.Image]:
    """The page images of a scan (PDF: each page's embedded image, at its own resolution) or of an article."""
    if path.suffix == ".html":
        return [Image.open(path.parent / str(n)).convert("RGB") for n in entry["images"]]  # type: ignore[attr-defined]
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    out = []
    for page in pdf:
        dpi = int(entry.get("dpi", 300))  # type: ignore[call-overload]
        out.append(page.render(scale=dpi / 72).to_pil().convert("RGB"))
    return out


def drop_colour(im: Image.Image) -> Image.Image:
    """Greyscale that keeps black ink and drops coloured ink (the red seal): the brightest of R, G, B per pixel."""
    a = np.asarray(im.convert("RGB"))
    return Image.fromarray(a.max(axis=2))


class RapidEngine:
    def __init__(self, settings: dict[str, str]) -> None:
        from rapidocr_onnxruntime import RapidOCR

        kw: dict[str, object] = {"intra_op_num_threads": 1, "inter_op_num_threads": 1}
        for k, v in settings.items():
            kw[k] = _num(v)
        self.colour = bool(kw.pop("drop_colour", 1))
        self.prescale = int(kw.pop("prescale", 0))  # longest side in px, resampled here with area averaging
        self.engine = RapidOCR(**kw)
        self.split: list[tuple[float, float, float]] = []
        self.cpu: list[float] = []

    def __call__(self, im: Image.Image) -> tuple[list[OcrLine], float]:
        t, c = time.perf_counter(), time.process_time()
        src = drop_colour(im) if self.colour else im.convert("RGB")
        k = 1.0
        if self.prescale and max(src.size) > self.prescale:
            k = max(src.size) / self.prescale
            src = src.resize((round(src.width / k), round(src.height / k)), Image.BOX)
        arr = np.asarray(src.convert("RGB"))[:, :, ::-1].copy()  # BGR for OpenCV
        res, elapse = self.engine(arr)
        secs = time.perf_counter() - t
        self.cpu.append(time.process_time() - c)
        if elapse:
            self.split.append(tuple(elapse))  # type: ignore[arg-type]
        lines = []
        for box, text, score in res or []:
            (xa, ya), (xb, yb) = box[0], box[1]
            xs, ys = [p[0] for p in box], [p[1] for p in box]
            ang = math.degrees(math.atan2(yb - ya, xb - xa))
            lines.append(OcrLine(text, min(xs) * k, min(ys) * k, max(xs) * k, max(ys) * k, float(score), ang))
        return lines, secs


class TesseractEngine:
    def __init__(self, settings: dict[str, str]) -> None:
        self.psm = settings.get("psm", "6")
        self.upscale = float(settings.get("upscale", "1"))
        self.colour = bool(int(settings.get("drop_colour", "1")))
        self.extra = [x for k, v in settings.items() if k not in ("psm", "upscale", "drop_colour") for x in ("-c", f"{k}={v}")]
        self.split: list[tuple[float, float, float]] = []
        self.cpu: list[float] = []

    def __call__(self, im: Image.Image, dpi: int) -> tuple[list[OcrLine], float]:
        g = drop_colour(im) if self.colour else im.convert("L")
        if self.upscale != 1:
            g = g.resize((round(g.width * self.upscale), round(g.height * self.upscale)), Image.LANCZOS)
        with tempfile.NamedTemporaryFile(suffix=".png") as f:
            g.save(f.name)
            cmd = ["tesseract", f.name, "stdout", "-l", "chi_sim", "--oem", "1", "--psm", self.psm,
                   "--dpi", str(round(dpi * self.upscale)), *self.extra, "tsv"]
            t, c = time.perf_counter(), _child_cpu()
            out = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ, "OMP_THREAD_LIMIT": "1"})
            secs = time.perf_counter() - t
            self.cpu.append(_child_cpu() - c)
        words: dict[tuple[int, ...], list[tuple[float, float, float, float, float, str]]] = {}
        for row in out.stdout.splitlines()[1:]:
            f_ = row.split("\t")
            if len(f_) < 12 or f_[0] != "5" or not f_[11].strip():
                continue
            key = tuple(int(x) for x in f_[1:5])
            x, y, w, h, conf = (float(v) for v in f_[6:11])
            s = self.upscale
            words.setdefault(key, []).append((x / s, y / s, (x + w) / s, (y + h) / s, conf / 100, f_[11]))
        lines = []
        for key in sorted(words):
            ws = words[key]
            cx = [(a + c) / 2 for a, _, c, _, _, _ in ws]
            cy = [(b + d) / 2 for _, b, _, d, _, _ in ws]
            ang = math.degrees(math.atan(np.polyfit(cx, cy, 1)[0])) if len(ws) > 3 and max(cx) - min(cx) > 50 else 0.0
            lines.append(OcrLine("".join(w[5] for w in ws), min(w[0] for w in ws), min(w[1] for w in ws),
                                 max(w[2] for w in ws), max(w[3] for w in ws), statistics.mean(w[4] for w in ws), ang))
        return lines, secs


def _child_cpu() -> float:
    import resource

    u = resource.getrusage(resource.RUSAGE_CHILDREN)
    return u.ru_utime + u.ru_stime


def _num(v: str) -> object:
    for t in (int, float):
        try:
            return t(v)
        except ValueError:
            pass
    return {"true": True, "false": False}.get(v.lower(), v)


# ------------------------------------------------------------------------------------------- post-processing


def raw_text(pages: Sequence[OcrPage]) -> str:
    return "\n".join(ln.text for p in pages for ln in p.lines)


def filtered_text(pages: Sequence[OcrPage]) -> str:
    """The lines kept by the product's post-processing (page furniture and seal text dropped), not joined."""
    return fix_confusables("\n".join(ln.text for page in kept_lines(pages) for ln in page))


def postprocess(pages: Sequence[OcrPage]) -> str:
    """The product's post-processing (countyreports.reading.ocrtext): furniture and seal dropped, lines joined."""
    return "\n".join(ocr_text(pages).paragraphs)


# --------------------------------------------------------------------------------------------------- ocr command


def parse_recall(texts: dict[str, str], gold: dict[str, mf.Report]) -> dict[str, tuple[int, int]]:
    """Indicator recall through ``countyreports parse`` of each text (as a .txt file): (found, expected) per key."""
    with tempfile.TemporaryDirectory() as tmpd:
        files = []
        for key, text in texts.items():
            f = Path(tmpd) / f"{len(files):03d}.txt"
            f.write_text(text, encoding="utf-8")
            files.append((key, f))
        out = subprocess.run([str(VENV_BIN / "countyreports"), "parse", *(str(f) for _, f in files)],
                             capture_output=True, text=True, check=True)
    res = {}
    for (key, _), line in zip(files, out.stdout.splitlines(), strict=True):
        got = Counter((i["code"], float(i["value"])) for i in json.loads(line)["indicators"])
        want = Counter((str(i["code"]), float(i["value"])) for i in gold[key].indicators)  # type: ignore[arg-type]
        res[key] = (sum((want & got).values()), sum(want.values()))
    return res


def cmd_ocr(args: argparse.Namespace) -> None:
    settings = dict(s.split("=", 1) for s in args.set)
    formats = set(args.formats.split(","))
    gold = [(e, r) for e, r in load_gold(args.dir) if e["format"] in formats]
    if args.reports:
        gold = [(e, r) for e, r in gold if r.report_id in args.reports.split(",")]
    t0 = time.perf_counter()
    engine = RapidEngine(settings) if args.engine == "rapidocr" else TesseractEngine(settings)
    load_secs = time.perf_counter() - t0
    first = page_images(args.dir / str(gold[0][0]["file"]), gold[0][0])[0]
    engine(first) if isinstance(engine, RapidEngine) else engine(first, int(gold[0][0].get("dpi", 300)))  # warm-up
    engine.split.clear()
    engine.cpu.clear()
    per_fmt: dict[str, list[dict[str, object]]] = {}
    texts: dict[str, str] = {}
    for e, r in gold:
        path = args.dir / str(e["file"])
        ims = page_images(path, e)[: args.pages or None]
        pages, secs = [], []
        n_cpu = len(engine.cpu)
        for im in ims:
            if isinstance(engine, RapidEngine):
                lines, s = engine(im)
            else:
                lines, s = engine(im, int(e.get("dpi", 300)))  # type: ignore[call-overload]
            pages.append(OcrPage(len(pages) + 1, im.width, im.height, tuple(lines)))
            secs.append(s)
        ref = reference(e, r)
        variants = {
            "raw": raw_text(pages),
            "-furniture-seal": filtered_text(pages),
            "post": postprocess(pages),
        }
        confs = [ln.conf for p in pages for ln in p.lines]
        row = {"file": e["file"], "pages": len(pages), "secs": secs, "cpu": engine.cpu[n_cpu:], "conf": statistics.mean(confs) if confs else 0}
        for k, v in variants.items():
            row[k] = cer(v, ref) if not args.pages else float("nan")  # --pages: a timing run, not scored
        per_fmt.setdefault(str(e["format"]), []).append(row)
        key = str(e["file"])
        texts[key + "|raw"] = variants["raw"]
        texts[key + "|post"] = variants["post"]
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / (key.replace("/", "_") + ".post.txt")).write_text(variants["post"], encoding="utf-8")
            (args.save / (key.replace("/", "_") + ".raw.txt")).write_text(variants["raw"], encoding="utf-8")
        if args.verbose:
            print(f"{key:34} p={len(pages)} s/page={statistics.mean(secs):.2f} cpu={statistics.mean(row['cpu']):.2f} raw={row['raw']:.4f} "
                  f"-furniture-seal={row['-furniture-seal']:.4f} post={row['post']:.4f} "
                  f"conf={row['conf']:.3f}", flush=True)
    recall: dict[str, tuple[int, int]] = {}
    if args.recall:
        gmap = {k: r for e, r in gold for k in (str(e["file"]) + "|raw", str(e["file"]) + "|post")}
        recall = parse_recall(texts, gmap)
    label = f"{args.engine} {' '.join(args.set) or 'defaults'}"
    split = ""
    if getattr(engine, "split", None):
        sp = np.array(engine.split)
        split = f" (det/cls/rec {sp[:, 0].mean():.2f}/{sp[:, 1].mean():.2f}/{sp[:, 2].mean():.2f})"
    print(f"## {label}: model load {load_secs:.2f} s{split}; load average at the end {os.getloadavg()[0]:.2f}")
    print("| format | files | pages | CER raw | − furniture, seal | post (joined) | CER post max | s/page mean | s/page max | CPU s/page | recall raw | recall post |")
    print("|---|---|---|---|---|---|---|---|---|---|---|---|")
    for fmt, rows in per_fmt.items():
        allsecs = [s for r in rows for s in r["secs"]]  # type: ignore[attr-defined]
        allcpu = [s for r in rows for s in r["cpu"]]  # type: ignore[attr-defined]
        rec = ["", ""]
        if recall:
            for j, v in enumerate(("raw", "post")):
                f_ = sum(recall[str(r["file"]) + "|" + v][0] for r in rows)
                n_ = sum(recall[str(r["file"]) + "|" + v][1] for r in rows)
                rec[j] = f"{f_}/{n_} = {f_ / n_:.2f}"
        m = lambda k: statistics.mean(float(r[k]) for r in rows)  # noqa: E731
        print(f"| {fmt} | {len(rows)} | {sum(int(r['pages']) for r in rows)} | {m('raw'):.2%} "
              f"| {m('-furniture-seal'):.2%} | {m('post'):.2%} | {max(float(r['post']) for r in rows):.2%} "
              f"| {statistics.mean(allsecs):.2f} | {max(allsecs):.2f} | {statistics.mean(allcpu):.2f} | {rec[0]} | {rec[1]} |")


def cmd_product(args: argparse.Namespace) -> None:
    """`countyreports parse --format json` on the whole set: CER and indicator recall per format, as shipped."""
    gold = load_gold(args.dir)
    files = [str(args.dir / str(e["file"])) for e, _ in gold]
    with tempfile.TemporaryDirectory() as cache:
        env = {**os.environ, "COUNTYREPORTS_DERIVED_DIR": cache}
        t, c = time.perf_counter(), _child_cpu()
        out = subprocess.run([str(VENV_BIN / "countyreports"), "parse", "--format", "json", *files],
                             capture_output=True, text=True, check=True, env=env)
        wall, cpu = time.perf_counter() - t, _child_cpu() - c
    rows: dict[str, list[tuple[float, int, int, str]]] = {}
    for (e, r), line in zip(gold, out.stdout.splitlines(), strict=True):
        o = json.loads(line)
        ref = "\n".join(mf.rendered_lines(r, str(e["format"]))[1:])  # (the title: the parser sets it apart)
        got = Counter((i["code"], round(float(i["value"]), 2)) for i in o.get("indicators", []))
        want = Counter((str(i["code"]), round(float(i["value"]), 2)) for i in r.indicators)  # type: ignore[arg-type]
        c_ = cer(o.get("text", ""), ref) if "text" in o else 1.0
        rows.setdefault(str(e["format"]), []).append((c_, sum((want & got).values()), sum(want.values()),
                                                      o.get("text_source") or o.get("error", "")))
        if args.verbose:
            print(f"{e['file']:36} {o.get('text_source') or o.get('error')} CER {c_:.4%} "
                  f"ind {sum((want & got).values())}/{sum(want.values())}", flush=True)
    print(f"## countyreports parse --format json, {len(files)} files: {wall:.0f} s wall, {cpu:.0f} CPU s "
          f"(children); load average at the end {os.getloadavg()[0]:.2f}")
    print("| format | files | text_source | CER mean | CER max | indicator recall |")
    print("|---|---|---|---|---|---|")
    for fmt, v in rows.items():
        f_, n_ = sum(x[1] for x in v), sum(x[2] for x in v)
        print(f"| {fmt} | {len(v)} | {', '.join(sorted(set(x[3] for x in v)))} | {statistics.mean(x[0] for x in v):.2%} "
              f"| {max(x[0] for x in v):.2%} | {f_}/{n_} = {f_ / n_:.3f} |")


def cmd_speed(args: argparse.Namespace) -> None:
    """CPU and wall seconds per page of the product's OCR (countyreports.attachments.ocr) in this process."""
    from countyreports.attachments import ocr

    gold = [e for e, _ in load_gold(args.dir) if e["format"] in ("scan-clean", "scan-hard", "html-images")]
    jobs: list[tuple[str, object, object, int]] = []
    for e in gold:
        path = args.dir / str(e["file"])
        n = int(e["pages"]) if not args.pages else min(args.pages, int(e["pages"]))  # type: ignore[call-overload]
        if e["format"] == "html-images":
            jobs += [(str(e["format"]), ocr.image_page, (path.parent / str(img)).read_bytes(), k + 1)
                     for k, img in enumerate(e["images"][:n])]  # type: ignore[index]
        else:
            jobs += [(str(e["format"]), ocr.pdf_page, path.read_bytes(), k) for k in range(n)]
    ocr.pdf_page(jobs[0][2], 0) if jobs[0][1] is ocr.pdf_page else ocr.image_page(jobs[0][2], 1)  # warm-up, model load
    times: dict[str, list[tuple[float, float]]] = {}
    for fmt, fn, data, arg in jobs:
        t, c = time.perf_counter(), time.process_time()
        fn(data, arg)  # type: ignore[operator]
        times.setdefault(fmt, []).append((time.process_time() - c, time.perf_counter() - t))
    print(f"## {ocr.TOOL}, {ocr.ENGINE_SETTINGS}, page ≤ {ocr.MAX_SIDE} px; load average at the end "
          f"{os.getloadavg()[0]:.2f}")
    print("| kind | pages | CPU s/page mean | CPU s/page max | wall s/page mean | wall s/page max |")
    print("|---|---|---|---|---|---|")
    for fmt, v in times.items():
        print(f"| {fmt} | {len(v)} | {statistics.mean(x[0] for x in v):.2f} | {max(x[0] for x in v):.2f} "
              f"| {statistics.mean(x[1] for x in v):.2f} | {max(x[1] for x in v):.2f} |")


def cmd_source_recall(args: argparse.Namespace) -> None:
    """Indicator recall of the parser on the reference texts themselves (the ceiling for any converter or OCR)."""
    gold = load_gold(args.dir)
    seen, texts, gmap = set(), {}, {}
    for e, r in gold:
        if r.report_id in seen:
            continue
        seen.add(r.report_id)
        texts[r.report_id] = "\n".join(mf.rendered_lines(r, "scan-clean"))
        gmap[r.report_id] = r
    res = parse_recall(texts, gmap)
    for k, (f_, n_) in res.items():
        print(f"{k}: {f_}/{n_}")
    print(f"total: {sum(f for f, _ in res.values())}/{sum(n for _, n in res.values())}")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    w = sub.add_parser("word", help="score the .doc/.wps converters")
    w.add_argument("dir", type=Path)
    w.add_argument("--save", type=Path, help="write each converter's text here")
    w.add_argument("-v", "--verbose", action="store_true")
    o = sub.add_parser("ocr", help="score an OCR engine with given settings")
    o.add_argument("dir", type=Path)
    o.add_argument("--engine", choices=("rapidocr", "tesseract"), required=True)
    o.add_argument("--set", action="append", default=[], metavar="KEY=VALUE", help="engine setting (repeatable)")
    o.add_argument("--formats", default="scan-clean,scan-hard,html-images")
    o.add_argument("--reports", default="", help="comma-separated report ids (default: all)")
    o.add_argument("--pages", type=int, default=0, help="only the first N pages of each file (timing runs)")
    o.add_argument("--recall", action="store_true", help="also indicator recall through countyreports parse")
    o.add_argument("--save", type=Path, help="write raw and post-processed texts here")
    o.add_argument("-v", "--verbose", action="store_true")
    pr = sub.add_parser("product", help="countyreports parse --format json on the set: CER and recall")
    pr.add_argument("dir", type=Path)
    pr.add_argument("-v", "--verbose", action="store_true")
    sp = sub.add_parser("speed", help="seconds per page of the product's OCR")
    sp.add_argument("dir", type=Path)
    sp.add_argument("--pages", type=int, default=0, help="only the first N pages of each file")
    s = sub.add_parser("source-recall", help="indicator recall of the parser on the reference texts")
    s.add_argument("dir", type=Path)
    args = ap.parse_args(argv)
    {"word": cmd_word, "ocr": cmd_ocr, "product": cmd_product, "speed": cmd_speed,
     "source-recall": cmd_source_recall}[args.cmd](args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
