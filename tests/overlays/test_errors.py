"""Invalid overlays and actions that cannot be applied: each message names the action and the problem."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

from openapi_overlay import (
    DocumentLoadError,
    OverlayError,
    OverlayValidationError,
    apply_files,
    apply_overlay,
    validate_overlay,
)
from support.overlay_files import overlay, spec


def _fails(document: object, ovl: object, message: str) -> OverlayError:
    with pytest.raises(OverlayError) as info:
        apply_overlay(document, ovl)
    assert message in str(info.value), str(info.value)
    return info.value


# --- the overlay document -------------------------------------------------------------


def test_unsupported_version_is_rejected_with_the_supported_ones() -> None:
    err = _fails(spec(), overlay({"target": "$", "update": {}}, version="2.0.0"), "")
    assert str(err) == "overlay: unsupported overlay version '2.0.0'; supported: 1.0.x, 1.1.x"
    assert isinstance(err, OverlayValidationError)


@pytest.mark.parametrize("version", ["1.2.0", "1.1", "v1.1.0", "1.1.0-rc1", ""])
def test_other_version_strings_are_rejected(version: str) -> None:
    _fails(spec(), overlay({"target": "$", "update": {}}, version=version), f"unsupported overlay version '{version}'")


@pytest.mark.parametrize("version", ["1.0.0", "1.0.3", "1.1.0", "1.1.12"])
def test_the_patch_number_of_the_version_is_ignored(version: str) -> None:
    assert validate_overlay(overlay({"target": "$", "update": {}}, version=version)).version == version


def test_a_version_written_as_a_number_is_rejected_with_a_hint() -> None:
    ovl = overlay({"target": "$", "update": {}})
    ovl["overlay"] = 1.1
    _fails(spec(), ovl, "unsupported overlay version 1.1 (write the version as a string, e.g. '1.1.0')")


def test_a_missing_version_field_is_a_clear_error() -> None:
    ovl = overlay({"target": "$", "update": {}})
    del ovl["overlay"]
    _fails(spec(), ovl, "overlay: the 'overlay' field (the Overlay Specification version) is missing")


def test_missing_actions_is_a_clear_error() -> None:
    ovl = overlay()
    del ovl["actions"]
    _fails(spec(), ovl, "overlay: 'actions' is missing; an overlay needs a list of at least one action")


def test_empty_actions_is_a_clear_error() -> None:
    _fails(spec(), overlay(), "overlay: 'actions' is empty; an overlay needs at least one action")


def test_actions_that_are_not_a_list_are_a_clear_error() -> None:
    ovl = overlay()
    ovl["actions"] = {"target": "$"}
    _fails(spec(), ovl, "overlay: 'actions' must be a list of action objects, got object")


def test_an_overlay_that_is_not_an_object_is_rejected() -> None:
    _fails(spec(), ["not", "an", "overlay"], "overlay: an overlay document must be an object (a mapping), got array")


def test_missing_info_is_reported_by_the_schema() -> None:
    ovl = overlay({"target": "$", "update": {}})
    del ovl["info"]
    _fails(spec(), ovl, "overlay: 'info' is a required property")


# --- actions -----------------------------------------------------------------------------


def test_an_action_without_target_is_named_by_its_position() -> None:
    err = _fails(spec(), overlay({"target": "$", "update": {}}, {"update": {}}), "")
    assert str(err) == "overlay actions[1] (action 2): 'target' is a required property"


def test_an_action_that_is_not_an_object_is_rejected() -> None:
    _fails(
        spec(), overlay("remove everything"), "overlay actions[0] (action 1): an action must be an object, got string"
    )


def test_an_action_with_neither_update_remove_nor_copy_is_rejected() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "description": "forgot the update"}),
        "overlay action 1 (target `$.info`): the action has no 'update', 'copy' or 'remove'",
    )


def test_update_together_with_copy_is_rejected() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "update": {}, "copy": "$.servers[0]"}),
        "overlay action 1 (target `$.info`): the action has both 'update' and 'copy'",
    )


def test_an_unknown_action_field_is_rejected_by_the_schema() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "updates": {"x": 1}}),
        "overlay actions[0] (action 1, target `$.info`): Unevaluated properties are not allowed "
        "('updates' was unexpected)",
    )


def test_a_remove_that_is_not_a_boolean_is_rejected_by_the_schema() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "remove": "yes"}),
        "overlay actions[0].remove (action 1, target `$.info`): 'yes' is not of type 'boolean'",
    )


def test_x_extensions_are_allowed_on_the_overlay_info_and_actions() -> None:
    ovl = overlay({"target": "$.info", "update": {"x-a": 1}, "x-reviewed-by": "me"})
    ovl["x-generator"] = "hand"
    ovl["info"]["x-ticket"] = 42
    assert len(validate_overlay(ovl).actions) == 1


def test_identical_actions_are_rejected() -> None:
    action = {"target": "$.info", "update": {"x-a": 1}}
    _fails(
        spec(), overlay(action, dict(action)), "overlay actions: items must be unique, but actions[0] and actions[1]"
    )


def test_an_invalid_target_jsonpath_names_the_action_and_the_parser_message() -> None:
    err = _fails(spec(), overlay({"target": "$.info", "update": {}}, {"target": "$.paths[", "remove": True}), "")
    assert re.fullmatch(
        r"overlay action 2: target `\$\.paths\[` is not a valid RFC 9535 JSONPath: unbalanced brackets.*", str(err)
    )


@pytest.mark.parametrize(
    "target",
    [
        "$.paths[?(@.tags in ['a'])]",  # 'in' is not RFC 9535
        "$..[?(@.name =~ /x/)]",  # regex operator of other JSONPath dialects
        "$.paths[*].get.x-owner",  # '-' is not allowed in a dot member name
        "$[?foo(@)]",  # unknown function
        "$.x[?length(@.a.*) == 1]",  # length() needs a singular query
    ],
)
def test_non_rfc_9535_targets_are_rejected(target: str) -> None:
    _fails(spec(), overlay({"target": target, "remove": True}), f"target `{target}` is not a valid RFC 9535 JSONPath")


def test_a_target_that_does_not_start_with_dollar_is_rejected() -> None:
    _fails(spec(), overlay({"target": "info", "remove": True}), "target `info` is not a valid RFC 9535 JSONPath")


def test_an_invalid_copy_source_jsonpath_is_rejected() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "copy": "$.servers[0"}),
        "overlay action 1 (target `$.info`): copy source `$.servers[0` is not a valid RFC 9535 JSONPath",
    )


def test_copy_in_an_overlay_1_0_document_is_rejected() -> None:
    err = _fails(spec(), overlay({"target": "$.info", "copy": "$.servers[0]"}, version="1.0.0"), "")
    assert str(err) == "overlay action 1 (target `$.info`): 'copy' requires Overlay 1.1; this overlay is version 1.0.0"


def test_several_validation_errors_are_reported_together() -> None:
    with pytest.raises(OverlayValidationError) as info:
        validate_overlay(overlay({"update": {}}, {"target": "$.a[", "remove": True}, {"target": "$.b"}))
    assert info.value.errors == [
        "overlay actions[0] (action 1): 'target' is a required property",
        "overlay action 2: target `$.a[` is not a valid RFC 9535 JSONPath: unbalanced brackets, line 1, column 4",
        "overlay action 3 (target `$.b`): the action has no 'update', 'copy' or 'remove'",
    ]


def test_nothing_is_changed_when_the_overlay_is_invalid() -> None:
    document = spec()
    before = copy.deepcopy(document)
    with pytest.raises(OverlayValidationError):
        apply_overlay(document, overlay({"target": "$.info", "update": {"x": 1}}, {"target": "$[", "remove": True}))
    assert document == before


# --- applying ------------------------------------------------------------------------------


def test_update_of_an_object_onto_a_string_names_action_target_and_types() -> None:
    err = _fails(
        spec(), overlay({"target": "$.info", "update": {}}, {"target": "$.info.title", "update": {"a": 1}}), ""
    )
    assert (
        str(err)
        == "overlay action 2 (target `$.info.title`): cannot merge an object into a string at $['info']['title']"
    )


def test_update_of_an_array_onto_an_object_is_an_error() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "update": ["x"]}),
        "overlay action 1 (target `$.info`): cannot merge an array into an object at $['info']",
    )


def test_update_of_a_string_onto_an_object_is_an_error() -> None:
    _fails(spec(), overlay({"target": "$", "update": "x"}), "cannot merge a string into an object at $")


def test_a_type_conflict_inside_a_merge_names_the_nested_location() -> None:
    _fails(
        spec(),
        overlay({"target": "$", "update": {"info": {"contact": "team@example.com"}}}),
        "overlay action 1 (target `$`): cannot merge a string into an object at $['info']['contact']",
    )


def test_a_primitive_cannot_be_merged_into_an_array_property() -> None:
    _fails(
        spec(),
        overlay({"target": "$", "update": {"tags": "c"}}),
        "cannot merge a string into an array at $['tags']",
    )


def test_a_conflict_on_any_selected_node_leaves_the_document_unchanged() -> None:
    document = spec()
    document["servers"][1]["variables"] = "not an object"
    before = copy.deepcopy(document)
    _fails(
        document,
        overlay({"target": "$.servers[*]", "update": {"variables": {"region": {"default": "eu"}}}}),
        "cannot merge an object into a string at $['servers'][1]['variables']",
    )
    assert document == before


def test_selected_nodes_of_mixed_kinds_are_an_error() -> None:
    err = _fails(spec(), overlay({"target": "$.info.*", "update": "x"}), "")
    assert str(err) == (
        "overlay action 1 (target `$.info.*`): selects nodes of different kinds ($['info']['title'] is a string, "
        "$['info']['contact'] is an object); the selected nodes must be all objects, all arrays or all primitives"
    )


def test_overlay_1_0_rejects_an_update_on_a_primitive_target() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info.title", "update": "New"}, version="1.0.0"),
        "overlay action 1 (target `$.info.title`): $['info']['title'] is a string; in Overlay 1.0 a target must "
        "select objects or arrays",
    )


def test_a_copy_source_that_selects_nothing_is_an_error() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "copy": "$.components.schemas.Widget"}),
        "overlay action 1 (target `$.info`): copy source `$.components.schemas.Widget` must select exactly one "
        "node, but it selects nothing",
    )


def test_a_copy_source_that_selects_several_nodes_is_an_error() -> None:
    _fails(
        spec(),
        overlay({"target": "$.info", "copy": "$.servers[*]"}),
        "overlay action 1 (target `$.info`): copy source `$.servers[*]` must select exactly one node, but it "
        "selects 2 nodes ($['servers'][0], $['servers'][1])",
    )


def test_removing_the_root_is_an_error() -> None:
    _fails(
        spec(),
        overlay({"target": "$", "remove": True}),
        "overlay action 1 (target `$`): cannot remove the document root",
    )


def test_errors_from_files_name_the_overlay_file(tmp_path: Path) -> None:
    spec_file = tmp_path / "openapi.json"
    spec_file.write_text('{"openapi": "3.1.0", "info": {"title": "T", "version": "1"}}', encoding="utf-8")
    overlay_file = tmp_path / "broken.yaml"
    overlay_file.write_text(
        "overlay: 1.1.0\ninfo: {title: t, version: '1'}\nactions:\n  - target: $.info.title\n    update: {a: 1}\n",
        encoding="utf-8",
    )
    with pytest.raises(OverlayError) as info:
        apply_files(spec_file, [overlay_file])
    assert str(info.value) == (
        f"overlay {overlay_file} action 1 (target `$.info.title`): cannot merge an object into a string "
        "at $['info']['title']"
    )


def test_invalid_yaml_is_reported_with_the_file_name(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("overlay: 1.1.0\nactions: [\n", encoding="utf-8")
    with pytest.raises(DocumentLoadError, match=re.escape(f"{bad}: not valid YAML")):
        apply_files(bad, [bad])


def test_a_missing_file_is_reported_with_its_name(tmp_path: Path) -> None:
    with pytest.raises(DocumentLoadError, match=re.escape(f"{tmp_path / 'nope.yaml'}: cannot read file")):
        apply_files(tmp_path / "nope.yaml", [])


def test_actions_equal_as_json_are_identical_and_true_is_not_1() -> None:
    # jsonschema's uniqueItems rules (1 == 1.0, true != 1, key order ignored), checked by hashing
    _fails(
        spec(),
        overlay({"target": "$.info", "update": {"a": 1, "b": 2}}, {"update": {"b": 2, "a": 1.0}, "target": "$.info"}),
        "overlay actions: items must be unique, but actions[0] and actions[1]",
    )
    assert (
        len(validate_overlay(overlay({"target": "$.x", "update": True}, {"target": "$.x", "update": 1})).actions) == 2
    )
