"""The client's version: how the report moves it, and where it lives (the generator config, not generated/)."""

from __future__ import annotations

import pytest

from tools.apidiff import Impact
from tools.versioning import Version, version_in_config, with_version_in_config


@pytest.mark.parametrize(
    ("current", "level", "expected"),
    [
        ("1.4.2", Impact.BREAKING, "2.0.0"),
        ("1.4.2", Impact.ADDITION, "1.5.0"),
        ("1.4.2", Impact.CHANGE, "1.4.3"),
        ("0.4.2", Impact.BREAKING, "0.5.0"),  # while 0.x, breaking → minor
        ("0.4.2", Impact.ADDITION, "0.5.0"),
        ("0.4.2", Impact.CHANGE, "0.4.3"),
    ],
)
def test_the_next_version_follows_the_clients_impact(current: str, level: Impact, expected: str) -> None:
    assert str(Version.parse(current).bump(level)) == expected


def test_no_change_gives_no_version() -> None:
    with pytest.raises(ValueError, match="nothing changed"):
        Version.parse("0.1.0").bump(Impact.NONE)


def test_release_tags_are_client_v_and_the_version() -> None:
    assert Version.parse("0.2.0").tag == "client-v0.2.0"


@pytest.mark.parametrize("text", ["1.2", "v1.2.3", "01.2.3", "1.2.3-rc1", ""])
def test_only_plain_release_versions_are_read(text: str) -> None:
    with pytest.raises(ValueError, match="not a release version"):
        Version.parse(text)


def test_the_version_is_rewritten_in_the_generator_config_keeping_everything_else() -> None:
    config = "# why\nproject_name_override: x  # name\npackage_version_override: '0.1.0'  # set by make version\nz: 1\n"
    assert version_in_config(config) == Version(0, 1, 0)
    written = with_version_in_config(config, Version(0, 2, 0))
    assert written == config.replace("'0.1.0'", "0.2.0")
    assert version_in_config(written) == Version(0, 2, 0)


def test_a_config_without_a_version_line_is_an_error_that_names_the_key() -> None:
    with pytest.raises(ValueError, match="no package_version_override line"):
        version_in_config("project_name_override: x\n")
    with pytest.raises(ValueError, match="package_version_override: 'latest' is not a release version"):
        version_in_config("package_version_override: latest\n")
