"""Helpers shared by the test folders, imported as `support.<module>`; a folder's conftest holds only fixtures.

documented    the answers Microsoft's pages document, and `DocumentedService`, a fake service that gives them
fake_api      scripted fakes of the API behind `httpx.MockTransport` and the answers they are scripted with
fake_time     `FakeTime`: a clock that moves only when the code under test sleeps
seed          what the bundled mock is seeded with, for tests that run against it
served_calls  requests to a served mock: the api-version, a publisher's Authorization header, an offer's URLs
logs          `LogCapture`: what the mock and uvicorn log, down to DEBUG
openapi_core_oracle  openapi-core, the reference the mock's own checks are held to
command_line  running `cpportal` in-process with click's `CliRunner`
description   `openapi.yaml` as plain data, and helpers to walk it (operations, `$ref`s, parameters)
overlay_files the overlay tests' compliant sets and behaviour cases, small overlays and specs
"""
