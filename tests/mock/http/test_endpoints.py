"""Handlers are registered by operationId, and the app refuses to start unless each operation of the description it
serves has exactly one, which the mock's one validation engine can check."""

from __future__ import annotations

import json

import pytest
from starlette.responses import Response

from cloud_partner_portal_mock import MockConfig, create_app
from cloud_partner_portal_mock.http import app as http_app
from cloud_partner_portal_mock.http.endpoints import Endpoints, check_handlers, handles
from cloud_partner_portal_mock.validation.compiled import UnsupportedOperation, compile_operation
from cloud_partner_portal_mock.validation.spec import MOCK_RULES, Description, description


def test_each_handler_is_the_method_registered_for_its_operation_id():
    assert Endpoints.operation_ids() == {
        "cancelOperation": "cancel",
        "publishOffer": "publish",
        "goLiveOffer": "go_live",
        "getOfferStatus": "offer_status",
        "listOperations": "list_operations",
        "getOperation": "get_operation",
        "getLegacyOperation": "get_legacy_operation",
    }


def test_an_operation_handled_twice_is_refused():
    class Twice(Endpoints):
        @handles("cancelOperation")
        def cancel_again(self, call: object, base_url: str) -> Response:
            return Response()

    with pytest.raises(TypeError, match="cancelOperation is handled twice"):
        Twice.operation_ids()


def test_an_operation_without_a_handler_stops_the_app_from_starting(monkeypatch):
    registered = Endpoints.operation_ids()
    del registered["getOperation"]
    monkeypatch.setattr(Endpoints, "operation_ids", classmethod(lambda cls: registered))

    with pytest.raises(RuntimeError, match=r"operations without a handler \['getOperation'\]"):
        create_app(MockConfig())


def test_a_handler_without_an_operation_is_refused_too():
    handlers = {facts.operation_id: object() for facts in description().operations} | {"deleteOffer": object()}

    with pytest.raises(RuntimeError, match=r"handlers without an operation \['deleteOffer'\]"):
        check_handlers(description(), handlers)


def _with_header_parameter() -> Description:
    document = description().copy()
    operation = document["paths"]["/api/publishers/{publisherId}/offers/{offerId}/cancel"]["post"]
    operation.setdefault("parameters", []).append({"name": "x-trace", "in": "header", "schema": {"type": "string"}})
    return Description(MOCK_RULES, json.dumps(document).encode())


def test_an_operation_the_compiled_engine_cannot_check_is_refused_by_name():
    spec = _with_header_parameter()
    cancel = next(facts for facts in spec.operations if facts.operation_id == "cancelOperation")

    with pytest.raises(UnsupportedOperation, match="cancelOperation uses a header parameter"):
        compile_operation(spec, cancel)


def test_the_app_compiles_every_operation_when_it_starts(monkeypatch):
    spec = _with_header_parameter()
    monkeypatch.setattr(http_app.spec, "description", lambda rules=MOCK_RULES: spec)
    monkeypatch.setattr(http_app, "compiled_operation", lambda facts: compile_operation(spec, facts))

    with pytest.raises(UnsupportedOperation, match="cancelOperation"):
        create_app(MockConfig())
