"""Protocols for what ``credential=`` accepts: azure-identity's ``TokenCredential``,
or its async form (``azure.identity.aio``)."""

from __future__ import annotations

from typing import Protocol

__all__ = ["AccessTokenLike", "AsyncTokenCredentialLike", "TokenCredentialLike"]


class AccessTokenLike(Protocol):
    """What ``get_token`` returns, like ``azure.core.credentials.AccessToken``."""

    @property
    def token(self) -> str:
        """The bearer token."""
        ...

    @property
    def expires_on(self) -> int | float | None:
        """When it expires, in seconds since the epoch."""
        ...


class TokenCredentialLike(Protocol):
    """Anything with azure-identity's ``get_token(*scopes)``, e.g.
    ``azure.identity.DefaultAzureCredential()``."""

    def get_token(self, *scopes: str) -> AccessTokenLike:
        """A token for ``scopes`` (``https://cloudpartner.azure.com/.default``)."""
        ...


class AsyncTokenCredentialLike(Protocol):
    """Anything with azure-identity's async ``get_token(*scopes)`` (a coroutine), e.g.
    ``azure.identity.aio.DefaultAzureCredential()``."""

    async def get_token(self, *scopes: str) -> AccessTokenLike:
        """A token for ``scopes`` (``https://cloudpartner.azure.com/.default``)."""
        ...
