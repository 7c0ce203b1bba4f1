"""Cancel the operation running on an offer and wait for it: the generated client plus the poller.

    make mock &                 # or CPP_BASE_URL=https://cloudpartner.azure.com CPP_TOKEN=<Azure AD token>
    .venv/bin/python examples/typed_usage.py

`begin_cancel(client, publisher, offer)` does the first two steps in one call.
"""

from __future__ import annotations

import os

from cloud_partner_portal_client import AuthenticatedClient
from cloud_partner_portal_client.api.operations import cancel_operation

from cloud_partner_portal import ApiError, OperationPoller

if __name__ == "__main__":
    base_url = os.environ.get("CPP_BASE_URL", "http://127.0.0.1:8080")  # the mock of `make mock`
    token = os.environ.get("CPP_TOKEN", "contoso-token")  # the mock's documented test token
    with AuthenticatedClient(base_url=base_url, token=token) as client:
        # A documented answer never raises here: a 202's location is in response.headers, bodies may be empty.
        response = cancel_operation.sync_detailed("contoso", "contoso-virtualmachineoffer", client=client)
        try:
            poller = OperationPoller.from_response(client, response, interval=1.0)
        except ApiError as error:  # any status but 200/202: status_code, and code/message when the body has them
            raise SystemExit(f"error: {error}") from None
        operation = poller.result(timeout=120)  # OperationTimeoutError, OperationFailedError
        if poller.location is None:  # a 200 with nothing: cancelled synchronously, there is no operation to read
            print(f"cancelled at once: {operation.status}")
        else:
            print(f"{poller.location}: {operation.status}")
