# cloud-partner-portal: openapi.yaml → overlays → generated client, mock, contract tests.
# `make` runs the main job, `make test` the whole suite, `make help` lists the targets.

.DEFAULT_GOAL := all
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

PYTHON ?= python3
UV_VERSION := 0.13.9
UV ?= $(or $(shell command -v uv 2>/dev/null),.tools/bin/uv)
BIN := .venv/bin
export REDOCLY_TELEMETRY := off
export SCARF_ANALYTICS := false
export DO_NOT_TRACK := 1

# Overlays, in the order they are applied, for each audience of the description.
CLIENT_OVERLAYS := overlays/client.overlay.yaml
MOCK_OVERLAYS := overlays/local-mock.overlay.yaml overlays/mock-rules.overlay.yaml
DOCS_OVERLAYS := overlays/publication.overlay.yaml
SPECS := build/openapi.client.yaml build/openapi.mock.yaml build/openapi.docs.yaml

CLIENT_DIR := generated/cloud-partner-portal-client
MOCK_SPEC := src/cloud_partner_portal_mock/openapi.json
GENERATE = PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate \
	--path build/openapi.client.yaml --config openapi-python-client.yaml --meta uv \
	--custom-template-path templates/client --fail-on-warning --output-path

# Contract runs: the mock on loopback unless BASE_URL names a real endpoint.
HOST ?= 127.0.0.1
PORT ?= 8080
BASE_URL ?=
TOKEN ?=
ifneq ($(TOKEN),)
export CPP_TOKEN := $(TOKEN)   # exported, never echoed on a recipe line
endif
ALLOW_WRITES ?=
FUZZ_SECONDS ?= 600

.PHONY: all help setup overlay lint generate drift check test contract mock docs fuzz bench clean

help: ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-10s %s\n", $$1, $$2}'

all: setup overlay lint generate contract ## the main job: setup, overlays, lint, regenerate, contract run against the mock

setup: .venv/.done node_modules/.done ## install the pinned tools (uv sync --locked, npm ci)

.tools/bin/uv:
	$(PYTHON) -m venv .tools
	.tools/bin/pip install --quiet uv==$(UV_VERSION)

.venv/.done: pyproject.toml uv.lock | $(UV)
	$(UV) sync --locked
	touch $@

node_modules/.done: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

overlay: setup $(SPECS) ## openapi.yaml + overlays/ → build/openapi.{client,mock,docs}.yaml

# Each audience's description is a file target: rebuilt only when openapi.yaml or its overlays change.
APPLY = $(BIN)/python -m openapi_overlay apply openapi.yaml
build/openapi.client.yaml: openapi.yaml $(CLIENT_OVERLAYS) | setup
	$(APPLY) $(CLIENT_OVERLAYS) --strict -o $@
build/openapi.mock.yaml $(MOCK_SPEC) &: openapi.yaml $(MOCK_OVERLAYS) | setup
	$(APPLY) $(MOCK_OVERLAYS) --strict -o build/openapi.mock.yaml --also $(MOCK_SPEC)
build/openapi.docs.yaml: openapi.yaml $(DOCS_OVERLAYS) | setup
	$(APPLY) $(DOCS_OVERLAYS) --strict -o $@

lint: overlay ## spec gates (openapi-spec-validator, Spectral, Redocly) + ruff + mypy
	$(BIN)/openapi-spec-validator openapi.yaml $(SPECS)
	npx --no-install spectral lint openapi.yaml $(SPECS) --fail-severity=warn
	npx --no-install redocly lint openapi.yaml $(SPECS) --format=stylish
	$(BIN)/ruff check src tests examples scripts bench tools
	$(BIN)/ruff format --check src tests examples scripts bench tools
	$(BIN)/mypy
	$(BIN)/mypy --strict scripts bench tools
	$(BIN)/mypy --strict $(CLIENT_DIR)/cloud_partner_portal_client examples

generate: build/openapi.client.yaml build/openapi.mock.yaml ## build/openapi.client.yaml → generated/ (rm -rf first, --fail-on-warning); the mock's spec
	rm -rf $(CLIENT_DIR)
	$(GENERATE) $(CLIENT_DIR)

drift: build/openapi.client.yaml ## fail if generated/ or the mock's spec differ from a fresh generation (check only, writes build/)
	rm -rf build/drift && mkdir -p build/drift
	$(GENERATE) build/drift/cloud-partner-portal-client > /dev/null
	$(BIN)/python -m openapi_overlay apply openapi.yaml $(MOCK_OVERLAYS) --strict -o build/drift/openapi.json
	@diff -r --exclude=__pycache__ build/drift/cloud-partner-portal-client $(CLIENT_DIR) \
	  || { echo "error: $(CLIENT_DIR) differs from what 'make generate' produces (never edit it by hand; run 'make generate')"; exit 1; }
	@diff build/drift/openapi.json $(MOCK_SPEC) \
	  || { echo "error: $(MOCK_SPEC) is stale; run 'make generate'"; exit 1; }
	@echo "generated code matches openapi.yaml + overlays"

check: lint drift ## fast gate: lint + generated-code drift

test: setup ## the whole pytest suite: spec, overlays, client, mock, in-process contract
	$(BIN)/pytest

contract: build/openapi.mock.yaml ## schemathesis CLI, all phases and checks, vs BASE_URL (default: the mock) → build/reports/
	$(BIN)/python scripts/contract.py --host $(HOST) --port $(PORT) \
	  $(if $(BASE_URL),--base-url "$(BASE_URL)") $(if $(filter-out 0,$(ALLOW_WRITES)),--allow-writes)

mock: setup ## serve the mock on $(HOST):$(PORT)
	$(BIN)/python -m cloud_partner_portal_mock --host $(HOST) --port $(PORT)

docs: build/docs/index.html ## rendered reference (Redocly, one offline HTML file) → build/docs/index.html

# The reference of the Python layer and the command line, generated from their docstrings and --help.
DOCS_REFERENCE := build/overlays/reference.overlay.yaml
$(DOCS_REFERENCE): $(shell find src/cloud_partner_portal -name '*.py') tools/docs_reference.py | setup
	$(BIN)/python -m tools.docs_reference -o $@
build/docs/index.html: build/openapi.docs.yaml $(DOCS_REFERENCE) templates/docs/page.hbs package-lock.json
	$(BIN)/python -m openapi_overlay apply build/openapi.docs.yaml $(DOCS_REFERENCE) --strict -o build/openapi.page.yaml
	npx --no-install redocly build-docs build/openapi.page.yaml --inlineBundle --template templates/docs/page.hbs -o $@

fuzz: build/openapi.mock.yaml ## long schemathesis run vs the mock: every check, positive + negative, FUZZ_SECONDS (600) → build/reports/
	$(BIN)/python -m bench.fuzz --seconds $(FUZZ_SECONDS)

bench: overlay ## speed figures as ratios against baselines measured in the same run (needs wrk) → build/bench/, BENCHMARKS.md
	$(BIN)/python -m bench

clean: ## remove build/ and caches
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .hypothesis .schemathesis schemathesis-report
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -not -path './node_modules/*' -exec rm -rf {} +
