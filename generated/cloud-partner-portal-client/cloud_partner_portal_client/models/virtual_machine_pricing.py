from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.core_multiplier import CoreMultiplier
    from ..models.spread_sheet_pricing import SpreadSheetPricing
    from ..models.virtual_machine_pricing_region_prices import (
        VirtualMachinePricingRegionPrices,
    )


T = TypeVar("T", bound="VirtualMachinePricing")


@_attrs_define
class VirtualMachinePricing:
    """A plan's price (set-pricing page): bring-your-own-licence, a free trial, and one of per-core pricing
    (`coreMultiplier.single`), customized core pricing (`coreMultiplier.individually`, and every region of the
    sell list under `regionPrices` with its own currency) or spreadsheet pricing (`spreadSheetPricing`).

        Attributes:
            is_byol (bool | Unset):
            free_trial_duration_in_months (int | Unset):
            core_multiplier (CoreMultiplier | Unset):
            spread_sheet_pricing (SpreadSheetPricing | Unset): Prices from a spreadsheet the service ingests; later reads
                return the URI and the evaluated prices of each region.
            region_prices (VirtualMachinePricingRegionPrices | Unset): The prices of each region of the sell list, each with
                its own currency code; the page does not show this object's shape.
    """

    is_byol: bool | Unset = UNSET
    free_trial_duration_in_months: int | Unset = UNSET
    core_multiplier: CoreMultiplier | Unset = UNSET
    spread_sheet_pricing: SpreadSheetPricing | Unset = UNSET
    region_prices: VirtualMachinePricingRegionPrices | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        is_byol = self.is_byol

        free_trial_duration_in_months = self.free_trial_duration_in_months

        core_multiplier: dict[str, Any] | Unset = UNSET
        if not isinstance(self.core_multiplier, Unset):
            core_multiplier = self.core_multiplier.to_dict()

        spread_sheet_pricing: dict[str, Any] | Unset = UNSET
        if not isinstance(self.spread_sheet_pricing, Unset):
            spread_sheet_pricing = self.spread_sheet_pricing.to_dict()

        region_prices: dict[str, Any] | Unset = UNSET
        if not isinstance(self.region_prices, Unset):
            region_prices = self.region_prices.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if is_byol is not UNSET:
            field_dict["isByol"] = is_byol
        if free_trial_duration_in_months is not UNSET:
            field_dict["freeTrialDurationInMonths"] = free_trial_duration_in_months
        if core_multiplier is not UNSET:
            field_dict["coreMultiplier"] = core_multiplier
        if spread_sheet_pricing is not UNSET:
            field_dict["spreadSheetPricing"] = spread_sheet_pricing
        if region_prices is not UNSET:
            field_dict["regionPrices"] = region_prices

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.core_multiplier import CoreMultiplier  # noqa: PLC0415
        from ..models.spread_sheet_pricing import SpreadSheetPricing  # noqa: PLC0415
        from ..models.virtual_machine_pricing_region_prices import (
            VirtualMachinePricingRegionPrices,  # noqa: PLC0415
        )

        d = dict(src_dict)
        is_byol = d.pop("isByol", UNSET)

        free_trial_duration_in_months = d.pop("freeTrialDurationInMonths", UNSET)

        _core_multiplier = d.pop("coreMultiplier", UNSET)
        core_multiplier: CoreMultiplier | Unset
        if isinstance(_core_multiplier, Unset):
            core_multiplier = UNSET
        else:
            core_multiplier = CoreMultiplier.from_dict(_core_multiplier)

        _spread_sheet_pricing = d.pop("spreadSheetPricing", UNSET)
        spread_sheet_pricing: SpreadSheetPricing | Unset
        if isinstance(_spread_sheet_pricing, Unset):
            spread_sheet_pricing = UNSET
        else:
            spread_sheet_pricing = SpreadSheetPricing.from_dict(_spread_sheet_pricing)

        _region_prices = d.pop("regionPrices", UNSET)
        region_prices: VirtualMachinePricingRegionPrices | Unset
        if isinstance(_region_prices, Unset):
            region_prices = UNSET
        else:
            region_prices = VirtualMachinePricingRegionPrices.from_dict(_region_prices)

        virtual_machine_pricing = cls(
            is_byol=is_byol,
            free_trial_duration_in_months=free_trial_duration_in_months,
            core_multiplier=core_multiplier,
            spread_sheet_pricing=spread_sheet_pricing,
            region_prices=region_prices,
        )

        virtual_machine_pricing.additional_properties = d
        return virtual_machine_pricing

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
