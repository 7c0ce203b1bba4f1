from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.vm_image import VmImage


T = TypeVar("T", bound="PlanMicrosoftAzureVirtualmachinesVmImages")


@_attrs_define
class PlanMicrosoftAzureVirtualmachinesVmImages:
    """The plan's disk versions, by version string (for example `1.0.1`). The automate-publishing page's
    sample says a plan holds fewer than 8: remove one before adding another when 8 are there.

    """

    additional_properties: dict[str, VmImage] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.vm_image import VmImage  # noqa: PLC0415

        d = dict(src_dict)
        plan_microsoft_azure_virtualmachines_vm_images = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            additional_property = VmImage.from_dict(prop_dict)

            additional_properties[prop_name] = additional_property

        plan_microsoft_azure_virtualmachines_vm_images.additional_properties = (
            additional_properties
        )
        return plan_microsoft_azure_virtualmachines_vm_images

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> VmImage:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: VmImage) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
