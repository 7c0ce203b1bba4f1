"""The served mock's access log redacts secret-looking query values (`access_log.py`)."""

from __future__ import annotations

import logging

import pytest

from cloud_partner_portal_mock.http.access_log import ACCESS_LOGGER, REDACTED, RedactSecrets, redact, redact_access_log

SECRET = "s3cr3t-value-9f2c"


@pytest.mark.parametrize(
    "target",
    [
        f"/api/x?access_token={SECRET}",
        f"/api/x?api-version=2017-10-31&access_token={SECRET}",
        f"/api/x?ACCESS_TOKEN={SECRET}&api-version=2017-10-31",
        f"/api/x?access%5Ftoken={SECRET}",
        f"/api/x?token={SECRET}",
        f"/api/x?sig={SECRET}",
        f"/api/x?X-Amz-Signature={SECRET}",
        f"/api/x?client_secret={SECRET}",
        f"/api/x?api-key={SECRET}",
        f"/api/x?password={SECRET}",
        f"/api/x?code={SECRET}",
        f"/api/x?a=1;auth={SECRET}",
        f"/api/x?access_token={SECRET}&access_token={SECRET}",
    ],
)
def test_secret_looking_query_values_are_redacted(target):
    redacted = redact(target)

    assert SECRET not in redacted
    assert REDACTED in redacted


def test_other_query_values_and_the_path_are_kept():
    target = "/api/publishers/contoso/offers/o/submissions/?api-version=2017-10-31&status=running"

    assert redact(target) == target


def test_the_filter_redacts_uvicorns_access_line_and_keeps_its_shape():
    record = logging.LogRecord(
        ACCESS_LOGGER,
        logging.INFO,
        __file__,
        1,
        '%s - "%s %s HTTP/%s" %d',
        ("127.0.0.1:5000", "GET", f"/api/x?api-version=2017-10-31&access_token={SECRET}", "1.1", 200),
        None,
    )

    assert RedactSecrets().filter(record)
    assert (
        record.getMessage()
        == f'127.0.0.1:5000 - "GET /api/x?api-version=2017-10-31&access_token={REDACTED} HTTP/1.1" 200'
    )


def test_redaction_is_installed_once():
    logger = logging.getLogger(ACCESS_LOGGER)
    before = list(logger.filters)
    try:
        redact_access_log()
        redact_access_log()
        assert sum(isinstance(f, RedactSecrets) for f in logger.filters) == 1
    finally:
        logger.filters[:] = before
