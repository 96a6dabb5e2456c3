# The README's two commands: `make run` and `make test`. Each installs what it needs first.
SHELL := /bin/bash
PREFIX ?= /usr/local
SWIFT ?= swift
VENV := .venv
PYTHON := $(VENV)/bin/python3

RUN_PACKAGES := libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-katex nodejs liblapacke-dev libopenblas-dev libsqlite3-dev libzstd-dev bubblewrap
TEST_PACKAGES := $(RUN_PACKAGES) chromium libjs-mathjax poppler-utils
# The peers the benchmarks measure against (bench/site-build.sh).
BENCH_PACKAGES := $(RUN_PACKAGES) cmark-gfm pandoc

.PHONY: run test build release deps test-deps venv bench install clean

# --engine-reference: the site gets the engine's API reference (output/site/engine/), from its doc comments.
run: deps release
	.build/release/tally build notebooks -o output --engine-reference

# The suites are XCTest; Swift Testing is off so the run ends on XCTest's own summary line.
test: test-deps venv
	$(SWIFT) build --build-tests
	TALLY_PYTHON=$(abspath $(PYTHON)) $(SWIFT) test --skip-build --disable-swift-testing

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release

# Installs only the Debian packages that are missing (apt-get needs root, as the README says).
deps:
	@scripts/install-debian-packages $(RUN_PACKAGES)

test-deps:
	@scripts/install-debian-packages $(TEST_PACKAGES)

venv: $(VENV)/.installed

$(VENV)/.installed: reference/requirements.txt
	python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r reference/requirements.txt
	touch $@

bench: venv release
	@scripts/install-debian-packages $(BENCH_PACKAGES)
	PYTHON=$(abspath $(PYTHON)) bench/run-all

install: release
	scripts/install $(PREFIX)

clean:
	rm -rf .build output
