from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_level import MessageLevel
from ..types import UNSET, Unset

T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """A notification or warning about an offer, an operation or a step.

    Example:
        {'messageHtml': 'Step completed.', 'level': 'information', 'timestamp': '2017-03-28T19:50:36.500052Z'}

    Attributes:
        message_html (str | Unset): The message, as HTML.
        level (MessageLevel | str | Unset): The message's severity; a value outside the known set is passed through as a
            string.
        timestamp (str | Unset): When the message was recorded (UTC).
    """

    message_html: str | Unset = UNSET
    level: MessageLevel | str | Unset = UNSET
    timestamp: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        message_html = self.message_html

        level: str | Unset
        if isinstance(self.level, Unset):
            level = UNSET
        elif isinstance(self.level, MessageLevel):
            level = self.level.value
        else:
            level = self.level

        timestamp = self.timestamp

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if message_html is not UNSET:
            field_dict["messageHtml"] = message_html
        if level is not UNSET:
            field_dict["level"] = level
        if timestamp is not UNSET:
            field_dict["timestamp"] = timestamp

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_html = d.pop("messageHtml", UNSET)

        def _parse_level(data: object) -> MessageLevel | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_message_level_value_type_0 = MessageLevel(data)

                return componentsschemas_message_level_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageLevel | str | Unset, data)

        level = _parse_level(d.pop("level", UNSET))

        timestamp = d.pop("timestamp", UNSET)

        message = cls(
            message_html=message_html,
            level=level,
            timestamp=timestamp,
        )

        message.additional_properties = d
        return message

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
