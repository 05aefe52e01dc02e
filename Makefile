# sakip — every target installs what it needs on a fresh Debian machine.
SHELL := /bin/bash
SWIFT ?= swift
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
APT_PACKAGES := libcsv-dev libxlsxwriter-dev pkg-config zlib1g-dev
BIN := .build/debug/sakip
OUT := out
export SOURCE_DATE_EPOCH ?= 1751328000

.PHONY: deps build test demo boundary independent bench bench-country clean

## Install missing system packages (Debian) and Python's openpyxl for the independent checks.
deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; fi
	@python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl 2>/dev/null \
	  || python3 -m pip install -q --break-system-packages openpyxl

build: deps
	$(SWIFT) build

## The main job on the bundled samples: check the TW II forms (return notes for the sections
## that must fix something), then recap them into the workbook and its JSON.
demo: build
	@mkdir -p $(OUT)
	@echo "== sakip validate (TW II) =="
	@$(BIN) validate --definitions samples/indikator.csv --period TW2 --notes $(OUT)/catatan-TW2 samples/formulir-tw2; \
	  status=$$?; [ $$status -le 1 ] || exit $$status
	@echo
	@echo "== sakip recap (TW II) =="
	@$(BIN) recap --definitions samples/indikator.csv --period TW2 --out $(OUT)/rekap-TW2.xlsx --json $(OUT)/rekap-TW2.json \
	  --title "Dinas Komunikasi dan Informatika Kabupaten Sukamaju" \
	  --signer "Drs. Ahmad Sutrisno, M.Si|Kepala Dinas|197001011990031001" samples/formulir-tw2
	@echo
	@echo "Catatan pengembalian: $(OUT)/catatan-TW2/"
	@echo "Buku kerja rekap:     $(OUT)/rekap-TW2.xlsx"

## Every test: the C boundary rule, unit and golden tests (swift test), the independent checks,
## and a 10-second run of each fuzz target.
test: build boundary
	$(SWIFT) test 2>&1 | tee .build/swift-test.log; test $${PIPESTATUS[0]} -eq 0
	$(MAKE) --no-print-directory independent
	$(MAKE) --no-print-directory fuzz-smoke

## Only the adapters' Internals may import the C modules.
boundary:
	@if grep -rn "import CLibCSV\|import CXLSXWriter\|import CLibZ" Sources | grep -v "/Internals/"; then \
	  echo "C modules imported outside Internals/"; exit 1; fi

## Reads what sakip wrote with other programs (Python) and compares values.
independent:
	python3 scripts/check_outputs.py $(BIN)
	python3 scripts/check_template.py $(BIN)
	python3 scripts/check_workbook.py $(BIN)

## Speed and peak memory of `sakip recap` on generated agency and province corpora, in the same
## run as csv+XlsxWriter, pandas+openpyxl and the C floor (libcsv + libxlsxwriter alone);
## table on stdout and in bench/out/results.md (bench/README.md).
bench: deps
	python3 bench/run.py agency province

## The same on the country corpus (2,000,000 indicators, 20,000 forms, ≈ 1.2 GB of CSV).
bench-country: deps
	python3 bench/run.py country

## libFuzzer on the CSV reader, the number parser and the form reader, FUZZ_SECONDS each; a
## table of executions and crashes per target (Fuzz/README.md). fuzz-smoke: 10 s each, in `test`.
.PHONY: fuzz fuzz-smoke
FUZZ_SECONDS ?= 60
fuzz: deps
	@$(MAKE) --no-print-directory -f Fuzz/Makefile run FUZZ_SECONDS=$(FUZZ_SECONDS)

fuzz-smoke: deps
	@$(MAKE) --no-print-directory -f Fuzz/Makefile run FUZZ_SECONDS=10

clean:
	rm -rf .build .build-fuzz $(OUT)
