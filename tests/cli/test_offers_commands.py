"""`cpportal offers list|show|update|add-image` against the fake offer service: what each prints, what it sends,
and how it exits (0 done, 1 an API error such as a 412, 2 arguments that do not fit)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner, Result

from cloud_partner_portal.cli import ExitCode, Runtime, cli
from support.command_line import Invoke
from support.documented import OFFER, PUBLISHER, TOKEN
from support.fake_api import ScriptedServer
from support.offers import PAGE_ETAG, PLAN, VHD, VM_IMAGES, OfferService, vm_offer


@pytest.fixture
def service() -> OfferService:
    return OfferService().add(vm_offer("1.0.0", "1.0.1"), Preview=vm_offer("1.0.0"))


def _offer_file(tmp_path: Path, data: object) -> str:
    path = tmp_path / "offer.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return str(path)


def test_list_prints_a_table_and_with_json_the_list_as_sent(invoke: Invoke, service: OfferService) -> None:
    result = invoke(["offers", "list", PUBLISHER], service=service)
    assert result.exit_code == ExitCode.OK, result.output
    assert OFFER in result.stdout
    assert "microsoft-azure-virtualmachines" in result.stdout
    as_json = invoke(["offers", "list", PUBLISHER, "--json"], service=service)
    assert json.loads(as_json.stdout) == [
        {"id": OFFER, "offerTypeId": "microsoft-azure-virtualmachines", "status": "succeeded"}
    ]


def test_list_of_a_publisher_without_offers_says_so(invoke: Invoke) -> None:
    result = invoke(["offers", "list", PUBLISHER], service=OfferService())
    assert (result.exit_code, result.stdout) == (ExitCode.OK, "no offers\n")


def test_show_prints_the_draft_as_json_on_stdout_and_its_etag_on_stderr(invoke: Invoke, service: OfferService) -> None:
    result = invoke(["offers", "show", PUBLISHER, OFFER], service=service)
    assert result.exit_code == ExitCode.OK, result.output
    assert json.loads(result.stdout) == vm_offer("1.0.0", "1.0.1")
    assert result.stderr == f"etag: {PAGE_ETAG}\n"


@pytest.mark.parametrize(
    ("option", "path"), [(["--slot", "Preview"], "/slot/Preview"), (["--version", "5"], "/versions/5")]
)
def test_show_reads_a_slot_or_a_version(invoke: Invoke, service: OfferService, option: list[str], path: str) -> None:
    result = invoke(["offers", "show", PUBLISHER, OFFER, *option], service=service)
    assert result.exit_code == ExitCode.OK, result.output
    assert service.requests[0].url.path.endswith(path)


def test_show_of_a_slot_never_published_is_an_api_error(invoke: Invoke, service: OfferService) -> None:
    result = invoke(["offers", "show", PUBLISHER, OFFER, "--slot", "Production"], service=service)
    assert result.exit_code == ExitCode.API_ERROR
    assert result.stderr.startswith("error: getOfferSlot answered HTTP 404 NotFound")


@pytest.mark.parametrize(
    "args",
    [["--slot", "Preview", "--version", "5"], ["--slot", "Staging"], ["--version", "-1"], ["--version", "x"]],
    ids=" ".join,
)
def test_show_refuses_options_that_name_no_one_reading(invoke: Invoke, service: OfferService, args: list[str]) -> None:
    result = invoke(["offers", "show", PUBLISHER, OFFER, *args], service=service)
    assert result.exit_code == ExitCode.USAGE
    assert service.requests == []


def test_update_without_if_match_reads_the_etag_first_and_sends_it(
    invoke: Invoke, service: OfferService, tmp_path: Path
) -> None:
    result = invoke(["offers", "update", PUBLISHER, OFFER, _offer_file(tmp_path, vm_offer("3.0.0"))], service=service)
    assert result.exit_code == ExitCode.OK, result.output
    assert [request.method for request in service.requests] == ["GET", "PUT"]
    assert service.puts[0].headers["If-Match"] == PAGE_ETAG
    assert result.stdout.startswith(f"offer {PUBLISHER}/{OFFER} updated (HTTP 200)\netag: ")
    assert service.offers[OFFER].data == vm_offer("3.0.0")


def test_update_with_if_match_sends_it_without_reading(invoke: Invoke, service: OfferService, tmp_path: Path) -> None:
    args = ["offers", "update", PUBLISHER, OFFER, _offer_file(tmp_path, vm_offer()), "--if-match", PAGE_ETAG]
    result = invoke([*args, "--json"], service=service)
    assert result.exit_code == ExitCode.OK, result.output
    assert [request.method for request in service.requests] == ["PUT"]
    assert json.loads(result.stdout) == vm_offer()


def test_update_with_a_stale_if_match_exits_1_saying_nothing_was_written(
    invoke: Invoke, service: OfferService, tmp_path: Path
) -> None:
    args = ["offers", "update", PUBLISHER, OFFER, _offer_file(tmp_path, vm_offer("3.0.0")), "--if-match", 'W/"old"']
    result = invoke(args, service=service)
    assert result.exit_code == ExitCode.API_ERROR
    assert result.stderr.startswith("error: putOffer answered HTTP 412 PreconditionFailed")
    assert "nothing was written" in result.stderr
    assert service.offers[OFFER].data == vm_offer("1.0.0", "1.0.1")


def test_update_sends_if_match_star_only_when_asked_to_overwrite_any_version(
    invoke: Invoke, service: OfferService, tmp_path: Path
) -> None:
    service.interfere = 1
    args = ["offers", "update", PUBLISHER, OFFER, _offer_file(tmp_path, vm_offer()), "--overwrite-any-version"]
    result = invoke(args, service=service)
    assert result.exit_code == ExitCode.OK, result.output
    assert [(r.method, r.headers.get("If-Match")) for r in service.requests] == [("PUT", "*")]


def test_update_of_an_offer_not_there_creates_it_without_if_match(invoke: Invoke, tmp_path: Path) -> None:
    service = OfferService()
    result = invoke(
        ["offers", "update", PUBLISHER, "new", _offer_file(tmp_path, vm_offer(offer_id="new"))], service=service
    )
    assert result.exit_code == ExitCode.OK, result.output
    assert "If-Match" not in service.puts[0].headers
    assert result.stdout.startswith(f"offer {PUBLISHER}/new created (HTTP 201)")


def test_update_reads_the_offer_from_stdin(service: OfferService) -> None:
    runtime = Runtime(transport=httpx.MockTransport(service))
    env = {"CPP_TOKEN": TOKEN, "CPP_TOKEN_FILE": None, "CPP_BASE_URL": None}
    result = CliRunner().invoke(
        cli, ["offers", "update", PUBLISHER, OFFER, "-"], obj=runtime, env=env, input=json.dumps(vm_offer("4.0.0"))
    )
    assert result.exit_code == ExitCode.OK, result.output
    assert service.offers[OFFER].data == vm_offer("4.0.0")


@pytest.mark.parametrize(
    ("content", "said"),
    [
        ("{not json", "is not JSON"),
        ("[1, 2]", "holds list, not an offer"),
        ("[" * 100_000 + "]" * 100_000, "is not JSON"),
        (None, "cannot read"),
    ],
    ids=["not json", "a list", "nested too deep", "no such file"],
)
def test_update_refuses_a_file_that_is_not_an_offer_before_any_request(
    invoke: Invoke, service: OfferService, tmp_path: Path, content: str | None, said: str
) -> None:
    path = tmp_path / "offer.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    result = invoke(["offers", "update", PUBLISHER, OFFER, str(path)], service=service)
    assert result.exit_code == ExitCode.USAGE
    assert said in result.stderr
    assert service.requests == []


def test_update_refuses_both_strategies_at_once_or_an_empty_etag(
    invoke: Invoke, service: OfferService, tmp_path: Path
) -> None:
    file = _offer_file(tmp_path, vm_offer())
    both = invoke(
        ["offers", "update", PUBLISHER, OFFER, file, "--if-match", "x", "--overwrite-any-version"], service=service
    )
    empty = invoke(["offers", "update", PUBLISHER, OFFER, file, "--if-match", " "], service=service)
    assert (both.exit_code, empty.exit_code) == (ExitCode.USAGE, ExitCode.USAGE)
    assert "two strategies" in both.stderr
    assert service.requests == []


def test_update_when_the_read_gives_no_etag_exits_1_and_names_the_flag(invoke: Invoke, tmp_path: Path) -> None:
    service = OfferService(etag_in="nowhere").add(vm_offer())
    result = invoke(["offers", "update", PUBLISHER, OFFER, _offer_file(tmp_path, vm_offer())], service=service)
    assert result.exit_code == ExitCode.API_ERROR
    assert "--overwrite-any-version" in result.stderr
    assert service.puts == []


def _add_image(invoke: Invoke, service: OfferService, *extra: str, plan: str = PLAN, version: str = "1.0.2") -> Result:
    args = ["offers", "add-image", PUBLISHER, OFFER, "--plan", plan, "--version", version]
    return invoke([*args, "--os-vhd-url", VHD.format(version=version), *extra], service=service)


def test_add_image_writes_the_version_and_says_what_it_did(invoke: Invoke, service: OfferService) -> None:
    result = _add_image(invoke, service)
    assert result.exit_code == ExitCode.OK, result.output
    assert result.stdout.startswith(
        f"added disk version 1.0.2 to plan {PLAN} of {PUBLISHER}/{OFFER} (HTTP 200)\netag: "
    )
    assert "1.0.2" in service.offers[OFFER].data["definition"]["plans"][0][VM_IMAGES]


def test_add_image_says_which_versions_it_removed_and_json_has_them(invoke: Invoke) -> None:
    service = OfferService().add(vm_offer(*(f"1.0.{n}" for n in range(1, 9))))
    result = _add_image(invoke, service, "--json", version="1.0.9")
    assert result.exit_code == ExitCode.OK, result.output
    printed = json.loads(result.stdout)
    assert (printed["written"], printed["removed"], printed["attempts"]) == (True, ["1.0.1"], 1)
    assert printed["offer"] == service.offers[OFFER].data


def test_add_image_run_twice_writes_once(invoke: Invoke, service: OfferService) -> None:
    _add_image(invoke, service)
    again = _add_image(invoke, service)
    assert again.exit_code == ExitCode.OK
    assert "nothing written" in again.stdout
    assert len(service.puts) == 1


def test_add_image_retries_once_after_a_412_and_exits_1_after_a_second(invoke: Invoke, service: OfferService) -> None:
    service.interfere = 1
    assert _add_image(invoke, service).exit_code == ExitCode.OK
    service.interfere = 2
    result = _add_image(invoke, service, version="1.0.3")
    assert result.exit_code == ExitCode.API_ERROR
    assert "HTTP 412" in result.stderr
    assert "nothing was written" in result.stderr
    assert len(service.puts) == 4


def test_add_image_to_a_plan_not_there_exits_2_naming_the_plans(invoke: Invoke, service: OfferService) -> None:
    result = _add_image(invoke, service, plan="nope")
    assert result.exit_code == ExitCode.USAGE
    assert result.stderr == ("error: the offer has no plan 'nope'; its plans are contososkuidentifier, contosoplan2\n")
    assert service.puts == []


def test_add_image_with_a_version_from_another_vhd_exits_2(invoke: Invoke, service: OfferService) -> None:
    args = [
        "offers",
        "add-image",
        PUBLISHER,
        OFFER,
        "--plan",
        PLAN,
        "--version",
        "1.0.1",
        "--os-vhd-url",
        "https://x/y",
    ]
    result = invoke(args, service=service)
    assert result.exit_code == ExitCode.USAGE
    assert "already has disk version '1.0.1' from another VHD" in result.stderr


def test_add_image_without_an_etag_exits_1_unless_asked_to_overwrite_any_version(invoke: Invoke) -> None:
    service = OfferService(etag_in="nowhere").add(vm_offer("1.0.0"))
    refused = _add_image(invoke, service)
    assert refused.exit_code == ExitCode.API_ERROR
    assert "(--overwrite-any-version)" in refused.stderr
    assert _add_image(invoke, service, "--overwrite-any-version").exit_code == ExitCode.OK
    assert [request.headers["If-Match"] for request in service.puts] == ["*"]


def test_add_image_needs_plan_version_and_url(invoke: Invoke, service: OfferService) -> None:
    result = invoke(["offers", "add-image", PUBLISHER, OFFER, "--plan", PLAN], service=service)
    assert result.exit_code == ExitCode.USAGE
    assert "--version" in result.stderr
    assert service.requests == []


@pytest.mark.parametrize("answer", [[{"id": "microsoft-azure-virtualmachines"}], {"types": []}, "x", None], ids=repr)
def test_types_prints_whatever_json_the_service_answers(invoke: Invoke, answer: object) -> None:
    result = invoke(
        ["offers", "types"], service=ScriptedServer(httpx.Response(200, content=json.dumps(answer).encode()))
    )
    assert result.exit_code == ExitCode.OK, result.output
    assert json.loads(result.stdout) == answer


@pytest.mark.parametrize(
    ("response", "said"),
    [
        (httpx.Response(200, content=b"<html>ok</html>"), "expected JSON"),
        (httpx.Response(404), "HTTP 404 Not Found (no body)"),
    ],
    ids=["not json", "404"],
)
def test_types_answered_with_no_json_or_an_error_exits_1(invoke: Invoke, response: httpx.Response, said: str) -> None:
    server = ScriptedServer(response)
    result = invoke(["offers", "types"], service=server)
    assert result.exit_code == ExitCode.API_ERROR
    assert result.stderr.startswith("error: listOfferTypes answered ")
    assert said in result.stderr
    assert server.urls == ["https://cloudpartner.azure.com/api/offerTypes?api-version=2017-10-31"]


def test_update_refuses_a_file_over_the_bound_before_any_request(
    invoke: Invoke, service: OfferService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cloud_partner_portal.cli.offers.MAX_OFFER_FILE_BYTES", 100)
    result = invoke(["offers", "update", PUBLISHER, OFFER, _offer_file(tmp_path, vm_offer())], service=service)
    assert result.exit_code == ExitCode.USAGE
    assert "is larger than 100 bytes" in result.stderr
    assert service.requests == []
