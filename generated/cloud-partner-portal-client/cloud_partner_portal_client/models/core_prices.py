from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="CorePrices")


@_attrs_define
class CorePrices:
    """A price for each core size (customized core pricing). The sizes 10, 44, 48, 60, 120, 208 and 416 were added on
    2019-07-02.

        Attributes:
            sharedcore (float | Unset):
            field_1core (float | Unset):
            field_2core (float | Unset):
            field_4core (float | Unset):
            field_6core (float | Unset):
            field_8core (float | Unset):
            field_10core (float | Unset):
            field_12core (float | Unset):
            field_16core (float | Unset):
            field_20core (float | Unset):
            field_24core (float | Unset):
            field_32core (float | Unset):
            field_36core (float | Unset):
            field_40core (float | Unset):
            field_44core (float | Unset):
            field_48core (float | Unset):
            field_60core (float | Unset):
            field_64core (float | Unset):
            field_72core (float | Unset):
            field_80core (float | Unset):
            field_96core (float | Unset):
            field_120core (float | Unset):
            field_128core (float | Unset):
            field_208core (float | Unset):
            field_416core (float | Unset):
    """

    sharedcore: float | Unset = UNSET
    field_1core: float | Unset = UNSET
    field_2core: float | Unset = UNSET
    field_4core: float | Unset = UNSET
    field_6core: float | Unset = UNSET
    field_8core: float | Unset = UNSET
    field_10core: float | Unset = UNSET
    field_12core: float | Unset = UNSET
    field_16core: float | Unset = UNSET
    field_20core: float | Unset = UNSET
    field_24core: float | Unset = UNSET
    field_32core: float | Unset = UNSET
    field_36core: float | Unset = UNSET
    field_40core: float | Unset = UNSET
    field_44core: float | Unset = UNSET
    field_48core: float | Unset = UNSET
    field_60core: float | Unset = UNSET
    field_64core: float | Unset = UNSET
    field_72core: float | Unset = UNSET
    field_80core: float | Unset = UNSET
    field_96core: float | Unset = UNSET
    field_120core: float | Unset = UNSET
    field_128core: float | Unset = UNSET
    field_208core: float | Unset = UNSET
    field_416core: float | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        sharedcore = self.sharedcore

        field_1core = self.field_1core

        field_2core = self.field_2core

        field_4core = self.field_4core

        field_6core = self.field_6core

        field_8core = self.field_8core

        field_10core = self.field_10core

        field_12core = self.field_12core

        field_16core = self.field_16core

        field_20core = self.field_20core

        field_24core = self.field_24core

        field_32core = self.field_32core

        field_36core = self.field_36core

        field_40core = self.field_40core

        field_44core = self.field_44core

        field_48core = self.field_48core

        field_60core = self.field_60core

        field_64core = self.field_64core

        field_72core = self.field_72core

        field_80core = self.field_80core

        field_96core = self.field_96core

        field_120core = self.field_120core

        field_128core = self.field_128core

        field_208core = self.field_208core

        field_416core = self.field_416core

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if sharedcore is not UNSET:
            field_dict["sharedcore"] = sharedcore
        if field_1core is not UNSET:
            field_dict["1core"] = field_1core
        if field_2core is not UNSET:
            field_dict["2core"] = field_2core
        if field_4core is not UNSET:
            field_dict["4core"] = field_4core
        if field_6core is not UNSET:
            field_dict["6core"] = field_6core
        if field_8core is not UNSET:
            field_dict["8core"] = field_8core
        if field_10core is not UNSET:
            field_dict["10core"] = field_10core
        if field_12core is not UNSET:
            field_dict["12core"] = field_12core
        if field_16core is not UNSET:
            field_dict["16core"] = field_16core
        if field_20core is not UNSET:
            field_dict["20core"] = field_20core
        if field_24core is not UNSET:
            field_dict["24core"] = field_24core
        if field_32core is not UNSET:
            field_dict["32core"] = field_32core
        if field_36core is not UNSET:
            field_dict["36core"] = field_36core
        if field_40core is not UNSET:
            field_dict["40core"] = field_40core
        if field_44core is not UNSET:
            field_dict["44core"] = field_44core
        if field_48core is not UNSET:
            field_dict["48core"] = field_48core
        if field_60core is not UNSET:
            field_dict["60core"] = field_60core
        if field_64core is not UNSET:
            field_dict["64core"] = field_64core
        if field_72core is not UNSET:
            field_dict["72core"] = field_72core
        if field_80core is not UNSET:
            field_dict["80core"] = field_80core
        if field_96core is not UNSET:
            field_dict["96core"] = field_96core
        if field_120core is not UNSET:
            field_dict["120core"] = field_120core
        if field_128core is not UNSET:
            field_dict["128core"] = field_128core
        if field_208core is not UNSET:
            field_dict["208core"] = field_208core
        if field_416core is not UNSET:
            field_dict["416core"] = field_416core

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        sharedcore = d.pop("sharedcore", UNSET)

        field_1core = d.pop("1core", UNSET)

        field_2core = d.pop("2core", UNSET)

        field_4core = d.pop("4core", UNSET)

        field_6core = d.pop("6core", UNSET)

        field_8core = d.pop("8core", UNSET)

        field_10core = d.pop("10core", UNSET)

        field_12core = d.pop("12core", UNSET)

        field_16core = d.pop("16core", UNSET)

        field_20core = d.pop("20core", UNSET)

        field_24core = d.pop("24core", UNSET)

        field_32core = d.pop("32core", UNSET)

        field_36core = d.pop("36core", UNSET)

        field_40core = d.pop("40core", UNSET)

        field_44core = d.pop("44core", UNSET)

        field_48core = d.pop("48core", UNSET)

        field_60core = d.pop("60core", UNSET)

        field_64core = d.pop("64core", UNSET)

        field_72core = d.pop("72core", UNSET)

        field_80core = d.pop("80core", UNSET)

        field_96core = d.pop("96core", UNSET)

        field_120core = d.pop("120core", UNSET)

        field_128core = d.pop("128core", UNSET)

        field_208core = d.pop("208core", UNSET)

        field_416core = d.pop("416core", UNSET)

        core_prices = cls(
            sharedcore=sharedcore,
            field_1core=field_1core,
            field_2core=field_2core,
            field_4core=field_4core,
            field_6core=field_6core,
            field_8core=field_8core,
            field_10core=field_10core,
            field_12core=field_12core,
            field_16core=field_16core,
            field_20core=field_20core,
            field_24core=field_24core,
            field_32core=field_32core,
            field_36core=field_36core,
            field_40core=field_40core,
            field_44core=field_44core,
            field_48core=field_48core,
            field_60core=field_60core,
            field_64core=field_64core,
            field_72core=field_72core,
            field_80core=field_80core,
            field_96core=field_96core,
            field_120core=field_120core,
            field_128core=field_128core,
            field_208core=field_208core,
            field_416core=field_416core,
        )

        core_prices.additional_properties = d
        return core_prices

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
