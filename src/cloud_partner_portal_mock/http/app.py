"""The ASGI app: routes built from the description's paths, and the request pipeline of every API request.

Each step answers with a status the description documents for the operation:

1. method not declared on the path → 405 with `Allow` (the description's methods for that path);
2. faults, when asked for (`fault_hooks.FaultHooks`, given by the harness from `faults/`): the mock's own, then those a
   request's header asks for (400 when it is not fault specs); latency waits here, and 429 / 503 / a dropped
   connection answer here, before anything of the request is read, so that a fault never changes state;
3. bearer token → 401 with `WWW-Authenticate: Bearer` (`auth.py`);
4. body, for operations that take one → 413 (`request_body.py`), 415 / 400 (`validation.json_body`);
5. query, path and body against the description → 400 (`validation.request_checks`);
6. the token's publisher against the path's (or the legacy operation id's) → 403;
7. the operation's handler (`endpoints.py`), acting on the state under the service's lock → 200 / 202 / 404 /
   409 / 422.

The description served and enforced is the one of the configured rules (`validation.spec`). Under the documented
rules the mock answers only the statuses the public description documents: its own refusals, 409 (another
operation runs, go live before sign-off), 413 and 415, become 400 with the same error body, the pages' answer to
a request the service does not take ("bad or malformed request; the body may say what was wrong"). A publish
while a publish runs is the 202 the publish page describes either way.

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
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route
from starlette.types import Receive, Scope, Send

from ..state.errors import ApiError, clip
from ..state.service import PublishingService
from ..validation import spec
from ..validation.compiled import compiled_operation
from ..validation.json_body import decode_json
from ..validation.request_checks import ValidRequest, validate
from .auth import TokenTable, require_namespace
from .endpoints import Endpoints, check_handlers, legacy_operation_id
from .error_responses import error_response
from .fault_hooks import SERVER_SEND, FaultContext, FaultHook, FaultHooks
from .request_body import read_body

log = logging.getLogger("cloud_partner_portal_mock")

Endpoint = Callable[[Request], Awaitable[Response]]

RESET_PATH = "/_mock/reset"
"""The admin route that puts the mock back to its seed (loopback clients only); not part of the API."""

REFUSALS_UNDER_DOCUMENTED_RULES = frozenset({409, 413, 415})
"""The mock's own refusals, which the public description does not document: 400 under the documented rules."""


@dataclass(frozen=True)
class ServedAs:
    """How the app answers (`MockConfig`'s fields of the same names say what each means)."""

    tokens: Mapping[str, str]
    rules: str
    flavor: str
    location_body: bool
    max_body_bytes: int


class _AnyMethod:
    """An ASGI app around an endpoint, so that Starlette's `Route` leaves every method to it (a plain function
    would be limited to GET) and the mock answers 405 itself, with its error body and the description's `Allow`."""

    def __init__(self, endpoint: Endpoint) -> None:
        self.endpoint = endpoint

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        response = await self.endpoint(Request(scope, receive))
        await response(scope, receive, send)


class StarletteWithServerSend(Starlette):
    """Starlette, keeping the server's own `send` in the scope (`SERVER_SEND`) for the `drop` fault."""

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        scope[SERVER_SEND] = send
        await super().__call__(scope, receive, send)


def reset_mock(app: Starlette) -> None:
    """Back to the seed, with the clock's `advance`s undone and the faults' `times=` counts at zero."""
    app.state.service.clock.reset()
    app.state.service.reset()
    app.state.faults.reset()


def _is_loopback_client(request: Request) -> bool:
    host = request.client.host if request.client is not None else ""
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a Unix socket's empty address, or a test client's name: not known to be loopback
        return False


def _publisher_of(call: ValidRequest) -> str:
    """The publisher whose namespace the call acts in: the path's, or the legacy operation id's."""
    if "publisherId" in call.path:
        return call.path["publisherId"]
    return legacy_operation_id(call).publisher_id


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


class RequestPipeline:
    """The steps every request goes through (see the module's docstring), for one mock."""

    def __init__(self, service: PublishingService, faults: FaultHooks, served: ServedAs) -> None:
        self.service = service
        self.faults = faults
        self.served = served
        self.description = spec.description(served.rules)
        self.tokens = TokenTable(served.tokens)
        self.handlers = Endpoints(service, flavor=served.flavor, location_body=served.location_body).handlers()

    def endpoint(self, by_method: Mapping[str, spec.OperationFacts]) -> Endpoint:
        async def handle(request: Request) -> Response:
            facts = by_method.get(request.method)
            if facts is None:
                return _method_not_allowed(_path(request), request.method, sorted(by_method))
            context = FaultContext(facts.operation_id, request.method, _path(request))
            try:
                candidates = self.faults.for_request(request.headers)
            except ApiError as error:
                return error_response(self._documented(error, facts))
            if not candidates:
                return await self._answer(request, facts)
            acting: list[FaultHook] = []
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

    async def _answer(self, request: Request, facts: spec.OperationFacts) -> Response:
        try:
            caller = self.tokens.publisher_for(request.headers.get("authorization"))
            body: bytes | None = None
            body_value: object = None
            if facts.has_body:
                body = await read_body(request, self.served.max_body_bytes) or None
                if body is not None:
                    body_value = decode_json(body, request.headers.get("content-type"))
            call = validate(
                facts,
                path_params=request.path_params,
                query=request.query_params.multi_items(),
                body_value=body_value,
                has_body=body is not None,
            )
            require_namespace(caller, _publisher_of(call))
            response = self.handlers[facts.operation_id](call, str(request.base_url))
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
        if self.served.rules == spec.DOCUMENTED_RULES and error.status in REFUSALS_UNDER_DOCUMENTED_RULES:
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


def build_app(service: PublishingService, faults: FaultHooks, served: ServedAs) -> Starlette:
    """The app of one mock over `service`, serving and enforcing the description of `served.rules`. Refuses to
    start when an operation of it has no handler, or cannot be compiled (`validation.compiled`)."""
    pipeline = RequestPipeline(service, faults, served)
    check_handlers(pipeline.description, pipeline.handlers)
    for facts in pipeline.description.operations:
        compiled_operation(facts)  # compiled now, once: an operation the mock cannot check fails here
    routes = [Route("/openapi.json", _AnyMethod(pipeline.serve_spec)), Route(RESET_PATH, _AnyMethod(pipeline.reset))]
    routes += [
        Route(path, _AnyMethod(pipeline.endpoint(by_method)))
        for path, by_method in pipeline.description.methods_by_path().items()
    ]
    routes.append(Route("/{path:path}", _AnyMethod(pipeline.not_found)))
    app = StarletteWithServerSend(routes=routes)
    # A path that no route matches (one holding a line break escapes `{path:path}`, whose `.` stops at it) gets
    # the mock's 404 too: not Starlette's plain-text one, nor its trailing-slash redirect.
    app.router.redirect_slashes = False
    app.router.default = _AnyMethod(pipeline.not_found)
    app.state.service = service
    app.state.faults = faults
    app.state.description = pipeline.description
    return app
