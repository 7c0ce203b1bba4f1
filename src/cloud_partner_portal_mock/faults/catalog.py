"""Faults on purpose: broken-contract switches, and transient faults for testing a client's resilience.

All are off by default. They are switched on for a whole mock (`MockConfig(faults=...)`,
`python -m cloud_partner_portal_mock --break NAME` / `--fault SPEC`) or, for the transient ones, for one request
by its `X-Mock-Fault` header. A fault is written as a spec, `NAME[=VALUE][;OPTION=VALUE]...`:

| spec | what the mock does |
|---|---|
| `latency=0.2` | waits 0.2 s, then answers as usual |
| `429`, `429;retry-after=2` | answers 429 with `Retry-After` (default 1 s) and the API's error body |
| `503`, `503;retry-after=2` | answers 503 with `Retry-After` (default 1 s) and the API's error body |
| `drop` | closes the connection without any response (in-process: raises `httpx.RemoteProtocolError`) |
| `omit-operation-location` | answers 202 with neither `Operation-Location` nor `Location` (not per request) |
| `wrong-cancel-status` | answers 201 instead of 200 on a synchronous cancel (not per request) |
| `undocumented-status` | answers 410, which no operation documents, instead of 404 (not per request) |
| `wrong-error-body` | answers errors with `{"error": "<message>"}`, a string for an object (not per request) |

Options every fault takes: `only=OPERATION_ID[+OPERATION_ID...]` (only those operations, e.g. `only=getOperation`
to break the polls and not the call that started the operation), `rate=P` (each request with probability P,
drawn from a generator seeded by `MockConfig.seed`) and, in a mock's configuration only, `times=N` (the first N
requests it applies to, then never again until `reset()`).

A header may hold several faults separated by commas (`X-Mock-Fault: latency=0.5, 503`); they run in the
order latency, then the answering ones. Only transient faults may come by header, and a transient fault
either delays the request or answers *instead of* the mock, before anything is read or changed: a fault
header can never change the mock's state. A header that is not a fault spec is a 400 that says why.

Each fault is a small class with two hooks:

- `before(context)` runs before the request is handled and may answer instead of the mock (latency, 429 with
  `Retry-After`, 503, or an answer that drops the connection, `connection_drop.py`);
- `after(context, response)` may change the mock's answer (missing headers, wrong statuses).

To add a fault, subclass `Fault`, give it a `name` and a `description` (and `transient = True` if it may be
asked for per request), override `from_value` if it takes `=VALUE` or options, and list it in `FAULTS`.
"""

from __future__ import annotations

import json
import random
import threading
from collections.abc import Iterable, Mapping, Sequence
from typing import ClassVar, Self

import anyio
from starlette.responses import JSONResponse, Response

from ..http.error_responses import error_response
from ..http.fault_hooks import FaultContext, FaultHook
from ..state.errors import ApiError, clip
from .connection_drop import ConnectionDrop

HEADER = "X-Mock-Fault"
MAX_LATENCY_SECONDS = 60.0
"""The longest latency a fault may ask for: longer looks like a hung server to every client's timeout anyway."""
MAX_RETRY_AFTER_SECONDS = 86_400
DEFAULT_RETRY_AFTER_SECONDS = 1


class FaultSpecError(ValueError):
    """A fault spec that cannot be read; the message names the spec and what is wrong with it."""


class Fault:
    name: ClassVar[str]
    description: ClassVar[str]
    transient: ClassVar[bool] = False
    """Whether the fault may come in a request's `X-Mock-Fault` header: it only delays the request or answers
    instead of the mock (before the request is read), so it can never change state."""
    order: ClassVar[int] = 1
    """Faults run in this order (then by name): latency (0) before the ones that answer."""

    only: frozenset[str] | None = None
    rate: float | None = None
    times: int | None = None
    _rng: random.Random | None = None
    _used: int = 0
    _lock: threading.Lock | None = None

    @classmethod
    def from_value(cls, value: str | None, options: Mapping[str, str]) -> Self:
        """The fault of a spec's `=VALUE` and its own options (those other than `only`, `rate`, `times`)."""
        if value is not None:
            raise FaultSpecError(f"{cls.name} takes no value")
        _no_options(cls.name, options)
        return cls()

    def spec(self) -> str:
        """The fault written as a spec (without its options)."""
        return self.name

    def applies(self, context: FaultContext) -> bool:
        """Whether the fault acts on this request (its `only`, `rate` and `times`); counts it if so."""
        if self.only is not None and context.operation_id not in self.only:
            return False
        if self.rate is not None and self._rng is not None and self._rng.random() >= self.rate:
            return False
        if self.times is None or self._lock is None:
            return True
        with self._lock:
            if self._used >= self.times:
                return False
            self._used += 1
            return True

    def reset(self) -> None:
        """Forget how many requests `times` has counted."""
        self._used = 0

    async def before(self, context: FaultContext) -> Response | None:
        return None

    def after(self, context: FaultContext, response: Response) -> Response:
        return response


class OmitOperationLocation(Fault):
    name = "omit-operation-location"
    description = "answer 202 with neither Operation-Location nor Location, so nothing names the operation"

    def after(self, context: FaultContext, response: Response) -> Response:
        if response.status_code == 202:
            for header in ("operation-location", "location"):
                if header in response.headers:
                    del response.headers[header]
        return response


class _WrongStatus(Fault):
    """Answers `wrong`, a status the description does not document, where the mock answers `right`."""

    right: ClassVar[int]
    wrong: ClassVar[int]
    operation_id: ClassVar[str | None] = None
    """Only for this operation; None: for all."""

    def after(self, context: FaultContext, response: Response) -> Response:
        if response.status_code == self.right and self.operation_id in (None, context.operation_id):
            response.status_code = self.wrong
        return response


class WrongCancelStatus(_WrongStatus):
    name = "wrong-cancel-status"
    description = "answer 201, which the spec does not document, instead of 200 on a synchronous cancel"
    right, wrong, operation_id = 200, 201, "cancelOperation"


class UndocumentedStatus(_WrongStatus):
    name = "undocumented-status"
    description = "answer 410 Gone, which no operation documents, instead of 404"
    right, wrong = 404, 410


class WrongErrorBody(Fault):
    name = "wrong-error-body"
    description = 'answer errors with {"error": "<message>"}: a string where the error schema has an object'

    def after(self, context: FaultContext, response: Response) -> Response:
        if response.status_code < 400 or not response.body:
            return response
        try:
            error = json.loads(bytes(response.body))["error"]
        except (ValueError, KeyError, TypeError):
            return response
        if not isinstance(error, dict):
            return response
        headers = {k: v for k, v in response.headers.items() if k not in ("content-length", "content-type")}
        return JSONResponse({"error": str(error.get("message", ""))}, response.status_code, headers=headers)


class Latency(Fault):
    name = "latency"
    description = f"latency=SECONDS: wait that long (at most {MAX_LATENCY_SECONDS:g}), then answer as usual"
    transient = True
    order = 0

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds

    @classmethod
    def from_value(cls, value: str | None, options: Mapping[str, str]) -> Self:
        _no_options(cls.name, options)
        if value is None:
            raise FaultSpecError("latency needs seconds, e.g. latency=0.2")
        return cls(_number(value, "latency", maximum=MAX_LATENCY_SECONDS))

    def spec(self) -> str:
        return f"latency={self.seconds:g}"

    async def before(self, context: FaultContext) -> Response | None:
        await anyio.sleep(self.seconds)
        return None


class _Refusal(Fault):
    """Answers `status` with `Retry-After` and the API's error body, instead of the mock."""

    transient = True
    status: ClassVar[int]
    code: ClassVar[str]
    reason: ClassVar[str]

    def __init__(self, retry_after: int = DEFAULT_RETRY_AFTER_SECONDS) -> None:
        self.retry_after = retry_after

    @classmethod
    def from_value(cls, value: str | None, options: Mapping[str, str]) -> Self:
        if value is not None:
            raise FaultSpecError(f"{cls.name} takes no value; give the delay as {cls.name};retry-after=SECONDS")
        extra = set(options) - {"retry-after"}
        if extra:
            raise FaultSpecError(f"{cls.name}: unknown option {', '.join(map(repr, sorted(extra)))}")
        if "retry-after" not in options:
            return cls()
        text = options["retry-after"]
        if not text.isdigit() or int(text) > MAX_RETRY_AFTER_SECONDS:
            raise FaultSpecError(
                f"{cls.name};retry-after={clip(text, 40)}: must be whole seconds from 0 to {MAX_RETRY_AFTER_SECONDS}"
            )
        return cls(int(text))

    def spec(self) -> str:
        return f"{self.name};retry-after={self.retry_after}"

    async def before(self, context: FaultContext) -> Response | None:
        message = f"{self.reason} Retry after {self.retry_after} seconds (a fault of the mock: {self.spec()})."
        return error_response(ApiError(self.status, self.code, message, {"Retry-After": str(self.retry_after)}))


class TooManyRequests(_Refusal):
    name = "429"
    description = "429[;retry-after=SECONDS]: answer 429 Too Many Requests with Retry-After (default 1)"
    status = 429
    code = "TooManyRequests"
    reason = "Too many requests."


class ServiceUnavailable(_Refusal):
    name = "503"
    description = "503[;retry-after=SECONDS]: answer 503 Service Unavailable with Retry-After (default 1)"
    status = 503
    code = "ServiceUnavailable"
    reason = "The service is unavailable."


class Drop(Fault):
    name = "drop"
    description = "close the connection without any response"
    transient = True

    async def before(self, context: FaultContext) -> Response | None:
        return ConnectionDrop(self.spec())


FAULTS: dict[str, type[Fault]] = {
    cls.name: cls
    for cls in (
        OmitOperationLocation,
        WrongCancelStatus,
        UndocumentedStatus,
        WrongErrorBody,
        Latency,
        TooManyRequests,
        ServiceUnavailable,
        Drop,
    )
}
CONTRACT_FAULTS = tuple(name for name, cls in FAULTS.items() if not cls.transient)
"""The broken-contract switches (`--break NAME`)."""


def _no_options(name: str, options: Mapping[str, str]) -> None:
    if options:
        raise FaultSpecError(f"{name}: unknown option {', '.join(map(repr, sorted(options)))}")


def _number(text: str, where: str, *, maximum: float) -> float:
    try:
        value = float(text)
    except ValueError:
        raise FaultSpecError(f"{where}: {clip(text, 40)} is not a number") from None
    if not 0 <= value <= maximum:  # also refuses NaN
        raise FaultSpecError(f"{where}: must be from 0 to {maximum:g}")
    return value


def parse_fault(spec: str, *, rng: random.Random, per_request: bool = False) -> Fault:
    """The fault a spec names (`NAME[=VALUE][;OPTION=VALUE]...`). `per_request`: it came in a header, so only
    transient faults, and no `times`."""
    text = spec.strip()
    head, *rest = [part.strip() for part in text.split(";")]
    name, sep, value = head.partition("=")
    name = name.strip().lower()
    cls = FAULTS.get(name)
    if cls is None:
        known = ", ".join(n for n, c in FAULTS.items() if c.transient or not per_request)
        raise FaultSpecError(f"unknown fault {clip(name, 40)}; known faults: {known}")
    if per_request and not cls.transient:
        transient = ", ".join(n for n, c in FAULTS.items() if c.transient)
        raise FaultSpecError(f"{name} is a switch of the whole mock, not of one request; per request: {transient}")
    options: dict[str, str] = {}
    for part in rest:
        key, eq, option = part.partition("=")
        key = key.strip().lower()
        if not eq or not key:
            raise FaultSpecError(f"{name}: option {clip(part, 40)} is not KEY=VALUE")
        if key in options:
            raise FaultSpecError(f"{name}: option {clip(key, 40)} is given twice")
        options[key] = option.strip()
    only = options.pop("only", None)
    rate = options.pop("rate", None)
    times = options.pop("times", None)
    fault = cls.from_value(value.strip() if sep else None, options)
    if only is not None:
        operations = frozenset(o.strip() for o in only.split("+") if o.strip())
        if not operations:
            raise FaultSpecError(f"{name}: only= names no operation")
        fault.only = operations
    if rate is not None:
        fault.rate = _number(rate, f"{name};rate", maximum=1.0)
        fault._rng = rng
    if times is not None:
        if per_request:
            raise FaultSpecError(f"{name}: times= counts requests to a whole mock; it has no meaning per request")
        if not times.isdigit():
            raise FaultSpecError(f"{name};times={clip(times, 40)}: must be a whole number of requests")
        fault.times = int(times)
        fault._lock = threading.Lock()
    return fault


def build_faults(specs: Iterable[str], *, seed: int = 0) -> tuple[Fault, ...]:
    """The faults of a mock's configuration, in the order they run; an unknown or malformed spec is an error
    that says why (an unknown name lists the known ones)."""
    rng = random.Random(seed)  # noqa: S311  # reason: reproducible fault draws, not secrets
    faults = [parse_fault(spec, rng=rng) for spec in sorted(set(specs))]
    return tuple(sorted(faults, key=lambda fault: (fault.order, fault.name)))


def request_faults(header: str, *, rng: random.Random) -> tuple[Fault, ...]:
    """The faults an `X-Mock-Fault` header asks for, in the order they run; 400 when it is not fault specs."""
    try:
        faults = [parse_fault(spec, rng=rng, per_request=True) for spec in header.split(",") if spec.strip()]
    except FaultSpecError as exc:
        raise ApiError(400, "InvalidMockFault", f"{HEADER}: {exc}") from None
    if not faults:
        raise ApiError(400, "InvalidMockFault", f"{HEADER}: names no fault")
    return tuple(sorted(faults, key=lambda fault: fault.order))


class FaultSet:
    """The faults of one mock, as its request pipeline runs them (`http.fault_hooks.FaultHooks`): its configured
    ones, and those a request's `X-Mock-Fault` header asks for."""

    def __init__(self, specs: Iterable[str], *, seed: int) -> None:
        self.configured = build_faults(specs, seed=seed)
        # Draws of `rate=` in X-Mock-Fault headers; reproducible for a given seed and order of requests.
        self._header_rng = random.Random(seed)  # noqa: S311  # reason: fault draws, not secrets

    def for_request(self, headers: Mapping[str, str]) -> Sequence[FaultHook]:
        """The faults that may act on this request, in the order they run: the mock's, then the header's."""
        header = headers.get(HEADER)
        if header is None:
            return self.configured
        chosen = [*self.configured, *request_faults(header, rng=self._header_rng)]
        return sorted(chosen, key=lambda fault: fault.order)

    def reset(self) -> None:
        for fault in self.configured:
            fault.reset()
