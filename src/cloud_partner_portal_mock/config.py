"""`MockConfig`: which tokens map to which publisher, the seed, the clock, limits, step durations, faults, the
documented form of its answers (`flavor`, `location_body`) and the rules it enforces (`rules`)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from .faults.catalog import build_faults
from .http.locations import DEFAULT_FLAVOR, FLAVORS
from .state.clock import Clock
from .validation.spec import MOCK_RULES, RULES

# The documented test tokens. They are not secrets: they only open this mock.
DEFAULT_TOKENS: Mapping[str, str] = MappingProxyType(
    {"contoso-token": "contoso", "fabrikam-token": "fabrikam"}  # documented test tokens, not secrets
)

# Seconds each step runs in a new operation (seeded operations carry their own, realistic durations).
# `publisher-signoff` has none: a publish run waits there for go live.
DEFAULT_STEP_SECONDS: Mapping[str, float] = MappingProxyType(
    {
        "displaydummycertify": 5.0,
        "displaycertify": 20.0,
        "displayprovision": 20.0,
        "displaypackage": 10.0,
        "live": 20.0,
        "cancel": 5.0,
    }
)

MAX_BODY_BYTES = 64 * 1024
RETAIN_FINISHED = 50
_PUBLISHER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,49}$")


def _default_tokens() -> Mapping[str, str]:
    return DEFAULT_TOKENS


@dataclass(frozen=True)
class MockConfig:
    """How one mock instance behaves. Every field has a default; `MockConfig()` is the documented mock."""

    tokens: Mapping[str, str] = field(default_factory=_default_tokens)
    """Bearer token → publisher id it may act for."""
    seed: int = 20171031
    """Seeds the generator of operation ids, so that runs are reproducible."""
    clock: Clock = field(default_factory=Clock)
    """Real time by default; pass `Clock.frozen()` to move time by hand."""
    max_body_bytes: int = MAX_BODY_BYTES
    step_seconds: Mapping[str, float] = field(default_factory=lambda: DEFAULT_STEP_SECONDS)
    """Seconds per step id for new operations; missing ids use `DEFAULT_STEP_SECONDS`."""
    retain_finished: int = RETAIN_FINISHED
    """Finished operations each offer keeps, the most recently finished; an older one is dropped (404, no longer
    listed, its notifications gone) when another finishes. Running operations and, besides these, each offer's
    latest publish and go-live are always kept."""
    faults: frozenset[str] = frozenset()
    """Fault specs (`faults/catalog.py`), e.g. `"omit-operation-location"`,
    `"503;retry-after=2;only=getOperation;times=3"`, `"latency=0.05"`; empty means a correct mock (requests may still
    ask for transient faults by header)."""
    flavor: str = DEFAULT_FLAVOR
    """Which documented form names a started operation (`locations.FLAVORS`): `seed` (`Operation-Location`, an
    absolute URL), `2018`, `2020-migrated` or `2020-legacy`."""
    location_body: bool = False
    """Also answer 202 (and a synchronous cancel's 200) with `{"operationId", "operationLocation"}`, the body the
    cancel page's prose describes; off by default, as the pages show no body."""
    rules: str = MOCK_RULES
    """`mock`: the mock's own, stricter rules (`overlays/mock-rules.overlay.yaml`), served and enforced;
    `documented`: only what the public description states, its statuses only (see `http/app.py`)."""

    def __post_init__(self) -> None:
        if not self.tokens:
            raise ValueError("MockConfig.tokens: at least one token is needed")
        for token, publisher in self.tokens.items():
            if not token or any(c.isspace() for c in token):
                raise ValueError("MockConfig.tokens: a token must be non-empty and contain no whitespace")
            if not _PUBLISHER_ID.match(publisher):
                raise ValueError(f"MockConfig.tokens: {publisher!r} is not a valid publisher id")
        if self.max_body_bytes < 1:
            raise ValueError(f"MockConfig.max_body_bytes: must be >= 1, got {self.max_body_bytes}")
        if self.retain_finished < 1:
            raise ValueError(f"MockConfig.retain_finished: must be >= 1, got {self.retain_finished}")
        for step, seconds in self.step_seconds.items():
            if seconds < 0:
                raise ValueError(f"MockConfig.step_seconds[{step!r}]: must be >= 0, got {seconds}")
        object.__setattr__(self, "tokens", MappingProxyType(dict(self.tokens)))
        object.__setattr__(self, "step_seconds", MappingProxyType({**DEFAULT_STEP_SECONDS, **self.step_seconds}))
        object.__setattr__(self, "faults", frozenset(self.faults))
        build_faults(self.faults)  # fails early, naming an unknown or malformed fault
        if self.flavor not in FLAVORS:
            raise ValueError(f"MockConfig.flavor: {self.flavor!r} is not one of {', '.join(FLAVORS)}")
        if self.rules not in RULES:
            raise ValueError(f"MockConfig.rules: {self.rules!r} is not one of {', '.join(RULES)}")

    @property
    def publishers(self) -> frozenset[str]:
        return frozenset(self.tokens.values())


def parse_token_pairs(text: str, *, source: str) -> dict[str, str]:
    """`"tok1=contoso,tok2=fabrikam"` → `{"tok1": "contoso", "tok2": "fabrikam"}`; errors name `source`
    and the entry's position, never the token."""
    pairs: dict[str, str] = {}
    for position, entry in enumerate(text.split(","), start=1):
        entry = entry.strip()
        if not entry:
            continue
        token, sep, publisher = entry.partition("=")
        if not sep or not token.strip() or not publisher.strip():
            raise ValueError(f"{source}: entry {position} is not TOKEN=PUBLISHER")
        pairs[token.strip()] = publisher.strip()
    return pairs
