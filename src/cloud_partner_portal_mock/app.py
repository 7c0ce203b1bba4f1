"""The ASGI app: routes built from the spec's paths, the request pipeline, and one handler per operationId.

Pipeline of every API request, each step answering with a status the spec documents for the operation:

1. method not declared on the path → 405 with `Allow` (the spec's methods for that path);
2. faults, when asked for (`faults.py`): the mock's own, then those of the `X-Mock-Fault` header (400 when it
   is not fault specs); latency waits here, and 429 / 503 / a dropped connection answer here, before
   anything of the request is read, so that a fault never changes state;
3. bearer token → 401 with `WWW-Authenticate: Bearer` (`auth.py`);
4. body, for operations that take one → 413 / 415 / 400 (`body.py`);
5. query, path and body against the spec → 400 (`validation.py`);
6. the token's publisher against the path's (or the legacy operation id's) → 403;
7. the action on the state, under the service's lock → 200 / 202 / 404 / 409 / 422 (`service.py`).

The description served and enforced is the one of `MockConfig.rules` (`spec.py`). Under the documented rules
the mock answers only the statuses the public description documents: its own refusals, 409 (another operation
runs, go live before sign-off), 413 and 415, become 400 with the same error body, the pages' answer to a
request the service does not take ("bad or malformed request; the body may say what was wrong"). A publish
while a publish runs is the 202 the publish page describes either way.

Accepted calls name their operation as `MockConfig.flavor` says (`locations.py`), with no body unless
`MockConfig.location_body`.

Unknown paths answer 404 with the error body. Nothing is logged about a request's headers, so tokens never
reach a log.

Outside the API's `/api` space, and outside the description it serves (so a contract run never calls it),
`POST /_mock/reset` (`RESET_PATH`) puts the mock back to its seed, as `MockServer.reset()` does: the seeded
offers and operations, the clock's `advance`s undone, the faults' `times=` counts at zero. It answers loopback
clients only (403 otherwise), so a mock served on another address with `--host` cannot be reset from afar; it
takes no token, so the command that resets a mock never holds one.
"""

from __future__ import annotations

import ipaddress
import logging
import random
from collections.abc import Awaitable, Callable, Mapping

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from . import locations, spec
from .auth import TokenTable, require_namespace
from .body import JSON_MEDIA_TYPE, decode_json, read_body
from .config import MockConfig
from .drop import SERVER_SEND, drop_connection
from .errors import ApiError, clip, error_response
from .faults import HEADER, DropConnection, Fault, FaultContext, build_faults, request_faults
from .service import Accepted, MockService
from .validation import ValidRequest, validate

log = logging.getLogger(__package__)

Handler = Callable[[MockService, ValidRequest, str], Response]
Endpoint = Callable[[Request], Awaitable[Response]]


class _AnyMethod:
    """An ASGI app around an endpoint, so that Starlette's `Route` leaves every method to it (a plain function
    would be limited to GET) and the mock answers 405 itself, with its error body and the spec's `Allow`."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            response = await self.endpoint(Request(scope, receive))
        except DropConnection as drop:
            await drop_connection(scope, receive, str(drop))
            return
        await response(scope, receive, send)


class MockApp(Starlette):
    """Starlette, keeping the server's own `send` in the scope for the `drop` fault (`drop.py`)."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope[SERVER_SEND] = send
        await super().__call__(scope, receive, send)


RESET_PATH = "/_mock/reset"
"""The admin route that puts the mock back to its seed (loopback clients only); not part of the API."""


def reset_mock(app: Starlette) -> None:
    """Back to the seed, with the clock's `advance`s undone and the faults' `times=` counts at zero."""
    app.state.config.clock.reset()
    app.state.service.reset()
    for fault in app.state.faults:
        fault.reset()


def _is_loopback_client(request: Request) -> bool:
    host = request.client.host if request.client is not None else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a Unix socket's empty address, or a test client's name: not known to be loopback
        return False


REFUSALS_UNDER_DOCUMENTED_RULES = frozenset({409, 413, 415})
"""The mock's own refusals, which the public description does not document: 400 under the documented rules."""


def _accepted(config: MockConfig, call: str, accepted: Accepted, base_url: str) -> Response:
    """202 naming the started operation in the flavor's header, or the 200 of a synchronous cancel (the cancel
    page shows it with no header); a body only when `location_body` asks for the cancel page's prose form."""
    header, location = locations.FLAVORS[config.flavor].location(call, accepted, base_url)
    body = {"operationId": accepted.operation_id, "operationLocation": location}
    status = 200 if accepted.synchronous else 202
    headers = {} if accepted.synchronous else {header: location}
    if config.location_body:
        return JSONResponse(body, status_code=status, headers=headers)
    return Response(status_code=status, headers=headers)


def _cancel(service: MockService, call: ValidRequest, base_url: str) -> Response:
    accepted = service.cancel(call.path["publisherId"], call.path["offerId"], call.emails)
    return _accepted(service.config, "cancelOperation", accepted, base_url)


def _publish(service: MockService, call: ValidRequest, base_url: str) -> Response:
    accepted = service.publish(call.path["publisherId"], call.path["offerId"], call.emails)
    return _accepted(service.config, "publishOffer", accepted, base_url)


def _go_live(service: MockService, call: ValidRequest, base_url: str) -> Response:
    accepted = service.go_live(call.path["publisherId"], call.path["offerId"], call.emails)
    return _accepted(service.config, "goLiveOffer", accepted, base_url)


def _offer_status(service: MockService, call: ValidRequest, base_url: str) -> Response:
    return JSONResponse(service.offer_status(call.path["publisherId"], call.path["offerId"]))


def _list_operations(service: MockService, call: ValidRequest, base_url: str) -> Response:
    publisher_id, offer_id = call.path["publisherId"], call.path["offerId"]
    body = service.list_operations_json(publisher_id, offer_id, call.query.get("status"))
    return Response(body, media_type=JSON_MEDIA_TYPE)  # the bytes JSONResponse would render, cached per submission


def _get_operation(service: MockService, call: ValidRequest, base_url: str) -> Response:
    path = call.path
    return JSONResponse(service.get_operation(path["publisherId"], path["offerId"], path["operationId"]))


def _legacy_operation_id(call: ValidRequest) -> locations.LegacyOperationId:
    text = call.path["legacyOperationId"]
    legacy = locations.LegacyOperationId.parse(text)
    if legacy is None:
        # An id the description lets through but that names no operation: any string under the documented rules,
        # whose description gives it no syntax; a number too long to be one under the mock's.
        raise ApiError(404, "OperationNotFound", f"Operation {clip(text)} does not exist.")
    return legacy


def _get_legacy_operation(service: MockService, call: ValidRequest, base_url: str) -> Response:
    legacy = _legacy_operation_id(call)
    return JSONResponse(service.get_legacy_operation(legacy.publisher_id, legacy.offer_id, legacy.number, legacy.slot))


HANDLERS: Mapping[str, Handler] = {
    "cancelOperation": _cancel,
    "publishOffer": _publish,
    "goLiveOffer": _go_live,
    "getOfferStatus": _offer_status,
    "listOperations": _list_operations,
    "getOperation": _get_operation,
    "getLegacyOperation": _get_legacy_operation,
}


def _publisher_of(call: ValidRequest) -> str:
    """The publisher whose namespace the call acts in: the path's, or the legacy operation id's."""
    if "publisherId" in call.path:
        return call.path["publisherId"]
    return _legacy_operation_id(call).publisher_id


def _path(request: Request) -> str:
    # The ASGI path as routed: `request.url.path` goes through `urlsplit`, which drops newlines and tabs, so
    # `contoso%0A` would be validated as `contoso`.
    path: str = request.scope["path"]
    return path


def _method_not_allowed(path: str, method: str, allowed: list[str]) -> Response:
    allow = ", ".join(allowed)
    message = f"{method} is not allowed on {clip(path)}; allowed: {allow}."
    error = ApiError(405, "MethodNotAllowed", message, {"Allow": allow})
    return error_response(error) if method != "HEAD" else Response(status_code=405, headers={"Allow": allow})


class _Mock:
    def __init__(self, config: MockConfig, service: MockService) -> None:
        self.config = config
        self.service = service
        self.description = spec.description(config.rules)
        self.tokens = TokenTable(config.tokens)
        self.faults = build_faults(config.faults, seed=config.seed)
        # Draws of `rate=` in X-Mock-Fault headers; reproducible for a given seed and order of requests.
        self.fault_rng = random.Random(config.seed)  # noqa: S311  # reason: fault draws, not secrets

    def endpoint(self, by_method: Mapping[str, spec.OperationFacts]) -> Endpoint:
        async def handle(request: Request) -> Response:
            facts = by_method.get(request.method)
            if facts is None:
                return _method_not_allowed(_path(request), request.method, sorted(by_method))
            context = FaultContext(facts.operation_id, request.method, _path(request))
            try:
                candidates = self._faults(request)
            except ApiError as error:
                return error_response(self._documented(error, facts))
            if not candidates:
                return await self._answer(request, facts)
            acting: list[Fault] = []
            for fault in candidates:
                # One by one: a fault whose turn does not come (an earlier one answered) is not counted.
                if not fault.applies(context):
                    continue
                acting.append(fault)
                if (early := await fault.before(context)) is not None:
                    return early
            response = await self._answer(request, facts)
            for fault in acting:
                response = fault.after(context, response)
            return response

        return handle

    def _faults(self, request: Request) -> list[Fault]:
        """The faults that may act on this request, in the order they run: the mock's, then the header's."""
        header = request.headers.get(HEADER)
        if header is None:
            return list(self.faults)
        chosen = [*self.faults, *request_faults(header, rng=self.fault_rng)]
        return sorted(chosen, key=lambda fault: fault.order)

    async def _answer(self, request: Request, facts: spec.OperationFacts) -> Response:
        try:
            caller = self.tokens.publisher_for(request.headers.get("authorization"))
            body: bytes | None = None
            body_value: object = None
            if facts.has_body:
                body = await read_body(request, self.config.max_body_bytes) or None
                if body is not None:
                    body_value = decode_json(body, request.headers.get("content-type"))
            base_url = str(request.base_url)
            call = validate(
                host_url=base_url.rstrip("/"),
                path=_path(request),
                facts=facts,
                path_params=request.path_params,
                query=request.query_params,
                headers=request.headers,
                body=body,
                body_value=body_value,
            )
            require_namespace(caller, _publisher_of(call))
            response = HANDLERS[facts.operation_id](self.service, call, base_url)
        except ApiError as error:
            response = error_response(self._documented(error, facts))
        except Exception:
            log.exception("mock failure in %s", facts.operation_id)
            response = error_response(ApiError(500, "InternalError", "The mock failed; see its log (a bug)."))
        return response

    def _documented(self, error: ApiError, facts: spec.OperationFacts) -> ApiError:
        # Only statuses the description documents for the operation go out.
        if error.status in facts.statuses:
            return error
        if self.config.rules == spec.DOCUMENTED_RULES and error.status in REFUSALS_UNDER_DOCUMENTED_RULES:
            return ApiError(400, error.code, error.message, error.headers)
        # Anything else would be a mock bug.
        log.error("mock bug: %s is not documented for %s; answering 400", error.status, facts.operation_id)
        return ApiError(400, error.code, error.message, error.headers)

    async def serve_spec(self, request: Request) -> Response:
        if request.method not in ("GET", "HEAD"):
            return _method_not_allowed(_path(request), request.method, ["GET", "HEAD"])
        return Response(self.description.bytes, media_type="application/json")

    async def reset(self, request: Request) -> Response:
        if request.method != "POST":
            return _method_not_allowed(_path(request), request.method, ["POST"])
        if not _is_loopback_client(request):
            message = f"{RESET_PATH} answers clients on loopback only."
            return error_response(ApiError(403, "Forbidden", message))
        reset_mock(request.app)
        return JSONResponse({"reset": "the seeded state, the clock at its start"})

    async def not_found(self, request: Request) -> Response:
        message = f"No resource at {clip(_path(request))}; the API's paths are listed at /openapi.json."
        return error_response(ApiError(404, "NotFound", message))


def _check_handlers(description: spec.Description) -> None:
    declared = {facts.operation_id for facts in description.operations}
    if declared != set(HANDLERS):
        raise RuntimeError(
            f"{description.resource} and the mock disagree: "
            f"operations without a handler {sorted(declared - set(HANDLERS))}, "
            f"handlers without an operation {sorted(set(HANDLERS) - declared)}"
        )


def create_app(config: MockConfig | None = None) -> Starlette:
    """A fresh mock: its own seeded state (`app.state.service`), config (`app.state.config`) and the description
    it serves and enforces (`app.state.description`)."""
    config = config or MockConfig()
    service = MockService(config)
    mock = _Mock(config, service)
    _check_handlers(mock.description)
    routes = [Route("/openapi.json", _AnyMethod(mock.serve_spec)), Route(RESET_PATH, _AnyMethod(mock.reset))]
    routes += [
        Route(path, _AnyMethod(mock.endpoint(by_method)))
        for path, by_method in mock.description.methods_by_path().items()
    ]
    routes.append(Route("/{path:path}", _AnyMethod(mock.not_found)))
    app = MockApp(routes=routes)
    # A path that no route matches (one holding a line break escapes `{path:path}`, whose `.` stops at it) gets
    # the mock's 404 too: not Starlette's plain-text one, nor its trailing-slash redirect.
    app.router.redirect_slashes = False
    app.router.default = _AnyMethod(mock.not_found)
    app.state.service = service
    app.state.config = config
    app.state.faults = mock.faults
    app.state.description = mock.description
    return app
