"""The documented forms of an accepted call's location, as users' tests import them
(`from cloud_partner_portal_mock.locations import FLAVORS`); their home is `http/locations.py`."""

from __future__ import annotations

from .http.locations import DEFAULT_FLAVOR, FLAVORS, Flavor, LegacyOperationId

__all__ = ["DEFAULT_FLAVOR", "FLAVORS", "Flavor", "LegacyOperationId"]
