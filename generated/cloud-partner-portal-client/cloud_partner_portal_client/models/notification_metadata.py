from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NotificationMetadata")


@_attrs_define
class NotificationMetadata:
    """
    Attributes:
        notification_emails (str | Unset): Comma-separated e-mail addresses to tell of the operation's progress, for
            example
            `jondoe@contoso.com,janedoe@contoso.com`.
            The 2020 pages say offers migrated to Partner Center ignore it and notify the seller contact instead. The
            pages give no syntax beyond "comma-separated".
    """

    notification_emails: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        notification_emails = self.notification_emails

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if notification_emails is not UNSET:
            field_dict["notification-emails"] = notification_emails

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        notification_emails = d.pop("notification-emails", UNSET)

        notification_metadata = cls(
            notification_emails=notification_emails,
        )

        notification_metadata.additional_properties = d
        return notification_metadata

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
