from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.notification_metadata import NotificationMetadata


T = TypeVar("T", bound="NotificationRequest")


@_attrs_define
class NotificationRequest:
    """The body of publish, go live and cancel.

    Example:
        {'metadata': {'notification-emails': 'jondoe@contoso.com'}}

    Attributes:
        metadata (NotificationMetadata):
    """

    metadata: NotificationMetadata

    def to_dict(self) -> dict[str, Any]:
        metadata = self.metadata.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "metadata": metadata,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.notification_metadata import NotificationMetadata  # noqa: PLC0415

        d = dict(src_dict)
        metadata = NotificationMetadata.from_dict(d.pop("metadata"))

        notification_request = cls(
            metadata=metadata,
        )

        return notification_request
