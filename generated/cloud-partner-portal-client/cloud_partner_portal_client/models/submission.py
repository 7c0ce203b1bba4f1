from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.operation_status import OperationStatus
from ..models.submission_type import SubmissionType
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.submission_definition import SubmissionDefinition


T = TypeVar("T", bound="Submission")


@_attrs_define
class Submission:
    """One operation as `listOperations` lists it.

    Attributes:
        id (str | Unset): The operation's identifier (a GUID).
        offer_id (str | Unset):
        offer_version (int | Unset):
        offer_type_id (str | Unset): The offer type, for example `microsoft-azure-virtualmachines`.
        publisher_id (str | Unset):
        submission_type (str | SubmissionType | Unset): The operation's kind; a value outside the known set is passed
            through as a string.
        submission_state (OperationStatus | str | Unset): An operation's status as the service reports it; a value
            outside the known set is passed through as a string.
        publishing_version (int | Unset):
        slot (str | Unset): The slot the operation works on, for example `staging`.
        version (int | Unset):
        definition (SubmissionDefinition | Unset):
        changed_time (str | Unset):
        created_date_time (str | Unset): Table only. When the operation was created.
        last_action_date_time (str | Unset): Table only. When the operation last changed.
        status (OperationStatus | str | Unset): An operation's status as the service reports it; a value outside the
            known set is passed through as a string.
        error (None | str | Unset): Table only. The error of a failed operation.
    """

    id: str | Unset = UNSET
    offer_id: str | Unset = UNSET
    offer_version: int | Unset = UNSET
    offer_type_id: str | Unset = UNSET
    publisher_id: str | Unset = UNSET
    submission_type: str | SubmissionType | Unset = UNSET
    submission_state: OperationStatus | str | Unset = UNSET
    publishing_version: int | Unset = UNSET
    slot: str | Unset = UNSET
    version: int | Unset = UNSET
    definition: SubmissionDefinition | Unset = UNSET
    changed_time: str | Unset = UNSET
    created_date_time: str | Unset = UNSET
    last_action_date_time: str | Unset = UNSET
    status: OperationStatus | str | Unset = UNSET
    error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        offer_id = self.offer_id

        offer_version = self.offer_version

        offer_type_id = self.offer_type_id

        publisher_id = self.publisher_id

        submission_type: str | Unset
        if isinstance(self.submission_type, Unset):
            submission_type = UNSET
        elif isinstance(self.submission_type, SubmissionType):
            submission_type = self.submission_type.value
        else:
            submission_type = self.submission_type

        submission_state: str | Unset
        if isinstance(self.submission_state, Unset):
            submission_state = UNSET
        elif isinstance(self.submission_state, OperationStatus):
            submission_state = self.submission_state.value
        else:
            submission_state = self.submission_state

        publishing_version = self.publishing_version

        slot = self.slot

        version = self.version

        definition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.definition, Unset):
            definition = self.definition.to_dict()

        changed_time = self.changed_time

        created_date_time = self.created_date_time

        last_action_date_time = self.last_action_date_time

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, OperationStatus):
            status = self.status.value
        else:
            status = self.status

        error: None | str | Unset
        if isinstance(self.error, Unset):
            error = UNSET
        else:
            error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if offer_id is not UNSET:
            field_dict["offerId"] = offer_id
        if offer_version is not UNSET:
            field_dict["offerVersion"] = offer_version
        if offer_type_id is not UNSET:
            field_dict["offerTypeId"] = offer_type_id
        if publisher_id is not UNSET:
            field_dict["publisherId"] = publisher_id
        if submission_type is not UNSET:
            field_dict["submissionType"] = submission_type
        if submission_state is not UNSET:
            field_dict["submissionState"] = submission_state
        if publishing_version is not UNSET:
            field_dict["publishingVersion"] = publishing_version
        if slot is not UNSET:
            field_dict["slot"] = slot
        if version is not UNSET:
            field_dict["version"] = version
        if definition is not UNSET:
            field_dict["definition"] = definition
        if changed_time is not UNSET:
            field_dict["changedTime"] = changed_time
        if created_date_time is not UNSET:
            field_dict["createdDateTime"] = created_date_time
        if last_action_date_time is not UNSET:
            field_dict["lastActionDateTime"] = last_action_date_time
        if status is not UNSET:
            field_dict["status"] = status
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.submission_definition import SubmissionDefinition  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id", UNSET)

        offer_id = d.pop("offerId", UNSET)

        offer_version = d.pop("offerVersion", UNSET)

        offer_type_id = d.pop("offerTypeId", UNSET)

        publisher_id = d.pop("publisherId", UNSET)

        def _parse_submission_type(data: object) -> str | SubmissionType | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_submission_type_value_type_0 = SubmissionType(data)

                return componentsschemas_submission_type_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | SubmissionType | Unset, data)

        submission_type = _parse_submission_type(d.pop("submissionType", UNSET))

        def _parse_submission_state(data: object) -> OperationStatus | str | Unset:
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

        submission_state = _parse_submission_state(d.pop("submissionState", UNSET))

        publishing_version = d.pop("publishingVersion", UNSET)

        slot = d.pop("slot", UNSET)

        version = d.pop("version", UNSET)

        _definition = d.pop("definition", UNSET)
        definition: SubmissionDefinition | Unset
        if isinstance(_definition, Unset):
            definition = UNSET
        else:
            definition = SubmissionDefinition.from_dict(_definition)

        changed_time = d.pop("changedTime", UNSET)

        created_date_time = d.pop("createdDateTime", UNSET)

        last_action_date_time = d.pop("lastActionDateTime", UNSET)

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

        def _parse_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        error = _parse_error(d.pop("error", UNSET))

        submission = cls(
            id=id,
            offer_id=offer_id,
            offer_version=offer_version,
            offer_type_id=offer_type_id,
            publisher_id=publisher_id,
            submission_type=submission_type,
            submission_state=submission_state,
            publishing_version=publishing_version,
            slot=slot,
            version=version,
            definition=definition,
            changed_time=changed_time,
            created_date_time=created_date_time,
            last_action_date_time=last_action_date_time,
            status=status,
            error=error,
        )

        submission.additional_properties = d
        return submission

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
