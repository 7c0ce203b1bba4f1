from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="VmImage")


@_attrs_define
class VmImage:
    """One disk version of a plan.

    Attributes:
        os_vhd_url (str | Unset): A URL (with a SAS token) the service can read the operating-system VHD from.
        lun_vhd_details (list[Any] | Unset): The data disks' VHDs.
    """

    os_vhd_url: str | Unset = UNSET
    lun_vhd_details: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        os_vhd_url = self.os_vhd_url

        lun_vhd_details: list[Any] | Unset = UNSET
        if not isinstance(self.lun_vhd_details, Unset):
            lun_vhd_details = self.lun_vhd_details

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if os_vhd_url is not UNSET:
            field_dict["osVhdUrl"] = os_vhd_url
        if lun_vhd_details is not UNSET:
            field_dict["lunVhdDetails"] = lun_vhd_details

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        os_vhd_url = d.pop("osVhdUrl", UNSET)

        lun_vhd_details = cast(list[Any], d.pop("lunVhdDetails", UNSET))

        vm_image = cls(
            os_vhd_url=os_vhd_url,
            lun_vhd_details=lun_vhd_details,
        )

        vm_image.additional_properties = d
        return vm_image

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
