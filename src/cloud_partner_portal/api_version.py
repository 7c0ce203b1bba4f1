"""The api-version of every call, read from the generated client rather than written again here.

The description makes `ApiVersion` a `const`; the generator writes that value as the default (and only allowed
value) of each generated function's `api_version` parameter. The poller adds it to locations that lack it (the
2018 pages' absolute `Operation-Location`), and the command line names it in its help.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable
from typing import Final

from cloud_partner_portal_client.api.operations import get_operation

__all__ = ["API_VERSION", "api_version_of"]


def api_version_of(call: Callable[..., object]) -> str:
    """The default of a generated function's `api_version` parameter; RuntimeError naming the function when it has
    none (a client generated from another description)."""
    parameter = inspect.signature(call).parameters.get("api_version")
    default = inspect.Parameter.empty if parameter is None else parameter.default
    if not isinstance(default, str) or not default:
        raise RuntimeError(
            f"{call.__module__}.{call.__qualname__} has no default api_version: the generated client does not "
            "match this package (run `make generate`)"
        )
    return default


#: The only api-version of these calls: `components.parameters.ApiVersion` of the description, a `const`.
API_VERSION: Final = api_version_of(get_operation.sync_detailed)
