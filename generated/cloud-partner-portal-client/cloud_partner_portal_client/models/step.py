from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.step_status import StepStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message import Message


T = TypeVar("T", bound="Step")


@_attrs_define
class Step:
    """One publishing step of an operation or of the offer's latest run.

    Example:
        {'estimatedTimeFrame': '< 15 min', 'id': 'displaydummycertify', 'stepName': 'Validate Pre-Requisites',
            'description': 'Offer settings provided are validated.', 'status': 'complete', 'messages': [],
            'progressPercentage': 100}

    Attributes:
        id (str | Unset): The step's identifier (`displaydummycertify`, `displaycertify`, `displayprovision`,
            `displaypackage`, `publisher-signoff`, `live`).
        step_name (str | Unset): The step's display name.
        description (str | Unset): What the step does.
        status (StepStatus | str | Unset): The step's status; a value outside the known set is passed through as a
            string.
        messages (list[Message] | Unset):
        progress_percentage (int | Unset): Percent complete (`processPercentage` in the offer-status table).
        estimated_time_frame (str | Unset): A human estimate of the step's duration, for example `< 15 min`; absent on
            some steps.
    """

    id: str | Unset = UNSET
    step_name: str | Unset = UNSET
    description: str | Unset = UNSET
    status: StepStatus | str | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    progress_percentage: int | Unset = UNSET
    estimated_time_frame: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        step_name = self.step_name

        description = self.description

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, StepStatus):
            status = self.status.value
        else:
            status = self.status

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        progress_percentage = self.progress_percentage

        estimated_time_frame = self.estimated_time_frame

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if step_name is not UNSET:
            field_dict["stepName"] = step_name
        if description is not UNSET:
            field_dict["description"] = description
        if status is not UNSET:
            field_dict["status"] = status
        if messages is not UNSET:
            field_dict["messages"] = messages
        if progress_percentage is not UNSET:
            field_dict["progressPercentage"] = progress_percentage
        if estimated_time_frame is not UNSET:
            field_dict["estimatedTimeFrame"] = estimated_time_frame

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message import Message  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        step_name = d.pop("stepName", UNSET)

        description = d.pop("description", UNSET)

        def _parse_status(data: object) -> StepStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_step_status_value_type_0 = StepStatus(data)

                return componentsschemas_step_status_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(StepStatus | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        progress_percentage = d.pop("progressPercentage", UNSET)

        estimated_time_frame = d.pop("estimatedTimeFrame", UNSET)

        step = cls(
            id=id,
            step_name=step_name,
            description=description,
            status=status,
            messages=messages,
            progress_percentage=progress_percentage,
            estimated_time_frame=estimated_time_frame,
        )

        step.additional_properties = d
        return step

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
