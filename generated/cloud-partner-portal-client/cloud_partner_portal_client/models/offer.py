from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.offer_status_kind import OfferStatusKind
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.offer_definition import OfferDefinition
    from ..models.offer_offer_type_versions import OfferOfferTypeVersions


T = TypeVar("T", bound="Offer")


@_attrs_define
class Offer:
    """An offer: `getOffer`, `getOfferVersion` and `getOfferSlot` return it, `putOffer` takes and returns it.
    Every object in it may carry keys this description does not name (namespaced keys of other offer types,
    keys the service adds); a client must keep them when it writes the offer back.

        Attributes:
            offer_type_id (str | Unset): The offer type, for example `microsoft-azure-virtualmachines`.
            publisher_id (str | Unset): The publisher; on `putOffer` the same as the path's.
            status (OfferStatusKind | str | Unset): The offer's status; a value outside the known set is passed through as a
                string.
            id (str | Unset): The offer's identifier; on `putOffer` the same as the path's.
            version (int | Unset): The offer's current version; read-only, one more after each publish.
            offer_type_versions (OfferOfferTypeVersions | Unset): The version of each definition schema the offer uses, by
                namespace, for example
                `{"microsoft-azure-virtualmachines": 87, "microsoft-azure-marketplace": 39}` (the create page).
            definition (OfferDefinition | Unset): The offer's workload definition.
            changed_time (str | Unset): When the offer last changed (UTC).
            e_tag (str | Unset): The entity tag, in the create page's request example (`W/"datetime'...'"`). A third-party
                report saw
                GET answers without it; the concurrency page puts the ETag in the answer's header.
    """

    offer_type_id: str | Unset = UNSET
    publisher_id: str | Unset = UNSET
    status: OfferStatusKind | str | Unset = UNSET
    id: str | Unset = UNSET
    version: int | Unset = UNSET
    offer_type_versions: OfferOfferTypeVersions | Unset = UNSET
    definition: OfferDefinition | Unset = UNSET
    changed_time: str | Unset = UNSET
    e_tag: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        offer_type_id = self.offer_type_id

        publisher_id = self.publisher_id

        status: str | Unset
        if isinstance(self.status, Unset):
            status = UNSET
        elif isinstance(self.status, OfferStatusKind):
            status = self.status.value
        else:
            status = self.status

        id = self.id

        version = self.version

        offer_type_versions: dict[str, Any] | Unset = UNSET
        if not isinstance(self.offer_type_versions, Unset):
            offer_type_versions = self.offer_type_versions.to_dict()

        definition: dict[str, Any] | Unset = UNSET
        if not isinstance(self.definition, Unset):
            definition = self.definition.to_dict()

        changed_time = self.changed_time

        e_tag = self.e_tag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if offer_type_id is not UNSET:
            field_dict["offerTypeId"] = offer_type_id
        if publisher_id is not UNSET:
            field_dict["publisherId"] = publisher_id
        if status is not UNSET:
            field_dict["status"] = status
        if id is not UNSET:
            field_dict["id"] = id
        if version is not UNSET:
            field_dict["version"] = version
        if offer_type_versions is not UNSET:
            field_dict["offerTypeVersions"] = offer_type_versions
        if definition is not UNSET:
            field_dict["definition"] = definition
        if changed_time is not UNSET:
            field_dict["changedTime"] = changed_time
        if e_tag is not UNSET:
            field_dict["eTag"] = e_tag

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.offer_definition import OfferDefinition  # noqa: PLC0415
        from ..models.offer_offer_type_versions import OfferOfferTypeVersions  # noqa: PLC0415

        d = dict(src_dict)
        offer_type_id = d.pop("offerTypeId", UNSET)

        publisher_id = d.pop("publisherId", UNSET)

        def _parse_status(data: object) -> OfferStatusKind | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_offer_status_value_type_0 = OfferStatusKind(data)

                return componentsschemas_offer_status_value_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(OfferStatusKind | str | Unset, data)

        status = _parse_status(d.pop("status", UNSET))

        id = d.pop("id", UNSET)

        version = d.pop("version", UNSET)

        _offer_type_versions = d.pop("offerTypeVersions", UNSET)
        offer_type_versions: OfferOfferTypeVersions | Unset
        if isinstance(_offer_type_versions, Unset):
            offer_type_versions = UNSET
        else:
            offer_type_versions = OfferOfferTypeVersions.from_dict(_offer_type_versions)

        _definition = d.pop("definition", UNSET)
        definition: OfferDefinition | Unset
        if isinstance(_definition, Unset):
            definition = UNSET
        else:
            definition = OfferDefinition.from_dict(_definition)

        changed_time = d.pop("changedTime", UNSET)

        e_tag = d.pop("eTag", UNSET)

        offer = cls(
            offer_type_id=offer_type_id,
            publisher_id=publisher_id,
            status=status,
            id=id,
            version=version,
            offer_type_versions=offer_type_versions,
            definition=definition,
            changed_time=changed_time,
            e_tag=e_tag,
        )

        offer.additional_properties = d
        return offer

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
