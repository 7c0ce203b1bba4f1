"""The served mock's access log, without secrets: query values whose name suggests a credential are redacted.

uvicorn's access log records each request's whole target, query string included (`"GET /…?access_token=… HTTP/1.1"
200`); it never records headers, so a bearer token in `Authorization` stays out of it, but a token a client puts in
the URL would not. `RedactSecrets`, a filter on uvicorn's access logger, replaces the value of every query
parameter whose name (percent-decoded, any case) holds one of `SECRET_WORDS` with `REDACTED` before the line is
formatted. The mock itself logs no request values.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

ACCESS_LOGGER = "uvicorn.access"
REDACTED = "REDACTED"
SECRET_WORDS = ("token", "secret", "passw", "pwd", "sig", "key", "auth", "credential", "session", "code", "bearer")
"""Parts of a parameter name that mark its value as a secret (`access_token`, `client_secret`, `sig`, `api-key`,
`X-Amz-Signature`, `code`); a harmless parameter that happens to match loses only its value in the log."""

_SECRET_NAME = re.compile("|".join(SECRET_WORDS), re.IGNORECASE)
_PARAMETER = re.compile(r"(?P<lead>[?&;])(?P<name>[^=&;#\s\"]*)=(?P<value>[^&;#\s\"]*)")


def _redact_parameter(match: re.Match[str]) -> str:
    if match["value"] and _SECRET_NAME.search(unquote_plus(match["name"])):
        return f"{match['lead']}{match['name']}={REDACTED}"
    return match[0]


def redact(target: str) -> str:
    """`target` (a request target or any text holding one) with the values of secret-looking parameters redacted."""
    if "=" not in target:
        return target
    return _PARAMETER.sub(_redact_parameter, target)


class RedactSecrets(logging.Filter):
    """Redacts secret-looking query values in every text argument of a record (uvicorn's access log passes the
    target as one of them); the record's shape stays as uvicorn's formatter expects it."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(redact(arg) if isinstance(arg, str) else arg for arg in record.args)
        if isinstance(record.msg, str):
            record.msg = redact(record.msg)
        return True


def redact_access_log() -> None:
    """Install `RedactSecrets` on uvicorn's access logger (once; after uvicorn configured its logging)."""
    logger = logging.getLogger(ACCESS_LOGGER)
    if not any(isinstance(existing, RedactSecrets) for existing in logger.filters):
        logger.addFilter(RedactSecrets())
