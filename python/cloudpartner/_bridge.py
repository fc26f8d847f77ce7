"""What the native module's awaitables call on the event loop: hand a result over."""

from __future__ import annotations

import asyncio
from typing import Any

__all__ = ["complete"]


def complete(future: asyncio.Future[Any], ok: bool, value: Any) -> None:
    """Sets the result (``ok``) or the exception of ``future``, unless it is done
    already (cancelled while the result was on its way)."""
    if future.done():
        return
    if ok:
        future.set_result(value)
    else:
        future.set_exception(value)
