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
# The public description with loopback servers: what the mock serves and enforces under `--rules documented`.
DOCUMENTED_OVERLAYS := overlays/local-mock.overlay.yaml
DOCS_OVERLAYS := overlays/publication.overlay.yaml
SPECS := build/openapi.client.yaml build/openapi.mock.yaml build/openapi.docs.yaml

CLIENT_DIR := generated/cloud-partner-portal-client
MOCK_SPEC := src/cloud_partner_portal_mock/openapi.json
# What `make diff` and `make version` compare: the client's description, at BASE and in the work tree.
BASE ?=
ACCEPT_BREAKING ?=
BEFORE ?=
AFTER ?=
DOCUMENTED_SPEC := src/cloud_partner_portal_mock/openapi.documented.json
DESCRIBE_CLIENT = --spec openapi.yaml $(addprefix --overlay ,$(CLIENT_OVERLAYS)) $(if $(BASE),--base $(BASE))
GENERATE = PATH="$(abspath $(BIN)):$$PATH" $(BIN)/openapi-python-client generate \
	--path build/openapi.client.yaml --config openapi-python-client.yaml --meta uv \
	--custom-template-path templates/client --fail-on-warning --output-path
REGENERATE = rm -rf $(CLIENT_DIR) && $(GENERATE) $(CLIENT_DIR)

# Contract runs: the mock on loopback unless BASE_URL names a real endpoint.
HOST ?= 127.0.0.1
PORT ?= 8080
BASE_URL ?=
TOKEN ?=
# TOKEN is exported, never echoed on a recipe line. No comment may follow the assignment: make would keep the
# spaces before the `#` in the value.
ifneq ($(TOKEN),)
export CPP_TOKEN := $(TOKEN)
endif
ALLOW_WRITES ?=
# Passed through to tools.contract: REPORT=junit,html,har (→ build/reports/), ST_ARGS='--max-examples 3' (any
# schemathesis run option, last so it wins); read from the environment, never echoed.
REPORT ?=
ST_ARGS ?=
export REPORT ST_ARGS
# The served mock's form of the 202 (seed, 2018, 2020-migrated, 2020-legacy) and, for `make mock`, its rules.
FLAVOR ?=
RULES ?=
FUZZ_SECONDS ?= 600

.PHONY: all help setup overlay lint generate examples drift diff version check test install-check contract mock docs fuzz bench clean

help: ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-14s %s\n", $$1, $$2}'

all: setup overlay lint generate examples contract ## the main job: setup, overlays, lint, regenerate, type-check the examples, contract run against the mock

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

overlay: setup $(SPECS) $(DOCUMENTED_SPEC) ## openapi.yaml + overlays/ → build/openapi.{client,mock,docs}.yaml, the mock's two copies

# Each audience's description is a file target: rebuilt only when openapi.yaml or its overlays change.
APPLY = $(BIN)/python -m openapi_overlay apply openapi.yaml
build/openapi.client.yaml: openapi.yaml $(CLIENT_OVERLAYS) | setup
	$(APPLY) $(CLIENT_OVERLAYS) --strict -o $@
build/openapi.mock.yaml $(MOCK_SPEC) $(DOCUMENTED_SPEC) &: openapi.yaml $(MOCK_OVERLAYS) | setup
	$(APPLY) $(MOCK_OVERLAYS) --strict -o build/openapi.mock.yaml --also $(MOCK_SPEC)
	$(APPLY) $(DOCUMENTED_OVERLAYS) --strict -o $(DOCUMENTED_SPEC)
build/openapi.docs.yaml: openapi.yaml $(DOCS_OVERLAYS) | setup
	$(APPLY) $(DOCS_OVERLAYS) --strict -o $@

lint: overlay ## spec gates (openapi-spec-validator, Spectral, Redocly) + ruff + mypy + lint-imports (the mock's layers)
	$(BIN)/openapi-spec-validator openapi.yaml $(SPECS)
	npx --no-install spectral lint openapi.yaml $(SPECS) --fail-severity=warn
	npx --no-install redocly lint openapi.yaml $(SPECS) --format=stylish
	$(BIN)/ruff check src tests examples tools
	$(BIN)/ruff format --check src tests examples tools
	$(BIN)/mypy
	$(BIN)/mypy --strict tools
	$(BIN)/lint-imports --no-cache

generate: build/openapi.client.yaml build/openapi.mock.yaml $(DOCUMENTED_SPEC) ## build/openapi.client.yaml → generated/ (rm -rf first, --fail-on-warning); the mock's spec
	$(REGENERATE)

# The Python blocks of both READMEs and examples/, type-checked against the client in generated/: a second net
# under `make diff`, since code that uses a removed or changed name stops type-checking.
examples: setup ## mypy --strict over generated/, examples/ and the READMEs' Python blocks (→ build/examples/)
	$(BIN)/python -m tools.readme_examples --out build/examples README.md $(CLIENT_DIR)/README.md
	$(BIN)/mypy --strict $(CLIENT_DIR)/cloud_partner_portal_client examples build/examples

# Fresh copies under build/drift/, compared with what HEAD holds (and the work tree with HEAD): `make` has just
# regenerated the work tree in CI, so only HEAD can show a committed hand edit or a stray file.
drift: build/openapi.client.yaml ## fail if HEAD's generated/ or mock spec differ from a fresh generation, or the work tree from HEAD
	rm -rf build/drift && mkdir -p build/drift
	$(GENERATE) build/drift/cloud-partner-portal-client > /dev/null
	$(BIN)/python -m openapi_overlay apply openapi.yaml $(MOCK_OVERLAYS) --strict -o build/drift/openapi.json
	$(BIN)/python -m openapi_overlay apply openapi.yaml $(DOCUMENTED_OVERLAYS) --strict -o build/drift/openapi.documented.json
	$(BIN)/python -m tools.drift build/drift/cloud-partner-portal-client=$(CLIENT_DIR) build/drift/openapi.json=$(MOCK_SPEC) \
	  build/drift/openapi.documented.json=$(DOCUMENTED_SPEC)

# The client's description (openapi.yaml + client overlays) at BASE against the work tree's. BASE defaults to the
# last client-v* tag, else HEAD. A breaking change fails unless CHANGELOG.md carries its [ack:…] token (or ACCEPT_BREAKING=1).
# BEFORE=a.yaml AFTER=b.yaml compares two files instead (tests/tools/corpus/ holds such pairs).
diff: setup ## breaking-change report vs BASE (default: last client-v* tag, else HEAD); fails on an unacknowledged breaking change
	$(BIN)/python -m tools.apidiff $(if $(BEFORE),$(BEFORE) $(AFTER),$(DESCRIBE_CLIENT)) --changelog CHANGELOG.md --json build/apidiff.json$(if $(filter-out 0,$(ACCEPT_BREAKING)), --accept-breaking)

version: build/openapi.client.yaml build/openapi.mock.yaml ## next client version from `make diff` into openapi-python-client.yaml, its CHANGELOG.md entry, regenerate, uv lock
	$(BIN)/python -m tools.release $(DESCRIBE_CLIENT) --changelog CHANGELOG.md
	$(REGENERATE)
	$(UV) lock

check: lint drift diff examples ## fast gate: lint, generated-code drift against HEAD, breaking changes, examples type-check

test: setup ## the whole pytest suite: spec, overlays, client, mock, in-process contract
	$(BIN)/pytest

install-check: setup ## plain pip into fresh venvs on each Python 3.11+ found: ., '.[mock]', the client alone; build, twine check, smoke calls (needs the index)
	$(BIN)/python -m tools.install_check --uv $(UV)

contract: build/openapi.mock.yaml ## schemathesis CLI, all phases and checks, vs BASE_URL (default: the mock, in FLAVOR; REPORT=junit,html,har, ST_ARGS=...) → build/reports/
	$(BIN)/python -m tools.contract --host $(HOST) --port $(PORT) $(if $(FLAVOR),--flavor $(FLAVOR)) \
	  $(if $(BASE_URL),--base-url "$(BASE_URL)") $(if $(filter-out 0,$(ALLOW_WRITES)),--allow-writes)

mock: setup ## serve the mock on $(HOST):$(PORT) (FLAVOR=2018|2020-migrated|2020-legacy, RULES=documented)
	$(BIN)/python -m cloud_partner_portal_mock --host $(HOST) --port $(PORT) \
	  $(if $(FLAVOR),--flavor $(FLAVOR)) $(if $(RULES),--rules $(RULES))

docs: build/docs/index.html ## rendered reference (Redocly, one offline HTML file) → build/docs/index.html

# The reference of the Python layer and the command line, generated from their docstrings and --help.
DOCS_REFERENCE := build/overlays/reference.overlay.yaml
$(DOCS_REFERENCE): $(shell find src/cloud_partner_portal -name '*.py') tools/docs_reference.py | setup
	$(BIN)/python -m tools.docs_reference -o $@
build/docs/index.html: build/openapi.docs.yaml $(DOCS_REFERENCE) templates/docs/page.hbs package-lock.json
	$(BIN)/python -m openapi_overlay apply build/openapi.docs.yaml $(DOCS_REFERENCE) --strict -o build/openapi.page.yaml
	npx --no-install redocly build-docs build/openapi.page.yaml --inlineBundle --template templates/docs/page.hbs -o $@

fuzz: build/openapi.mock.yaml ## long schemathesis run vs the mock: every check, positive + negative, FUZZ_SECONDS (600) → build/reports/
	$(BIN)/python -m tools.fuzz --seconds $(FUZZ_SECONDS)

bench: overlay ## speed figures as ratios against baselines measured in the same run (needs wrk) → build/bench/, BENCHMARKS.md
	$(BIN)/python -m tools.bench

clean: ## remove build/ and caches
	rm -rf build .pytest_cache .mypy_cache .ruff_cache .hypothesis .schemathesis schemathesis-report
	find . -name __pycache__ -type d -prune -not -path './.venv/*' -not -path './node_modules/*' -exec rm -rf {} +
