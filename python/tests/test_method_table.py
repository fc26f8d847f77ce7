"""``Client`` and ``AsyncClient`` are one method table (``client_methods.rs``): every
public method of ``Client`` is on ``AsyncClient`` — the package's coroutines and the
native awaitables under them — with the same parameters (names, kinds, defaults), and
the async ones are coroutines."""

from __future__ import annotations

import inspect
from typing import Any

import pytest

import cloudpartner
from cloudpartner import _native


def public(cls: type) -> list[str]:
    return sorted(name for name in dir(cls) if not name.startswith("_"))


def parameters(function: Any) -> list[tuple[str, Any, Any]]:
    """Each parameter's name, kind and default (annotations left out: the native
    methods have none)."""
    return [(p.name, p.kind, p.default) for p in inspect.signature(function).parameters.values()]


CLIENT_METHODS = [
    n for n in public(cloudpartner.Client) if callable(getattr(cloudpartner.Client, n))
]


def test_the_table_has_the_endpoints() -> None:
    for name in ("offer_status", "watch", "publish", "operation_at", "release"):
        assert name in CLIENT_METHODS


@pytest.mark.parametrize("cls", [cloudpartner.AsyncClient, _native.AsyncClient])
def test_every_public_name_of_client_is_on_the_async_clients(cls: type) -> None:
    assert public(cls) == public(cloudpartner.Client)


@pytest.mark.parametrize("name", CLIENT_METHODS)
def test_the_async_methods_take_the_same_parameters(name: str) -> None:
    # After `self` (positional-only in a native signature).
    sync = parameters(getattr(cloudpartner.Client, name))[1:]
    assert parameters(getattr(_native.AsyncClient, name))[1:] == sync
    assert parameters(getattr(cloudpartner.AsyncClient, name))[1:] == sync


@pytest.mark.parametrize("name", CLIENT_METHODS)
def test_the_async_methods_are_coroutines_except_watch(name: str) -> None:
    method = getattr(cloudpartner.AsyncClient, name)
    assert inspect.iscoroutinefunction(method) is (name != "watch")


def test_the_constructors_take_the_same_parameters() -> None:
    sync = parameters(cloudpartner.Client)
    assert parameters(_native.AsyncClient) == sync
    assert parameters(cloudpartner.AsyncClient) == sync
