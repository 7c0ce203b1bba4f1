"""The generated client's version: how a report moves it, and the git tags that mark releases."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .apidiff.model import Impact

TAG_PREFIX = "client-v"  # releases of the generated client are tagged client-vX.Y.Z
TAG_PATTERN = f"{TAG_PREFIX}[0-9]*"
_VERSION = re.compile(r"(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)")


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        match = _VERSION.fullmatch(text.strip())
        if not match:
            raise ValueError(f"{text!r} is not a release version MAJOR.MINOR.PATCH")
        return cls(*(int(part) for part in match.groups()))

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"

    @property
    def tag(self) -> str:
        return f"{TAG_PREFIX}{self}"

    def bump(self, level: Impact) -> Version:
        """Breaking → major (minor while 0.x), addition → minor, anything else → patch."""
        if level is Impact.BREAKING and self.major > 0:
            return Version(self.major + 1, 0, 0)
        if level in (Impact.BREAKING, Impact.ADDITION):
            return Version(self.major, self.minor + 1, 0)
        if level is Impact.CHANGE:
            return Version(self.major, self.minor, self.patch + 1)
        raise ValueError("nothing changed: no new version")


def bump_reason(current: Version, level: Impact) -> str:
    if level is Impact.BREAKING:
        return "breaking change, minor while 0.x" if current.major == 0 else "breaking change"
    return {Impact.ADDITION: "addition", Impact.CHANGE: "no breaking change, no addition"}.get(level, "no change")


# The version is a generator input: openapi-python-client.yaml's package_version_override, never generated/.
_CONFIG_LINE = re.compile(r"^(package_version_override:[ \t]*)(['\"]?)([^'\"\s#]*)\2([ \t]*(?:#.*)?)$", re.MULTILINE)


def version_in_config(text: str, name: str = "openapi-python-client.yaml") -> Version:
    match = _CONFIG_LINE.search(text)
    if not match:
        raise ValueError(f"{name}: no package_version_override line (the client's version is set there)")
    try:
        return Version.parse(match.group(3))
    except ValueError as exc:
        raise ValueError(f"{name}: package_version_override: {exc}") from exc


def with_version_in_config(text: str, version: Version) -> str:
    """``text`` with package_version_override set to ``version``; comments and everything else kept."""
    version_in_config(text)
    return _CONFIG_LINE.sub(lambda m: f"{m.group(1)}{version}{m.group(4)}", text, count=1)
