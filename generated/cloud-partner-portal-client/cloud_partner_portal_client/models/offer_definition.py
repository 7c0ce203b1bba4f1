from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_properties import OfferProperties
    from ..models.plan import Plan


T = TypeVar("T", bound="OfferDefinition")


@_attrs_define
class OfferDefinition:
    """The offer's workload definition.

    Attributes:
        display_text (str | Unset): The offer's display name.
        offer (OfferProperties | Unset): The offer's marketing and lead settings, as namespaced keys (`microsoft-azure-
            marketplace.` and
            `microsoft-azure-marketplace-testdrive.` in the virtual-machine examples). The keys named here are those
            of the create and retrieve pages' examples; keys must be used exactly as written, casing included, and
            other offer types use other keys.
        plans (list[Plan] | Unset): The offer's plans (SKUs).
    """

    display_text: str | Unset = UNSET
    offer: OfferProperties | Unset = UNSET
    plans: list[Plan] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        display_text = self.display_text

        offer: dict[str, Any] | Unset = UNSET
        if not isinstance(self.offer, Unset):
            offer = self.offer.to_dict()

        plans: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.plans, Unset):
            plans = []
            for plans_item_data in self.plans:
                plans_item = plans_item_data.to_dict()
                plans.append(plans_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if display_text is not UNSET:
            field_dict["displayText"] = display_text
        if offer is not UNSET:
            field_dict["offer"] = offer
        if plans is not UNSET:
            field_dict["plans"] = plans

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_properties import OfferProperties  # noqa: PLC0415
        from ..models.plan import Plan  # noqa: PLC0415

        d = dict(src_dict)
        display_text = d.pop("displayText", UNSET)

        _offer = d.pop("offer", UNSET)
        offer: OfferProperties | Unset
        if isinstance(_offer, Unset):
            offer = UNSET
        else:
            offer = OfferProperties.from_dict(_offer)

        _plans = d.pop("plans", UNSET)
        plans: list[Plan] | Unset = UNSET
        if _plans is not UNSET:
            plans = []
            for plans_item_data in _plans:
                plans_item = Plan.from_dict(plans_item_data)

                plans.append(plans_item)

        offer_definition = cls(
            display_text=display_text,
            offer=offer,
            plans=plans,
        )

        offer_definition.additional_properties = d
        return offer_definition

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
