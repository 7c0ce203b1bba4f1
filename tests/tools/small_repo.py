"""A small repository for the git forms of `make diff` and `make version`: a description, its client overlay,
the generator config holding the version (0.4.0) and a changelog."""

from __future__ import annotations

from pathlib import Path

SPEC = """openapi: 3.1.0
info: {title: t, version: "1"}
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Thing"}
components:
  schemas:
    Thing:
      type: object
      properties:
        name: {type: string}
        size: {type: integer}
        kind: {$ref: "#/components/schemas/Kind"}
    Kind: {type: string, enum: [big, small]}
"""
OVERLAY = """overlay: 1.1.0
info: {title: client names, version: "1"}
actions:
  - target: $.components.schemas.Kind
    description: readable member names
    update:
      x-enum-varnames: [BIG, SMALL]
"""
CONFIG = "# generator config\npackage_version_override: 0.4.0  # set by make version\n"
CHANGELOG = "# Changelog\n\n## Unreleased\n\n## 0.4.0\n\nA release.\n"
FILES = {
    "openapi.yaml": SPEC,
    "overlays/client.overlay.yaml": OVERLAY,
    "openapi-python-client.yaml": CONFIG,
    "CHANGELOG.md": CHANGELOG,
}
ARGS = ["--overlay", "overlays/client.overlay.yaml", "--changelog", "CHANGELOG.md"]


def remove_size(repo: Path) -> None:
    spec = repo / "openapi.yaml"
    spec.write_text(spec.read_text().replace("        size: {type: integer}\n", ""))
