from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.cancellation_request_state import CancellationRequestState
from ..models.operation_status import OperationStatus
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.message import Message
    from ..models.publishing_link import PublishingLink
    from ..models.step import Step


T = TypeVar("T", bound="OperationDetail")


@_attrs_define
class OperationDetail:
    """One operation with its steps, as `getOperation` returns it.

    Attributes:
        status (OperationStatus | str | Unset): An operation's status as the service reports it; a value outside the
            known set is passed through as a string.
        messages (list[Message] | Unset):
        publishing_version (int | Unset):
        offer_version (int | Unset):
        cancellation_request_state (CancellationRequestState | str | Unset): Whether the operation can be cancelled; a
            value outside the known set is passed through as a string.
        steps (list[Step] | Unset):
        preview_links (list[PublishingLink] | Unset):
        live_links (list[PublishingLink] | Unset):
        notification_emails (None | str | Unset): The addresses notified of progress (2018 pages; absent for migrated
            offers).
    """

    status: OperationStatus | str | Unset = UNSET
    messages: list[Message] | Unset = UNSET
    publishing_version: int | Unset = UNSET
    offer_version: int | Unset = UNSET
    cancellation_request_state: CancellationRequestState | str | Unset = UNSET
    steps: list[Step] | Unset = UNSET
    preview_links: list[PublishingLink] | Unset = UNSET
    live_links: list[PublishingLink] | Unset = UNSET
    notification_emails: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, OperationStatus):
            status = self.status.value
        else:
            status = self.status

        messages: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.messages, Unset):
            messages = []
            for messages_item_data in self.messages:
                messages_item = messages_item_data.to_dict()
                messages.append(messages_item)

        publishing_version = self.publishing_version

        offer_version = self.offer_version

        cancellation_request_state: str | Unset
        if isinstance(self.cancellation_request_state, Unset):
            cancellation_request_state = UNSET
        elif isinstance(self.cancellation_request_state, CancellationRequestState):
            cancellation_request_state = self.cancellation_request_state.value
        else:
            cancellation_request_state = self.cancellation_request_state

        steps: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.steps, Unset):
            steps = []
            for steps_item_data in self.steps:
                steps_item = steps_item_data.to_dict()
                steps.append(steps_item)

        preview_links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.preview_links, Unset):
            preview_links = []
            for preview_links_item_data in self.preview_links:
                preview_links_item = preview_links_item_data.to_dict()
                preview_links.append(preview_links_item)

        live_links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.live_links, Unset):
            live_links = []
            for live_links_item_data in self.live_links:
                live_links_item = live_links_item_data.to_dict()
                live_links.append(live_links_item)

        notification_emails: None | str | Unset
        if isinstance(self.notification_emails, Unset):
            notification_emails = UNSET
        else:
            notification_emails = self.notification_emails

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if status is not UNSET:
            field_dict["status"] = status
        if messages is not UNSET:
            field_dict["messages"] = messages
        if publishing_version is not UNSET:
            field_dict["publishingVersion"] = publishing_version
        if offer_version is not UNSET:
            field_dict["offerVersion"] = offer_version
        if cancellation_request_state is not UNSET:
            field_dict["cancellationRequestState"] = cancellation_request_state
        if steps is not UNSET:
            field_dict["steps"] = steps
        if preview_links is not UNSET:
            field_dict["previewLinks"] = preview_links
        if live_links is not UNSET:
            field_dict["liveLinks"] = live_links
        if notification_emails is not UNSET:
            field_dict["notificationEmails"] = notification_emails

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message import Message  # noqa: PLC0415
        from ..models.publishing_link import PublishingLink  # noqa: PLC0415
        from ..models.step import Step  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_status(data: object) -> OperationStatus | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_operation_status_value_type_0 = OperationStatus(data)

                return componentsschemas_operation_status_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OperationStatus | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        _messages = d.pop("messages", UNSET)
        messages: list[Message] | Unset = UNSET
        if _messages is not UNSET:
            messages = []
            for messages_item_data in _messages:
                messages_item = Message.from_dict(messages_item_data)

                messages.append(messages_item)

        publishing_version = d.pop("publishingVersion", UNSET)

        offer_version = d.pop("offerVersion", UNSET)

        def _parse_cancellation_request_state(
            data: object,
        ) -> CancellationRequestState | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_cancellation_request_state_value_type_0 = (
                    CancellationRequestState(data)
                )

                return componentsschemas_cancellation_request_state_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CancellationRequestState | str | Unset, data)

        cancellation_request_state = _parse_cancellation_request_state(
            d.pop("cancellationRequestState", UNSET)
        )

        _steps = d.pop("steps", UNSET)
        steps: list[Step] | Unset = UNSET
        if _steps is not UNSET:
            steps = []
            for steps_item_data in _steps:
                steps_item = Step.from_dict(steps_item_data)

                steps.append(steps_item)

        _preview_links = d.pop("previewLinks", UNSET)
        preview_links: list[PublishingLink] | Unset = UNSET
        if _preview_links is not UNSET:
            preview_links = []
            for preview_links_item_data in _preview_links:
                preview_links_item = PublishingLink.from_dict(preview_links_item_data)

                preview_links.append(preview_links_item)

        _live_links = d.pop("liveLinks", UNSET)
        live_links: list[PublishingLink] | Unset = UNSET
        if _live_links is not UNSET:
            live_links = []
            for live_links_item_data in _live_links:
                live_links_item = PublishingLink.from_dict(live_links_item_data)

                live_links.append(live_links_item)

        def _parse_notification_emails(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        notification_emails = _parse_notification_emails(
            d.pop("notificationEmails", UNSET)
        )

        operation_detail = cls(
            status=status,
            messages=messages,
            publishing_version=publishing_version,
            offer_version=offer_version,
            cancellation_request_state=cancellation_request_state,
            steps=steps,
            preview_links=preview_links,
            live_links=live_links,
            notification_emails=notification_emails,
        )

        operation_detail.additional_properties = d
        return operation_detail

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
