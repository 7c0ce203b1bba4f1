from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

T = TypeVar("T", bound="NotificationMetadata")


@_attrs_define
class NotificationMetadata:
    """
    Attributes:
        notification_emails (str): Comma-separated e-mail addresses to tell of the operation's progress, for example
            `jondoe@contoso.com,janedoe@contoso.com`. Spaces after a comma are allowed; an empty entry is not.
            The 2020 pages say offers migrated to Partner Center ignore it and notify the seller contact instead.
    """

    notification_emails: str

    def to_dict(self) -> dict[str, Any]:
        notification_emails = self.notification_emails

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "notification-emails": notification_emails,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        notification_emails = d.pop("notification-emails")

        notification_metadata = cls(
            notification_emails=notification_emails,
        )

        return notification_metadata
