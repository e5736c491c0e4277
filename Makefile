# countyreports — every target does its own set-up on a fresh machine (Python 3.11 + PyPI).
PYTHON ?= python3.11
VENV   ?= .venv
BIN    := $(VENV)/bin
SNAPSHOT := tests/fixtures/portal
DB     ?= warehouse/countyreports.duckdb
PORT   ?= 8765

.PHONY: install demo test eval check clean browser formats bench

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "need $(PYTHON) on PATH"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

# the read path compiled with mypyc (countyreports.native): rebuilt when one of its sources changes; without a
# C compiler the build fails and the same pure-Python sources run (tests/test_native.py says which)
NATIVE_SRC := $(addprefix src/countyreports/,text/chars.py text/mojibake.py text/pinyin.py text/clean.py \
	text/decode.py text/numerals.py reading/urls.py reading/query.py reading/pagenoise.py reading/pagemeta.py \
	reading/titles.py reading/paragraphs.py reading/article.py reading/parts.py reading/nesting.py reading/sections.py reading/metadata.py \
	reading/indicators/breaks.py reading/indicators/frames.py reading/indicators/cues.py reading/indicators/rows.py reading/indicators/columns.py \
	reading/indicators/quantities.py reading/indicators/scope.py reading/indicators/rates.py \
	reading/indicators/levels.py reading/indicators/periods.py reading/indicators/pairs.py \
	reading/indicators/totals.py reading/indicators/places.py reading/indicators/departments.py \
	reading/indicators/attribution.py \
	reading/indicators/extract.py)

build/native/stamp.json: $(NATIVE_SRC) src/countyreports/native/__init__.py src/countyreports/native/compiler.py $(VENV)/.installed
	@mkdir -p build && $(BIN)/python -m countyreports.native.compiler build >build/native.log 2>&1 || \
		{ tail -n 30 build/native.log; echo "make: the compiled read path was not built (above; build/native.log):" \
		"the pure-Python sources run"; }

install: $(VENV)/.installed build/native/stamp.json

# national scale on one small machine: every figure side by side, one markdown table (bench/run.py).
# The ~1.5 GB snapshot of 2,829 counties is built once and cached in warehouse/bench/ (not committed).
$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $@

bench: $(VENV)/.installed-bench build/native/stamp.json
	$(BIN)/python bench/run.py

demo: install formats
	@$(BIN)/python -m countyreports.cli.demo --snapshot $(SNAPSHOT) --db $(DB) --port $(PORT)

test: install browser formats
	$(BIN)/python -m pytest -q -p no:cacheprovider

# headless Chromium (+ a CJK font) for the HTML report test; installed only when running as root (as CI does)
browser:
	@if [ "$$(id -u)" = 0 ] && { ! command -v chromium >/dev/null 2>&1 || [ ! -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ]; }; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null; \
	fi

# legacy Word files and scans (issue 17): LibreOffice converts .doc/.wps (Debian's libreoffice-writer-nogui, ~260 MB,
# no recommends), and OpenCV, which the OCR engine (rapidocr-onnxruntime, a pip dependency) loads, needs libGL and
# glib; installed only when running as root (as CI does). Without them such reports are loaded as
# unreadable_format / needs_ocr with the reason, and `harvest --reparse` reads them once the tools are there.
formats:
	@if [ "$$(id -u)" = 0 ] && { ! command -v soffice >/dev/null 2>&1 || \
			! /sbin/ldconfig -p | grep -q 'libGL\.so\.1 '; }; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
			libreoffice-writer-nogui libgl1 libglib2.0-0 >/dev/null; \
	fi

eval: install
	$(BIN)/countyreports eval --snapshot $(SNAPSHOT) --db $(DB) --epoch 1

clean:
	rm -rf $(VENV) build warehouse/*.duckdb warehouse/*.wal warehouse/raw
