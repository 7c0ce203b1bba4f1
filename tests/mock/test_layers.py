"""The mock's layers hold (state ← validation ← http ← faults ← the harness), checked by import-linter with the
contracts in pyproject.toml, as `make lint` runs it; and the check fails when a layer imports what it may not."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "src" / "cloud_partner_portal_mock"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
CHECK_SECONDS = 120


def _lint_imports(config: Path, source_root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603  # reason: fixed argv, the lint-imports of this environment
        [str(LINT_IMPORTS), "--config", str(config), "--no-cache"],
        cwd=source_root,
        env={"PATH": str(LINT_IMPORTS.parent), "PYTHONPATH": str(source_root)},
        capture_output=True,
        text=True,
        timeout=CHECK_SECONDS,
        check=False,
    )


def test_every_contract_of_the_mock_is_kept() -> None:
    result = _lint_imports(ROOT / "pyproject.toml", ROOT / "src")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken." in result.stdout


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A copy of the mock's package and of the contracts, under `tmp_path`, to break on purpose."""
    shutil.copytree(PACKAGE, tmp_path / "cloud_partner_portal_mock", ignore=shutil.ignore_patterns("__pycache__"))
    contracts = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]
    (tmp_path / "pyproject.toml").write_text(_toml(contracts))
    return tmp_path


def _toml(contracts: dict[str, object]) -> str:
    """The `[tool.importlinter]` table back as TOML (its values are strings, booleans and lists of strings)."""

    def value(item: object) -> str:
        if isinstance(item, bool):
            return "true" if item else "false"
        if isinstance(item, list):
            return "[" + ", ".join(value(v) for v in item) + "]"
        return '"' + str(item).replace("\\", "\\\\").replace('"', '\\"') + '"'

    lines = ["[tool.importlinter]"]
    lines += [f"{key} = {value(item)}" for key, item in contracts.items() if key != "contracts"]
    for contract in contracts["contracts"]:  # type: ignore[attr-defined]
        lines += ["", "[[tool.importlinter.contracts]]"]
        lines += [f"{key} = {value(item)}" for key, item in contract.items()]
    return "\n".join(lines) + "\n"


BREAKS = {
    # id: (module of the copy, the import added to it, the contract that breaks)
    "state-imports-starlette": ("state/store.py", "import starlette.responses", "The state is plain Python"),
    "state-imports-http": (
        "state/lifecycle.py",
        "from ..http import bodies",
        "The mock's layers import only downwards",
    ),
    "validation-imports-openapi-core": ("validation/compiled.py", "import openapi_core", "Validation runs one engine"),
    "http-imports-harness": ("http/endpoints.py", "from .. import testing", "No layer imports the harness"),
    "faults-import-validation": ("faults/catalog.py", "from ..validation import spec", "Faults act before validation"),
}


@pytest.mark.parametrize(("module", "line", "broken"), list(BREAKS.values()), ids=list(BREAKS))
def test_a_forbidden_import_breaks_its_contract(package_copy: Path, module: str, line: str, broken: str) -> None:
    assert _lint_imports(package_copy / "pyproject.toml", package_copy).returncode == 0  # the copy is as good
    target = package_copy / "cloud_partner_portal_mock" / module
    source = target.read_text()
    target.write_text(
        source.replace("from __future__ import annotations\n", f"from __future__ import annotations\n\n{line}\n", 1)
    )

    result = _lint_imports(package_copy / "pyproject.toml", package_copy)

    assert result.returncode == 1, result.stdout
    assert " 0 broken." not in result.stdout
    assert broken in result.stdout.partition("Broken contracts")[2]
