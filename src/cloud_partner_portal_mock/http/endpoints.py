"""The API's operations over HTTP: one handler per operationId, registered with `@handles`.

A handler takes the validated request (`ValidRequest`) and the request's base URL, acts on the state through the
service (`state.service`) and answers; a body is rendered by `bodies.py` under the service's lock
(`PublishingService.at_offer`), since operations change in place. A new endpoint is one handler here and its
body in `bodies.py` (plus, when it changes state, an action of the service). The app refuses to start unless
every operation of the description it serves has exactly one handler (`check_handlers`).

Accepted calls name their operation as the flavor says (`locations.py`), with no body unless `location_body`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from starlette.responses import JSONResponse, Response

from ..state.errors import ApiError, clip
from ..state.service import Accepted, PublishingService
from ..validation.request_checks import ValidRequest
from ..validation.spec import Description
from . import bodies, locations

Handler = Callable[[ValidRequest, str], Response]
"""(the validated request, the request's base URL) → the answer."""
_Method = TypeVar("_Method", bound=Callable[..., Response])
_OPERATION_ID = "_handles_operation_id"


def handles(operation_id: str) -> Callable[[_Method], _Method]:
    """Register the decorated method of `Endpoints` as the handler of `operation_id`."""

    def register(method: _Method) -> _Method:
        setattr(method, _OPERATION_ID, operation_id)
        return method

    return register


def _offer(call: ValidRequest) -> tuple[str, str]:
    return call.path["publisherId"], call.path["offerId"]


def legacy_operation_id(call: ValidRequest) -> locations.LegacyOperationId:
    """The parts of the path's legacy operation id; 404 when it names no operation."""
    text = call.path["legacyOperationId"]
    legacy = locations.LegacyOperationId.parse(text)
    if legacy is None:
        # An id the description lets through but that names no operation: any string under the documented rules,
        # whose description gives it no syntax; a number too long to be one under the mock's.
        raise ApiError(404, "OperationNotFound", f"Operation {clip(text)} does not exist.")
    return legacy


class Endpoints:
    """The handlers of the API's operations, over one service."""

    def __init__(self, service: PublishingService, *, flavor: str, location_body: bool) -> None:
        self.service = service
        self.flavor = locations.FLAVORS[flavor]
        self.location_body = location_body

    @classmethod
    def operation_ids(cls) -> dict[str, str]:
        """operationId → the name of the method that handles it; an operationId handled twice is an error."""
        found: dict[str, str] = {}
        for name in dir(cls):
            operation_id = getattr(getattr(cls, name), _OPERATION_ID, None)
            if operation_id is None:
                continue
            if operation_id in found:
                raise TypeError(f"{cls.__name__}: {operation_id} is handled twice ({found[operation_id]}, {name})")
            found[operation_id] = name
        return found

    def handlers(self) -> dict[str, Handler]:
        """operationId → its handler, bound to this service."""
        return {operation_id: getattr(self, name) for operation_id, name in self.operation_ids().items()}

    def _accepted(self, call: str, accepted: Accepted, base_url: str) -> Response:
        """202 naming the started operation in the flavor's header, or the 200 of a synchronous cancel (the cancel
        page shows it with no header); a body only when `location_body` asks for the cancel page's prose form."""
        header, location = self.flavor.location(call, accepted, base_url)
        status = 200 if accepted.synchronous else 202
        headers = {} if accepted.synchronous else {header: location}
        if self.location_body:
            body = {"operationId": accepted.operation_id, "operationLocation": location}
            return JSONResponse(body, status_code=status, headers=headers)
        return Response(status_code=status, headers=headers)

    @handles("cancelOperation")
    def cancel(self, call: ValidRequest, base_url: str) -> Response:
        return self._accepted("cancelOperation", self.service.cancel(*_offer(call), call.emails), base_url)

    @handles("publishOffer")
    def publish(self, call: ValidRequest, base_url: str) -> Response:
        return self._accepted("publishOffer", self.service.publish(*_offer(call), call.emails), base_url)

    @handles("goLiveOffer")
    def go_live(self, call: ValidRequest, base_url: str) -> Response:
        return self._accepted("goLiveOffer", self.service.go_live(*_offer(call), call.emails), base_url)

    @handles("getOfferStatus")
    def offer_status(self, call: ValidRequest, base_url: str) -> Response:
        with self.service.at_offer(*_offer(call)) as at:
            return JSONResponse(bodies.offer_status_body(at.store, at.offer, at.now))

    @handles("listOperations")
    def list_operations(self, call: ValidRequest, base_url: str) -> Response:
        with self.service.at_offer(*_offer(call)) as at:
            body = bodies.submissions_json(at.submissions(call.query.get("status")))
        return bodies.json_answer(body)  # each submission's JSON is kept between its changes

    @handles("getOperation")
    def get_operation(self, call: ValidRequest, base_url: str) -> Response:
        with self.service.at_offer(*_offer(call)) as at:
            body = bodies.operation_detail_json(at.operation(call.path["operationId"]), at.now)
        return bodies.json_answer(body)

    @handles("listOffers")
    def list_offers(self, call: ValidRequest, base_url: str) -> Response:
        return bodies.json_response(self.service.offers(call.path["publisherId"]))

    @handles("getOffer")
    def get_offer(self, call: ValidRequest, base_url: str) -> Response:
        return bodies.offer_response(self.service.offer_document(*_offer(call)))

    @handles("getOfferVersion")
    def get_offer_version(self, call: ValidRequest, base_url: str) -> Response:
        # The description's integer, checked: at most 2147483647 under the mock's rules, and under the
        # documented ones a number Python reads whatever its size.
        version = int(call.path["version"])
        return bodies.offer_response(self.service.offer_document(*_offer(call), version=version), etag=False)

    @handles("getOfferSlot")
    def get_offer_slot(self, call: ValidRequest, base_url: str) -> Response:
        return bodies.offer_response(self.service.offer_document(*_offer(call), slot=call.path["slotId"]), etag=False)

    @handles("putOffer")
    def put_offer(self, call: ValidRequest, base_url: str) -> Response:
        written = self.service.put_offer(*_offer(call), call.body, call.headers.get("If-Match"))
        return bodies.offer_response(written.answer, written.status_code)

    @handles("listOfferTypes")
    def list_offer_types(self, call: ValidRequest, base_url: str) -> Response:
        return JSONResponse(bodies.offer_types())

    @handles("getLegacyOperation")
    def get_legacy_operation(self, call: ValidRequest, base_url: str) -> Response:
        legacy = legacy_operation_id(call)
        with self.service.at_offer(legacy.publisher_id, legacy.offer_id) as at:
            body = bodies.operation_detail_json(at.legacy_operation(legacy.number, legacy.slot), at.now)
        return bodies.json_answer(body)


def check_handlers(description: Description, handlers: Mapping[str, Any]) -> None:
    """Every operation of `description` has a handler, and every handler an operation; else the app cannot start."""
    declared = {facts.operation_id for facts in description.operations}
    if declared != set(handlers):
        raise RuntimeError(
            f"{description.resource} and the mock disagree: "
            f"operations without a handler {sorted(declared - set(handlers))}, "
            f"handlers without an operation {sorted(set(handlers) - declared)}"
        )
