from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.category_map_entry import CategoryMapEntry
    from ..models.lead_configuration import LeadConfiguration
    from ..models.useful_link import UsefulLink


T = TypeVar("T", bound="OfferProperties")


@_attrs_define
class OfferProperties:
    """The offer's marketing and lead settings, as namespaced keys (`microsoft-azure-marketplace.` and
    `microsoft-azure-marketplace-testdrive.` in the virtual-machine examples). The keys named here are those
    of the create and retrieve pages' examples; keys must be used exactly as written, casing included, and
    other offer types use other keys.

        Attributes:
            microsoft_azure_marketplace_title (str | Unset):
            microsoft_azure_marketplace_summary (str | Unset):
            microsoft_azure_marketplace_long_summary (str | Unset):
            microsoft_azure_marketplace_description (str | Unset):
            microsoft_azure_marketplace_offer_marketing_url_identifier (str | Unset):
            microsoft_azure_marketplace_allowed_subscriptions (list[str] | Unset): Subscription GUIDs that may see the offer
                in preview.
            microsoft_azure_marketplace_useful_links (list[UsefulLink] | Unset):
            microsoft_azure_marketplace_categories (list[str] | Unset): Categories (2018 pages), for example `devService`,
                `networking`, `database`.
            microsoft_azure_marketplace_category_map (list[CategoryMapEntry] | Unset): Categories (2020 example), each a
                `categoryL1` and its `categoryL2-<categoryL1>` list.
            microsoft_azure_marketplace_small_logo (str | Unset): URL of the logo; the service copies it into Marketplace
                storage and returns that URL.
            microsoft_azure_marketplace_medium_logo (str | Unset):
            microsoft_azure_marketplace_large_logo (str | Unset):
            microsoft_azure_marketplace_wide_logo (str | Unset):
            microsoft_azure_marketplace_hero_logo (str | Unset):
            microsoft_azure_marketplace_screenshots (list[Any] | Unset):
            microsoft_azure_marketplace_videos (list[Any] | Unset):
            microsoft_azure_marketplace_lead_destination (str | Unset): Where leads go, for example `None`.
            microsoft_azure_marketplace_table_lead_configuration (LeadConfiguration | Unset): Where and how leads are
                delivered. The pages show these objects empty, as the service adds them, and do
                not name their fields; the retrieve page says secret-type field values are never returned, so a value
                written here may read back absent.
            microsoft_azure_marketplace_blob_lead_configuration (LeadConfiguration | Unset): Where and how leads are
                delivered. The pages show these objects empty, as the service adds them, and do
                not name their fields; the retrieve page says secret-type field values are never returned, so a value
                written here may read back absent.
            microsoft_azure_marketplace_sales_force_lead_configuration (LeadConfiguration | Unset): Where and how leads are
                delivered. The pages show these objects empty, as the service adds them, and do
                not name their fields; the retrieve page says secret-type field values are never returned, so a value
                written here may read back absent.
            microsoft_azure_marketplace_crm_lead_configuration (LeadConfiguration | Unset): Where and how leads are
                delivered. The pages show these objects empty, as the service adds them, and do
                not name their fields; the retrieve page says secret-type field values are never returned, so a value
                written here may read back absent.
            microsoft_azure_marketplace_https_endpoint_lead_configuration (LeadConfiguration | Unset): Where and how leads
                are delivered. The pages show these objects empty, as the service adds them, and do
                not name their fields; the retrieve page says secret-type field values are never returned, so a value
                written here may read back absent.
            microsoft_azure_marketplace_marketo_lead_configuration (LeadConfiguration | Unset): Where and how leads are
                delivered. The pages show these objects empty, as the service adds them, and do
                not name their fields; the retrieve page says secret-type field values are never returned, so a value
                written here may read back absent.
            microsoft_azure_marketplace_privacy_url (str | Unset):
            microsoft_azure_marketplace_terms_of_use (str | Unset):
            microsoft_azure_marketplace_engineering_contact_name (str | Unset):
            microsoft_azure_marketplace_engineering_contact_email (str | Unset):
            microsoft_azure_marketplace_engineering_contact_phone (str | Unset):
            microsoft_azure_marketplace_support_contact_name (str | Unset):
            microsoft_azure_marketplace_support_contact_email (str | Unset):
            microsoft_azure_marketplace_support_contact_phone (str | Unset):
            microsoft_azure_marketplace_public_azure_support_url (str | Unset):
            microsoft_azure_marketplace_fairfax_support_url (str | Unset):
            microsoft_azure_marketplace_testdrive_enabled (bool | Unset):
            microsoft_azure_marketplace_testdrive_videos (list[Any] | Unset):
    """

    microsoft_azure_marketplace_title: str | Unset = UNSET
    microsoft_azure_marketplace_summary: str | Unset = UNSET
    microsoft_azure_marketplace_long_summary: str | Unset = UNSET
    microsoft_azure_marketplace_description: str | Unset = UNSET
    microsoft_azure_marketplace_offer_marketing_url_identifier: str | Unset = UNSET
    microsoft_azure_marketplace_allowed_subscriptions: list[str] | Unset = UNSET
    microsoft_azure_marketplace_useful_links: list[UsefulLink] | Unset = UNSET
    microsoft_azure_marketplace_categories: list[str] | Unset = UNSET
    microsoft_azure_marketplace_category_map: list[CategoryMapEntry] | Unset = UNSET
    microsoft_azure_marketplace_small_logo: str | Unset = UNSET
    microsoft_azure_marketplace_medium_logo: str | Unset = UNSET
    microsoft_azure_marketplace_large_logo: str | Unset = UNSET
    microsoft_azure_marketplace_wide_logo: str | Unset = UNSET
    microsoft_azure_marketplace_hero_logo: str | Unset = UNSET
    microsoft_azure_marketplace_screenshots: list[Any] | Unset = UNSET
    microsoft_azure_marketplace_videos: list[Any] | Unset = UNSET
    microsoft_azure_marketplace_lead_destination: str | Unset = UNSET
    microsoft_azure_marketplace_table_lead_configuration: LeadConfiguration | Unset = (
        UNSET
    )
    microsoft_azure_marketplace_blob_lead_configuration: LeadConfiguration | Unset = (
        UNSET
    )
    microsoft_azure_marketplace_sales_force_lead_configuration: (
        LeadConfiguration | Unset
    ) = UNSET
    microsoft_azure_marketplace_crm_lead_configuration: LeadConfiguration | Unset = (
        UNSET
    )
    microsoft_azure_marketplace_https_endpoint_lead_configuration: (
        LeadConfiguration | Unset
    ) = UNSET
    microsoft_azure_marketplace_marketo_lead_configuration: (
        LeadConfiguration | Unset
    ) = UNSET
    microsoft_azure_marketplace_privacy_url: str | Unset = UNSET
    microsoft_azure_marketplace_terms_of_use: str | Unset = UNSET
    microsoft_azure_marketplace_engineering_contact_name: str | Unset = UNSET
    microsoft_azure_marketplace_engineering_contact_email: str | Unset = UNSET
    microsoft_azure_marketplace_engineering_contact_phone: str | Unset = UNSET
    microsoft_azure_marketplace_support_contact_name: str | Unset = UNSET
    microsoft_azure_marketplace_support_contact_email: str | Unset = UNSET
    microsoft_azure_marketplace_support_contact_phone: str | Unset = UNSET
    microsoft_azure_marketplace_public_azure_support_url: str | Unset = UNSET
    microsoft_azure_marketplace_fairfax_support_url: str | Unset = UNSET
    microsoft_azure_marketplace_testdrive_enabled: bool | Unset = UNSET
    microsoft_azure_marketplace_testdrive_videos: list[Any] | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        microsoft_azure_marketplace_title = self.microsoft_azure_marketplace_title

        microsoft_azure_marketplace_summary = self.microsoft_azure_marketplace_summary

        microsoft_azure_marketplace_long_summary = (
            self.microsoft_azure_marketplace_long_summary
        )

        microsoft_azure_marketplace_description = (
            self.microsoft_azure_marketplace_description
        )

        microsoft_azure_marketplace_offer_marketing_url_identifier = (
            self.microsoft_azure_marketplace_offer_marketing_url_identifier
        )

        microsoft_azure_marketplace_allowed_subscriptions: list[str] | Unset = UNSET
        if not isinstance(
            self.microsoft_azure_marketplace_allowed_subscriptions, Unset
        ):
            microsoft_azure_marketplace_allowed_subscriptions = (
                self.microsoft_azure_marketplace_allowed_subscriptions
            )

        microsoft_azure_marketplace_useful_links: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.microsoft_azure_marketplace_useful_links, Unset):
            microsoft_azure_marketplace_useful_links = []
            for (
                microsoft_azure_marketplace_useful_links_item_data
            ) in self.microsoft_azure_marketplace_useful_links:
                microsoft_azure_marketplace_useful_links_item = (
                    microsoft_azure_marketplace_useful_links_item_data.to_dict()
                )
                microsoft_azure_marketplace_useful_links.append(
                    microsoft_azure_marketplace_useful_links_item
                )

        microsoft_azure_marketplace_categories: list[str] | Unset = UNSET
        if not isinstance(self.microsoft_azure_marketplace_categories, Unset):
            microsoft_azure_marketplace_categories = (
                self.microsoft_azure_marketplace_categories
            )

        microsoft_azure_marketplace_category_map: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.microsoft_azure_marketplace_category_map, Unset):
            microsoft_azure_marketplace_category_map = []
            for (
                microsoft_azure_marketplace_category_map_item_data
            ) in self.microsoft_azure_marketplace_category_map:
                microsoft_azure_marketplace_category_map_item = (
                    microsoft_azure_marketplace_category_map_item_data.to_dict()
                )
                microsoft_azure_marketplace_category_map.append(
                    microsoft_azure_marketplace_category_map_item
                )

        microsoft_azure_marketplace_small_logo = (
            self.microsoft_azure_marketplace_small_logo
        )

        microsoft_azure_marketplace_medium_logo = (
            self.microsoft_azure_marketplace_medium_logo
        )

        microsoft_azure_marketplace_large_logo = (
            self.microsoft_azure_marketplace_large_logo
        )

        microsoft_azure_marketplace_wide_logo = (
            self.microsoft_azure_marketplace_wide_logo
        )

        microsoft_azure_marketplace_hero_logo = (
            self.microsoft_azure_marketplace_hero_logo
        )

        microsoft_azure_marketplace_screenshots: list[Any] | Unset = UNSET
        if not isinstance(self.microsoft_azure_marketplace_screenshots, Unset):
            microsoft_azure_marketplace_screenshots = (
                self.microsoft_azure_marketplace_screenshots
            )

        microsoft_azure_marketplace_videos: list[Any] | Unset = UNSET
        if not isinstance(self.microsoft_azure_marketplace_videos, Unset):
            microsoft_azure_marketplace_videos = self.microsoft_azure_marketplace_videos

        microsoft_azure_marketplace_lead_destination = (
            self.microsoft_azure_marketplace_lead_destination
        )

        microsoft_azure_marketplace_table_lead_configuration: dict[str, Any] | Unset = (
            UNSET
        )
        if not isinstance(
            self.microsoft_azure_marketplace_table_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_table_lead_configuration = (
                self.microsoft_azure_marketplace_table_lead_configuration.to_dict()
            )

        microsoft_azure_marketplace_blob_lead_configuration: dict[str, Any] | Unset = (
            UNSET
        )
        if not isinstance(
            self.microsoft_azure_marketplace_blob_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_blob_lead_configuration = (
                self.microsoft_azure_marketplace_blob_lead_configuration.to_dict()
            )

        microsoft_azure_marketplace_sales_force_lead_configuration: (
            dict[str, Any] | Unset
        ) = UNSET
        if not isinstance(
            self.microsoft_azure_marketplace_sales_force_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_sales_force_lead_configuration = self.microsoft_azure_marketplace_sales_force_lead_configuration.to_dict()

        microsoft_azure_marketplace_crm_lead_configuration: dict[str, Any] | Unset = (
            UNSET
        )
        if not isinstance(
            self.microsoft_azure_marketplace_crm_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_crm_lead_configuration = (
                self.microsoft_azure_marketplace_crm_lead_configuration.to_dict()
            )

        microsoft_azure_marketplace_https_endpoint_lead_configuration: (
            dict[str, Any] | Unset
        ) = UNSET
        if not isinstance(
            self.microsoft_azure_marketplace_https_endpoint_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_https_endpoint_lead_configuration = self.microsoft_azure_marketplace_https_endpoint_lead_configuration.to_dict()

        microsoft_azure_marketplace_marketo_lead_configuration: (
            dict[str, Any] | Unset
        ) = UNSET
        if not isinstance(
            self.microsoft_azure_marketplace_marketo_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_marketo_lead_configuration = (
                self.microsoft_azure_marketplace_marketo_lead_configuration.to_dict()
            )

        microsoft_azure_marketplace_privacy_url = (
            self.microsoft_azure_marketplace_privacy_url
        )

        microsoft_azure_marketplace_terms_of_use = (
            self.microsoft_azure_marketplace_terms_of_use
        )

        microsoft_azure_marketplace_engineering_contact_name = (
            self.microsoft_azure_marketplace_engineering_contact_name
        )

        microsoft_azure_marketplace_engineering_contact_email = (
            self.microsoft_azure_marketplace_engineering_contact_email
        )

        microsoft_azure_marketplace_engineering_contact_phone = (
            self.microsoft_azure_marketplace_engineering_contact_phone
        )

        microsoft_azure_marketplace_support_contact_name = (
            self.microsoft_azure_marketplace_support_contact_name
        )

        microsoft_azure_marketplace_support_contact_email = (
            self.microsoft_azure_marketplace_support_contact_email
        )

        microsoft_azure_marketplace_support_contact_phone = (
            self.microsoft_azure_marketplace_support_contact_phone
        )

        microsoft_azure_marketplace_public_azure_support_url = (
            self.microsoft_azure_marketplace_public_azure_support_url
        )

        microsoft_azure_marketplace_fairfax_support_url = (
            self.microsoft_azure_marketplace_fairfax_support_url
        )

        microsoft_azure_marketplace_testdrive_enabled = (
            self.microsoft_azure_marketplace_testdrive_enabled
        )

        microsoft_azure_marketplace_testdrive_videos: list[Any] | Unset = UNSET
        if not isinstance(self.microsoft_azure_marketplace_testdrive_videos, Unset):
            microsoft_azure_marketplace_testdrive_videos = (
                self.microsoft_azure_marketplace_testdrive_videos
            )

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if microsoft_azure_marketplace_title is not UNSET:
            field_dict["microsoft-azure-marketplace.title"] = (
                microsoft_azure_marketplace_title
            )
        if microsoft_azure_marketplace_summary is not UNSET:
            field_dict["microsoft-azure-marketplace.summary"] = (
                microsoft_azure_marketplace_summary
            )
        if microsoft_azure_marketplace_long_summary is not UNSET:
            field_dict["microsoft-azure-marketplace.longSummary"] = (
                microsoft_azure_marketplace_long_summary
            )
        if microsoft_azure_marketplace_description is not UNSET:
            field_dict["microsoft-azure-marketplace.description"] = (
                microsoft_azure_marketplace_description
            )
        if microsoft_azure_marketplace_offer_marketing_url_identifier is not UNSET:
            field_dict["microsoft-azure-marketplace.offerMarketingUrlIdentifier"] = (
                microsoft_azure_marketplace_offer_marketing_url_identifier
            )
        if microsoft_azure_marketplace_allowed_subscriptions is not UNSET:
            field_dict["microsoft-azure-marketplace.allowedSubscriptions"] = (
                microsoft_azure_marketplace_allowed_subscriptions
            )
        if microsoft_azure_marketplace_useful_links is not UNSET:
            field_dict["microsoft-azure-marketplace.usefulLinks"] = (
                microsoft_azure_marketplace_useful_links
            )
        if microsoft_azure_marketplace_categories is not UNSET:
            field_dict["microsoft-azure-marketplace.categories"] = (
                microsoft_azure_marketplace_categories
            )
        if microsoft_azure_marketplace_category_map is not UNSET:
            field_dict["microsoft-azure-marketplace.categoryMap"] = (
                microsoft_azure_marketplace_category_map
            )
        if microsoft_azure_marketplace_small_logo is not UNSET:
            field_dict["microsoft-azure-marketplace.smallLogo"] = (
                microsoft_azure_marketplace_small_logo
            )
        if microsoft_azure_marketplace_medium_logo is not UNSET:
            field_dict["microsoft-azure-marketplace.mediumLogo"] = (
                microsoft_azure_marketplace_medium_logo
            )
        if microsoft_azure_marketplace_large_logo is not UNSET:
            field_dict["microsoft-azure-marketplace.largeLogo"] = (
                microsoft_azure_marketplace_large_logo
            )
        if microsoft_azure_marketplace_wide_logo is not UNSET:
            field_dict["microsoft-azure-marketplace.wideLogo"] = (
                microsoft_azure_marketplace_wide_logo
            )
        if microsoft_azure_marketplace_hero_logo is not UNSET:
            field_dict["microsoft-azure-marketplace.heroLogo"] = (
                microsoft_azure_marketplace_hero_logo
            )
        if microsoft_azure_marketplace_screenshots is not UNSET:
            field_dict["microsoft-azure-marketplace.screenshots"] = (
                microsoft_azure_marketplace_screenshots
            )
        if microsoft_azure_marketplace_videos is not UNSET:
            field_dict["microsoft-azure-marketplace.videos"] = (
                microsoft_azure_marketplace_videos
            )
        if microsoft_azure_marketplace_lead_destination is not UNSET:
            field_dict["microsoft-azure-marketplace.leadDestination"] = (
                microsoft_azure_marketplace_lead_destination
            )
        if microsoft_azure_marketplace_table_lead_configuration is not UNSET:
            field_dict["microsoft-azure-marketplace.tableLeadConfiguration"] = (
                microsoft_azure_marketplace_table_lead_configuration
            )
        if microsoft_azure_marketplace_blob_lead_configuration is not UNSET:
            field_dict["microsoft-azure-marketplace.blobLeadConfiguration"] = (
                microsoft_azure_marketplace_blob_lead_configuration
            )
        if microsoft_azure_marketplace_sales_force_lead_configuration is not UNSET:
            field_dict["microsoft-azure-marketplace.salesForceLeadConfiguration"] = (
                microsoft_azure_marketplace_sales_force_lead_configuration
            )
        if microsoft_azure_marketplace_crm_lead_configuration is not UNSET:
            field_dict["microsoft-azure-marketplace.crmLeadConfiguration"] = (
                microsoft_azure_marketplace_crm_lead_configuration
            )
        if microsoft_azure_marketplace_https_endpoint_lead_configuration is not UNSET:
            field_dict["microsoft-azure-marketplace.httpsEndpointLeadConfiguration"] = (
                microsoft_azure_marketplace_https_endpoint_lead_configuration
            )
        if microsoft_azure_marketplace_marketo_lead_configuration is not UNSET:
            field_dict["microsoft-azure-marketplace.marketoLeadConfiguration"] = (
                microsoft_azure_marketplace_marketo_lead_configuration
            )
        if microsoft_azure_marketplace_privacy_url is not UNSET:
            field_dict["microsoft-azure-marketplace.privacyURL"] = (
                microsoft_azure_marketplace_privacy_url
            )
        if microsoft_azure_marketplace_terms_of_use is not UNSET:
            field_dict["microsoft-azure-marketplace.termsOfUse"] = (
                microsoft_azure_marketplace_terms_of_use
            )
        if microsoft_azure_marketplace_engineering_contact_name is not UNSET:
            field_dict["microsoft-azure-marketplace.engineeringContactName"] = (
                microsoft_azure_marketplace_engineering_contact_name
            )
        if microsoft_azure_marketplace_engineering_contact_email is not UNSET:
            field_dict["microsoft-azure-marketplace.engineeringContactEmail"] = (
                microsoft_azure_marketplace_engineering_contact_email
            )
        if microsoft_azure_marketplace_engineering_contact_phone is not UNSET:
            field_dict["microsoft-azure-marketplace.engineeringContactPhone"] = (
                microsoft_azure_marketplace_engineering_contact_phone
            )
        if microsoft_azure_marketplace_support_contact_name is not UNSET:
            field_dict["microsoft-azure-marketplace.supportContactName"] = (
                microsoft_azure_marketplace_support_contact_name
            )
        if microsoft_azure_marketplace_support_contact_email is not UNSET:
            field_dict["microsoft-azure-marketplace.supportContactEmail"] = (
                microsoft_azure_marketplace_support_contact_email
            )
        if microsoft_azure_marketplace_support_contact_phone is not UNSET:
            field_dict["microsoft-azure-marketplace.supportContactPhone"] = (
                microsoft_azure_marketplace_support_contact_phone
            )
        if microsoft_azure_marketplace_public_azure_support_url is not UNSET:
            field_dict["microsoft-azure-marketplace.publicAzureSupportUrl"] = (
                microsoft_azure_marketplace_public_azure_support_url
            )
        if microsoft_azure_marketplace_fairfax_support_url is not UNSET:
            field_dict["microsoft-azure-marketplace.fairfaxSupportUrl"] = (
                microsoft_azure_marketplace_fairfax_support_url
            )
        if microsoft_azure_marketplace_testdrive_enabled is not UNSET:
            field_dict["microsoft-azure-marketplace-testdrive.enabled"] = (
                microsoft_azure_marketplace_testdrive_enabled
            )
        if microsoft_azure_marketplace_testdrive_videos is not UNSET:
            field_dict["microsoft-azure-marketplace-testdrive.videos"] = (
                microsoft_azure_marketplace_testdrive_videos
            )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.category_map_entry import CategoryMapEntry  # noqa: PLC0415
        from ..models.lead_configuration import LeadConfiguration  # noqa: PLC0415
        from ..models.useful_link import UsefulLink  # noqa: PLC0415

        d = dict(src_dict)
        microsoft_azure_marketplace_title = d.pop(
            "microsoft-azure-marketplace.title", UNSET
        )

        microsoft_azure_marketplace_summary = d.pop(
            "microsoft-azure-marketplace.summary", UNSET
        )

        microsoft_azure_marketplace_long_summary = d.pop(
            "microsoft-azure-marketplace.longSummary", UNSET
        )

        microsoft_azure_marketplace_description = d.pop(
            "microsoft-azure-marketplace.description", UNSET
        )

        microsoft_azure_marketplace_offer_marketing_url_identifier = d.pop(
            "microsoft-azure-marketplace.offerMarketingUrlIdentifier", UNSET
        )

        microsoft_azure_marketplace_allowed_subscriptions = cast(
            list[str], d.pop("microsoft-azure-marketplace.allowedSubscriptions", UNSET)
        )

        _microsoft_azure_marketplace_useful_links = d.pop(
            "microsoft-azure-marketplace.usefulLinks", UNSET
        )
        microsoft_azure_marketplace_useful_links: list[UsefulLink] | Unset = UNSET
        if _microsoft_azure_marketplace_useful_links is not UNSET:
            microsoft_azure_marketplace_useful_links = []
            for (
                microsoft_azure_marketplace_useful_links_item_data
            ) in _microsoft_azure_marketplace_useful_links:
                microsoft_azure_marketplace_useful_links_item = UsefulLink.from_dict(
                    microsoft_azure_marketplace_useful_links_item_data
                )

                microsoft_azure_marketplace_useful_links.append(
                    microsoft_azure_marketplace_useful_links_item
                )

        microsoft_azure_marketplace_categories = cast(
            list[str], d.pop("microsoft-azure-marketplace.categories", UNSET)
        )

        _microsoft_azure_marketplace_category_map = d.pop(
            "microsoft-azure-marketplace.categoryMap", UNSET
        )
        microsoft_azure_marketplace_category_map: list[CategoryMapEntry] | Unset = UNSET
        if _microsoft_azure_marketplace_category_map is not UNSET:
            microsoft_azure_marketplace_category_map = []
            for (
                microsoft_azure_marketplace_category_map_item_data
            ) in _microsoft_azure_marketplace_category_map:
                microsoft_azure_marketplace_category_map_item = (
                    CategoryMapEntry.from_dict(
                        microsoft_azure_marketplace_category_map_item_data
                    )
                )

                microsoft_azure_marketplace_category_map.append(
                    microsoft_azure_marketplace_category_map_item
                )

        microsoft_azure_marketplace_small_logo = d.pop(
            "microsoft-azure-marketplace.smallLogo", UNSET
        )

        microsoft_azure_marketplace_medium_logo = d.pop(
            "microsoft-azure-marketplace.mediumLogo", UNSET
        )

        microsoft_azure_marketplace_large_logo = d.pop(
            "microsoft-azure-marketplace.largeLogo", UNSET
        )

        microsoft_azure_marketplace_wide_logo = d.pop(
            "microsoft-azure-marketplace.wideLogo", UNSET
        )

        microsoft_azure_marketplace_hero_logo = d.pop(
            "microsoft-azure-marketplace.heroLogo", UNSET
        )

        microsoft_azure_marketplace_screenshots = cast(
            list[Any], d.pop("microsoft-azure-marketplace.screenshots", UNSET)
        )

        microsoft_azure_marketplace_videos = cast(
            list[Any], d.pop("microsoft-azure-marketplace.videos", UNSET)
        )

        microsoft_azure_marketplace_lead_destination = d.pop(
            "microsoft-azure-marketplace.leadDestination", UNSET
        )

        _microsoft_azure_marketplace_table_lead_configuration = d.pop(
            "microsoft-azure-marketplace.tableLeadConfiguration", UNSET
        )
        microsoft_azure_marketplace_table_lead_configuration: LeadConfiguration | Unset
        if isinstance(_microsoft_azure_marketplace_table_lead_configuration, Unset):
            microsoft_azure_marketplace_table_lead_configuration = UNSET
        else:
            microsoft_azure_marketplace_table_lead_configuration = (
                LeadConfiguration.from_dict(
                    _microsoft_azure_marketplace_table_lead_configuration
                )
            )

        _microsoft_azure_marketplace_blob_lead_configuration = d.pop(
            "microsoft-azure-marketplace.blobLeadConfiguration", UNSET
        )
        microsoft_azure_marketplace_blob_lead_configuration: LeadConfiguration | Unset
        if isinstance(_microsoft_azure_marketplace_blob_lead_configuration, Unset):
            microsoft_azure_marketplace_blob_lead_configuration = UNSET
        else:
            microsoft_azure_marketplace_blob_lead_configuration = (
                LeadConfiguration.from_dict(
                    _microsoft_azure_marketplace_blob_lead_configuration
                )
            )

        _microsoft_azure_marketplace_sales_force_lead_configuration = d.pop(
            "microsoft-azure-marketplace.salesForceLeadConfiguration", UNSET
        )
        microsoft_azure_marketplace_sales_force_lead_configuration: (
            LeadConfiguration | Unset
        )
        if isinstance(
            _microsoft_azure_marketplace_sales_force_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_sales_force_lead_configuration = UNSET
        else:
            microsoft_azure_marketplace_sales_force_lead_configuration = (
                LeadConfiguration.from_dict(
                    _microsoft_azure_marketplace_sales_force_lead_configuration
                )
            )

        _microsoft_azure_marketplace_crm_lead_configuration = d.pop(
            "microsoft-azure-marketplace.crmLeadConfiguration", UNSET
        )
        microsoft_azure_marketplace_crm_lead_configuration: LeadConfiguration | Unset
        if isinstance(_microsoft_azure_marketplace_crm_lead_configuration, Unset):
            microsoft_azure_marketplace_crm_lead_configuration = UNSET
        else:
            microsoft_azure_marketplace_crm_lead_configuration = (
                LeadConfiguration.from_dict(
                    _microsoft_azure_marketplace_crm_lead_configuration
                )
            )

        _microsoft_azure_marketplace_https_endpoint_lead_configuration = d.pop(
            "microsoft-azure-marketplace.httpsEndpointLeadConfiguration", UNSET
        )
        microsoft_azure_marketplace_https_endpoint_lead_configuration: (
            LeadConfiguration | Unset
        )
        if isinstance(
            _microsoft_azure_marketplace_https_endpoint_lead_configuration, Unset
        ):
            microsoft_azure_marketplace_https_endpoint_lead_configuration = UNSET
        else:
            microsoft_azure_marketplace_https_endpoint_lead_configuration = (
                LeadConfiguration.from_dict(
                    _microsoft_azure_marketplace_https_endpoint_lead_configuration
                )
            )

        _microsoft_azure_marketplace_marketo_lead_configuration = d.pop(
            "microsoft-azure-marketplace.marketoLeadConfiguration", UNSET
        )
        microsoft_azure_marketplace_marketo_lead_configuration: (
            LeadConfiguration | Unset
        )
        if isinstance(_microsoft_azure_marketplace_marketo_lead_configuration, Unset):
            microsoft_azure_marketplace_marketo_lead_configuration = UNSET
        else:
            microsoft_azure_marketplace_marketo_lead_configuration = (
                LeadConfiguration.from_dict(
                    _microsoft_azure_marketplace_marketo_lead_configuration
                )
            )

        microsoft_azure_marketplace_privacy_url = d.pop(
            "microsoft-azure-marketplace.privacyURL", UNSET
        )

        microsoft_azure_marketplace_terms_of_use = d.pop(
            "microsoft-azure-marketplace.termsOfUse", UNSET
        )

        microsoft_azure_marketplace_engineering_contact_name = d.pop(
            "microsoft-azure-marketplace.engineeringContactName", UNSET
        )

        microsoft_azure_marketplace_engineering_contact_email = d.pop(
            "microsoft-azure-marketplace.engineeringContactEmail", UNSET
        )

        microsoft_azure_marketplace_engineering_contact_phone = d.pop(
            "microsoft-azure-marketplace.engineeringContactPhone", UNSET
        )

        microsoft_azure_marketplace_support_contact_name = d.pop(
            "microsoft-azure-marketplace.supportContactName", UNSET
        )

        microsoft_azure_marketplace_support_contact_email = d.pop(
            "microsoft-azure-marketplace.supportContactEmail", UNSET
        )

        microsoft_azure_marketplace_support_contact_phone = d.pop(
            "microsoft-azure-marketplace.supportContactPhone", UNSET
        )

        microsoft_azure_marketplace_public_azure_support_url = d.pop(
            "microsoft-azure-marketplace.publicAzureSupportUrl", UNSET
        )

        microsoft_azure_marketplace_fairfax_support_url = d.pop(
            "microsoft-azure-marketplace.fairfaxSupportUrl", UNSET
        )

        microsoft_azure_marketplace_testdrive_enabled = d.pop(
            "microsoft-azure-marketplace-testdrive.enabled", UNSET
        )

        microsoft_azure_marketplace_testdrive_videos = cast(
            list[Any], d.pop("microsoft-azure-marketplace-testdrive.videos", UNSET)
        )

        offer_properties = cls(
            microsoft_azure_marketplace_title=microsoft_azure_marketplace_title,
            microsoft_azure_marketplace_summary=microsoft_azure_marketplace_summary,
            microsoft_azure_marketplace_long_summary=microsoft_azure_marketplace_long_summary,
            microsoft_azure_marketplace_description=microsoft_azure_marketplace_description,
            microsoft_azure_marketplace_offer_marketing_url_identifier=microsoft_azure_marketplace_offer_marketing_url_identifier,
            microsoft_azure_marketplace_allowed_subscriptions=microsoft_azure_marketplace_allowed_subscriptions,
            microsoft_azure_marketplace_useful_links=microsoft_azure_marketplace_useful_links,
            microsoft_azure_marketplace_categories=microsoft_azure_marketplace_categories,
            microsoft_azure_marketplace_category_map=microsoft_azure_marketplace_category_map,
            microsoft_azure_marketplace_small_logo=microsoft_azure_marketplace_small_logo,
            microsoft_azure_marketplace_medium_logo=microsoft_azure_marketplace_medium_logo,
            microsoft_azure_marketplace_large_logo=microsoft_azure_marketplace_large_logo,
            microsoft_azure_marketplace_wide_logo=microsoft_azure_marketplace_wide_logo,
            microsoft_azure_marketplace_hero_logo=microsoft_azure_marketplace_hero_logo,
            microsoft_azure_marketplace_screenshots=microsoft_azure_marketplace_screenshots,
            microsoft_azure_marketplace_videos=microsoft_azure_marketplace_videos,
            microsoft_azure_marketplace_lead_destination=microsoft_azure_marketplace_lead_destination,
            microsoft_azure_marketplace_table_lead_configuration=microsoft_azure_marketplace_table_lead_configuration,
            microsoft_azure_marketplace_blob_lead_configuration=microsoft_azure_marketplace_blob_lead_configuration,
            microsoft_azure_marketplace_sales_force_lead_configuration=microsoft_azure_marketplace_sales_force_lead_configuration,
            microsoft_azure_marketplace_crm_lead_configuration=microsoft_azure_marketplace_crm_lead_configuration,
            microsoft_azure_marketplace_https_endpoint_lead_configuration=microsoft_azure_marketplace_https_endpoint_lead_configuration,
            microsoft_azure_marketplace_marketo_lead_configuration=microsoft_azure_marketplace_marketo_lead_configuration,
            microsoft_azure_marketplace_privacy_url=microsoft_azure_marketplace_privacy_url,
            microsoft_azure_marketplace_terms_of_use=microsoft_azure_marketplace_terms_of_use,
            microsoft_azure_marketplace_engineering_contact_name=microsoft_azure_marketplace_engineering_contact_name,
            microsoft_azure_marketplace_engineering_contact_email=microsoft_azure_marketplace_engineering_contact_email,
            microsoft_azure_marketplace_engineering_contact_phone=microsoft_azure_marketplace_engineering_contact_phone,
            microsoft_azure_marketplace_support_contact_name=microsoft_azure_marketplace_support_contact_name,
            microsoft_azure_marketplace_support_contact_email=microsoft_azure_marketplace_support_contact_email,
            microsoft_azure_marketplace_support_contact_phone=microsoft_azure_marketplace_support_contact_phone,
            microsoft_azure_marketplace_public_azure_support_url=microsoft_azure_marketplace_public_azure_support_url,
            microsoft_azure_marketplace_fairfax_support_url=microsoft_azure_marketplace_fairfax_support_url,
            microsoft_azure_marketplace_testdrive_enabled=microsoft_azure_marketplace_testdrive_enabled,
            microsoft_azure_marketplace_testdrive_videos=microsoft_azure_marketplace_testdrive_videos,
        )

        offer_properties.additional_properties = d
        return offer_properties

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
