"""A client library for accessing Cloud Partner Portal publishing API"""

from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
