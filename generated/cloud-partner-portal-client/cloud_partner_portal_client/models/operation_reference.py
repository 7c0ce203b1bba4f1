from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OperationReference")


@_attrs_define
class OperationReference:
    """The operation a call started or cancelled, as its identifier and its URL (the `Operation-Location` value).

    Example:
        {'operationId': '56615b67-2185-49fe-80d2-c4ddf77bb2e8', 'operationLocation':
            'https://cloudpartner.azure.com/api/publishers/contoso/offers/contoso-
            virtualmachineoffer/operations/56615b67-2185-49fe-80d2-c4ddf77bb2e8'}

    Attributes:
        operation_id (str): The operation's identifier, for `getOperation`.
        operation_location (str): URL of the operation, the same value as the `Operation-Location` header.
    """

    operation_id: str
    operation_location: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        operation_id = self.operation_id

        operation_location = self.operation_location

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "operationId": operation_id,
                "operationLocation": operation_location,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        operation_id = d.pop("operationId")

        operation_location = d.pop("operationLocation")

        operation_reference = cls(
            operation_id=operation_id,
            operation_location=operation_location,
        )

        operation_reference.additional_properties = d
        return operation_reference

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
