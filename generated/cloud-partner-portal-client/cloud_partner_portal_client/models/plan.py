from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.plan_microsoft_azure_virtualmachines_vm_images import (
        PlanMicrosoftAzureVirtualmachinesVmImages,
    )
    from ..models.virtual_machine_pricing import VirtualMachinePricing


T = TypeVar("T", bound="Plan")


@_attrs_define
class Plan:
    """A plan (SKU) of a virtual-machine offer: the `microsoft-azure-virtualmachines.` keys of the pages'
    examples, `planId`, `virtualMachinePricing` and `regions`. A third-party client of core-VM offers uses
    `microsoft-azure-corevm.vmImagesPublicAzure` for its disk versions instead (not on a page).

        Attributes:
            plan_id (str | Unset): The plan's identifier.
            microsoft_azure_virtualmachines_sku_title (str | Unset):
            microsoft_azure_virtualmachines_sku_summary (str | Unset):
            microsoft_azure_virtualmachines_sku_description (str | Unset):
            microsoft_azure_virtualmachines_hide_sku_for_solution_template (bool | Unset):
            microsoft_azure_virtualmachines_cloud_availability (list[str] | Unset): For example `["PublicAzure"]`.
            microsoft_azure_virtualmachines_certifications_fairfax (list[Any] | Unset):
            virtual_machine_pricing (VirtualMachinePricing | Unset): A plan's price (set-pricing page): bring-your-own-
                licence, a free trial, and one of per-core pricing
                (`coreMultiplier.single`), customized core pricing (`coreMultiplier.individually`, and every region of the
                sell list under `regionPrices` with its own currency) or spreadsheet pricing (`spreadSheetPricing`).
            microsoft_azure_virtualmachines_operating_system_family (str | Unset): For example `Windows`.
            microsoft_azure_virtualmachines_windows_os_type (str | Unset): For example `Other`.
            microsoft_azure_virtualmachines_operation_system (str | Unset): The operating system's name (the key is spelled
                so on the pages).
            microsoft_azure_virtualmachines_recommended_vm_sizes (list[str] | Unset): For example `a0-basic`, `a1-standard`.
            microsoft_azure_virtualmachines_open_ports (list[Any] | Unset):
            microsoft_azure_virtualmachines_vm_images (PlanMicrosoftAzureVirtualmachinesVmImages | Unset): The plan's disk
                versions, by version string (for example `1.0.1`). The automate-publishing page's
                sample says a plan holds fewer than 8: remove one before adding another when 8 are there.
            regions (list[str] | Unset): Where the plan is sold, as ISO country codes, for example `["DZ", "AR"]`.
    """

    plan_id: str | Unset = UNSET
    microsoft_azure_virtualmachines_sku_title: str | Unset = UNSET
    microsoft_azure_virtualmachines_sku_summary: str | Unset = UNSET
    microsoft_azure_virtualmachines_sku_description: str | Unset = UNSET
    microsoft_azure_virtualmachines_hide_sku_for_solution_template: bool | Unset = UNSET
    microsoft_azure_virtualmachines_cloud_availability: list[str] | Unset = UNSET
    microsoft_azure_virtualmachines_certifications_fairfax: list[Any] | Unset = UNSET
    virtual_machine_pricing: VirtualMachinePricing | Unset = UNSET
    microsoft_azure_virtualmachines_operating_system_family: str | Unset = UNSET
    microsoft_azure_virtualmachines_windows_os_type: str | Unset = UNSET
    microsoft_azure_virtualmachines_operation_system: str | Unset = UNSET
    microsoft_azure_virtualmachines_recommended_vm_sizes: list[str] | Unset = UNSET
    microsoft_azure_virtualmachines_open_ports: list[Any] | Unset = UNSET
    microsoft_azure_virtualmachines_vm_images: (
        PlanMicrosoftAzureVirtualmachinesVmImages | Unset
    ) = UNSET
    regions: list[str] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        plan_id = self.plan_id

        microsoft_azure_virtualmachines_sku_title = (
            self.microsoft_azure_virtualmachines_sku_title
        )

        microsoft_azure_virtualmachines_sku_summary = (
            self.microsoft_azure_virtualmachines_sku_summary
        )

        microsoft_azure_virtualmachines_sku_description = (
            self.microsoft_azure_virtualmachines_sku_description
        )

        microsoft_azure_virtualmachines_hide_sku_for_solution_template = (
            self.microsoft_azure_virtualmachines_hide_sku_for_solution_template
        )

        microsoft_azure_virtualmachines_cloud_availability: list[str] | Unset = UNSET
        if not isinstance(
            self.microsoft_azure_virtualmachines_cloud_availability, Unset
        ):
            microsoft_azure_virtualmachines_cloud_availability = (
                self.microsoft_azure_virtualmachines_cloud_availability
            )

        microsoft_azure_virtualmachines_certifications_fairfax: list[Any] | Unset = (
            UNSET
        )
        if not isinstance(
            self.microsoft_azure_virtualmachines_certifications_fairfax, Unset
        ):
            microsoft_azure_virtualmachines_certifications_fairfax = (
                self.microsoft_azure_virtualmachines_certifications_fairfax
            )

        virtual_machine_pricing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.virtual_machine_pricing, Unset):
            virtual_machine_pricing = self.virtual_machine_pricing.to_dict()

        microsoft_azure_virtualmachines_operating_system_family = (
            self.microsoft_azure_virtualmachines_operating_system_family
        )

        microsoft_azure_virtualmachines_windows_os_type = (
            self.microsoft_azure_virtualmachines_windows_os_type
        )

        microsoft_azure_virtualmachines_operation_system = (
            self.microsoft_azure_virtualmachines_operation_system
        )

        microsoft_azure_virtualmachines_recommended_vm_sizes: list[str] | Unset = UNSET
        if not isinstance(
            self.microsoft_azure_virtualmachines_recommended_vm_sizes, Unset
        ):
            microsoft_azure_virtualmachines_recommended_vm_sizes = (
                self.microsoft_azure_virtualmachines_recommended_vm_sizes
            )

        microsoft_azure_virtualmachines_open_ports: list[Any] | Unset = UNSET
        if not isinstance(self.microsoft_azure_virtualmachines_open_ports, Unset):
            microsoft_azure_virtualmachines_open_ports = (
                self.microsoft_azure_virtualmachines_open_ports
            )

        microsoft_azure_virtualmachines_vm_images: dict[str, Any] | Unset = UNSET
        if not isinstance(self.microsoft_azure_virtualmachines_vm_images, Unset):
            microsoft_azure_virtualmachines_vm_images = (
                self.microsoft_azure_virtualmachines_vm_images.to_dict()
            )

        regions: list[str] | Unset = UNSET
        if not isinstance(self.regions, Unset):
            regions = self.regions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if plan_id is not UNSET:
            field_dict["planId"] = plan_id
        if microsoft_azure_virtualmachines_sku_title is not UNSET:
            field_dict["microsoft-azure-virtualmachines.skuTitle"] = (
                microsoft_azure_virtualmachines_sku_title
            )
        if microsoft_azure_virtualmachines_sku_summary is not UNSET:
            field_dict["microsoft-azure-virtualmachines.skuSummary"] = (
                microsoft_azure_virtualmachines_sku_summary
            )
        if microsoft_azure_virtualmachines_sku_description is not UNSET:
            field_dict["microsoft-azure-virtualmachines.skuDescription"] = (
                microsoft_azure_virtualmachines_sku_description
            )
        if microsoft_azure_virtualmachines_hide_sku_for_solution_template is not UNSET:
            field_dict["microsoft-azure-virtualmachines.hideSKUForSolutionTemplate"] = (
                microsoft_azure_virtualmachines_hide_sku_for_solution_template
            )
        if microsoft_azure_virtualmachines_cloud_availability is not UNSET:
            field_dict["microsoft-azure-virtualmachines.cloudAvailability"] = (
                microsoft_azure_virtualmachines_cloud_availability
            )
        if microsoft_azure_virtualmachines_certifications_fairfax is not UNSET:
            field_dict["microsoft-azure-virtualmachines.certificationsFairfax"] = (
                microsoft_azure_virtualmachines_certifications_fairfax
            )
        if virtual_machine_pricing is not UNSET:
            field_dict["virtualMachinePricing"] = virtual_machine_pricing
        if microsoft_azure_virtualmachines_operating_system_family is not UNSET:
            field_dict["microsoft-azure-virtualmachines.operatingSystemFamily"] = (
                microsoft_azure_virtualmachines_operating_system_family
            )
        if microsoft_azure_virtualmachines_windows_os_type is not UNSET:
            field_dict["microsoft-azure-virtualmachines.windowsOSType"] = (
                microsoft_azure_virtualmachines_windows_os_type
            )
        if microsoft_azure_virtualmachines_operation_system is not UNSET:
            field_dict["microsoft-azure-virtualmachines.operationSystem"] = (
                microsoft_azure_virtualmachines_operation_system
            )
        if microsoft_azure_virtualmachines_recommended_vm_sizes is not UNSET:
            field_dict["microsoft-azure-virtualmachines.recommendedVMSizes"] = (
                microsoft_azure_virtualmachines_recommended_vm_sizes
            )
        if microsoft_azure_virtualmachines_open_ports is not UNSET:
            field_dict["microsoft-azure-virtualmachines.openPorts"] = (
                microsoft_azure_virtualmachines_open_ports
            )
        if microsoft_azure_virtualmachines_vm_images is not UNSET:
            field_dict["microsoft-azure-virtualmachines.vmImages"] = (
                microsoft_azure_virtualmachines_vm_images
            )
        if regions is not UNSET:
            field_dict["regions"] = regions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.plan_microsoft_azure_virtualmachines_vm_images import (
            PlanMicrosoftAzureVirtualmachinesVmImages,  # noqa: PLC0415
        )
        from ..models.virtual_machine_pricing import VirtualMachinePricing  # noqa: PLC0415

        d = dict(src_dict)
        plan_id = d.pop("planId", UNSET)

        microsoft_azure_virtualmachines_sku_title = d.pop(
            "microsoft-azure-virtualmachines.skuTitle", UNSET
        )

        microsoft_azure_virtualmachines_sku_summary = d.pop(
            "microsoft-azure-virtualmachines.skuSummary", UNSET
        )

        microsoft_azure_virtualmachines_sku_description = d.pop(
            "microsoft-azure-virtualmachines.skuDescription", UNSET
        )

        microsoft_azure_virtualmachines_hide_sku_for_solution_template = d.pop(
            "microsoft-azure-virtualmachines.hideSKUForSolutionTemplate", UNSET
        )

        microsoft_azure_virtualmachines_cloud_availability = cast(
            list[str], d.pop("microsoft-azure-virtualmachines.cloudAvailability", UNSET)
        )

        microsoft_azure_virtualmachines_certifications_fairfax = cast(
            list[Any],
            d.pop("microsoft-azure-virtualmachines.certificationsFairfax", UNSET),
        )

        _virtual_machine_pricing = d.pop("virtualMachinePricing", UNSET)
        virtual_machine_pricing: VirtualMachinePricing | Unset
        if isinstance(_virtual_machine_pricing, Unset):
            virtual_machine_pricing = UNSET
        else:
            virtual_machine_pricing = VirtualMachinePricing.from_dict(
                _virtual_machine_pricing
            )

        microsoft_azure_virtualmachines_operating_system_family = d.pop(
            "microsoft-azure-virtualmachines.operatingSystemFamily", UNSET
        )

        microsoft_azure_virtualmachines_windows_os_type = d.pop(
            "microsoft-azure-virtualmachines.windowsOSType", UNSET
        )

        microsoft_azure_virtualmachines_operation_system = d.pop(
            "microsoft-azure-virtualmachines.operationSystem", UNSET
        )

        microsoft_azure_virtualmachines_recommended_vm_sizes = cast(
            list[str],
            d.pop("microsoft-azure-virtualmachines.recommendedVMSizes", UNSET),
        )

        microsoft_azure_virtualmachines_open_ports = cast(
            list[Any], d.pop("microsoft-azure-virtualmachines.openPorts", UNSET)
        )

        _microsoft_azure_virtualmachines_vm_images = d.pop(
            "microsoft-azure-virtualmachines.vmImages", UNSET
        )
        microsoft_azure_virtualmachines_vm_images: (
            PlanMicrosoftAzureVirtualmachinesVmImages | Unset
        )
        if isinstance(_microsoft_azure_virtualmachines_vm_images, Unset):
            microsoft_azure_virtualmachines_vm_images = UNSET
        else:
            microsoft_azure_virtualmachines_vm_images = (
                PlanMicrosoftAzureVirtualmachinesVmImages.from_dict(
                    _microsoft_azure_virtualmachines_vm_images
                )
            )

        regions = cast(list[str], d.pop("regions", UNSET))

        plan = cls(
            plan_id=plan_id,
            microsoft_azure_virtualmachines_sku_title=microsoft_azure_virtualmachines_sku_title,
            microsoft_azure_virtualmachines_sku_summary=microsoft_azure_virtualmachines_sku_summary,
            microsoft_azure_virtualmachines_sku_description=microsoft_azure_virtualmachines_sku_description,
            microsoft_azure_virtualmachines_hide_sku_for_solution_template=microsoft_azure_virtualmachines_hide_sku_for_solution_template,
            microsoft_azure_virtualmachines_cloud_availability=microsoft_azure_virtualmachines_cloud_availability,
            microsoft_azure_virtualmachines_certifications_fairfax=microsoft_azure_virtualmachines_certifications_fairfax,
            virtual_machine_pricing=virtual_machine_pricing,
            microsoft_azure_virtualmachines_operating_system_family=microsoft_azure_virtualmachines_operating_system_family,
            microsoft_azure_virtualmachines_windows_os_type=microsoft_azure_virtualmachines_windows_os_type,
            microsoft_azure_virtualmachines_operation_system=microsoft_azure_virtualmachines_operation_system,
            microsoft_azure_virtualmachines_recommended_vm_sizes=microsoft_azure_virtualmachines_recommended_vm_sizes,
            microsoft_azure_virtualmachines_open_ports=microsoft_azure_virtualmachines_open_ports,
            microsoft_azure_virtualmachines_vm_images=microsoft_azure_virtualmachines_vm_images,
            regions=regions,
        )

        plan.additional_properties = d
        return plan

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
