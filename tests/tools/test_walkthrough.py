"""The maintainer's walkthrough of the README ("When the API changes"), run on a scratch clone with the real targets.

Three releases in a row: a description edited (patch), an optional response field added (minor), that field
removed (breaking: minor while the client is 0.x). Each: edit openapi.yaml, (`make generate`), read `make diff`,
`make version`, commit, tag client-vX.Y.Z. The edits are made on whatever openapi.yaml holds: the first object
schema a 2xx JSON response refers to gets the field.
"""

from __future__ import annotations

import re

from scratch import Clone, load, response_model, save

FIELD = "walkthroughNote"


def version_of(clone: Clone) -> tuple[int, int, int]:
    config = clone.read("openapi-python-client.yaml")
    match = re.search(r"^package_version_override: *(\d+)\.(\d+)\.(\d+)", config, re.MULTILINE)
    assert match, "openapi-python-client.yaml has no package_version_override"
    major, minor, patch = (int(x) for x in match.groups())
    return major, minor, patch


def release(clone: Clone, *, breaking: bool, diff_says: str) -> str:
    """`make diff`, `make version` (which regenerates), commit, tag: what the README tells a maintainer to run."""
    diff = clone.make("diff", check=False)
    assert (diff.returncode != 0) == breaking, diff.stdout + diff.stderr
    if breaking:
        assert "not acknowledged" in diff.stderr
    assert diff_says in diff.stdout
    version = clone.make("version")
    new = re.search(r"client \d+\.\d+\.\d+ → (\d+\.\d+\.\d+)", version.stdout)
    assert new, version.stdout
    assert clone.make("diff", check=False).returncode == 0  # the new changelog entry acknowledges what broke
    clone.commit(f"Client {new.group(1)}")
    clone.git("tag", f"client-v{new.group(1)}")
    return new.group(1)


def test_the_walkthrough_releases_patch_minor_and_breaking_versions_with_their_changelog(project_clone: Clone) -> None:
    clone = project_clone
    major, minor, patch = version_of(clone)
    assert major == 0, "this walkthrough's expectations are for a 0.x client"

    spec = load(clone)
    spec["info"]["description"] = str(spec["info"]["description"]).rstrip() + "\nEdited in the walkthrough.\n"
    save(clone, spec)
    clone.make("generate")  # the README's `make`; later rounds leave it to `make version`, which regenerates too
    first = release(clone, breaking=False, diff_says="info changed")
    assert first == f"0.{minor}.{patch + 1}"

    spec = load(clone)
    model = response_model(spec)
    spec["components"]["schemas"][model]["properties"][FIELD] = {"type": "string", "description": "A note."}
    save(clone, spec)
    second = release(clone, breaking=False, diff_says=f"/{FIELD}: optional property added")
    assert second == f"0.{minor + 1}.0"
    attribute = "walkthrough_note: str | Unset"
    assert any(attribute in p.read_text() for p in (clone.path / "generated").rglob("*.py"))

    spec = load(clone)
    del spec["components"]["schemas"][model]["properties"][FIELD]
    save(clone, spec)
    third = release(clone, breaking=True, diff_says=f"/{FIELD}: property removed")
    assert third == f"0.{minor + 2}.0"

    assert version_of(clone) == (0, minor + 2, 0)
    generated = clone.read("generated/cloud-partner-portal-client/pyproject.toml")
    assert f'version = "{third}"' in generated
    # uv.lock holds no version of the client: the distribution ships the generated package (pyproject.toml).
    assert 'name = "cloud-partner-portal-client"' not in clone.read("uv.lock")
    log = clone.read("CHANGELOG.md")
    assert log.index(f"## {third} (") < log.index(f"## {second} (") < log.index(f"## {first} (")
    third_entry = log[log.index(f"## {third} (") : log.index(f"## {second} (")]
    assert f"Compared with client-v{second} ({second}): breaking change, minor while 0.x." in third_entry
    assert "### Breaking\n\n- " in third_entry
    assert f"/{FIELD}: property removed (breaking for the client) [ack:" in third_entry
    second_entry = log[log.index(f"## {second} (") : log.index(f"## {first} (")]
    assert "### Added\n\n- " in second_entry
    assert f"/{FIELD}: optional property added" in second_entry
    first_entry = log[log.index(f"## {first} (") :]
    assert "### Changed\n\n- info: info changed" in first_entry
    assert clone.make("drift").returncode == 0  # the release commits are what a fresh generation makes
