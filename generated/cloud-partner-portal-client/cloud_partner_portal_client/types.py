"""Contains some shared types for properties"""

from collections.abc import Callable, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

import httpx
from attrs import define


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


def parse_documented_body(
    response: httpx.Response, parse: Callable[[Any], T]
) -> T | None:
    """The body of a documented answer, parsed by `parse`; None when it has no body, a body that is not JSON, or
    JSON that does not fit the documented schema.

    Customised template (templates/client): the service's pages show documented statuses answered with no body
    (a 202 with only a location header, a 200 cancel, an error with nothing), and front ends answer with HTML
    pages. The raw answer stays in `Response.content` and `Response.headers`; parsing never raises.
    """
    if not response.content.strip():
        return None
    try:
        return parse(response.json())
    except (ValueError, TypeError, KeyError, AttributeError, RecursionError):
        return None


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "Unset",
    "parse_documented_body",
]
