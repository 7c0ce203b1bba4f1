from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.core_prices import CorePrices


T = TypeVar("T", bound="CoreMultiplier")


@_attrs_define
class CoreMultiplier:
    """
    Attributes:
        currency (str | Unset): An ISO currency code, for example `USD`.
        single (float | Unset): One USD price per core (per-core pricing); the service derives every other price.
        individually (CorePrices | Unset): A price for each core size (customized core pricing). The sizes 10, 44, 48,
            60, 120, 208 and 416 were added on 2019-07-02.
    """

    currency: str | Unset = UNSET
    single: float | Unset = UNSET
    individually: CorePrices | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        currency = self.currency

        single = self.single

        individually: dict[str, Any] | Unset = UNSET
        if not isinstance(self.individually, Unset):
            individually = self.individually.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if currency is not UNSET:
            field_dict["currency"] = currency
        if single is not UNSET:
            field_dict["single"] = single
        if individually is not UNSET:
            field_dict["individually"] = individually

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.core_prices import CorePrices  # noqa: PLC0415

        d = dict(src_dict)
        currency = d.pop("currency", UNSET)

        single = d.pop("single", UNSET)

        _individually = d.pop("individually", UNSET)
        individually: CorePrices | Unset
        if isinstance(_individually, Unset):
            individually = UNSET
        else:
            individually = CorePrices.from_dict(_individually)

        core_multiplier = cls(
            currency=currency,
            single=single,
            individually=individually,
        )

        core_multiplier.additional_properties = d
        return core_multiplier

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
