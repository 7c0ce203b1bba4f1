from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="UsefulLink")


@_attrs_define
class UsefulLink:
    """
    Attributes:
        link_title (str | Unset):
        link_url (str | Unset):
    """

    link_title: str | Unset = UNSET
    link_url: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        link_title = self.link_title

        link_url = self.link_url

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if link_title is not UNSET:
            field_dict["linkTitle"] = link_title
        if link_url is not UNSET:
            field_dict["linkUrl"] = link_url

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        link_title = d.pop("linkTitle", UNSET)

        link_url = d.pop("linkUrl", UNSET)

        useful_link = cls(
            link_title=link_title,
            link_url=link_url,
        )

        useful_link.additional_properties = d
        return useful_link

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
